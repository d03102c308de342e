project_name: "health"

constant: SCHEMA {
  value: "analytics"
  export: override_optional
}

constant: CONNECTION { value: "warehouse" }

local_dependency: {
  project: "shared_blocks"
}
