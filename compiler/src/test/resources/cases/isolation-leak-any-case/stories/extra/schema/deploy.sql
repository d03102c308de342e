CREATE TABLE <% env.warehouse.schema %>.extra (base_id INTEGER NOT NULL, note VARCHAR(200), loaded_at TIMESTAMP);
