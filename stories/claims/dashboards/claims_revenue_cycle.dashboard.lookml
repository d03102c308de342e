- dashboard: claims_revenue_cycle
  title: Claims and Revenue Cycle
  layout: newspaper
  description: "What we billed, what payers allowed and paid, and what they denied."
  elements:
  - name: total_paid
    title: Paid
    model: <% env.model %>
    explore: claims
    type: single_value
    fields: [claims.total_paid]
    listen:
      Service Date: claims.service_date
      Payer Type: claims.payer_type
    row: 0
    col: 0
    width: 12
    height: 4
  - name: denial_rate
    title: Denial Rate
    model: <% env.model %>
    explore: claims
    type: single_value
    fields: [claims.denial_rate]
    listen:
      Service Date: claims.service_date
      Payer Type: claims.payer_type
    row: 0
    col: 12
    width: 12
    height: 4
  - name: amounts_by_month
    title: Billed, Allowed and Paid by Service Month
    model: <% env.model %>
    explore: claims
    type: looker_line
    fields: [claims.service_month, claims.total_billed, claims.total_allowed, claims.total_paid]
    sorts: [claims.service_month]
    listen:
      Service Date: claims.service_date
      Payer Type: claims.payer_type
    row: 4
    col: 0
    width: 24
    height: 8
  - name: denials_by_payer
    title: Denial Rate by Payer
    model: <% env.model %>
    explore: claims
    type: looker_bar
    fields: [claims.payer_name, claims.denial_rate, claims.count]
    sorts: [claims.denial_rate desc]
    limit: 15
    listen:
      Service Date: claims.service_date
      Payer Type: claims.payer_type
    row: 12
    col: 0
    width: 12
    height: 8
  - name: paid_by_encounter_type
    title: Paid by Encounter Type
    model: <% env.model %>
    explore: claims
    type: looker_pie
    fields: [encounters.encounter_type, claims.total_paid]
    sorts: [claims.total_paid desc]
    listen:
      Service Date: claims.service_date
      Payer Type: claims.payer_type
    row: 12
    col: 12
    width: 12
    height: 8
  filters:
  - name: Service Date
    title: Service Date
    type: field_filter
    default_value: 12 months
    allow_multiple_values: true
    required: false
    model: <% env.model %>
    explore: claims
    field: claims.service_date
  - name: Payer Type
    title: Payer Type
    type: field_filter
    default_value: ''
    allow_multiple_values: true
    required: false
    model: <% env.model %>
    explore: claims
    field: claims.payer_type
