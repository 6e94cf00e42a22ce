-- 001: the whole domain of DESIGN.md.
--
-- Written in the subset SQLite and PostgreSQL both accept; @ID@, @REAL@ and
-- @BLOB@ are replaced by the store's dialect. Conventions:
--   * every entity has a surrogate id and a natural key (ref, code, or a
--     unique combination) that people and files use; ids never leave the
--     database;
--   * `version` counts updates, for ETags and optimistic concurrency;
--   * booleans are INTEGER 0/1, dates TEXT 'YYYY-MM-DD', instants TEXT
--     'YYYY-MM-DDTHH:MM:SSZ', periods TEXT ('2003-04', '2003-Q2', '2003/04',
--     '2003');
--   * a timescale is kept as written (ts_text) beside what it means: an
--     interval (ts_earliest, ts_latest) and flags.

-- Organisation ------------------------------------------------------------

CREATE TABLE unit (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
		('authority', 'service', 'business_group', 'ocu', 'department', 'team', 'other')),
	parent_id BIGINT REFERENCES unit(id),
	pathfinder INTEGER NOT NULL DEFAULT 0 CHECK (pathfinder IN (0, 1)),
	published INTEGER NOT NULL DEFAULT 1 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX unit_parent ON unit(parent_id);

CREATE TABLE person (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	email TEXT,
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE post (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,	-- as documents write it: 'Head of Corporate Planning'
	title TEXT,			-- in full, where ref is an abbreviation
	unit_id BIGINT REFERENCES unit(id),
	published INTEGER NOT NULL DEFAULT 1 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE post_holder (
	id @ID@,
	post_id BIGINT NOT NULL REFERENCES post(id) ON DELETE CASCADE,
	person_id BIGINT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	start_date TEXT,
	end_date TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (post_id, person_id)
);

-- Other names for units, posts, committees... as documents write them
-- ('ACPRS' for 'AC PRS'), so importers and the command line resolve them.
CREATE TABLE alias (
	id @ID@,
	kind TEXT NOT NULL,		-- 'units', 'posts', ...
	name TEXT NOT NULL,
	target TEXT NOT NULL,		-- the key it stands for
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (kind, name)
);

CREATE TABLE committee (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
		('authority', 'board', 'strategic', 'review', 'panel', 'other')),
	remit TEXT,
	reports_to_id BIGINT REFERENCES committee(id),
	chair_post_id BIGINT REFERENCES post(id),
	published INTEGER NOT NULL DEFAULT 1 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE meeting (
	id @ID@,
	committee_id BIGINT NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
	date TEXT NOT NULL,
	title TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (committee_id, date)
);

CREATE TABLE paper (
	id @ID@,
	meeting_id BIGINT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	ref TEXT NOT NULL,
	title TEXT NOT NULL,
	author TEXT,
	summary TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (meeting_id, ref)
);

-- The strategic framework ---------------------------------------------------

CREATE TABLE plan (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
		('framework', 'strategy', 'corporate_strategy', 'annual_plan',
		 'business_plan', 'ocu_plan', 'action_plan', 'other')),
	unit_id BIGINT REFERENCES unit(id),
	parent_id BIGINT REFERENCES plan(id),	-- the plan it cascades from
	period_start TEXT,
	period_end TEXT,
	doc_date TEXT,
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
		('draft', 'agreed', 'published', 'archived')),
	mission TEXT,
	vision TEXT,
	description TEXT,
	published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
);

-- Goals, aims, outcomes, priorities, key actions, objectives: one tree per plan.
CREATE TABLE plan_node (
	id @ID@,
	plan_id BIGINT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN
		('goal', 'aim', 'outcome', 'priority', 'key_action', 'objective')),
	ref TEXT NOT NULL,
	parent_id BIGINT REFERENCES plan_node(id),
	seq INTEGER NOT NULL DEFAULT 0,
	title TEXT NOT NULL,
	description TEXT,
	measure TEXT,			-- a key action's performance measure
	committee_id BIGINT REFERENCES committee(id),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN
		('open', 'in_progress', 'done', 'dropped')),
	ts_text TEXT,
	ts_earliest TEXT,
	ts_latest TEXT,
	ts_ongoing INTEGER NOT NULL DEFAULT 0,
	ts_complete INTEGER NOT NULL DEFAULT 0,
	ts_uncertain INTEGER NOT NULL DEFAULT 0,
	ts_conditional INTEGER NOT NULL DEFAULT 0,
	published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (plan_id, ref)
);
CREATE INDEX plan_node_parent ON plan_node(parent_id);
CREATE INDEX plan_node_kind ON plan_node(kind, plan_id);

