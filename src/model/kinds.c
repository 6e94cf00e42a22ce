/*
 * kinds.c: the description of every kind of record (see kind.h).
 *
 * The order of `kinds[]` is the dependency order: a kind comes after every
 * kind it refers to (other than itself), so exporting and importing in this
 * order never meets a reference to something not yet there.
 */
#include "base/wm.h"

#include "model/kind.h"
#include "model/hooks.h"
#include "model/measure.h"

#define END { NULL, NULL, FT_TEXT, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0 }
#define TEXT(n, c, f, h) { n, c, FT_TEXT, f, NULL, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
#define INT(n, c, f, h) { n, c, FT_INT, f, NULL, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
#define REAL(n, c, f, h) { n, c, FT_REAL, f, NULL, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
#define BOOL(n, c, f, h) { n, c, FT_BOOL, f, NULL, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
#define DATE(n, c, f, h) { n, c, FT_DATE, f, NULL, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
#define PERIOD(n, c, f, h) { n, c, FT_PERIOD, f, NULL, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
#define FYEAR(n, c, f, h) { n, c, FT_FYEAR, f, NULL, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
#define ENUM(n, c, f, v, h) { n, c, FT_ENUM, f, NULL, v, NULL, NULL, NULL, h, 0, 0, 0 }
#define REF(n, c, f, k, h) { n, c, FT_REF, f, k, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
#define LINKS(n, k, tbl, self, other, h) { n, NULL, FT_LINKS, 0, k, NULL, tbl, self, other, h, 0, 0, 0 }
#define TIMESCALE(h) { "timescale", "ts", FT_TIMESCALE, FF_BRIEF, NULL, NULL, NULL, NULL, NULL, h, 0, 0, 0 }
/* a number field allowed only values from lo to hi (kind.h: field_check_number) */
#define INTR(n, c, f, lo, hi, h) { n, c, FT_INT, f, NULL, NULL, NULL, NULL, NULL, h, lo, hi, 0 }
#define REALR(n, c, f, lo, hi, h) { n, c, FT_REAL, f, NULL, NULL, NULL, NULL, NULL, h, lo, hi, 0 }
#define PERCENT(n, c, h) REALR(n, c, 0, 0, 100, h)
#define AMOUNT(n, c, f, h) REALR(n, c, f, 0, FIELD_NUMBER_MAX, h)
/* whose an update is: a lead may change their own for a while (authz.c) */
#define ENTERED \
	TEXT("entered_by", "entered_by", FF_DERIVED | FF_ADDED_BY, "who added it"), \
	TEXT("entered_at", "entered_at", FF_DERIVED | FF_ADDED_AT, "when it was added")
#define PUBLISHED BOOL("published", "published", 0, "shown to the public (with `serve --public`)")
/*
 * What the register keeps of everything that is tracked (model/track.h):
 * the due date (the latest revision's), the first, how far it has got on
 * the body's scale and in percent, and when it was done.
 */
#define TRACKED(what) \
	DATE("due", "due", 0, "the current target date: the latest revision's (follows the " \
	    "timescale unless set)"), \
	DATE("due_original", "due_original", FF_DERIVED, "the first target date"), \
	TEXT("degree_met", "degree_met", 0, "how far " what " has got, on the body's scale " \
	    "(setting tracking.scale; a grade that closes marks it done)"), \
	PERCENT("percent_complete", "percent_complete", "percentage complete"), \
	BOOL("awaiting_signoff", "awaiting_signoff", FF_SIGNOFF, "a lead officer's update says " \
	    what " is met in full: it is done when a planner signs it off (sets this to no)")
/* what a progress update or a revision is on: one tracked record (model/track.h) */
#define TRACKED_ON(what) \
	REF("recommendation", "rec_id", FF_KEY | FF_ONE_OF | FF_BRIEF, "recommendations", \
	    "the recommendation " what " is on (or give a node or a milestone)"), \
	REF("node", "node_id", FF_ONE_OF | FF_BRIEF, "nodes", "the plan item (a key action, an " \
	    "objective) " what " is on"), \
	REF("milestone", "milestone_id", FF_ONE_OF | FF_BRIEF, "milestones", "the milestone " what \
	    " is on")

static const char *const unit_kinds[] = { "authority", "service", "business_group", "ocu",
	"department", "team", "other", NULL };
static const char *const committee_kinds[] = { "authority", "board", "strategic", "review",
	"panel", "other", NULL };
static const char *const plan_kinds[] = { "framework", "strategy", "corporate_strategy",
	"annual_plan", "business_plan", "ocu_plan", "action_plan", "other", NULL };
static const char *const plan_statuses[] = { "draft", "agreed", "published", "archived", NULL };
static const char *const node_kinds[] = { "goal", "aim", "outcome", "priority", "key_action",
	"objective", NULL };
