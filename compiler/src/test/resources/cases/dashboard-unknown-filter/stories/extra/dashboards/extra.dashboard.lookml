- dashboard: extra_overview
  title: Extra
  elements:
  - name: extras
    title: Extras by base
    model: <% env.model %>
    explore: extra
    type: looker_bar
    fields: [extra.base_id, base.id]
    sorts: [base.id desc]
    listen:
      Bsae: base.id
  filters:
  - name: Base
    title: Base
    type: field_filter
    model: <% env.model %>
    explore: extra
    field: base.id
