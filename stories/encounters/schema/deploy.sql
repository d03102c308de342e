-- Encounters: one row per visit, admission or telehealth session.
CREATE TABLE <% env.warehouse.schema %>.encounters (
    encounter_id        VARCHAR(32)  NOT NULL PRIMARY KEY,
    patient_id          VARCHAR(32)  NOT NULL,  -- patients.patient_id
    provider_id         VARCHAR(32),
    facility_id         VARCHAR(32),
    encounter_type      VARCHAR(20)  NOT NULL,  -- office, inpatient, emergency, observation, telehealth
    admitted_at         TIMESTAMP    NOT NULL,
    discharged_at       TIMESTAMP,              -- NULL while the patient is still admitted
    length_of_stay_days INTEGER,                -- calendar days; 0 for same-day encounters
    primary_dx_code     VARCHAR(8),             -- ICD-10-CM with the dot, e.g. E11.9
    <%> sql/audit_columns %>
);
