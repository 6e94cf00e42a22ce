-- 011: the owner's commentary on an indicator, one per period.
--
-- Why it stands where it does (off track, improving), what is being done,
-- by whom and by when: what an exception report and a scorecard quote
-- beside the figure, and a committee asks about.

CREATE TABLE commentary (
	id @ID@,
	pi_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	period TEXT NOT NULL,
	why TEXT NOT NULL,
	action TEXT,
	by_whom TEXT,
	by_when TEXT,
	author TEXT,
	at TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (pi_id, period)
);
