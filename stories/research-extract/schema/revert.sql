DROP VIEW IF EXISTS <% env.warehouse.schema %>.research_cohort_cells;
DROP TABLE IF EXISTS <% env.warehouse.schema %>.research_cohort;