static const char *const node_statuses[] = { "open", "in_progress", "done", "dropped", NULL };
static const char *const polarities[] = { "higher", "lower", "none", NULL };
static const char *const frequencies[] = { "monthly", "quarterly", "annual", NULL };
static const char *const aggregations[] = { "sum", "mean", "ratio", "latest", "none", NULL };
static const char *const tolerance_kinds[] = { "percent", "absolute", NULL };
static const char *const flags[] = { "actual", "estimate", "provisional", "not_available", NULL };
static const char *const source_kinds[] = { "district_audit", "audit_commission", "hmic",
	"internal_audit", "best_value_review", "internal_review", "inspection", "other", NULL };
static const char *const rec_statuses[] = { "open", "closed", "withdrawn", NULL };
static const char *const milestone_statuses[] = { "planned", "in_progress", "done", "slipped",
	"cancelled", NULL };
static const char *const project_statuses[] = { "proposed", "commissioned", "running", "closed",
	"decommissioned", NULL };
static const char *const rags[] = { "red", "amber", "green", NULL };
static const char *const bid_statuses[] = { "submitted", "approved", "rejected", "deferred", NULL };
static const char *const roles[] = { "admin", "planner", "lead", "member", NULL };

static const struct field unit_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short code, used to refer to the unit"),
	TEXT("name", "name", FF_REQ | FF_BRIEF | FF_NAME, "name"),
	ENUM("kind", "kind", FF_BRIEF, unit_kinds, "what sort of unit"),
	REF("parent", "parent_id", FF_BRIEF, "units", "the unit above it in the tree"),
	BOOL("pathfinder", "pathfinder", 0, "a pathfinder borough with devolved budgets"),
	PUBLISHED,
	END
};

static const struct field person_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short identifier"),
	TEXT("name", "name", FF_REQ | FF_BRIEF | FF_NAME, "full name"),
	TEXT("email", "email", FF_BRIEF, "e-mail address"),
	END
};

static const struct field post_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "the post as documents name it"),
	TEXT("title", "title", FF_BRIEF | FF_NAME, "the title in full"),
	REF("unit", "unit_id", FF_BRIEF, "units", "the unit it belongs to"),
	REF("reports_to", "reports_to_id", 0, "posts", "the post it reports to: its holder sees "
	    "this post's work (My work) and is sent what is long overdue"),
	TEXT("email", "email", 0, "the post's own e-mail address, sent its reminders beside its "
	    "holders'"),
	PUBLISHED,
	END
};

static const struct field holder_fields[] = {
	REF("post", "post_id", FF_KEY | FF_REQ | FF_BRIEF, "posts", "the post"),
	REF("person", "person_id", FF_KEY | FF_REQ | FF_BRIEF, "people", "who holds it"),
	DATE("start_date", "start_date", FF_BRIEF, "from"),
	DATE("end_date", "end_date", FF_BRIEF, "until"),
	END
};

static const struct field committee_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name"),
	TEXT("name", "name", FF_REQ | FF_BRIEF | FF_NAME, "name"),
	ENUM("kind", "kind", FF_BRIEF, committee_kinds, "what sort of body"),
	TEXT("remit", "remit", FF_LONG, "what it is responsible for"),
	REF("reports_to", "reports_to_id", FF_BRIEF, "committees", "the committee it reports to"),
	REF("chair", "chair_post_id", 0, "posts", "the post that chairs it"),
	REF("clerk", "clerk_post_id", 0, "posts", "the post that clerks it: sent what it oversees "
	    "that is long overdue"),
	PUBLISHED,
	END
};

static const struct field meeting_fields[] = {
	REF("committee", "committee_id", FF_KEY | FF_REQ | FF_BRIEF, "committees", "the committee"),
	DATE("date", "date", FF_KEY | FF_REQ | FF_BRIEF, "when it meets"),
	TEXT("title", "title", FF_BRIEF, "title"),
	END
};

static const struct field paper_fields[] = {
	REF("meeting", "meeting_id", FF_KEY | FF_REQ | FF_BRIEF, "meetings", "the meeting"),
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "agenda number"),
	TEXT("title", "title", FF_REQ | FF_BRIEF, "title"),
	TEXT("author", "author", 0, "who wrote it"),
	TEXT("summary", "summary", FF_LONG, "summary"),
	TEXT("by", "presented_by", 0, "who it is by, as the paper says (Commissioner, Clerk)"),
	TEXT("recommendations", "recommendations", FF_LONG,
	    "what the committee is asked to do, one recommendation a line"),
	TEXT("supporting", "supporting", FF_LONG,
	    "supporting information in the paper's own words, before the pack"),
	BOOL("pack", "pack", 0, "the supporting information includes the committee's pack: what "
	    "it oversees that is off track, then what is on track"),
	REF("unit", "unit_id", 0, "units", "the unit the pack is for; empty for the whole "
	    "organisation"),
	PERIOD("as_of", "as_of", 0, "the period the pack is as of; empty for the latest with "
	    "figures"),
	TEXT("equality", "equality", FF_LONG, "equality and diversity implications"),
	TEXT("financial", "financial", FF_LONG, "financial implications"),
	TEXT("background", "background", FF_LONG, "background papers, one a line"),
	TEXT("contact", "contact", FF_LONG, "contact details"),
	TEXT("appendices", "appendices", FF_LONG, "appendices, one a line: a report and its "
	    "options, as `progress source=DA2002` or `timetable timetable=TTSC-APPX1`"),
	END
};

