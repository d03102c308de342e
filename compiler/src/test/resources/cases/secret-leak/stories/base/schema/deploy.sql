-- Load with: psql -W s3cr3t-Pa55 (do not commit)
CREATE TABLE <% env.warehouse.schema %>.base (id INTEGER NOT NULL);
