-- Synthetic raw feeds for the example workspace: what the EHR, scheduling,
-- clearinghouse and PBM extracts deliver into the raw_ehr schema. Every ETL job
-- of the example reads from here, so with this script loaded the example's
-- stories deploy, load, test and validate end to end (docs/testing.md).
--
--   psql -v ON_ERROR_STOP=1 -d analytics_dev -f seed/raw_ehr.sql
--
-- It runs on PostgreSQL and Redshift alike: no SERIAL, no ON CONFLICT, dates
-- relative to CURRENT_DATE so that the incremental jobs (changes since
-- yesterday, the last three days, the last week) always find rows. Loading it
-- again replaces the feeds. Every name and number below is made up.

CREATE SCHEMA IF NOT EXISTS raw_ehr;

DROP TABLE IF EXISTS raw_ehr.ehr_patients;
CREATE TABLE raw_ehr.ehr_patients (
    patient_id      VARCHAR(32)  NOT NULL,
    mrn             VARCHAR(20)  NOT NULL,
    first_name      VARCHAR(100),
    last_name       VARCHAR(100),
    birth_date      DATE         NOT NULL,
    sex             VARCHAR(1),
    state_code      VARCHAR(2),
    postal_code     VARCHAR(10),
    pcp_provider_id VARCHAR(32),
    deceased        BOOLEAN,
    is_test_patient BOOLEAN      NOT NULL
);
INSERT INTO raw_ehr.ehr_patients VALUES
    ('P001', 'MRN0001', 'Ada',     'Lovelace', DATE '1958-12-10', 'F', 'ma', '02139', 'DR01', FALSE, FALSE),
    ('P002', 'MRN0002', 'Grace',   'Hopper',   DATE '1966-12-09', 'f', 'ny', '10027', 'DR01', NULL,  FALSE),
    ('P003', 'MRN0003', 'Alan',    'Turing',   DATE '1952-06-23', 'M', 'ca', '94305', 'DR02', FALSE, FALSE),
    ('P004', 'MRN0004', 'Katherine', 'Johnson', DATE '1971-08-26', 'F', 'va', '23666', 'DR02', FALSE, FALSE),
    ('P005', 'MRN0005', 'Edsger',  'Dijkstra', DATE '1980-05-11', 'M', 'tx', '78712', 'DR03', FALSE, FALSE),
    ('P006', 'MRN0006', 'Barbara', 'Liskov',   DATE '1969-11-07', 'F', 'ma', '02142', 'DR03', FALSE, FALSE),
    ('P007', 'MRN0007', 'Donald',  'Knuth',    DATE '1938-01-10', 'M', 'ca', '94305', 'DR01', TRUE,  FALSE),
    ('P008', 'MRN0008', 'Frances', 'Allen',    DATE '2012-08-04', 'F', 'ny', '12601', NULL,   FALSE, FALSE),
    ('P009', 'MRN0009', 'Test',    'Patient',  DATE '1990-01-01', 'U', 'ma', '02139', 'DR01', FALSE, TRUE);

