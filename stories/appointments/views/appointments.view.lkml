view: appointments {
  sql_table_name: <% env.warehouse.schema %>.appointments ;;
  drill_fields: [appointment_detail*]

  dimension: appointment_id {
    primary_key: yes
    type: string
    sql: ${TABLE}.appointment_id ;;
  }

  dimension: patient_id {
    hidden: yes
    type: string
    sql: ${TABLE}.patient_id ;;
  }

  dimension: provider_id {
    type: string
    sql: ${TABLE}.provider_id ;;
  }

  dimension: department {
    type: string
    sql: ${TABLE}.department ;;
  }

  dimension: appointment_type {
    type: string
    sql: ${TABLE}.appointment_type ;;
  }

  dimension: status {
    type: string
    sql: ${TABLE}.status ;;
  }

  dimension: is_no_show {
    type: yesno
    sql: ${TABLE}.status = 'no_show' ;;
  }

  dimension_group: booked {
    type: time
    timeframes: [raw, time, date, week, month]
    sql: ${TABLE}.booked_at ;;
  }

  dimension_group: scheduled {
    type: time
    timeframes: [raw, time, date, day_of_week, hour_of_day, week, month]
    sql: ${TABLE}.scheduled_at ;;
  }

  dimension: lead_time_days {
    type: number
    sql: ${TABLE}.lead_time_days ;;
  }

  dimension: lead_time_tier {
    type: tier
    tiers: [1, 3, 7, 14, 30, 60]
    style: integer
    sql: ${lead_time_days} ;;
  }

  <%> lkml/audit_timestamps %>

  measure: count {
    type: count
    drill_fields: [appointment_detail*]
  }

  measure: completed_count {
    type: count
    filters: [status: "completed"]
  }

  measure: no_show_count {
    type: count
    filters: [status: "no_show"]
    drill_fields: [appointment_detail*]
  }

  # Cancelled and still-scheduled appointments are neither kept nor missed.
  measure: no_show_rate {
    type: number
    sql: 1.0 * ${no_show_count} / NULLIF(${no_show_count} + ${completed_count}, 0) ;;
    value_format_name: percent_1
  }

  measure: average_lead_time_days {
    type: average
    sql: ${lead_time_days} ;;
    value_format_name: decimal_1
  }

  set: appointment_detail {
    fields: [appointment_id, scheduled_time, department, appointment_type, provider_id, status, lead_time_days]
  }
}
