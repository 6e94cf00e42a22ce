-- 017: what a committee paper says, beside its title and summary.
--
-- The seeds' papers (001, 003) give a report number and date (the agenda
-- number and the meeting's), who it is by, a summary, the recommendations
-- to the committee, the supporting information, the equality and
-- financial implications, background papers and a contact, and
-- appendices. `waymark report pack` lays a paper out from these: the
-- supporting information is the committee's pack (pack = 1) for a unit
-- (unit_id, or the whole organisation) as of a period (as_of, or the
-- latest with figures), after any words of its own; appendices are
-- reports of Waymark's, one a line ("progress source=DA2002").

ALTER TABLE paper ADD COLUMN presented_by TEXT;
ALTER TABLE paper ADD COLUMN recommendations TEXT;
ALTER TABLE paper ADD COLUMN supporting TEXT;
ALTER TABLE paper ADD COLUMN pack INTEGER NOT NULL DEFAULT 0 CHECK (pack IN (0, 1));
ALTER TABLE paper ADD COLUMN unit_id BIGINT REFERENCES unit(id);
ALTER TABLE paper ADD COLUMN as_of TEXT;
ALTER TABLE paper ADD COLUMN equality TEXT;
ALTER TABLE paper ADD COLUMN financial TEXT;
ALTER TABLE paper ADD COLUMN background TEXT;
ALTER TABLE paper ADD COLUMN contact TEXT;
ALTER TABLE paper ADD COLUMN appendices TEXT;
