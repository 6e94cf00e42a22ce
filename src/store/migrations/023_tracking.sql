-- 023: everything that has a lead is tracked as recommendations are.
--
-- Key actions, objectives and the other plan items, and milestones, take
-- dated progress updates and revised dates like recommendations
-- (model/track.h): one progress table and one due_change table whose rows
-- are each on exactly one recommendation, plan item or milestone. SQLite
-- cannot let rec_id be empty in place, so both tables are made again and
-- their rows copied over, every column as it was; the audit log names
-- updates by their keys, which do not change ("DA2002/R1/2"), and `waymark
-- init` digests every record afresh after the upgrade. The ids are given
-- anew, in the order they were, as PostgreSQL numbers them itself.
--
-- Plan items and milestones keep what the register keeps: the current due
-- date and the first (from their timescales' latest dates, until revised),
-- how far they have got on the body's scale, the percentage complete and,
-- for plan items, when they were done (milestones have done_on), and
-- whether a lead's word that they are done awaits a planner's sign-off
-- (019's rule for recommendations, now every tracked item's).
--
-- Indicators are due a figure each period, the reporting lag (days) after
-- it ends; posts report to posts and have an address for reminders; a
-- committee has a clerk, sent what it oversees that is long overdue.

CREATE TABLE progress_new (
	id @ID@,
	rec_id BIGINT REFERENCES recommendation(id) ON DELETE CASCADE,
	node_id BIGINT REFERENCES plan_node(id) ON DELETE CASCADE,
	milestone_id BIGINT REFERENCES milestone(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	date TEXT NOT NULL,
	text TEXT NOT NULL,
	degree_met TEXT,
	percent_complete @REAL@,
	author TEXT,
	doc TEXT,
	entered_by TEXT,
	entered_at TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	CHECK ((CASE WHEN rec_id IS NULL THEN 0 ELSE 1 END) +
	    (CASE WHEN node_id IS NULL THEN 0 ELSE 1 END) +
	    (CASE WHEN milestone_id IS NULL THEN 0 ELSE 1 END) = 1),
	UNIQUE (rec_id, seq),
	UNIQUE (node_id, seq),
	UNIQUE (milestone_id, seq)
);
INSERT INTO progress_new (rec_id, seq, date, text, degree_met, percent_complete, author, doc,
    entered_by, entered_at, version)
    SELECT rec_id, seq, date, text, degree_met, percent_complete, author, doc, entered_by,
    entered_at, version FROM progress ORDER BY id;
DROP TABLE progress;
ALTER TABLE progress_new RENAME TO progress;
CREATE INDEX progress_order ON progress(rec_id, date, seq);
CREATE INDEX progress_node_order ON progress(node_id, date, seq);
CREATE INDEX progress_milestone_order ON progress(milestone_id, date, seq);

CREATE TABLE due_change_new (
	id @ID@,
	rec_id BIGINT REFERENCES recommendation(id) ON DELETE CASCADE,
	node_id BIGINT REFERENCES plan_node(id) ON DELETE CASCADE,
	milestone_id BIGINT REFERENCES milestone(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	changed_on TEXT NOT NULL,
	old_due TEXT,
	new_due TEXT,
	reason TEXT,
	entered_by TEXT,
	entered_at TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	CHECK ((CASE WHEN rec_id IS NULL THEN 0 ELSE 1 END) +
	    (CASE WHEN node_id IS NULL THEN 0 ELSE 1 END) +
	    (CASE WHEN milestone_id IS NULL THEN 0 ELSE 1 END) = 1),
	UNIQUE (rec_id, seq),
	UNIQUE (node_id, seq),
	UNIQUE (milestone_id, seq)
);
INSERT INTO due_change_new (rec_id, seq, changed_on, old_due, new_due, reason, entered_by,
    entered_at, version)
    SELECT rec_id, seq, changed_on, old_due, new_due, reason, entered_by, entered_at, version
    FROM due_change ORDER BY id;
DROP TABLE due_change;
ALTER TABLE due_change_new RENAME TO due_change;

ALTER TABLE plan_node ADD COLUMN due TEXT;
ALTER TABLE plan_node ADD COLUMN due_original TEXT;
ALTER TABLE plan_node ADD COLUMN degree_met TEXT;
ALTER TABLE plan_node ADD COLUMN percent_complete @REAL@;
ALTER TABLE plan_node ADD COLUMN completed_on TEXT;
ALTER TABLE plan_node ADD COLUMN awaiting_signoff INTEGER NOT NULL DEFAULT 0
	CHECK (awaiting_signoff IN (0, 1));
UPDATE plan_node SET due = ts_latest, due_original = ts_latest WHERE ts_latest IS NOT NULL;

ALTER TABLE milestone ADD COLUMN due TEXT;
ALTER TABLE milestone ADD COLUMN due_original TEXT;
ALTER TABLE milestone ADD COLUMN degree_met TEXT;
ALTER TABLE milestone ADD COLUMN percent_complete @REAL@;
ALTER TABLE milestone ADD COLUMN awaiting_signoff INTEGER NOT NULL DEFAULT 0
	CHECK (awaiting_signoff IN (0, 1));
UPDATE milestone SET due = ts_latest, due_original = ts_latest WHERE ts_latest IS NOT NULL;

ALTER TABLE pi ADD COLUMN reporting_lag INTEGER;
ALTER TABLE post ADD COLUMN reports_to_id BIGINT REFERENCES post(id);
ALTER TABLE post ADD COLUMN email TEXT;
ALTER TABLE committee ADD COLUMN clerk_post_id BIGINT REFERENCES post(id);
