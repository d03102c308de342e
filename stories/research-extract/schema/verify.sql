SELECT patient_key, age_band, sex, zip3, encounter_count, inpatient_encounter_count,
       first_encounter_year, last_encounter_year, claim_count, total_paid_amount,
       loaded_at, etl_job
FROM <% env.warehouse.schema %>.research_cohort
WHERE 1 = 0;

SELECT age_band, sex, zip3, patient_count, encounter_count,
       inpatient_encounter_count, total_paid_amount, loaded_at
FROM <% env.warehouse.schema %>.research_cohort_cells
WHERE 1 = 0;
