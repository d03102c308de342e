-- Append paid fills not loaded yet. The PBM drops reversed claims before the
-- nightly extract, so a fill, once loaded, stays.
INSERT INTO <% env.warehouse.schema %>.pharmacy_fills (
    fill_id, patient_id, ndc_code, drug_class, fill_date, days_supply,
    pharmacy_id, loaded_at, etl_job
)
SELECT
    c.rx_claim_id,
    c.patient_id,
    c.ndc11,
    LOWER(c.therapeutic_class),
    c.date_filled,
    c.days_supply,
    c.pharmacy_npi,
    <% sql.now %>,
    'load_pharmacy_fills'
FROM <% env.variables.raw_schema %>.pbm_pharmacy_claims AS c
WHERE c.claim_status = 'PAID'
  AND c.therapeutic_class IN ('STATINS', 'RAS_ANTAGONISTS', 'DIABETES_NON_INSULIN')
  AND NOT EXISTS (
      SELECT 1
      FROM <% env.warehouse.schema %>.pharmacy_fills AS f
      WHERE f.fill_id = c.rx_claim_id
  );
