---
- dashboard: patient_overview
  title: Patient Overview
  layout: newspaper
  elements:
  - name: visits
    title: Visits
    model: warehouse
    explore: encounters
    type: looker_line
    fields: [encounters.created_date, encounters.count]
    sorts: [encounters.created_date desc]
    filters:
      encounters.status: "-NULL"
    listen:
      Date: encounters.created_date
    note_text: !!null ''
    vis_config: !ruby/hash:ActiveSupport::HashWithIndifferentAccess
      type: looker_line
  - name: header
    type: text
    title_text: Header
  filters:
  - name: Date
    title: Date
    type: field_filter
    default_value: 7 days
    model: warehouse
    explore: encounters
    field: encounters.created_date
    listens_to_filters: []
