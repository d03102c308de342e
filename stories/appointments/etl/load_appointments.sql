-- Hourly merge. An appointment changes status several times (booked,
-- rescheduled, checked in, marked no-show), so rebuild every appointment the
-- scheduling system touched since yesterday.
DELETE FROM <% env.warehouse.schema %>.appointments
WHERE appointment_id IN (
    SELECT appointment_id
    FROM <% env.variables.raw_schema %>.sched_appointments
    WHERE modified_at >= CURRENT_DATE - 1
);

INSERT INTO <% env.warehouse.schema %>.appointments (
    appointment_id, patient_id, provider_id, department, appointment_type,
    status, booked_at, scheduled_at, cancelled_at, lead_time_days,
    loaded_at, etl_job
)
SELECT
    a.appointment_id,
    a.patient_id,
    a.provider_id,
    a.department_name,
    LOWER(a.visit_type),
    -- The scheduling system's status codes, mapped to the four we report on.
    CASE a.status_code
        WHEN 'ARR' THEN 'completed'
        WHEN 'CMP' THEN 'completed'
        WHEN 'NOS' THEN 'no_show'
        WHEN 'CAN' THEN 'cancelled'
        WHEN 'LCN' THEN 'cancelled'
        ELSE 'scheduled'
    END,
    a.created_at,
    a.slot_start,
    a.cancelled_at,
    CAST(a.slot_start AS DATE) - CAST(a.created_at AS DATE),
    <% sql.now %>,
    'load_appointments'
FROM <% env.variables.raw_schema %>.sched_appointments AS a
WHERE a.modified_at >= CURRENT_DATE - 1;
