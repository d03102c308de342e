DROP VIEW IF EXISTS <% env.warehouse.schema %>.extra_ids;
DROP TABLE IF EXISTS <% env.warehouse.schema %>.extra;
