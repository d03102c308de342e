# Model-level LookML, declared once for every environment: storyc renders this file into each
# environment's generated model, after the connection and includes. Stories use what it declares.

# Caches last until the nightly loads have run.
datagroup: nightly_load {
  sql_trigger: SELECT MAX(loaded_at) FROM <% env.warehouse.schema %>.patients ;;
  max_cache_age: "24 hours"
}

persist_with: nightly_load

# Beta explores are for the analysts building them until they are released.
access_grant: beta_explores {
  user_attribute: analytics_beta
  allowed_values: ["yes"]
}