CREATE TABLE node_lead (
	node_id BIGINT NOT NULL REFERENCES plan_node(id) ON DELETE CASCADE,
	post_id BIGINT NOT NULL REFERENCES post(id),
	seq INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (node_id, post_id)
);

-- A lower plan's objective underpins a higher plan's (the cascade).
CREATE TABLE node_link (
	id @ID@,
	lower_id BIGINT NOT NULL REFERENCES plan_node(id) ON DELETE CASCADE,
	higher_id BIGINT NOT NULL REFERENCES plan_node(id) ON DELETE CASCADE,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (lower_id, higher_id)
);

-- Performance ------------------------------------------------------------------

CREATE TABLE pi (
	id @ID@,
	code TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	description TEXT,
	measure_unit TEXT,		-- '%', 'number', 'per 1,000 population'
	polarity TEXT NOT NULL DEFAULT 'higher' CHECK (polarity IN ('higher', 'lower', 'none')),
	frequency TEXT NOT NULL DEFAULT 'monthly' CHECK (frequency IN
		('monthly', 'quarterly', 'annual')),
	owner_post_id BIGINT REFERENCES post(id),
	committee_id BIGINT REFERENCES committee(id),
	data_source TEXT,
	statutory INTEGER NOT NULL DEFAULT 0 CHECK (statutory IN (0, 1)),
	aggregation TEXT NOT NULL DEFAULT 'sum' CHECK (aggregation IN
		('sum', 'mean', 'ratio', 'latest', 'none')),
	scale @REAL@ NOT NULL DEFAULT 1,	-- ratio PIs: value = numerator / denominator * scale
	tolerance @REAL@ NOT NULL DEFAULT 5,	-- the amber band
	tolerance_kind TEXT NOT NULL DEFAULT 'percent' CHECK (tolerance_kind IN
		('percent', 'absolute')),
	decimals INTEGER NOT NULL DEFAULT 1,
	published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
);

