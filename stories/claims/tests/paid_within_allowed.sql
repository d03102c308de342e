-- A payer never pays more than it allowed, and pays nothing before it has
-- adjudicated the claim (allowed_amount is NULL until then).
SELECT claim_id, allowed_amount, paid_amount
FROM <% env.warehouse.schema %>.claims
WHERE paid_amount > allowed_amount
   OR (allowed_amount IS NULL AND paid_amount IS NOT NULL)
