-- Appointments from the scheduling system, one row per appointment.
CREATE TABLE <% env.warehouse.schema %>.appointments (
    appointment_id   VARCHAR(32) NOT NULL PRIMARY KEY,
    patient_id       VARCHAR(32) NOT NULL,  -- patients.patient_id
    provider_id      VARCHAR(32),
    department       VARCHAR(50) NOT NULL,
    appointment_type VARCHAR(30) NOT NULL,  -- new_patient, follow_up, annual_wellness, telehealth
    status           VARCHAR(12) NOT NULL,  -- scheduled, completed, no_show, cancelled
    booked_at        TIMESTAMP   NOT NULL,
    scheduled_at     TIMESTAMP   NOT NULL,  -- the start of the appointment slot
    cancelled_at     TIMESTAMP,
    lead_time_days   INTEGER     NOT NULL,  -- calendar days from booking to the slot
    <%> sql/audit_columns %>
);
