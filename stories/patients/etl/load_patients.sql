-- Full refresh: the EHR delivers a complete patient snapshot every night, and
-- mode = "replace" empties the table in the same transaction first.
INSERT INTO <% env.warehouse.schema %>.patients (
    patient_id, mrn, first_name, last_name, birth_date, sex, state, zip3,
    pcp_provider_id, is_deceased, loaded_at, etl_job
)
SELECT
    p.patient_id,
    p.mrn,
    p.first_name,
    p.last_name,
    p.birth_date,
    CASE UPPER(p.sex) WHEN 'F' THEN 'F' WHEN 'M' THEN 'M' ELSE 'U' END,
    UPPER(p.state_code),
    LEFT(p.postal_code, 3),
    p.pcp_provider_id,
    COALESCE(p.deceased, FALSE),
    <% sql.now %>,
    'load_patients'
FROM <% env.variables.raw_schema %>.ehr_patients AS p
-- The EHR keeps test patients for training; they never reach reporting.
WHERE p.is_test_patient = FALSE;
