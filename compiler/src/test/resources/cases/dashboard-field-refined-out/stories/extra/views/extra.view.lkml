view: +base {
  dimension: is_flag { type: yesno sql: ${TABLE}.id > 0 ;; }
}
