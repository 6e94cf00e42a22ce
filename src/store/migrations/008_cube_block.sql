-- 008: each indicator's figures newest first, the recent ones apart.
--
-- A committee's report wants the latest year or two of every indicator.
-- Stored oldest first in four arrays, they sat at the far end of each:
-- SQLite walks a long value's overflow pages from the start, so a cold
-- report read nearly the whole database, and the units' order was a row
-- each in series_unit, read for every indicator. In layout 2 the series
-- row's block holds the unit ids and then its newest `recent` periods, each
-- period's values, counts and flags side by side; older periods follow,
-- newest first, in pi_archive. value and flag stay empty and num and den
-- null in such rows; series_unit is still written, so that a unit with
-- figures cannot be removed. `waymark init` rewrites rows of layout 1.

ALTER TABLE pi_series ADD COLUMN layout INTEGER NOT NULL DEFAULT 1;
ALTER TABLE pi_series ADD COLUMN counts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pi_series ADD COLUMN recent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pi_series ADD COLUMN block @BLOB@;

-- the periods older than the series row's `recent`, newest first, keyed by
-- the series' own id
CREATE TABLE pi_archive (
	id @ID@ REFERENCES pi_series(id) ON DELETE CASCADE,
	block @BLOB@ NOT NULL
);

-- the report's corporate unit is the one with the most targets
CREATE INDEX target_unit ON target(unit_id);

-- a report reads the targets of a few periods: all it needs is in the index
DROP INDEX target_period;
CREATE INDEX target_period ON target(period, pi_id, unit_id, value, tolerance);
