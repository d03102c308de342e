-- Claims, one row per claim; the ETL sums the claim lines.
CREATE TABLE <% env.warehouse.schema %>.claims (
    claim_id       VARCHAR(32)   NOT NULL PRIMARY KEY,
    encounter_id   VARCHAR(32),                -- encounters.encounter_id; NULL when the clearinghouse could not match one
    patient_id     VARCHAR(32)   NOT NULL,     -- patients.patient_id
    payer_id       VARCHAR(32)   NOT NULL,
    payer_name     VARCHAR(100)  NOT NULL,
    payer_type     VARCHAR(20)   NOT NULL,     -- commercial, medicare, medicaid, self_pay
    claim_status   VARCHAR(20)   NOT NULL,     -- submitted, paid, denied, adjusted
    service_date   DATE          NOT NULL,
    line_count     INTEGER       NOT NULL,
    billed_amount  NUMERIC(12,2) NOT NULL,
    allowed_amount NUMERIC(12,2),              -- NULL until the payer adjudicates
    paid_amount    NUMERIC(12,2),
    <%> sql/audit_columns %>
);
