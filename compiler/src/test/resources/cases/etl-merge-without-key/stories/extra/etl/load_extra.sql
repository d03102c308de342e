-- A query: storyc merges its rows into the target, so it needs the key.
SELECT base_id FROM <% env.warehouse.schema %>.extra;
