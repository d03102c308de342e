CREATE TABLE <% env.warehouse.schema %>.extra (base_id INTEGER NOT NULL);