static const struct field plan_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name, used to refer to the plan"),
	TEXT("title", "title", FF_REQ | FF_BRIEF | FF_NAME, "title"),
	ENUM("kind", "kind", FF_BRIEF, plan_kinds, "what sort of plan"),
	REF("unit", "unit_id", FF_BRIEF, "units", "the unit whose plan it is"),
	REF("parent", "parent_id", FF_BRIEF, "plans", "the plan it cascades from"),
	DATE("period_start", "period_start", 0, "first day it covers"),
	DATE("period_end", "period_end", 0, "last day it covers"),
	DATE("doc_date", "doc_date", 0, "date of the document"),
	ENUM("status", "status", 0, plan_statuses, "where it stands"),
	TEXT("mission", "mission", FF_LONG, "mission statement"),
	TEXT("vision", "vision", FF_LONG, "vision statement"),
	TEXT("description", "description", FF_LONG, "description"),
	PUBLISHED,
	END
};

static const struct field node_fields[] = {
	REF("plan", "plan_id", FF_KEY | FF_REQ | FF_BRIEF, "plans", "the plan it belongs to"),
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "reference within the plan (G1, G1.A2, P3.a)"),
	ENUM("kind", "kind", FF_REQ | FF_BRIEF, node_kinds, "level in the framework"),
	REF("parent", "parent_id", 0, "nodes", "the node above it in the same plan"),
	INT("seq", "seq", 0, "order among its siblings"),
	TEXT("title", "title", FF_REQ | FF_BRIEF | FF_NAME, "title"),
	TEXT("description", "description", FF_LONG, "description"),
	TEXT("measure", "measure", FF_LONG, "how success is measured"),
	REF("committee", "committee_id", 0, "committees", "the accountable committee"),
	LINKS("leads", "posts", "node_lead", "node_id", "post_id", "the lead posts"),
	TIMESCALE("when it is due, as written"),
	ENUM("status", "status", 0, node_statuses, "where it stands"),
	TEXT("status_text", "status_text", 0, "its status as the document it was read from wrote it"),
	TEXT("extra", "extra", 0, "what its document said that no field holds, as \"Header: text\" lines"),
	TRACKED("it"),
	DATE("completed_on", "completed_on", 0, "when it was done"),
	PUBLISHED,
	END
};

static const struct field link_fields[] = {
	REF("lower", "lower_id", FF_KEY | FF_REQ | FF_BRIEF, "nodes", "the lower plan's objective"),
	REF("higher", "higher_id", FF_KEY | FF_REQ | FF_BRIEF, "nodes", "the higher plan's objective it underpins"),
	END
};

static const struct field pi_fields[] = {
	TEXT("code", "code", FF_KEY | FF_REQ | FF_BRIEF, "code (BVPI 153b)"),
	TEXT("title", "title", FF_REQ | FF_BRIEF | FF_NAME, "title"),
	TEXT("description", "description", FF_LONG, "what it counts"),
	TEXT("measure_unit", "measure_unit", FF_BRIEF, "unit of measure (%, number)"),
	ENUM("polarity", "polarity", FF_BRIEF, polarities, "is higher or lower better"),
	ENUM("frequency", "frequency", 0, frequencies, "how often it is measured"),
	REF("owner", "owner_post_id", 0, "posts", "the post that owns it: enters or approves its "
	    "figures, and is reminded when they are due"),
	REF("committee", "committee_id", 0, "committees", "the accountable committee"),
	TEXT("data_source", "data_source", 0, "where the data comes from"),
	BOOL("statutory", "statutory", 0, "a statutory indicator"),
	ENUM("aggregation", "aggregation", FF_BRIEF, aggregations, "how unit figures roll up"),
	REALR("scale", "scale", 0, 1e-9, FIELD_NUMBER_MAX, "ratio PIs: value = numerator / denominator * scale"),
	AMOUNT("tolerance", "tolerance", 0, "how far off target is amber, not red"),
	ENUM("tolerance_kind", "tolerance_kind", 0, tolerance_kinds, "tolerance in percent of target or absolute"),
	INTR("decimals", "decimals", 0, 0, 10, "decimal places to show"),
	REAL("min_value", "min_value", 0, "the lowest a figure can be (a percentage: 0 unless given)"),
	REAL("max_value", "max_value", 0, "the highest a figure can be (a percentage: 100 unless given)"),
	INTR("reporting_lag", "reporting_lag", 0, 0, 3650, "days after a period ends that its "
	    "figure is due (empty: the setting figures.reporting_lag, 30 unless set)"),
	LINKS("measures", "nodes", "pi_node", "pi_id", "node_id", "the aims, goals or priorities it measures"),
	PUBLISHED,
	END
};

static const struct field basket_fields[] = {
	REF("pi", "pi_id", FF_KEY | FF_REQ | FF_BRIEF, "pis", "the goal's PI"),
	REF("member", "member_id", FF_KEY | FF_REQ | FF_BRIEF, "pis", "an aim PI that watches it"),
	AMOUNT("weight", "weight", FF_BRIEF, "its weight in the basket"),
	END
};

