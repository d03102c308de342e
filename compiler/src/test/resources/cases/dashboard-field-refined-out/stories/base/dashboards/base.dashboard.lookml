- dashboard: base_overview
  title: Base
  elements:
  - name: flagged
    title: Flagged bases
    model: <% env.model %>
    explore: base
    type: looker_bar
    fields: [base.id, base.is_flag]
