view: extra {
  sql_table_name: <% env.warehouse.schema %>.extra ;;
  dimension: base_id { sql: ${TABLE}.base_id ;; }
  <%> lkml/audit_timestamps %>
  # Backfilled from mini_prod.analytics.extra on 2026-11-02.
  dimension: note { sql: ${TABLE}.note ;; }
}
