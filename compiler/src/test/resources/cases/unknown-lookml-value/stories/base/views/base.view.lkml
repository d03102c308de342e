view: base {
  sql_table_name: <% env.warehouse.schema %>.base ;;
  dimension: id {
    primary_key: yes
    sql: ${TABLE}.id ;;
  }
}
