INSERT INTO <% env.warehouse.schema %>.extra SELECT base_id FROM <% env.warehouse.schema %>.extra;
