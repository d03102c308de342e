view: extra {
  sql_table_name: <% env.warehouse.schema %>.extra ;;
  dimension: base_id { sql: ${TABLE}.base_id ;; }
}

# The base view, with the extra fields.
view: base {
  dimension: id { sql: ${TABLE}.id ;; }
}
