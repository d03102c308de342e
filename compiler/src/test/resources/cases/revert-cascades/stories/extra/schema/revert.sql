DROP VIEW IF EXISTS <% env.warehouse.schema %>.extra_v;
DROP TABLE IF EXISTS <% env.warehouse.schema %>.extra CASCADE;
