- dashboard: extra_overview
  title: Extra
  elements:
  - name: extras
    title: Extras by base
    model: <% env.model %>
    explore: extar
    type: looker_bar
    fields: [extra.base_id, base.id]
    sorts: [base.id desc]
    listen:
      Base: base.id
  filters:
  - name: Base
    title: Base
    type: field_filter
    model: <% env.model %>
    explore: extra
    field: base.id
