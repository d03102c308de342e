explore: patients {
  label: "Patients"
  description: "Who our patients are: demographics, geography and primary care attribution."
}
