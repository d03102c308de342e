CREATE TABLE <% env.warehouse.schema %>.base (id INTEGER NOT NULL);
