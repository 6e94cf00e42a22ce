-- 018: what an imported document said that no other field holds.
--
-- The importer puts every cell of a paper somewhere: in a field, or, for a
-- column Waymark has no field for ("Monitoring & Reporting", "Sub
-- actions"), in the record's extra fields, kept as "Header: text" lines.
-- The status a paper prints ("Open - Actions on going off track", "R",
-- "100") is kept as written beside the record's own status, which takes
-- only the words Waymark knows. A timetable's steps may sit under a phase
-- ("Stage 1" over its activities): a milestone's parent.

ALTER TABLE recommendation ADD COLUMN extra TEXT;
ALTER TABLE recommendation ADD COLUMN status_text TEXT;
ALTER TABLE plan_node ADD COLUMN extra TEXT;
ALTER TABLE plan_node ADD COLUMN status_text TEXT;
ALTER TABLE milestone ADD COLUMN extra TEXT;
ALTER TABLE milestone ADD COLUMN status_text TEXT;
ALTER TABLE milestone ADD COLUMN parent_id BIGINT REFERENCES milestone(id);
CREATE INDEX milestone_parent ON milestone(parent_id);
