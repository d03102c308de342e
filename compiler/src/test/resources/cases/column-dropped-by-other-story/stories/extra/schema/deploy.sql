ALTER TABLE <% env.warehouse.schema %>.base DROP COLUMN id;
