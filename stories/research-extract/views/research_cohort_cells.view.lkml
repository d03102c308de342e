# Suppressed cells of the de-identified research cohort. Every row already
# has at least min_cell_size patients (<% env.variables.min_cell_size %> here);
# smaller cells never reach Looker, so totals across cells undercount.
view: research_cohort_cells {
  sql_table_name: <% env.warehouse.schema %>.research_cohort_cells ;;
  drill_fields: [cell_detail*]

  dimension: cell_id {
    primary_key: yes
    hidden: yes
    type: string
    sql: ${TABLE}.age_band || '|' || ${TABLE}.sex || '|' || ${TABLE}.zip3 ;;
  }

  dimension: age_band {
    type: string
    sql: ${TABLE}.age_band ;;
  }

  dimension: sex {
    type: string
    sql: CASE ${TABLE}.sex WHEN 'F' THEN 'Female' WHEN 'M' THEN 'Male' ELSE 'Unknown' END ;;
  }

  dimension: zip3 {
    label: "ZIP3"
    type: string
    description: "Three-digit ZIP; '000' groups sparsely populated areas."
    sql: ${TABLE}.zip3 ;;
  }

  <%> lkml/audit_timestamps %>

  measure: patient_count {
    type: sum
    sql: ${TABLE}.patient_count ;;
  }

  measure: encounter_count {
    type: sum
    sql: ${TABLE}.encounter_count ;;
  }

  measure: inpatient_encounter_count {
    type: sum
    sql: ${TABLE}.inpatient_encounter_count ;;
  }

  measure: total_paid {
    type: sum
    sql: ${TABLE}.total_paid_amount ;;
    value_format_name: usd_0
  }

  measure: paid_per_patient {
    type: number
    sql: ${total_paid} / NULLIF(${patient_count}, 0) ;;
    value_format_name: usd_0
  }

  measure: encounters_per_patient {
    type: number
    sql: 1.0 * ${encounter_count} / NULLIF(${patient_count}, 0) ;;
    value_format_name: decimal_2
  }

  set: cell_detail {
    fields: [age_band, sex, zip3, patient_count, encounter_count, total_paid]
  }
}
