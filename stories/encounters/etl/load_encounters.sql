-- Merge the last three days of changes by encounter_id. Discharges and
-- diagnosis coding often arrive a day or two after the admission, so the
-- window overlaps on purpose. The feed sends one row per version of an
-- encounter; keep the latest. storyc loads these rows by column name
-- (docs/etl.md), hence the aliases.
SELECT
    e.encounter_id,
    e.patient_id,
    e.attending_provider_id AS provider_id,
    e.facility_id,
    LOWER(e.encounter_class) AS encounter_type,
    e.admit_ts AS admitted_at,
    e.discharge_ts AS discharged_at,
    CAST(e.discharge_ts AS DATE) - CAST(e.admit_ts AS DATE) AS length_of_stay_days,
    UPPER(e.primary_icd10) AS primary_dx_code,
    <% sql.now %> AS loaded_at,
    'load_encounters' AS etl_job
FROM (
    SELECT r.*,
           ROW_NUMBER() OVER (PARTITION BY r.encounter_id ORDER BY r.updated_at DESC) AS version_rank
    FROM <% env.variables.raw_schema %>.ehr_encounters AS r
    WHERE r.updated_at >= CURRENT_DATE - 3
) AS e
WHERE e.version_rank = 1;
