SELECT appointment_id, patient_id, provider_id, department, appointment_type,
       status, booked_at, scheduled_at, cancelled_at, lead_time_days,
       loaded_at, etl_job
FROM <% env.warehouse.schema %>.appointments
WHERE 1 = 0;