DROP TABLE IF EXISTS raw_ehr.ehr_encounters;
CREATE TABLE raw_ehr.ehr_encounters (
    encounter_id          VARCHAR(32) NOT NULL,
    patient_id            VARCHAR(32) NOT NULL,
    attending_provider_id VARCHAR(32),
    facility_id           VARCHAR(32),
    encounter_class       VARCHAR(20) NOT NULL,
    admit_ts              TIMESTAMP   NOT NULL,
    discharge_ts          TIMESTAMP,
    primary_icd10         VARCHAR(8),
    updated_at            TIMESTAMP   NOT NULL
);
-- E001 arrives twice: the second version adds the discharge and the coding.
INSERT INTO raw_ehr.ehr_encounters VALUES
    ('E001', 'P001', 'DR01', 'F01', 'OFFICE',    CAST(CURRENT_DATE - 2 AS TIMESTAMP), NULL,
     NULL,    CAST(CURRENT_DATE - 2 AS TIMESTAMP)),
    ('E001', 'P001', 'DR01', 'F01', 'OFFICE',    CAST(CURRENT_DATE - 2 AS TIMESTAMP),
     CAST(CURRENT_DATE - 2 AS TIMESTAMP), 'e11.9', CAST(CURRENT_DATE - 1 AS TIMESTAMP)),
    ('E002', 'P003', 'DR02', 'F02', 'INPATIENT', CAST(CURRENT_DATE - 3 AS TIMESTAMP),
     CAST(CURRENT_DATE - 1 AS TIMESTAMP), 'I21.4', CAST(CURRENT_DATE - 1 AS TIMESTAMP)),
    ('E003', 'P004', 'DR02', 'F01', 'EMERGENCY', CAST(CURRENT_DATE - 1 AS TIMESTAMP), NULL,
     'E10.9', CAST(CURRENT_DATE - 1 AS TIMESTAMP)),
    ('E004', 'P006', 'DR03', 'F03', 'TELEHEALTH', CAST(CURRENT_DATE - 1 AS TIMESTAMP),
     CAST(CURRENT_DATE - 1 AS TIMESTAMP), 'Z00.00', CAST(CURRENT_DATE AS TIMESTAMP));

DROP TABLE IF EXISTS raw_ehr.ehr_lab_results;
CREATE TABLE raw_ehr.ehr_lab_results (
    lab_result_id  VARCHAR(32) NOT NULL,
    patient_id     VARCHAR(32) NOT NULL,
    loinc_code     VARCHAR(10) NOT NULL,
    collected_date DATE        NOT NULL,
    result_value   NUMERIC(8,2)
);
INSERT INTO raw_ehr.ehr_lab_results VALUES
    ('L001', 'P001', '4548-4', CURRENT_DATE - 1, 7.20),
    ('L002', 'P003', '2345-7', CURRENT_DATE - 2, 104.00);

DROP TABLE IF EXISTS raw_ehr.ehr_procedures;
CREATE TABLE raw_ehr.ehr_procedures (
    procedure_id   VARCHAR(32) NOT NULL,
    patient_id     VARCHAR(32) NOT NULL,
    cpt_code       VARCHAR(5)  NOT NULL,
    performed_date DATE        NOT NULL
);
INSERT INTO raw_ehr.ehr_procedures VALUES
    ('X001', 'P001', '77067', CURRENT_DATE - 200),
    ('X002', 'P004', '99213', CURRENT_DATE - 30);

DROP TABLE IF EXISTS raw_ehr.sched_appointments;
CREATE TABLE raw_ehr.sched_appointments (
    appointment_id  VARCHAR(32) NOT NULL,
    patient_id      VARCHAR(32) NOT NULL,
    provider_id     VARCHAR(32),
    department_name VARCHAR(50) NOT NULL,
    visit_type      VARCHAR(30) NOT NULL,
    status_code     VARCHAR(3)  NOT NULL,
    created_at      TIMESTAMP   NOT NULL,
    slot_start      TIMESTAMP   NOT NULL,
    cancelled_at    TIMESTAMP,
    modified_at     TIMESTAMP   NOT NULL
);
INSERT INTO raw_ehr.sched_appointments VALUES
    ('A001', 'P001', 'DR01', 'Primary Care', 'FOLLOW_UP',       'CMP',
     CAST(CURRENT_DATE - 20 AS TIMESTAMP), CAST(CURRENT_DATE - 1 AS TIMESTAMP), NULL,
     CAST(CURRENT_DATE AS TIMESTAMP)),
    ('A002', 'P002', 'DR01', 'Primary Care', 'ANNUAL_WELLNESS', 'NOS',
     CAST(CURRENT_DATE - 30 AS TIMESTAMP), CAST(CURRENT_DATE - 1 AS TIMESTAMP), NULL,
     CAST(CURRENT_DATE AS TIMESTAMP)),
    ('A003', 'P005', 'DR03', 'Cardiology',   'NEW_PATIENT',     'CAN',
     CAST(CURRENT_DATE - 10 AS TIMESTAMP), CAST(CURRENT_DATE + 5 AS TIMESTAMP),
     CAST(CURRENT_DATE - 1 AS TIMESTAMP), CAST(CURRENT_DATE - 1 AS TIMESTAMP)),
    ('A004', 'P006', 'DR03', 'Primary Care', 'TELEHEALTH',      'BKD',
     CAST(CURRENT_DATE - 1 AS TIMESTAMP), CAST(CURRENT_DATE + 7 AS TIMESTAMP), NULL,
     CAST(CURRENT_DATE - 1 AS TIMESTAMP));

