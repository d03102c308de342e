- dashboard: patient_overview
  title: Patient Overview
  layout: newspaper
  description: "Size and make-up of the active patient panel."
  elements:
  - name: patient_count
    title: Patients
    model: <% env.model %>
    explore: patients
    type: single_value
    fields: [patients.count]
    listen:
      State: patients.state
    row: 0
    col: 0
    width: 6
    height: 4
  - name: average_age
    title: Average Age
    model: <% env.model %>
    explore: patients
    type: single_value
    fields: [patients.average_age]
    listen:
      State: patients.state
    row: 0
    col: 6
    width: 6
    height: 4
  - name: patients_by_sex
    title: Patients by Sex
    model: <% env.model %>
    explore: patients
    type: looker_pie
    fields: [patients.sex, patients.count]
    sorts: [patients.count desc]
    listen:
      State: patients.state
    row: 0
    col: 12
    width: 12
    height: 8
  - name: patients_by_age_and_sex
    title: Age Distribution
    model: <% env.model %>
    explore: patients
    type: looker_bar
    fields: [patients.age_tier, patients.sex, patients.count]
    pivots: [patients.sex]
    sorts: [patients.age_tier]
    listen:
      State: patients.state
    row: 4
    col: 0
    width: 12
    height: 8
  - name: patients_by_pcp
    title: Panel Size by Primary Care Provider
    model: <% env.model %>
    explore: patients
    type: looker_grid
    fields: [patients.pcp_provider_id, patients.count, patients.average_age]
    sorts: [patients.count desc]
    limit: 50
    listen:
      State: patients.state
    row: 12
    col: 0
    width: 24
    height: 8
  filters:
  - name: State
    title: State
    type: field_filter
    default_value: ''
    allow_multiple_values: true
    required: false
    model: <% env.model %>
    explore: patients
    field: patients.state