static const struct field measurement_fields[] = {
	REF("pi", "pi_id", FF_KEY | FF_REQ | FF_BRIEF, "pis", "the PI"),
	REF("unit", "unit_id", FF_KEY | FF_REQ | FF_BRIEF, "units", "the unit"),
	PERIOD("period", "period", FF_KEY | FF_REQ | FF_BRIEF, "the period"),
	REAL("value", "value", FF_BRIEF, "the figure"),
	AMOUNT("numerator", "numerator", 0, "ratio PIs: the count above the line"),
	AMOUNT("denominator", "denominator", 0, "ratio PIs: the count below the line"),
	ENUM("flag", "flag", FF_BRIEF, flags, "quality of the figure"),
	TEXT("note", "note", 0, "note (why it is not available)"),
	BOOL("approved", "approved", FF_BRIEF, "approved by the indicator's owner or a planner "
	    "(a figure others enter awaits approval, unseen by the public)"),
	TEXT("reason", "reason", FF_LONG, "why the figure is right though the checks before saving "
	    "questioned it"),
	TEXT("submitted_by", "submitted_by", FF_DERIVED, "who entered it, while it awaits approval"),
	END
};

static const struct field target_fields[] = {
	REF("pi", "pi_id", FF_KEY | FF_REQ | FF_BRIEF, "pis", "the PI"),
	REF("unit", "unit_id", FF_KEY | FF_REQ | FF_BRIEF, "units", "the unit"),
	PERIOD("period", "period", FF_KEY | FF_REQ | FF_BRIEF, "the period"),
	REAL("value", "value", FF_REQ | FF_BRIEF, "the target"),
	AMOUNT("tolerance", "tolerance", 0, "overrides the PI's tolerance"),
	AMOUNT("numerator", "numerator", 0, "ratio PIs: the count above the line the target means"),
	AMOUNT("denominator", "denominator", 0, "ratio PIs: the count below the line"),
	TEXT("note", "note", 0, "note"),
	END
};

static const struct field commentary_fields[] = {
	REF("pi", "pi_id", FF_KEY | FF_REQ | FF_BRIEF, "pis", "the indicator"),
	PERIOD("period", "period", FF_KEY | FF_REQ | FF_BRIEF, "the period it is about"),
	TEXT("why", "why", FF_REQ | FF_LONG, "why the figure is where it is (off track, getting worse)"),
	TEXT("action", "action", FF_LONG, "what is being done about it"),
	TEXT("by_whom", "by_whom", FF_BRIEF, "who is doing it"),
	DATE("by_when", "by_when", FF_BRIEF, "when it will be done"),
	TEXT("author", "author", FF_DERIVED | FF_BRIEF, "who wrote it"),
	TEXT("at", "at", FF_DERIVED, "when it was written"),
	END
};

static const struct field scale_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name"),
	TEXT("name", "name", FF_REQ | FF_BRIEF | FF_NAME, "name"),
	END
};

static const struct field grade_fields[] = {
	REF("scale", "scale_id", FF_KEY | FF_REQ | FF_BRIEF, "scales", "the scale"),
	TEXT("label", "label", FF_KEY | FF_REQ | FF_BRIEF, "the grade as written"),
	INTR("seq", "seq", FF_REQ | FF_BRIEF, 0, 1000, "rank, 0 for least met"),
	REALR("percent", "percent", FF_BRIEF, 0, 100, "the completion it stands for"),
	BOOL("closes", "closes", FF_BRIEF, "this grade closes a recommendation"),
	END
};

static const struct field source_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name"),
	TEXT("title", "title", FF_REQ | FF_BRIEF | FF_NAME, "title of the report"),
	ENUM("kind", "kind", FF_BRIEF, source_kinds, "who made it"),
	TEXT("body", "body", 0, "the auditing or inspecting body"),
	DATE("issued", "issued", FF_BRIEF, "date of the report"),
	TEXT("assurance", "assurance", FF_LONG, "the auditor's assurance opinion"),
	REF("scale", "scale_id", 0, "scales", "how its recommendations are graded"),
	REF("committee", "committee_id", 0, "committees", "the committee that receives it"),
	PUBLISHED,
	END
};

