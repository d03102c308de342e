explore: extra {
  join: base { sql_on: ${extra.base_id} = ${base.id} ;; relationship: many_to_won }
}
