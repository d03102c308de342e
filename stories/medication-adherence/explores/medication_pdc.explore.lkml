explore: medication_pdc {
  label: "Medication Adherence (beta)"
  description: "PDC for statins, RAS antagonists and non-insulin diabetes drugs. Beta: see ANL-166."
  required_access_grants: [beta_explores]

  join: patients {
    type: left_outer
    sql_on: ${medication_pdc.patient_id} = ${patients.patient_id} ;;
    relationship: many_to_one
  }
}
