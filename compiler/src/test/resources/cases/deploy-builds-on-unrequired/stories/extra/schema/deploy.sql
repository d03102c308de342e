CREATE TABLE <% env.warehouse.schema %>.extra (base_id INTEGER NOT NULL);
CREATE VIEW <% env.warehouse.schema %>.extra_ids AS
    SELECT id FROM <% env.warehouse.schema %>.base;
