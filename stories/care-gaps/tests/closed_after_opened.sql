-- A gap closes on or after the day it opened: build_care_gaps clamps a result
-- from earlier in the year to the opening date.
SELECT care_gap_id, gap_opened_date, gap_closed_date
FROM <% env.warehouse.schema %>.care_gaps
WHERE gap_closed_date < gap_opened_date
