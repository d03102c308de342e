explore: claims {
  label: "Claims"
  description: "Billed, allowed and paid amounts by payer, with the encounter and patient behind each claim."

  join: encounters {
    type: left_outer
    sql_on: ${claims.encounter_id} = ${encounters.encounter_id} ;;
    relationship: many_to_one
  }

  # Joined on the claim's own patient_id: not every claim has an encounter.
  join: patients {
    type: left_outer
    sql_on: ${claims.patient_id} = ${patients.patient_id} ;;
    relationship: many_to_one
  }
}