static const struct field rec_fields[] = {
	REF("source", "source_id", FF_KEY | FF_REQ | FF_BRIEF, "sources", "the report it comes from"),
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "reference in the report (R1)"),
	INT("seq", "seq", 0, "order in the report"),
	TEXT("subject", "subject", FF_BRIEF, "subject"),
	TEXT("text", "text", FF_REQ | FF_LONG, "the recommendation"),
	BOOL("statutory", "statutory", FF_NULL, "statutory (null: not stated)"),
	INTR("priority", "priority", FF_BRIEF, 1, 3, "1 low, 2 medium, 3 high"),
	TEXT("priority_label", "priority_label", 0, "the priority as the report wrote it"),
	TEXT("response", "response", FF_LONG, "the body's response"),
	LINKS("leads", "posts", "rec_lead", "rec_id", "post_id", "the lead posts"),
	TIMESCALE("when action is due, as written"),
	DATE("timescale_date", "timescale_date", 0, "date of the document the timescale comes "
	    "from (else the source's): its words are read against it, and a due date it moves is "
	    "revised on it"),
	DATE("due_original", "due_original", FF_DERIVED, "the first target date"),
	DATE("due", "due", 0, "the current target date: the latest revision's"),
	DATE("completed_on", "completed_on", 0, "when it was completed"),
	TEXT("degree_met", "degree_met", FF_BRIEF, "degree met, on the source's scale"),
	PERCENT("percent_complete", "percent_complete", "percentage complete"),
	ENUM("status", "status", FF_BRIEF, rec_statuses, "open, closed or withdrawn"),
	TEXT("status_text", "status_text", 0, "its status as the document it was read from wrote it"),
	BOOL("awaiting_signoff", "awaiting_signoff", FF_SIGNOFF, "a lead officer's update says it "
	    "is met in full: it closes when a planner signs it off (sets this to no)"),
	REF("committee", "committee_id", 0, "committees", "the committee that oversees it"),
	TEXT("extra", "extra", 0, "what its document said that no field holds, as \"Header: text\" lines"),
	PUBLISHED,
	END
};

static const struct field progress_fields[] = {
	TRACKED_ON("the update"),
	INT("seq", "seq", FF_KEY | FF_BRIEF, "number of the update (given when added)"),
	DATE("date", "date", FF_REQ | FF_BRIEF | FF_PAST, "date of the update (today or before)"),
	TEXT("text", "text", FF_REQ | FF_LONG, "what has been done"),
	TEXT("degree_met", "degree_met", FF_BRIEF, "degree met at that date"),
	PERCENT("percent_complete", "percent_complete", "percentage complete at that date"),
	TEXT("author", "author", 0, "who reported it"),
	TEXT("doc", "doc", 0, "the document it was read from"),
	ENTERED,
	END
};

static const struct field revision_fields[] = {
	TRACKED_ON("the change"),
	INT("seq", "seq", FF_KEY | FF_BRIEF, "number of the change (given when added)"),
	DATE("changed_on", "changed_on", FF_REQ | FF_BRIEF, "when the date was moved"),
	DATE("old_due", "old_due", FF_BRIEF, "the date before"),
	DATE("new_due", "new_due", FF_BRIEF, "the date after"),
	TEXT("reason", "reason", FF_LONG, "why it moved"),
	ENTERED,
	END
};

static const struct field timetable_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name"),
	TEXT("title", "title", FF_REQ | FF_BRIEF | FF_NAME, "title"),
	REF("plan", "plan_id", FF_BRIEF, "plans", "the plan it delivers"),
	DATE("doc_date", "doc_date", 0, "date of the document; gives the year to dates without one"),
	PUBLISHED,
	END
};

static const struct field milestone_fields[] = {
	REF("timetable", "timetable_id", FF_KEY | FF_REQ | FF_BRIEF, "timetables", "the timetable"),
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "reference within the timetable"),
	INT("seq", "seq", 0, "order in the timetable"),
	TEXT("title", "title", FF_REQ | FF_BRIEF, "what happens"),
	TEXT("responsible", "responsible", 0, "the responsible body, as written"),
	REF("committee", "committee_id", 0, "committees", "the responsible committee"),
	REF("post", "post_id", 0, "posts", "the responsible post"),
	ENUM("status", "status", FF_BRIEF, milestone_statuses, "where it stands"),
	DATE("done_on", "done_on", 0, "when it was done"),
	TIMESCALE("when, as written"),
	TRACKED("it"),
	LINKS("depends_on", "milestones", "milestone_dep", "milestone_id", "depends_on_id",
	    "milestones that must come first"),
	REF("parent", "parent_id", 0, "milestones", "the phase it is a step of (\"Stage 1\")"),
	TEXT("status_text", "status_text", 0, "its status as the document it was read from wrote it"),
	TEXT("extra", "extra", 0, "what its document said that no field holds, as \"Header: text\" lines"),
	PUBLISHED,
	END
};

static const struct field project_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name"),
	TEXT("title", "title", FF_REQ | FF_BRIEF | FF_NAME, "title"),
	TEXT("description", "description", FF_LONG, "what it will do"),
	REF("unit", "unit_id", FF_BRIEF, "units", "the department, OCU or business unit proposing it"),
	REF("manager", "manager_post_id", 0, "posts", "the project manager's post"),
	REF("committee", "committee_id", 0, "committees", "the committee that commissions it"),
	ENUM("status", "status", FF_BRIEF, project_statuses, "where it stands"),
	AMOUNT("benefit", "benefit", FF_BRIEF, "estimated benefit score"),
	TEXT("benefit_basis", "benefit_basis", FF_LONG, "how the benefit was estimated"),
	DATE("start_date", "start_date", 0, "start"),
	DATE("end_date", "end_date", 0, "end"),
	PUBLISHED,
	END
};

static const struct field cost_fields[] = {
	REF("project", "project_id", FF_KEY | FF_REQ | FF_BRIEF, "projects", "the project"),
	FYEAR("year", "year", FF_KEY | FF_REQ | FF_BRIEF, "financial year"),
	AMOUNT("one_off", "one_off", FF_BRIEF, "one-off cost (pounds)"),
	AMOUNT("recurring", "recurring", FF_BRIEF, "recurring cost (pounds a year)"),
	END
};

