# Proportion of days covered per patient, drug class and year. In development:
# the PDC method is simplified (see story.toml), so numbers run a little high.
view: medication_pdc {
  sql_table_name: <% env.warehouse.schema %>.medication_pdc ;;
  drill_fields: [pdc_detail*]

  dimension: pdc_id {
    primary_key: yes
    hidden: yes
    type: string
    sql: ${TABLE}.patient_id || '|' || ${TABLE}.drug_class || '|' || CAST(${TABLE}.measurement_year AS VARCHAR(4)) ;;
  }

  dimension: patient_id {
    hidden: yes
    type: string
    sql: ${TABLE}.patient_id ;;
  }

  dimension: drug_class {
    type: string
    sql: ${TABLE}.drug_class ;;
  }

  dimension: measurement_year {
    type: number
    value_format_name: id
    sql: ${TABLE}.measurement_year ;;
  }

  dimension_group: index {
    type: time
    timeframes: [raw, date, month]
    convert_tz: no
    datatype: date
    sql: ${TABLE}.index_date ;;
  }

  dimension: fill_count {
    type: number
    sql: ${TABLE}.fill_count ;;
  }

  dimension: days_covered {
    type: number
    sql: ${TABLE}.days_covered ;;
  }

  dimension: pdc {
    label: "PDC"
    type: number
    sql: ${TABLE}.pdc ;;
    value_format_name: percent_1
  }

  dimension: is_adherent {
    type: yesno
    description: "PDC of 80% or more."
    sql: ${TABLE}.pdc >= 0.8 ;;
  }

  <%> lkml/audit_timestamps %>

  measure: patient_count {
    type: count_distinct
    sql: ${patient_id} ;;
    drill_fields: [pdc_detail*]
  }

  measure: adherent_count {
    type: count
    filters: [is_adherent: "yes"]
  }

  measure: adherence_rate {
    type: number
    sql: 1.0 * ${adherent_count} / NULLIF(${count}, 0) ;;
    value_format_name: percent_1
  }

  measure: count {
    type: count
  }

  measure: average_pdc {
    label: "Average PDC"
    type: average
    sql: ${pdc} ;;
    value_format_name: percent_1
  }

  set: pdc_detail {
    fields: [patients.full_name, drug_class, measurement_year, index_date, fill_count, days_covered, pdc]
  }
}
