DROP TABLE IF EXISTS <% env.warehouse.schema %>.base;
