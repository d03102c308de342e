view: encounters {
  sql_table_name: <% env.warehouse.schema %>.encounters ;;
  drill_fields: [encounter_detail*]

  dimension: encounter_id {
    primary_key: yes
    type: string
    sql: ${TABLE}.encounter_id ;;
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

  dimension: facility_id {
    type: string
    sql: ${TABLE}.facility_id ;;
  }

  dimension: encounter_type {
    type: string
    sql: ${TABLE}.encounter_type ;;
  }

  dimension: is_inpatient {
    type: yesno
    sql: ${TABLE}.encounter_type = 'inpatient' ;;
  }

  dimension: primary_dx_code {
    label: "Primary Diagnosis (ICD-10-CM)"
    type: string
    sql: ${TABLE}.primary_dx_code ;;
    link: {
      label: "Look up {{ value }} on icd10data.com"
      url: "https://www.icd10data.com/search?s={{ value | url_encode }}"
    }
  }

  # The three-character ICD-10 category, e.g. E11 (type 2 diabetes mellitus).
  dimension: primary_dx_category {
    label: "Primary Diagnosis Category"
    type: string
    sql: LEFT(${TABLE}.primary_dx_code, 3) ;;
  }

  dimension_group: admitted {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year]
    sql: ${TABLE}.admitted_at ;;
  }

  dimension_group: discharged {
    type: time
    timeframes: [raw, time, date, week, month]
    sql: ${TABLE}.discharged_at ;;
  }

  dimension: length_of_stay_days {
    type: number
    sql: ${TABLE}.length_of_stay_days ;;
  }

  <%> lkml/audit_timestamps %>

  measure: count {
    type: count
    drill_fields: [encounter_detail*]
  }

  measure: patient_count {
    type: count_distinct
    sql: ${patient_id} ;;
  }

  measure: inpatient_count {
    type: count
    filters: [is_inpatient: "yes"]
  }

  measure: average_length_of_stay {
    type: average
    sql: ${length_of_stay_days} ;;
    filters: [is_inpatient: "yes"]
    value_format_name: decimal_1
  }

  set: encounter_detail {
    fields: [encounter_id, admitted_date, encounter_type, provider_id, facility_id, primary_dx_code]
  }
}
