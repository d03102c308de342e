SELECT claim_id, encounter_id, patient_id, payer_id, payer_name, payer_type,
       claim_status, service_date, line_count, billed_amount, allowed_amount,
       paid_amount, loaded_at, etl_job
FROM <% env.warehouse.schema %>.claims
WHERE 1 = 0;
