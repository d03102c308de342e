view: extra {
  sql_table_name: <% env.warehouse.schema %>.extra ;;
  dimension: base_id { sql: ${TABLE}.base_id ;; }
  <%> lkml/audit_timestamps %>
  # Backfilled from MINI_PROD.analytics.extra on 2026-11-02, checked against Mini_Prod.
  dimension: note { sql: ${TABLE}.note ;; }
}
