-- Hourly merge by appointment_id. An appointment changes status several times
-- (booked, rescheduled, checked in, marked no-show), so every appointment the
-- scheduling system touched since yesterday replaces the row loaded before.
-- storyc loads these rows by column name (docs/etl.md), hence the aliases.
SELECT
    a.appointment_id,
    a.patient_id,
    a.provider_id,
    a.department_name AS department,
    LOWER(a.visit_type) AS appointment_type,
    -- The scheduling system's status codes, mapped to the four we report on.
    CASE a.status_code
        WHEN 'ARR' THEN 'completed'
        WHEN 'CMP' THEN 'completed'
        WHEN 'NOS' THEN 'no_show'
        WHEN 'CAN' THEN 'cancelled'
        WHEN 'LCN' THEN 'cancelled'
        ELSE 'scheduled'
    END AS status,
    a.created_at AS booked_at,
    a.slot_start AS scheduled_at,
    a.cancelled_at,
    CAST(a.slot_start AS DATE) - CAST(a.created_at AS DATE) AS lead_time_days,
    <% sql.now %> AS loaded_at,
    'load_appointments' AS etl_job
FROM <% env.variables.raw_schema %>.sched_appointments AS a
WHERE a.modified_at >= CURRENT_DATE - 1;
