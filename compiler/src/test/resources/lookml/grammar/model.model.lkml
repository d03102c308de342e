connection: "warehouse"

include: "/views/*.view.lkml"
include: "/explores/*.explore.lkml"

datagroup: nightly {
  sql_trigger: SELECT CURRENT_DATE ;;
  max_cache_age: "24 hours"
}

explore: orders {
  view_name: orders
  fields: [ALL_FIELDS*, -orders.secret]
  always_filter: {
    filters: [orders.created_date: "7 days"]
  }
  join: customers {
    type: left_outer
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
  join: buyer {
    from: customers
    sql_on: ${orders.buyer_id} = ${buyer.id}
    ;;
  }
}

explore: +orders {
  label: "Orders (refined)"
}

explore: order_facts {
  from: orders
  extends: [orders]
}
