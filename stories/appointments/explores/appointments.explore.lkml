explore: appointments {
  label: "Appointments"
  description: "Scheduled appointments, their outcome and lead time."

  join: patients {
    type: left_outer
    sql_on: ${appointments.patient_id} = ${patients.patient_id} ;;
    relationship: many_to_one
  }
}
