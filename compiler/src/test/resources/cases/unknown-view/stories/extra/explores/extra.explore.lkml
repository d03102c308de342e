explore: extra {
  join: bse {
    sql_on: ${extra.base_id} = ${bse.id} ;;
    relationship: many_to_one
  }
}
