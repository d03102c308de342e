view: care_gaps {
  sql_table_name: <% env.warehouse.schema %>.care_gaps ;;
  drill_fields: [care_gap_detail*]

  dimension: care_gap_id {
    primary_key: yes
    hidden: yes
    type: string
    sql: ${TABLE}.care_gap_id ;;
  }

  dimension: patient_id {
    hidden: yes
    type: string
    sql: ${TABLE}.patient_id ;;
  }

  dimension: measure_code {
    type: string
    sql: ${TABLE}.measure_code ;;
  }

  dimension: measure_name {
    type: string
    sql: ${TABLE}.measure_name ;;
  }

  dimension: measurement_year {
    type: number
    value_format_name: id
    sql: ${TABLE}.measurement_year ;;
  }

  dimension: is_open {
    type: yesno
    sql: ${TABLE}.gap_closed_date IS NULL ;;
  }

  dimension_group: opened {
    type: time
    timeframes: [raw, date, week, month]
    convert_tz: no
    datatype: date
    sql: ${TABLE}.gap_opened_date ;;
  }

  dimension_group: closed {
    type: time
    timeframes: [raw, date, week, month]
    convert_tz: no
    datatype: date
    sql: ${TABLE}.gap_closed_date ;;
  }

  # Days from opening to closing, or to today while the gap is still open.
  dimension: days_open {
    type: number
    sql: COALESCE(${TABLE}.gap_closed_date, CURRENT_DATE) - ${TABLE}.gap_opened_date ;;
  }

  <%> lkml/audit_timestamps %>

  measure: count {
    type: count
    drill_fields: [care_gap_detail*]
  }

  measure: open_count {
    type: count
    filters: [is_open: "yes"]
    drill_fields: [care_gap_detail*]
  }

  measure: closed_count {
    type: count
    filters: [is_open: "no"]
  }

  measure: closure_rate {
    type: number
    sql: 1.0 * ${closed_count} / NULLIF(${count}, 0) ;;
    value_format_name: percent_1
  }

  measure: average_days_open {
    type: average
    sql: ${days_open} ;;
    value_format_name: decimal_0
  }

  set: care_gap_detail {
    fields: [patients.full_name, patients.mrn, measure_name, opened_date, closed_date, days_open]
  }
}
