SELECT encounter_id, patient_id, provider_id, facility_id, encounter_type,
       admitted_at, discharged_at, length_of_stay_days, primary_dx_code,
       loaded_at, etl_job
FROM <% env.warehouse.schema %>.encounters
WHERE 1 = 0;
