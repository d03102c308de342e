# The patient dimension. Every clinical explore joins it.
#
# PHI (MRN, names, birth date) is classified in schema/phi.toml and written
# here once: each environment compiles these fields to its own treatment
# (docs/phi.md), so explores and dashboards that use them work unchanged in
# every environment.
view: patients {
  sql_table_name: <% env.warehouse.schema %>.patients ;;
  drill_fields: [patient_detail*]

  dimension: patient_id {
    primary_key: yes
    type: string
    sql: ${TABLE}.patient_id ;;
  }

  dimension: mrn {
    label: "MRN"
    type: string
    sql: ${TABLE}.mrn ;;
  }

  dimension: full_name {
    type: string
    sql: ${TABLE}.first_name || ' ' || ${TABLE}.last_name ;;
  }

  dimension_group: birth {
    type: time
    timeframes: [date, month, year]
    convert_tz: no
    datatype: date
    sql: ${TABLE}.birth_date ;;
  }

  dimension: age {
    type: number
    description: "Age in whole years today."
    sql: EXTRACT(YEAR FROM CURRENT_DATE) - EXTRACT(YEAR FROM ${TABLE}.birth_date)
      - CASE WHEN TO_CHAR(CURRENT_DATE, 'MMDD') < TO_CHAR(${TABLE}.birth_date, 'MMDD') THEN 1 ELSE 0 END ;;
  }

  dimension: age_tier {
    type: tier
    tiers: [18, 35, 50, 65, 80]
    style: integer
    sql: ${age} ;;
  }

  dimension: sex {
    type: string
    sql: CASE ${TABLE}.sex WHEN 'F' THEN 'Female' WHEN 'M' THEN 'Male' ELSE 'Unknown' END ;;
  }

  dimension: state {
    type: string
    map_layer_name: us_states
    sql: ${TABLE}.state ;;
  }

  dimension: zip3 {
    label: "ZIP3"
    type: string
    sql: ${TABLE}.zip3 ;;
  }

  dimension: pcp_provider_id {
    label: "PCP Provider ID"
    type: string
    sql: ${TABLE}.pcp_provider_id ;;
  }

  dimension: is_deceased {
    type: yesno
    sql: ${TABLE}.is_deceased ;;
  }

  <%> lkml/audit_timestamps %>

  measure: count {
    type: count
    drill_fields: [patient_detail*]
  }

  measure: average_age {
    type: average
    sql: ${age} ;;
    value_format_name: decimal_1
  }

  set: patient_detail {
    fields: [patient_id, full_name, mrn, age, sex, state, pcp_provider_id]
  }
}
