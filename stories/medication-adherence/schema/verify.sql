SELECT fill_id, patient_id, ndc_code, drug_class, fill_date, days_supply,
       pharmacy_id, loaded_at, etl_job
FROM <% env.warehouse.schema %>.pharmacy_fills
WHERE 1 = 0;

SELECT patient_id, drug_class, measurement_year, index_date, fill_count,
       period_days, days_covered, pdc, loaded_at
FROM <% env.warehouse.schema %>.medication_pdc
WHERE 1 = 0;
