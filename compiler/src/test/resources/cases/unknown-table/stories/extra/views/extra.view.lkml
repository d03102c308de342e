view: extra {
  sql_table_name: <% env.warehouse.schema %>.extras ;;
  dimension: base_id { sql: ${TABLE}.base_id ;; }
}
