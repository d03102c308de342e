view: claims {
  sql_table_name: <% env.warehouse.schema %>.claims ;;
  drill_fields: [claim_detail*]

  dimension: claim_id {
    primary_key: yes
    type: string
    sql: ${TABLE}.claim_id ;;
  }

  dimension: encounter_id {
    hidden: yes
    type: string
    sql: ${TABLE}.encounter_id ;;
  }

  dimension: patient_id {
    hidden: yes
    type: string
    sql: ${TABLE}.patient_id ;;
  }

  dimension: payer_name {
    type: string
    sql: ${TABLE}.payer_name ;;
  }

  dimension: payer_type {
    type: string
    sql: ${TABLE}.payer_type ;;
  }

  dimension: claim_status {
    type: string
    sql: ${TABLE}.claim_status ;;
    html:
      {% if value == 'denied' %}<span style="color: #b3261e;">{{ rendered_value }}</span>
      {% else %}{{ rendered_value }}{% endif %} ;;
  }

  dimension: is_denied {
    type: yesno
    sql: ${TABLE}.claim_status = 'denied' ;;
  }

  dimension_group: service {
    type: time
    timeframes: [raw, date, week, month, quarter, year]
    convert_tz: no
    datatype: date
    sql: ${TABLE}.service_date ;;
  }

  dimension: line_count {
    type: number
    sql: ${TABLE}.line_count ;;
  }

  dimension: billed_amount {
    type: number
    sql: ${TABLE}.billed_amount ;;
    value_format_name: usd
  }

  dimension: allowed_amount {
    type: number
    sql: ${TABLE}.allowed_amount ;;
    value_format_name: usd
  }

  dimension: paid_amount {
    type: number
    sql: ${TABLE}.paid_amount ;;
    value_format_name: usd
  }

  <%> lkml/audit_timestamps %>

  measure: count {
    type: count
    drill_fields: [claim_detail*]
  }

  measure: denied_count {
    type: count
    filters: [is_denied: "yes"]
    drill_fields: [claim_detail*]
  }

  measure: total_billed {
    type: sum
    sql: ${billed_amount} ;;
    value_format_name: usd_0
  }

  measure: total_allowed {
    type: sum
    sql: ${allowed_amount} ;;
    value_format_name: usd_0
  }

  measure: total_paid {
    type: sum
    sql: ${paid_amount} ;;
    value_format_name: usd_0
  }

  measure: denial_rate {
    type: number
    sql: 1.0 * ${denied_count} / NULLIF(${count}, 0) ;;
    value_format_name: percent_1
  }

  # Paid as a share of allowed: how much of the contracted amount we collect.
  measure: collection_rate {
    type: number
    sql: 1.0 * ${total_paid} / NULLIF(${total_allowed}, 0) ;;
    value_format_name: percent_1
  }

  set: claim_detail {
    fields: [claim_id, service_date, payer_name, claim_status, billed_amount, allowed_amount, paid_amount]
  }
}