-- Which plan nodes (aims, goals, priorities) a PI measures.
CREATE TABLE pi_node (
	pi_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	node_id BIGINT NOT NULL REFERENCES plan_node(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (pi_id, node_id)
);

-- A goal's PI watched through a basket of aim PIs.
CREATE TABLE pi_basket (
	id @ID@,
	pi_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	member_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	weight @REAL@ NOT NULL DEFAULT 1,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (pi_id, member_id)
);

CREATE TABLE measurement (
	id @ID@,
	pi_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	unit_id BIGINT NOT NULL REFERENCES unit(id),
	period TEXT NOT NULL,
	value @REAL@,			-- NULL when not available
	numerator @REAL@,		-- ratio PIs carry both counts
	denominator @REAL@,
	flag TEXT NOT NULL DEFAULT 'actual' CHECK (flag IN
		('actual', 'estimate', 'provisional', 'not_available')),
	note TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (pi_id, unit_id, period)
);

CREATE TABLE target (
	id @ID@,
	pi_id BIGINT NOT NULL REFERENCES pi(id) ON DELETE CASCADE,
	unit_id BIGINT NOT NULL REFERENCES unit(id),
	period TEXT NOT NULL,
	value @REAL@ NOT NULL,
	tolerance @REAL@,		-- overrides the PI's where set
	note TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (pi_id, unit_id, period)
);

-- Recommendations ---------------------------------------------------------------

-- How a body grades progress: seed 004's five degrees by default.
CREATE TABLE grade_scale (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE grade (
	id @ID@,
	scale_id BIGINT NOT NULL REFERENCES grade_scale(id) ON DELETE CASCADE,
	label TEXT NOT NULL,
	seq INTEGER NOT NULL,		-- 0 = least met
	percent @REAL@,			-- the completion it stands for
	closes INTEGER NOT NULL DEFAULT 0 CHECK (closes IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (scale_id, label)
);

-- An audit, inspection or review report whose recommendations are tracked.
CREATE TABLE source (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
		('district_audit', 'audit_commission', 'hmic', 'internal_audit',
		 'best_value_review', 'internal_review', 'inspection', 'other')),
	body TEXT,
	issued TEXT,
	assurance TEXT,			-- the auditor's opinion
	scale_id BIGINT REFERENCES grade_scale(id),
	committee_id BIGINT REFERENCES committee(id),
	published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE recommendation (
	id @ID@,
	source_id BIGINT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
	ref TEXT NOT NULL,
	seq INTEGER NOT NULL DEFAULT 0,
	subject TEXT,
	text TEXT NOT NULL,
	statutory INTEGER CHECK (statutory IN (0, 1)),	-- NULL: not stated
	priority INTEGER CHECK (priority BETWEEN 1 AND 3),
	priority_label TEXT,		-- as the audit wrote it: 'high', '•••'
	response TEXT,
	ts_text TEXT,
	ts_earliest TEXT,
	ts_latest TEXT,
	ts_ongoing INTEGER NOT NULL DEFAULT 0,
	ts_complete INTEGER NOT NULL DEFAULT 0,
	ts_uncertain INTEGER NOT NULL DEFAULT 0,
	ts_conditional INTEGER NOT NULL DEFAULT 0,
	due_original TEXT,		-- the first target date, kept when it slips
	due TEXT,			-- the current target date
	degree_met TEXT,
	percent_complete @REAL@,
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'withdrawn')),
	committee_id BIGINT REFERENCES committee(id),
	published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (source_id, ref)
);

CREATE TABLE rec_lead (
	rec_id BIGINT NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
	post_id BIGINT NOT NULL REFERENCES post(id),
	seq INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (rec_id, post_id)
);

-- Dated progress updates; the register's history.
CREATE TABLE progress (
	id @ID@,
	rec_id BIGINT NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,		-- 1, 2, ... in the order they were made
	date TEXT NOT NULL,
	text TEXT NOT NULL,
	degree_met TEXT,
	percent_complete @REAL@,
	author TEXT,
	doc TEXT,			-- the document it was read from, if imported
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (rec_id, seq)
);

-- Every change of a recommendation's target date: slippage.
CREATE TABLE due_change (
	id @ID@,
	rec_id BIGINT NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	changed_on TEXT NOT NULL,
	old_due TEXT,
	new_due TEXT,
	reason TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (rec_id, seq)
);

-- Timetables --------------------------------------------------------------------

CREATE TABLE timetable (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	plan_id BIGINT REFERENCES plan(id),
	doc_date TEXT,
	published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE milestone (
	id @ID@,
	timetable_id BIGINT NOT NULL REFERENCES timetable(id) ON DELETE CASCADE,
	ref TEXT NOT NULL,
	seq INTEGER NOT NULL DEFAULT 0,
	title TEXT NOT NULL,
	responsible TEXT,		-- the body as written
	committee_id BIGINT REFERENCES committee(id),
	post_id BIGINT REFERENCES post(id),
	status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
		('planned', 'in_progress', 'done', 'slipped', 'cancelled')),
	done_on TEXT,
	ts_text TEXT,
	ts_earliest TEXT,
	ts_latest TEXT,
	ts_ongoing INTEGER NOT NULL DEFAULT 0,
	ts_complete INTEGER NOT NULL DEFAULT 0,
	ts_uncertain INTEGER NOT NULL DEFAULT 0,
	ts_conditional INTEGER NOT NULL DEFAULT 0,
	published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (timetable_id, ref)
);

CREATE TABLE milestone_dep (
	milestone_id BIGINT NOT NULL REFERENCES milestone(id) ON DELETE CASCADE,
	depends_on_id BIGINT NOT NULL REFERENCES milestone(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (milestone_id, depends_on_id)
);

-- Projects and money -------------------------------------------------------------

CREATE TABLE project (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	description TEXT,
	unit_id BIGINT REFERENCES unit(id),		-- who proposed it
	manager_post_id BIGINT REFERENCES post(id),
	committee_id BIGINT REFERENCES committee(id),	-- commissions and funds it
	status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN
		('proposed', 'commissioned', 'running', 'closed', 'decommissioned')),
	benefit @REAL@,
	benefit_basis TEXT,
	start_date TEXT,
	end_date TEXT,
	published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE project_cost (
	id @ID@,
	project_id BIGINT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
	year TEXT NOT NULL,		-- financial year, '2003/04'
	one_off @REAL@ NOT NULL DEFAULT 0,
	recurring @REAL@ NOT NULL DEFAULT 0,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (project_id, year)
);

-- How much a project serves an aim (weight 0..1).
CREATE TABLE contribution (
	id @ID@,
	project_id BIGINT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
	node_id BIGINT NOT NULL REFERENCES plan_node(id) ON DELETE CASCADE,
	weight @REAL@ NOT NULL DEFAULT 1,
	note TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (project_id, node_id)
);

-- A project manager's report by exception.
CREATE TABLE project_report (
	id @ID@,
	project_id BIGINT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
	date TEXT NOT NULL,
	rag TEXT CHECK (rag IN ('red', 'amber', 'green')),
	text TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (project_id, date)
);

CREATE TABLE budget_line (
	id @ID@,
	unit_id BIGINT NOT NULL REFERENCES unit(id),
	year TEXT NOT NULL,
	category TEXT NOT NULL,
	amount @REAL@ NOT NULL,
	devolved INTEGER NOT NULL DEFAULT 0 CHECK (devolved IN (0, 1)),
	note TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (unit_id, year, category)
);

CREATE TABLE capital_bid (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	unit_id BIGINT REFERENCES unit(id),
	year TEXT NOT NULL,
	amount @REAL@ NOT NULL,
	score @REAL@,
	status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN
		('submitted', 'approved', 'rejected', 'deferred')),
	justification TEXT,
	version INTEGER NOT NULL DEFAULT 1
);

-- The goals a bid claims to serve.
CREATE TABLE bid_node (
	bid_id BIGINT NOT NULL REFERENCES capital_bid(id) ON DELETE CASCADE,
	node_id BIGINT NOT NULL REFERENCES plan_node(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (bid_id, node_id)
);

-- Consultation --------------------------------------------------------------------

CREATE TABLE theme (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	description TEXT,
	version INTEGER NOT NULL DEFAULT 1
);

-- A rule that tags issues with a theme: words that, found in an issue's text, mean the theme.
CREATE TABLE theme_rule (
	id @ID@,
	theme_id BIGINT NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
	pattern TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (theme_id, pattern)
);

-- The aims a theme bears on.
CREATE TABLE theme_node (
	theme_id BIGINT NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
	node_id BIGINT NOT NULL REFERENCES plan_node(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (theme_id, node_id)
);

CREATE TABLE consultation_issue (
	id @ID@,
	ref TEXT NOT NULL UNIQUE,
	source TEXT NOT NULL,		-- 'best value review', 'public attitude survey', ...
	date TEXT NOT NULL,
	text TEXT NOT NULL,
	unit_id BIGINT REFERENCES unit(id),
	version INTEGER NOT NULL DEFAULT 1
);

-- Themes given by hand; those that rules give are worked out when asked,
-- so that editing a rule re-tags every issue.
CREATE TABLE issue_theme (
	issue_id BIGINT NOT NULL REFERENCES consultation_issue(id) ON DELETE CASCADE,
	theme_id BIGINT NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (issue_id, theme_id)
);

-- People using Waymark -----------------------------------------------------------

CREATE TABLE app_user (
	id @ID@,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT,
	role TEXT NOT NULL CHECK (role IN ('admin', 'planner', 'lead', 'member')),
	password_hash TEXT,
	person_id BIGINT REFERENCES person(id),
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE app_session (
	id @ID@,
	token_hash TEXT NOT NULL UNIQUE,
	user_id BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);

-- A member's comment on anything, by its kind and key.
CREATE TABLE comment (
	id @ID@,
	kind TEXT NOT NULL,
	ref TEXT NOT NULL,
	seq INTEGER NOT NULL,
	author TEXT NOT NULL,
	at TEXT NOT NULL,
	text TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (kind, ref, seq)
);

-- Housekeeping -------------------------------------------------------------------

-- Every change: who, when, what before and after (JSON). Each entry's hash
-- covers the previous entry's, so an edited history shows.
CREATE TABLE audit (
	id @ID@,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	kind TEXT NOT NULL,
	ref TEXT NOT NULL,
	before TEXT,
	after TEXT,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_target ON audit(kind, ref);

-- Settings a body changes: RAG rules for recommendations, thresholds...
CREATE TABLE setting (
	id @ID@,
	key TEXT NOT NULL UNIQUE,
	value TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);

-- Documents imported, by content hash, so that importing one twice changes nothing.
CREATE TABLE import_doc (
	id @ID@,
	sha256 TEXT NOT NULL UNIQUE,
	file TEXT NOT NULL,
	kinds TEXT NOT NULL,
	doc_date TEXT,
	source TEXT,
	at TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1
);

INSERT INTO grade_scale (ref, name) VALUES ('degree-met', 'Degree to which the recommendation is met');
INSERT INTO grade (scale_id, label, seq, percent, closes)
	SELECT id, 'not met', 0, 0, 0 FROM grade_scale WHERE ref = 'degree-met';
INSERT INTO grade (scale_id, label, seq, percent, closes)
	SELECT id, 'partially', 1, 25, 0 FROM grade_scale WHERE ref = 'degree-met';
INSERT INTO grade (scale_id, label, seq, percent, closes)
	SELECT id, 'moderately', 2, 50, 0 FROM grade_scale WHERE ref = 'degree-met';
INSERT INTO grade (scale_id, label, seq, percent, closes)
	SELECT id, 'significantly', 3, 75, 0 FROM grade_scale WHERE ref = 'degree-met';
INSERT INTO grade (scale_id, label, seq, percent, closes)
	SELECT id, 'completely', 4, 100, 1 FROM grade_scale WHERE ref = 'degree-met';
