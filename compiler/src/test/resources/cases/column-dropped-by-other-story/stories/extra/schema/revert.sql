ALTER TABLE <% env.warehouse.schema %>.base ADD COLUMN id INTEGER;
