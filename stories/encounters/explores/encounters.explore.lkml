explore: encounters {
  label: "Encounters"
  description: "Visits, admissions and telehealth sessions, with the patient seen."

  join: patients {
    type: left_outer
    sql_on: ${encounters.patient_id} = ${patients.patient_id} ;;
    relationship: many_to_one
  }
}
