# Deliberately joins nothing: a join back to patients, encounters or claims
# would re-identify the cohort.
explore: research_cohort_cells {
  label: "Research Cohort (de-identified)"
  description: "Cohort cells by age band, sex and ZIP3. Cells under the minimum size are suppressed."
}
