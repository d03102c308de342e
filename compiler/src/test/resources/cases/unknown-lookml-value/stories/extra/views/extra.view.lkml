view: extra {
  sql_table_name: <% env.warehouse.schema %>.extra ;;
  dimension: base_id { sql: ${TABLE}.base_id ;; }
}
