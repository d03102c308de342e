-- Remittances (835s) can arrive weeks after submission, so any claim whose
-- header changed in the last seven days is rebuilt from all of its lines.
DELETE FROM <% env.warehouse.schema %>.claims
WHERE claim_id IN (
    SELECT claim_id
    FROM <% env.variables.raw_schema %>.claim_headers
    WHERE updated_at >= CURRENT_DATE - 7
);

INSERT INTO <% env.warehouse.schema %>.claims (
    claim_id, encounter_id, patient_id, payer_id, payer_name, payer_type,
    claim_status, service_date, line_count, billed_amount, allowed_amount,
    paid_amount, loaded_at, etl_job
)
SELECT
    h.claim_id,
    h.encounter_id,
    h.patient_id,
    h.payer_id,
    h.payer_name,
    LOWER(h.payer_type),
    LOWER(h.claim_status),
    MIN(l.service_date),
    COUNT(*),
    SUM(l.billed_amount),
    SUM(l.allowed_amount),
    SUM(l.paid_amount),
    <% sql.now %>,
    'load_claims'
FROM <% env.variables.raw_schema %>.claim_headers AS h
JOIN <% env.variables.raw_schema %>.claim_lines AS l
  ON l.claim_id = h.claim_id
WHERE h.updated_at >= CURRENT_DATE - 7
GROUP BY h.claim_id, h.encounter_id, h.patient_id, h.payer_id, h.payer_name,
         h.payer_type, h.claim_status;
