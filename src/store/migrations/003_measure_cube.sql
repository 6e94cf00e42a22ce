-- 003: performance figures kept by indicator, column-wise.
--
-- A committee's exception report needs a few periods of every indicator for
-- every unit; read row by row from a table of millions that is too slow, so
-- each indicator's figures of one period kind are one row: arrays indexed
-- [period][unit], read a slice at a time. series_unit lists the units whose
-- columns a series has, so a unit with figures cannot be removed.
--
-- Figures written row by row before this schema are kept in
-- measurement_staged until `waymark init` folds them into series.

ALTER TABLE measurement RENAME TO measurement_staged;

CREATE TABLE pi_series (
	id @ID@,
	pi_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	period_kind INTEGER NOT NULL CHECK (period_kind BETWEEN 0 AND 3),
	first_index INTEGER NOT NULL,	-- the period index of row 0
	nperiods INTEGER NOT NULL,
	nunits INTEGER NOT NULL,
	value @BLOB@ NOT NULL,		-- float64 little-endian [nperiods][nunits]
	num @BLOB@,			-- the same shape, for ratio PIs' counts
	den @BLOB@,
	flag @BLOB@ NOT NULL,		-- uint8: 0 none, 1 actual, 2 estimate, 3 provisional, 4 not available
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (pi_id, period_kind)
);

CREATE TABLE series_unit (
	series_id BIGINT NOT NULL REFERENCES pi_series(id) ON DELETE CASCADE,
	unit_id BIGINT NOT NULL REFERENCES unit(id),
	pos INTEGER NOT NULL,
	PRIMARY KEY (series_id, unit_id)
);
CREATE INDEX series_unit_unit ON series_unit(unit_id);

CREATE TABLE measurement_note (
	pi_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	unit_id BIGINT NOT NULL REFERENCES unit(id),
	period TEXT NOT NULL,
	note TEXT NOT NULL,
	PRIMARY KEY (pi_id, unit_id, period)
);

CREATE INDEX target_period ON target(period);
