-- De-identification follows HIPAA Safe Harbor (45 CFR 164.514(b)(2)):
--   * no name, MRN, patient_id or full date leaves this query;
--   * the key is MD5 of the patient id, salted with the environment name so
--     keys from different environments' extracts can never be joined (the
--     salt is not a secret; patient ids themselves never leave the warehouse);
--   * birth date becomes an age band, and everyone over 89 is '90+';
--   * encounter dates become years;
--   * ZIP codes keep three digits, and the 17 ZIP3 areas with 20,000 people
--     or fewer (HHS guidance, 2000 Census) become '000'.
INSERT INTO <% env.warehouse.schema %>.research_cohort (
    patient_key, age_band, sex, zip3, encounter_count, inpatient_encounter_count,
    first_encounter_year, last_encounter_year, claim_count, total_paid_amount,
    loaded_at, etl_job
)
SELECT
    MD5('<% env.name %>:' || p.patient_id),
    CASE
        WHEN p.age < 18 THEN '00-17'
        WHEN p.age < 35 THEN '18-34'
        WHEN p.age < 50 THEN '35-49'
        WHEN p.age < 65 THEN '50-64'
        WHEN p.age < 80 THEN '65-79'
        WHEN p.age < 90 THEN '80-89'
        ELSE '90+'
    END,
    p.sex,
    CASE
        WHEN p.zip3 IS NULL THEN '000'
        WHEN p.zip3 IN ('036', '059', '063', '102', '203', '556', '692', '790', '821',
                        '823', '830', '831', '878', '879', '884', '890', '893') THEN '000'
        ELSE p.zip3
    END,
    COALESCE(e.encounter_count, 0),
    COALESCE(e.inpatient_encounter_count, 0),
    e.first_encounter_year,
    e.last_encounter_year,
    COALESCE(c.claim_count, 0),
    COALESCE(c.total_paid_amount, 0),
    <% sql.now %>,
    'build_research_cohort'
FROM (
    SELECT patient_id, sex, zip3,
           EXTRACT(YEAR FROM CURRENT_DATE) - EXTRACT(YEAR FROM birth_date)
             - CASE WHEN TO_CHAR(CURRENT_DATE, 'MMDD') < TO_CHAR(birth_date, 'MMDD') THEN 1 ELSE 0 END AS age
    FROM <% env.warehouse.schema %>.patients
) AS p
LEFT JOIN (
    SELECT patient_id,
           COUNT(*) AS encounter_count,
           SUM(CASE WHEN encounter_type = 'inpatient' THEN 1 ELSE 0 END) AS inpatient_encounter_count,
           MIN(EXTRACT(YEAR FROM admitted_at)) AS first_encounter_year,
           MAX(EXTRACT(YEAR FROM admitted_at)) AS last_encounter_year
    FROM <% env.warehouse.schema %>.encounters
    GROUP BY patient_id
) AS e ON e.patient_id = p.patient_id
LEFT JOIN (
    SELECT patient_id, COUNT(*) AS claim_count, SUM(paid_amount) AS total_paid_amount
    FROM <% env.warehouse.schema %>.claims
    GROUP BY patient_id
) AS c ON c.patient_id = p.patient_id;
