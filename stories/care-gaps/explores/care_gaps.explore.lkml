explore: care_gaps {
  label: "Care Gaps"
  description: "Preventive care gaps by measure, with the patient and their primary care provider."

  join: patients {
    type: left_outer
    sql_on: ${care_gaps.patient_id} = ${patients.patient_id} ;;
    relationship: many_to_one
  }
}