static const struct field contribution_fields[] = {
	REF("project", "project_id", FF_KEY | FF_REQ | FF_BRIEF, "projects", "the project"),
	REF("aim", "node_id", FF_KEY | FF_REQ | FF_BRIEF, "nodes", "the aim it serves"),
	REALR("weight", "weight", FF_BRIEF, 0, 1, "how much it serves the aim, 0 to 1"),
	TEXT("note", "note", 0, "how"),
	END
};

static const struct field project_report_fields[] = {
	REF("project", "project_id", FF_KEY | FF_REQ | FF_BRIEF, "projects", "the project"),
	DATE("date", "date", FF_KEY | FF_REQ | FF_BRIEF, "date of the report"),
	ENUM("rag", "rag", FF_BRIEF, rags, "the manager's status"),
	TEXT("text", "text", FF_REQ | FF_LONG, "the exception"),
	ENTERED,
	END
};

static const struct field budget_fields[] = {
	REF("unit", "unit_id", FF_KEY | FF_REQ | FF_BRIEF, "units", "the unit"),
	/* the year comes last in the key: "Camden/Overtime/2003/04" splits cleanly */
	TEXT("category", "category", FF_KEY | FF_REQ | FF_BRIEF, "budget category"),
	FYEAR("year", "year", FF_KEY | FF_REQ | FF_BRIEF, "financial year"),
	REAL("amount", "amount", FF_REQ | FF_BRIEF, "pounds"),
	BOOL("devolved", "devolved", FF_BRIEF, "controlled locally"),
	TEXT("note", "note", 0, "note"),
	END
};

static const struct field bid_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name"),
	TEXT("title", "title", FF_REQ | FF_BRIEF | FF_NAME, "title"),
	REF("unit", "unit_id", FF_BRIEF, "units", "the bidding business group"),
	FYEAR("year", "year", FF_REQ | FF_BRIEF, "financial year"),
	AMOUNT("amount", "amount", FF_REQ | FF_BRIEF, "pounds"),
	REAL("score", "score", FF_BRIEF, "assessed score"),
	ENUM("status", "status", FF_BRIEF, bid_statuses, "where it stands"),
	TEXT("justification", "justification", FF_LONG, "how it serves the goals"),
	LINKS("goals", "nodes", "bid_node", "bid_id", "node_id", "the goals it claims to serve"),
	END
};

static const struct field theme_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name"),
	TEXT("name", "name", FF_REQ | FF_BRIEF | FF_NAME, "name"),
	TEXT("description", "description", FF_LONG, "description"),
	LINKS("aims", "nodes", "theme_node", "theme_id", "node_id", "the aims it bears on"),
	END
};

static const struct field theme_rule_fields[] = {
	REF("theme", "theme_id", FF_KEY | FF_REQ | FF_BRIEF, "themes", "the theme"),
	TEXT("pattern", "pattern", FF_KEY | FF_REQ | FF_BRIEF, "words that, found in an issue, mean the theme"),
	END
};

static const struct field issue_fields[] = {
	TEXT("ref", "ref", FF_KEY | FF_REQ | FF_BRIEF, "short name"),
	TEXT("source", "source", FF_REQ | FF_BRIEF, "where it was raised (survey, review...)"),
	DATE("date", "date", FF_REQ | FF_BRIEF, "when"),
	TEXT("text", "text", FF_REQ | FF_BRIEF | FF_LONG, "the point raised"),
	REF("unit", "unit_id", 0, "units", "the unit it concerns"),
	LINKS("themes", "themes", "issue_theme", "issue_id", "theme_id", "themes given by hand"),
	END
};

static const struct field user_fields[] = {
	TEXT("username", "username", FF_KEY | FF_REQ | FF_BRIEF, "login name"),
	TEXT("display_name", "display_name", FF_BRIEF | FF_NAME, "name shown"),
	ENUM("role", "role", FF_REQ | FF_BRIEF, roles, "what they may do"),
	TEXT("password_hash", "password_hash", FF_SECRET | FF_DERIVED, "Argon2id hash"),
	REF("person", "person_id", 0, "people", "the person (for the posts they hold)"),
	BOOL("disabled", "disabled", FF_BRIEF, "may not log in"),
	TEXT("created_at", "created_at", FF_DERIVED, "when the account was made"),
	END
};

static const struct field comment_fields[] = {
	TEXT("kind", "kind", FF_KEY | FF_REQ | FF_BRIEF, "kind of the record commented on"),
	INT("seq", "seq", FF_KEY | FF_BRIEF, "number of the comment (given when added)"),
	TEXT("ref", "ref", FF_KEY | FF_REST | FF_REQ | FF_BRIEF, "key of the record commented on"),
	TEXT("author", "author", FF_DERIVED | FF_BRIEF, "who wrote it"),
	TEXT("at", "at", FF_DERIVED | FF_BRIEF, "when"),
	TEXT("text", "text", FF_REQ | FF_LONG, "the comment"),
	END
};

