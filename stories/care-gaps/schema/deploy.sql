-- Preventive care gaps: one row per patient, measure and measurement year.
-- A gap is open until gap_closed_date is set.
CREATE TABLE <% env.warehouse.schema %>.care_gaps (
    care_gap_id      VARCHAR(64)  NOT NULL PRIMARY KEY,  -- measure_code-year-patient_id
    patient_id       VARCHAR(32)  NOT NULL,              -- patients.patient_id
    measure_code     VARCHAR(16)  NOT NULL,              -- HBA1C_TEST, BCS
    measure_name     VARCHAR(100) NOT NULL,
    measurement_year SMALLINT     NOT NULL,
    gap_opened_date  DATE         NOT NULL,
    gap_closed_date  DATE,
    <%> sql/audit_columns %>
);
