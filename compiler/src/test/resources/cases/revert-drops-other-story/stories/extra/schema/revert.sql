DROP TABLE IF EXISTS <% env.warehouse.schema %>.extra;
DROP TABLE IF EXISTS <% env.warehouse.schema %>.base;