static const char *const reminder_statuses[] = { "sent", "failed", NULL };

static const struct field reminder_fields[] = {
	TEXT("kind", "kind", FF_KEY | FF_REQ | FF_BRIEF, "kind of the item reminded of"),
	INT("seq", "seq", FF_KEY | FF_BRIEF, "number of the reminder about the item"),
	TEXT("ref", "ref", FF_KEY | FF_REST | FF_REQ | FF_BRIEF, "key of the item"),
	DATE("on_day", "on_day", FF_REQ | FF_BRIEF, "the day it was sent for (remind --as-of)"),
	TEXT("sent_to", "sent_to", FF_REQ | FF_BRIEF, "the address it went to"),
	TEXT("person", "person", FF_REQ | FF_BRIEF, "whose list it was on: the person leading it"),
	BOOL("escalation", "escalation", FF_BRIEF, "a copy to the accountable post or the clerk"),
	TEXT("why", "why", FF_REQ | FF_BRIEF, "overdue, due or stale"),
	TEXT("phase", "phase", FF_REQ, "which reminder the rules made it: before, today, "
	    "overdue:N (the Nth week overdue), stale:N"),
	ENUM("status", "status", FF_REQ | FF_BRIEF, reminder_statuses,
	    "sent, or failed (tried again on the next run)"),
	TEXT("error", "error", 0, "what the mail server said, when it failed"),
	TEXT("subject", "subject", FF_REQ, "the message's subject"),
	TEXT("message", "message", FF_REQ, "the message it went in: DAY/PERSON"),
	TEXT("at", "at", FF_REQ, "when it was sent"),
	END
};

static const struct field alias_fields[] = {
	TEXT("kind", "kind", FF_KEY | FF_REQ | FF_BRIEF, "the kind it names (units, posts...)"),
	TEXT("name", "name", FF_KEY | FF_REQ | FF_BRIEF, "the other name"),
	TEXT("target", "target", FF_REQ | FF_BRIEF, "the key it stands for"),
	END
};

static const struct field setting_fields[] = {
	TEXT("key", "key", FF_KEY | FF_REQ | FF_BRIEF, "name of the setting"),
	TEXT("value", "value", FF_REQ | FF_BRIEF, "its value"),
	END
};

static const struct field import_fields[] = {
	TEXT("sha256", "sha256", FF_KEY | FF_REQ, "hash of the document's bytes"),
	TEXT("file", "file", FF_REQ | FF_BRIEF, "file name when imported"),
	TEXT("kinds", "kinds", FF_REQ | FF_BRIEF, "what was read from it"),
	DATE("doc_date", "doc_date", FF_BRIEF, "the document's date"),
	TEXT("source", "source", FF_BRIEF, "the source it fed"),
	TEXT("at", "at", FF_REQ | FF_BRIEF, "when it was imported"),
	END
};

#define VIEW(nm, one, val, help) \
	{ nm, one, "plan_node", "kind", val, node_fields, "plan,parent,seq,ref", KF_VIEW, \
	  &node_hooks, help, NULL }

