-- 016: figures awaiting approval, and the range an indicator's figures can take.
--
-- A figure entered by someone who may not approve it (a borough's lead
-- entering their unit's month) is stored with its flag's CF_PENDING bit
-- set (model/cube.h) and awaits the indicator's owner or a planner. While
-- it does, this row says who entered it, when, and why they saved it
-- though the checks before saving questioned it; approving it removes the
-- row (the audit log keeps both steps).
--
-- min_value and max_value: what the indicator says its figures can be (a
-- rate from 0 up, a percentage 0 to 100); the data-entry page questions a
-- figure outside them before saving.

CREATE TABLE figure_review (
	pi_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	unit_id BIGINT NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
	period TEXT NOT NULL,
	submitted_by TEXT NOT NULL,
	submitted_at TEXT NOT NULL,
	reason TEXT,
	PRIMARY KEY (pi_id, unit_id, period)
);

ALTER TABLE pi ADD COLUMN min_value @REAL@;
ALTER TABLE pi ADD COLUMN max_value @REAL@;
