DROP TABLE IF EXISTS <% env.warehouse.schema %>.care_gaps;
