- dashboard: appointment_no_shows
  title: Appointments and No-Shows
  layout: newspaper
  description: "Where and when patients miss appointments, and how lead time affects it."
  elements:
  - name: no_show_rate
    title: No-Show Rate
    model: <% env.model %>
    explore: appointments
    type: single_value
    fields: [appointments.no_show_rate]
    listen:
      Appointment Date: appointments.scheduled_date
      Department: appointments.department
    row: 0
    col: 0
    width: 12
    height: 4
  - name: average_lead_time
    title: Average Lead Time (days)
    model: <% env.model %>
    explore: appointments
    type: single_value
    fields: [appointments.average_lead_time_days]
    listen:
      Appointment Date: appointments.scheduled_date
      Department: appointments.department
    row: 0
    col: 12
    width: 12
    height: 4
  - name: no_show_rate_by_week
    title: No-Show Rate by Week
    model: <% env.model %>
    explore: appointments
    type: looker_line
    fields: [appointments.scheduled_week, appointments.no_show_rate]
    sorts: [appointments.scheduled_week]
    listen:
      Appointment Date: appointments.scheduled_date
      Department: appointments.department
    row: 4
    col: 0
    width: 12
    height: 8
  - name: no_show_rate_by_lead_time
    title: No-Show Rate by Lead Time (days)
    model: <% env.model %>
    explore: appointments
    type: looker_bar
    fields: [appointments.lead_time_tier, appointments.no_show_rate, appointments.count]
    sorts: [appointments.lead_time_tier]
    listen:
      Appointment Date: appointments.scheduled_date
      Department: appointments.department
    row: 4
    col: 12
    width: 12
    height: 8
  - name: outcomes_by_department
    title: Outcomes by Department
    model: <% env.model %>
    explore: appointments
    type: looker_bar
    fields: [appointments.department, appointments.status, appointments.count]
    pivots: [appointments.status]
    sorts: [appointments.department]
    listen:
      Appointment Date: appointments.scheduled_date
      Department: appointments.department
    row: 12
    col: 0
    width: 24
    height: 8
  filters:
  - name: Appointment Date
    title: Appointment Date
    type: field_filter
    default_value: 90 days
    allow_multiple_values: true
    required: false
    model: <% env.model %>
    explore: appointments
    field: appointments.scheduled_date
  - name: Department
    title: Department
    type: field_filter
    default_value: ''
    allow_multiple_values: true
    required: false
    model: <% env.model %>
    explore: appointments
    field: appointments.department
