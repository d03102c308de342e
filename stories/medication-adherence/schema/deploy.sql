-- Paid pharmacy fills for the CMS adherence drug classes.
CREATE TABLE <% env.warehouse.schema %>.pharmacy_fills (
    fill_id     VARCHAR(32) NOT NULL PRIMARY KEY,  -- the PBM's claim id
    patient_id  VARCHAR(32) NOT NULL,              -- patients.patient_id
    ndc_code    CHAR(11)    NOT NULL,              -- NDC-11, no dashes
    drug_class  VARCHAR(40) NOT NULL,              -- statins, ras_antagonists, diabetes_non_insulin
    fill_date   DATE        NOT NULL,
    days_supply SMALLINT    NOT NULL,
    pharmacy_id VARCHAR(32),                       -- pharmacy NPI
    <%> sql/audit_columns %>
);

-- Proportion of days covered per patient, drug class and calendar year, from
-- the first fill of the year (the index date) to 31 December, or to today for
-- the current year. Overlapping fills are summed and capped at the period
-- length (see story.toml).
-- PQA counts only patients with at least two fills in the year.
CREATE VIEW <% env.warehouse.schema %>.medication_pdc AS
SELECT
    patient_id,
    drug_class,
    measurement_year,
    index_date,
    fill_count,
    period_days,
    LEAST(days_supply_total, period_days) AS days_covered,
    CAST(1.0 * LEAST(days_supply_total, period_days) / NULLIF(period_days, 0) AS NUMERIC(5,4)) AS pdc,
    loaded_at
FROM (
    SELECT
        patient_id,
        drug_class,
        CAST(EXTRACT(YEAR FROM fill_date) AS SMALLINT) AS measurement_year,
        MIN(fill_date) AS index_date,
        COUNT(*) AS fill_count,
        LEAST(CAST(DATE_TRUNC('year', MIN(fill_date)) + INTERVAL '1 year' AS DATE), CURRENT_DATE + 1)
          - MIN(fill_date) AS period_days,
        SUM(days_supply) AS days_supply_total,
        MAX(loaded_at) AS loaded_at
    FROM <% env.warehouse.schema %>.pharmacy_fills
    GROUP BY patient_id, drug_class, CAST(EXTRACT(YEAR FROM fill_date) AS SMALLINT)
    HAVING COUNT(*) >= 2
) AS yearly;