const struct kind kinds[] = {
	{ "units", "unit", "unit", NULL, NULL, unit_fields, "ref", 0, NULL,
	  "organisation units: the authority, the service, business groups, OCUs, departments", NULL },
	{ "people", "person", "person", NULL, NULL, person_fields, "ref", 0, NULL,
	  "people who hold posts", NULL },
	{ "posts", "post", "post", NULL, NULL, post_fields, "ref", 0, NULL,
	  "posts that lead things (Head of Corporate Planning)", NULL },
	{ "holders", "holder", "post_holder", NULL, NULL, holder_fields, "post,person", 0,
	  NULL, "who holds which post", NULL },
	{ "committees", "committee", "committee", NULL, NULL, committee_fields, "ref", 0,
	  NULL, "committees and boards, their remits and reporting lines", NULL },
	{ "meetings", "meeting", "meeting", NULL, NULL, meeting_fields, "date,committee", 0,
	  NULL, "committee meetings", NULL },
	{ "papers", "paper", "paper", NULL, NULL, paper_fields, "meeting,ref", 0, NULL,
	  "papers considered at meetings", NULL },
	{ "plans", "plan", "plan", NULL, NULL, plan_fields, "ref", 0, NULL,
	  "plans and strategies, each with a period, cascading from one another", NULL },
	{ "nodes", "node", "plan_node", NULL, NULL, node_fields, "plan,parent,seq,ref", 0,
	  &node_hooks, "every goal, aim, outcome, priority, key action and objective", NULL },
	VIEW("goals", "goal", "goal", "a framework's goals"),
	VIEW("aims", "aim", "aim", "the aims under each goal"),
	VIEW("outcomes", "outcome", "outcome", "the outcomes an aim delivers"),
	VIEW("priorities", "priority", "priority", "a strategy's or annual plan's priorities"),
	VIEW("actions", "action", "key_action", "key actions under priorities"),
	VIEW("objectives", "objective", "objective", "objectives of lower plans"),
	{ "links", "link", "node_link", NULL, NULL, link_fields, "lower,higher", 0, NULL,
	  "which lower plan objective underpins which higher one", NULL },
	{ "pis", "pi", "pi", NULL, NULL, pi_fields, "code", 0, NULL,
	  "performance indicators", NULL },
	{ "baskets", "basket", "pi_basket", NULL, NULL, basket_fields, "pi,member", 0,
	  NULL, "aim PIs through which a goal's PI is watched", NULL },
	{ "measurements", "measurement", "pi_series", NULL, NULL, measurement_fields,
	  "pi,unit,period", KF_PUBLIC, NULL, "performance figures: PI x unit x period",
	  &measurement_store },
	{ "targets", "target", "target", NULL, NULL, target_fields, "pi,unit,period", KF_PUBLIC,
	  NULL, "targets: PI x unit x period", NULL },
	{ "commentaries", "commentary", "commentary", NULL, NULL, commentary_fields, "pi,period", 0,
	  &commentary_hooks, "the owner's commentary on an indicator: why, what is being done, "
	  "by whom, by when", NULL },
	{ "scales", "scale", "grade_scale", NULL, NULL, scale_fields, "ref", 0, NULL,
	  "grading scales for recommendations", NULL },
	{ "grades", "grade", "grade", NULL, NULL, grade_fields, "scale,seq", 0, NULL,
	  "the grades of each scale", NULL },
	{ "sources", "source", "source", NULL, NULL, source_fields, "issued,ref", 0, NULL,
	  "audit, inspection and review reports", NULL },
	{ "recommendations", "recommendation", "recommendation", NULL, NULL, rec_fields,
	  "source,seq,ref", 0, &rec_hooks, "recommendations from those reports", NULL },
	{ "timetables", "timetable", "timetable", NULL, NULL, timetable_fields, "ref", 0, NULL,
	  "timetables of milestones", NULL },
	{ "milestones", "milestone", "milestone", NULL, NULL, milestone_fields,
	  "timetable,seq,ref", 0, &milestone_hooks, "dated steps in a timetable", NULL },
	/* after everything they may be on */
	{ "progress", "progress", "progress", NULL, NULL, progress_fields,
	  "recommendation,node,milestone,seq", 0, &progress_hooks, "dated progress updates on "
	  "recommendations, key actions, objectives and milestones", NULL },
	{ "revisions", "revision", "due_change", NULL, NULL, revision_fields,
	  "recommendation,node,milestone,seq", 0, &revision_hooks, "changes to the target dates of "
	  "recommendations, key actions, objectives and milestones", NULL },
	{ "projects", "project", "project", NULL, NULL, project_fields, "ref", 0, &project_hooks,
	  "projects proposed, commissioned and run", NULL },
	{ "costs", "cost", "project_cost", NULL, NULL, cost_fields, "project,year", 0, NULL,
	  "projects' costs by financial year", NULL },
	{ "contributions", "contribution", "contribution", NULL, NULL, contribution_fields,
	  "project,aim", 0, NULL, "how much each project serves each aim", NULL },
	{ "project_reports", "project_report", "project_report", NULL, NULL, project_report_fields,
	  "project,date", 0, NULL, "project managers' exception reports", NULL },
	{ "budgets", "budget", "budget_line", NULL, NULL, budget_fields,
	  "year,unit,category", 0, NULL, "budget lines by unit, year and category", NULL },
	{ "bids", "bid", "capital_bid", NULL, NULL, bid_fields, "year,ref", 0, NULL,
	  "capital bids and the goals they claim to serve", NULL },
	{ "themes", "theme", "theme", NULL, NULL, theme_fields, "ref", 0, NULL,
	  "consultation themes", NULL },
	{ "theme_rules", "theme_rule", "theme_rule", NULL, NULL, theme_rule_fields,
	  "theme,pattern", 0, NULL, "rules that tag consultation issues with themes", NULL },
	{ "issues", "issue", "consultation_issue", NULL, NULL, issue_fields, "date,ref", 0, NULL,
	  "points raised in consultation", NULL },
	{ "users", "user", "app_user", NULL, NULL, user_fields, "username", 0, &user_hooks,
	  "people who log in to Waymark", NULL },
	{ "comments", "comment", "comment", NULL, NULL, comment_fields, "kind,ref,seq", 0,
	  &comment_hooks, "members' comments", NULL },
	{ "aliases", "alias", "alias", NULL, NULL, alias_fields, "kind,name", 0, &alias_hooks,
	  "other names documents use for units, posts, committees...", NULL },
	{ "settings", "setting", "setting", NULL, NULL, setting_fields, "key", 0, &setting_hooks,
	  "settings (rules for recommendation RAG status, thresholds: `waymark help add setting` "
	  "lists them)", NULL },
	{ "imports", "import", "import_doc", NULL, NULL, import_fields, "at,sha256",
	  KF_READONLY, NULL, "documents imported", NULL },
	{ "reminders", "reminder", "reminder", NULL, NULL, reminder_fields, "kind,ref,seq",
	  KF_READONLY, NULL, "the reminders e-mailed about each item (waymark remind), sent or "
	  "failed", NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL }
};
