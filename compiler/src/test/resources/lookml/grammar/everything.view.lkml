# A comment before anything.
include: "/views/*.view.lkml"   # a trailing comment

view: orders {
  sql_table_name: analytics.orders ;;
  extends: [base_orders]
  extension: required
  dimension: id {
    primary_key: yes
    type :  number
    sql: ${TABLE}.id;;
  }
  dimension: status {
    label: "Status \"quoted\" and \\ backslash"
    description: "Spans
two lines"
    sql:
      CASE WHEN ${TABLE}.status = 'x' THEN "y" ; -- a single ; and # are code here
      {% if foo._in_query %} {{ value }} {% endif %} @{SCHEMA} { }
    ;;
    html: <b>{{ value }}</b> ;;
  }
  dimension_group: created {
    type: time
    timeframes: [
      raw,   # a comment inside a list
      date,
      week,
    ]
    sql: ${TABLE}.created_at ;;
  }
  measure: count {
    type: count
    filters: [orders.status: "-NULL", id: ">3"]
    drill_fields: [, id, status]
  }
  set: detail { fields: [ALL_FIELDS*, -orders.secret, detail*] }
  derived_table: {}
  dimension: tz { sql: 1 ;; timezone: America/Los_Angeles value_format_name: -11 precision: +3 }
}

view: +orders {
  dimension: extra {}
}

explore: a { extension: required label: "A" }
