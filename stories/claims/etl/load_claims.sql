-- Remittances (835s) can arrive weeks after submission, so any claim whose
-- header changed in the last seven days is rebuilt from all of its lines and
-- replaces the claim's row (a merge by claim_id). storyc loads these rows by
-- column name (docs/etl.md), hence the aliases.
SELECT
    h.claim_id,
    h.encounter_id,
    h.patient_id,
    h.payer_id,
    h.payer_name,
    LOWER(h.payer_type) AS payer_type,
    LOWER(h.claim_status) AS claim_status,
    MIN(l.service_date) AS service_date,
    COUNT(*) AS line_count,
    SUM(l.billed_amount) AS billed_amount,
    SUM(l.allowed_amount) AS allowed_amount,
    SUM(l.paid_amount) AS paid_amount,
    <% sql.now %> AS loaded_at,
    'load_claims' AS etl_job
FROM <% env.variables.raw_schema %>.claim_headers AS h
JOIN <% env.variables.raw_schema %>.claim_lines AS l
  ON l.claim_id = h.claim_id
WHERE h.updated_at >= CURRENT_DATE - 7
GROUP BY h.claim_id, h.encounter_id, h.patient_id, h.payer_id, h.payer_name,
         h.payer_type, h.claim_status;
