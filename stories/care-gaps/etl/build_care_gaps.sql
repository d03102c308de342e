-- Rebuild the current measurement year, so late lab results and procedures
-- close gaps retroactively. Earlier years stay as they were at year end.
--   HBA1C_TEST  a diabetes encounter (ICD-10-CM E10, E11) this year opens the
--               gap; an HbA1c result this year closes it.
--   BCS         women aged 50-74 at year end (USPSTF); a mammogram in the
--               last 27 months closes it. Simplified from HEDIS BCS-E.
DELETE FROM <% env.warehouse.schema %>.care_gaps
WHERE measurement_year = EXTRACT(YEAR FROM CURRENT_DATE);

INSERT INTO <% env.warehouse.schema %>.care_gaps (
    care_gap_id, patient_id, measure_code, measure_name, measurement_year,
    gap_opened_date, gap_closed_date, loaded_at, etl_job
)
WITH params AS (
    SELECT CAST(DATE_TRUNC('year', CURRENT_DATE) AS DATE) AS year_start,
           CAST(EXTRACT(YEAR FROM CURRENT_DATE) AS SMALLINT) AS year
),
diabetes AS (
    SELECT e.patient_id, CAST(MIN(e.admitted_at) AS DATE) AS first_dx_date
    FROM <% env.warehouse.schema %>.encounters AS e, params
    WHERE LEFT(e.primary_dx_code, 3) IN ('E10', 'E11')
      AND e.admitted_at >= params.year_start
    GROUP BY e.patient_id
),
hba1c AS (
    SELECT r.patient_id, MIN(r.collected_date) AS first_result_date
    FROM <% env.variables.raw_schema %>.ehr_lab_results AS r, params
    WHERE r.loinc_code IN ('4548-4', '17856-6')  -- hemoglobin A1c
      AND r.collected_date >= params.year_start
    GROUP BY r.patient_id
),
screening_due AS (
    SELECT p.patient_id
    FROM <% env.warehouse.schema %>.patients AS p, params
    WHERE p.sex = 'F'
      AND NOT p.is_deceased
      AND params.year - EXTRACT(YEAR FROM p.birth_date) BETWEEN 50 AND 74
),
mammograms AS (
    SELECT m.patient_id, MAX(m.performed_date) AS last_mammogram_date
    FROM <% env.variables.raw_schema %>.ehr_procedures AS m
    WHERE m.cpt_code IN ('77065', '77066', '77067')
      AND m.performed_date >= CURRENT_DATE - 822  -- 27 months
    GROUP BY m.patient_id
)
SELECT
    'HBA1C_TEST-' || CAST(params.year AS VARCHAR(4)) || '-' || d.patient_id,
    d.patient_id,
    'HBA1C_TEST',
    'HbA1c test (diabetes)',
    params.year,
    d.first_dx_date,
    -- A test earlier in the year than the diagnosis visit still counts.
    -- (GREATEST ignores NULLs, hence the CASE: no result means still open.)
    CASE WHEN h.first_result_date IS NOT NULL
         THEN GREATEST(h.first_result_date, d.first_dx_date) END,
    <% sql.now %>,
    'build_care_gaps'
FROM diabetes AS d
CROSS JOIN params
LEFT JOIN hba1c AS h ON h.patient_id = d.patient_id
UNION ALL
SELECT
    'BCS-' || CAST(params.year AS VARCHAR(4)) || '-' || s.patient_id,
    s.patient_id,
    'BCS',
    'Breast cancer screening (mammogram)',
    params.year,
    params.year_start,
    -- A mammogram before January closes the gap on the day it opens.
    CASE WHEN m.last_mammogram_date IS NOT NULL
         THEN GREATEST(m.last_mammogram_date, params.year_start) END,
    <% sql.now %>,
    'build_care_gaps'
FROM screening_due AS s
CROSS JOIN params
LEFT JOIN mammograms AS m ON m.patient_id = s.patient_id;
