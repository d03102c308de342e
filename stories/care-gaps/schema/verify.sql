SELECT care_gap_id, patient_id, measure_code, measure_name, measurement_year,
       gap_opened_date, gap_closed_date, loaded_at, etl_job
FROM <% env.warehouse.schema %>.care_gaps
WHERE 1 = 0;
