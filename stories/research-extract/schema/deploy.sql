-- De-identified research cohort: one row per patient, no identifiers.
CREATE TABLE <% env.warehouse.schema %>.research_cohort (
    patient_key               CHAR(32)      NOT NULL PRIMARY KEY,  -- one-way hash, not reversible to patient_id
    age_band                  VARCHAR(5)    NOT NULL,              -- 00-17 ... 80-89, 90+
    sex                       CHAR(1)       NOT NULL,
    zip3                      CHAR(3)       NOT NULL,              -- '000' for sparsely populated areas
    encounter_count           INTEGER       NOT NULL,
    inpatient_encounter_count INTEGER       NOT NULL,
    first_encounter_year      SMALLINT,
    last_encounter_year       SMALLINT,
    claim_count               INTEGER       NOT NULL,
    total_paid_amount         NUMERIC(12,2) NOT NULL,
    <%> sql/audit_columns %>
);

-- Small-cell suppression: the only thing Looker reads. A cell (age band, sex,
-- ZIP3) with fewer than min_cell_size patients is left out entirely, so totals
-- across cells undercount by design.
CREATE VIEW <% env.warehouse.schema %>.research_cohort_cells AS
SELECT
    age_band,
    sex,
    zip3,
    COUNT(*)                       AS patient_count,
    SUM(encounter_count)           AS encounter_count,
    SUM(inpatient_encounter_count) AS inpatient_encounter_count,
    SUM(total_paid_amount)         AS total_paid_amount,
    MAX(loaded_at)                 AS loaded_at
FROM <% env.warehouse.schema %>.research_cohort
GROUP BY age_band, sex, zip3
HAVING COUNT(*) >= <% env.variables.min_cell_size %>;
