-- Merge the last three days of changes. Discharges and diagnosis coding often
-- arrive a day or two after the admission, so the window overlaps on purpose.
-- The feed sends one row per version of an encounter; keep the latest.
DELETE FROM <% env.warehouse.schema %>.encounters
WHERE encounter_id IN (
    SELECT encounter_id
    FROM <% env.variables.raw_schema %>.ehr_encounters
    WHERE updated_at >= CURRENT_DATE - 3
);

INSERT INTO <% env.warehouse.schema %>.encounters (
    encounter_id, patient_id, provider_id, facility_id, encounter_type,
    admitted_at, discharged_at, length_of_stay_days, primary_dx_code,
    loaded_at, etl_job
)
SELECT
    e.encounter_id,
    e.patient_id,
    e.attending_provider_id,
    e.facility_id,
    LOWER(e.encounter_class),
    e.admit_ts,
    e.discharge_ts,
    CAST(e.discharge_ts AS DATE) - CAST(e.admit_ts AS DATE),
    UPPER(e.primary_icd10),
    <% sql.now %>,
    'load_encounters'
FROM (
    SELECT r.*,
           ROW_NUMBER() OVER (PARTITION BY r.encounter_id ORDER BY r.updated_at DESC) AS version_rank
    FROM <% env.variables.raw_schema %>.ehr_encounters AS r
    WHERE r.updated_at >= CURRENT_DATE - 3
) AS e
WHERE e.version_rank = 1;
