DROP VIEW IF EXISTS <% env.warehouse.schema %>.medication_pdc;
DROP TABLE IF EXISTS <% env.warehouse.schema %>.pharmacy_fills;
