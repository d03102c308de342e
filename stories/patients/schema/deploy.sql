-- Patient dimension: one row per patient, refreshed nightly from the EHR.
-- first_name, last_name, mrn and birth_date are PHI. Only the live
-- warehouse holds real ones; the others load the synthetic EHR feed, and the
-- Looker view masks PHI there too so nobody builds a habit of looking.
CREATE TABLE <% env.warehouse.schema %>.patients (
    patient_id      VARCHAR(32)  NOT NULL PRIMARY KEY,
    mrn             VARCHAR(20)  NOT NULL,
    first_name      VARCHAR(100),
    last_name       VARCHAR(100),
    birth_date      DATE         NOT NULL,
    sex             CHAR(1)      NOT NULL,  -- F, M or U (unknown / not reported)
    state           CHAR(2),
    zip3            CHAR(3),                -- first three digits of the ZIP code only
    pcp_provider_id VARCHAR(32),            -- attributed primary care provider
    is_deceased     BOOLEAN      NOT NULL,
    <%> sql/audit_columns %>
);