DROP TABLE IF EXISTS raw_ehr.claim_headers;
CREATE TABLE raw_ehr.claim_headers (
    claim_id     VARCHAR(32)  NOT NULL,
    encounter_id VARCHAR(32),
    patient_id   VARCHAR(32)  NOT NULL,
    payer_id     VARCHAR(32)  NOT NULL,
    payer_name   VARCHAR(100) NOT NULL,
    payer_type   VARCHAR(20)  NOT NULL,
    claim_status VARCHAR(20)  NOT NULL,
    updated_at   TIMESTAMP    NOT NULL
);
INSERT INTO raw_ehr.claim_headers VALUES
    ('C001', 'E001', 'P001', 'PY01', 'Acme Mutual',     'COMMERCIAL', 'PAID',
     CAST(CURRENT_DATE - 1 AS TIMESTAMP)),
    ('C002', 'E002', 'P003', 'PY02', 'Medicare Part A', 'MEDICARE',   'SUBMITTED',
     CAST(CURRENT_DATE - 2 AS TIMESTAMP)),
    ('C003', NULL,   'P005', 'PY01', 'Acme Mutual',     'COMMERCIAL', 'DENIED',
     CAST(CURRENT_DATE - 5 AS TIMESTAMP));

DROP TABLE IF EXISTS raw_ehr.claim_lines;
CREATE TABLE raw_ehr.claim_lines (
    claim_id       VARCHAR(32)   NOT NULL,
    line_number    INTEGER       NOT NULL,
    service_date   DATE          NOT NULL,
    billed_amount  NUMERIC(12,2) NOT NULL,
    allowed_amount NUMERIC(12,2),
    paid_amount    NUMERIC(12,2)
);
INSERT INTO raw_ehr.claim_lines VALUES
    ('C001', 1, CURRENT_DATE - 2, 180.00, 120.00, 96.00),
    ('C001', 2, CURRENT_DATE - 2,  45.00,  30.00, 24.00),
    ('C002', 1, CURRENT_DATE - 3, 12500.00, NULL, NULL),
    ('C003', 1, CURRENT_DATE - 9,  220.00,   0.00,  0.00);

DROP TABLE IF EXISTS raw_ehr.pbm_pharmacy_claims;
CREATE TABLE raw_ehr.pbm_pharmacy_claims (
    rx_claim_id       VARCHAR(32) NOT NULL,
    patient_id        VARCHAR(32) NOT NULL,
    ndc11             CHAR(11)    NOT NULL,
    therapeutic_class VARCHAR(40) NOT NULL,
    date_filled       DATE        NOT NULL,
    days_supply       SMALLINT    NOT NULL,
    pharmacy_npi      VARCHAR(32),
    claim_status      VARCHAR(10) NOT NULL
);
INSERT INTO raw_ehr.pbm_pharmacy_claims VALUES
    ('RX001', 'P001', '00071015523', 'STATINS',         CURRENT_DATE - 60, 30, '1234567890', 'PAID'),
    ('RX002', 'P001', '00071015523', 'STATINS',         CURRENT_DATE - 30, 30, '1234567890', 'PAID'),
    ('RX003', 'P003', '00093017401', 'RAS_ANTAGONISTS', CURRENT_DATE - 20, 90, '1234567891', 'PAID'),
    ('RX004', 'P004', '00002143380', 'INSULINS',        CURRENT_DATE - 10, 30, '1234567891', 'PAID'),
    ('RX005', 'P006', '00071015523', 'STATINS',         CURRENT_DATE - 5,  30, '1234567890', 'REVERSED');
