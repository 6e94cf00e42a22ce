-- 022: the targets a report reads are all in their index again.
--
-- A report reads the targets of a few periods (008 made that index hold
-- every column it needs); 012 gave targets their counts, and reading them
-- sent each of a report's 21,500 targets at 2.5M figures from the index to
-- its row: a sixth of the exception report's work. The counts join the
-- index.

DROP INDEX target_period;
CREATE INDEX target_period ON target(period, pi_id, unit_id, value, tolerance, numerator,
	denominator);
