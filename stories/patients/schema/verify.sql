-- Fails if the table or any of its columns is missing.
SELECT patient_id, mrn, first_name, last_name, birth_date, sex, state, zip3,
       pcp_provider_id, is_deceased, loaded_at, etl_job
FROM <% env.warehouse.schema %>.patients
WHERE 1 = 0;
