- dashboard: care_gap_closure
  title: Care Gap Closure
  layout: newspaper
  description: "Open preventive care gaps, how fast we close them, and who to call next."
  elements:
  - name: open_gaps
    title: Open Gaps
    model: <% env.model %>
    explore: care_gaps
    type: single_value
    fields: [care_gaps.open_count]
    listen:
      Measure: care_gaps.measure_name
      Year: care_gaps.measurement_year
    row: 0
    col: 0
    width: 16
    height: 4
  - name: closure_rate_by_measure
    title: Closure Rate by Measure
    model: <% env.model %>
    explore: care_gaps
    type: looker_bar
    fields: [care_gaps.measure_name, care_gaps.closure_rate, care_gaps.count]
    sorts: [care_gaps.closure_rate]
    listen:
      Measure: care_gaps.measure_name
      Year: care_gaps.measurement_year
    row: 0
    col: 16
    width: 8
    height: 8
  - name: gaps_closed_by_week
    title: Gaps Closed per Week
    model: <% env.model %>
    explore: care_gaps
    type: looker_line
    fields: [care_gaps.closed_week, care_gaps.closed_count]
    sorts: [care_gaps.closed_week]
    listen:
      Measure: care_gaps.measure_name
      Year: care_gaps.measurement_year
    row: 4
    col: 0
    width: 16
    height: 8
  # Names and MRNs are masked unless the environment shows PII (see the patients view).
  - name: outreach_list
    title: Outreach List (oldest open gaps first)
    model: <% env.model %>
    explore: care_gaps
    type: looker_grid
    fields: [patients.full_name, patients.mrn, patients.pcp_provider_id, care_gaps.measure_name,
      care_gaps.opened_date, care_gaps.days_open]
    sorts: [care_gaps.days_open desc]
    filters:
      care_gaps.is_open: 'Yes'
    limit: 500
    listen:
      Measure: care_gaps.measure_name
      Year: care_gaps.measurement_year
    row: 12
    col: 0
    width: 24
    height: 10
  filters:
  - name: Measure
    title: Measure
    type: field_filter
    default_value: ''
    allow_multiple_values: true
    required: false
    model: <% env.model %>
    explore: care_gaps
    field: care_gaps.measure_name
  - name: Year
    title: Measurement Year
    type: field_filter
    default_value: ''
    allow_multiple_values: false
    required: false
    model: <% env.model %>
    explore: care_gaps
    field: care_gaps.measurement_year
