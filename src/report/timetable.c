/*
 * timetable.c: the timetable paper: every milestone with its date as
 * written and what it means, its target date (revised, as any tracked
 * item's: model/track.h), how far it has got and when it was last
 * updated, who is responsible, where it stood on the
 * report's date (done by then, from when it was done), what it waits on;
 * what is overdue or out of order as of that date (analysis/
 * schedule.h). The same milestones are drawn as a Gantt chart (gantt.h)
 * and exported as an iCalendar file (ical.h) for calendar programs.
 */
#include "base/wm.h"

#include "analysis/schedule.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/map.h"
#include "base/mem.h"
#include "model/ent.h"
#include "report/gantt.h"
#include "report/ical.h"
#include "report/timetable.h"

struct tt {
	json_t *timetables, *milestones;
	size_t n;
	const json_t **row;	/* each milestone */
	const char **status;	/* each one's status as of the report's date */
	char **key;		/* "BVA2002-LAUNCH/M1" */
	size_t **deps;		/* indexes of what each depends on */
	struct ms_item *items;
	struct ms_state *state;
	struct strmap index;
	json_t *titles;		/* timetable ref -> title */
};

static const char *
str(const json_t *row, const char *field)
{
	return json_string_value(json_object_get(row, field));
}

static int
day_of(const json_t *ts, const char *field)
{
	const char *s = json_string_value(json_object_get(ts, field));
	int d = DATE_NONE;

	if (s == NULL || date_parse_iso(s, &d) != 0)
		return DATE_NONE;
	return d;
}

static const char *
responsible(const json_t *row)
{
	return str(row, "responsible") ? str(row, "responsible") : str(row, "committee") ?
	    str(row, "committee") : str(row, "post");
}

/*
 * Where a milestone stood on a date, from where it stands now and when it
 * was done: done by then if its done_on is on or before it, or, with no
 * done_on, if its whole span had passed; not yet done, it was in progress
 * within its span and planned before it. Other statuses have no dates to
 * go back on and stand as they are.
 */
static const char *
status_on(const json_t *row, const struct ms_item *m, int as_of)
{
	const char *now = str(row, "status");
	int done_on = day_of(row, "done_on");
	bool done = strcmp(now, "done") == 0 || m->done;

	if (strcmp(now, "done") != 0 && strcmp(now, "in_progress") != 0 && !m->done)
		return now;
	if (done && (done_on != DATE_NONE ? done_on <= as_of :
	    m->latest == DATE_NONE || m->latest < as_of))
		return "done";
	return m->earliest != DATE_NONE && as_of < m->earliest ? "planned" : "in_progress";
}

static int
load(struct wm_ctx *ctx, const struct timetable_opts *o, struct tt *t, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	json_t *where = NULL, *row;
	size_t i;
	int rc;

	if (o->timetable != NULL) {
		json_t *tt;
		int64_t id;

		if ((rc = ent_resolve(ctx, kind_find("timetables"), o->timetable, &id, err)) != 0 ||
		    (rc = ent_get_by_id(ctx, kind_find("timetables"), id, true, &tt, err)) != 0) {
			wm_error_prefix(err, "--timetable: ");
			return rc;
		}
		where = json_pack("{s:O}", "timetable", json_object_get(tt, "ref"));
		json_decref(tt);
	}
	q.where = where;
	/* decorated: each one's progress (percent, last update), as a tracked item's */
	q.raw = false;
	rc = ent_list(ctx, kind_find("milestones"), &q, &t->milestones, err);
	q.raw = true;
	json_decref(where);
	if (rc != 0)
		return rc;
	q.where = NULL;
	if ((rc = ent_list(ctx, kind_find("timetables"), &q, &t->timetables, err)) != 0)
		return rc;
	json_array_foreach(t->timetables, i, row)
		json_object_set(t->titles, str(row, "ref"), json_object_get(row, "title"));
	t->n = json_array_size(t->milestones);
	t->row = wm_calloc(t->n + 1, sizeof(*t->row));
	t->key = wm_calloc(t->n + 1, sizeof(*t->key));
	t->deps = wm_calloc(t->n + 1, sizeof(*t->deps));
	t->items = wm_calloc(t->n + 1, sizeof(*t->items));
	t->state = wm_calloc(t->n + 1, sizeof(*t->state));
	t->status = wm_calloc(t->n + 1, sizeof(*t->status));
	json_array_foreach(t->milestones, i, row) {
		struct buf key = BUF_INIT;

		ent_row_key(kind_find("milestones"), row, &key);
		t->key[i] = buf_detach(&key, NULL);
		t->row[i] = row;
		strmap_put(&t->index, t->key[i], (int64_t)i);
	}
	for (i = 0; i < t->n; i++) {
		const json_t *ts = json_object_get(t->row[i], "timescale");
		const json_t *deps = json_object_get(t->row[i], "depends_on");
		const char *status = str(t->row[i], "status");
		struct ms_item *m = &t->items[i];

		m->earliest = day_of(ts, "earliest");
		m->latest = day_of(ts, "latest");
		/* a revised target date (model/track.h) is the one it is held to */
		if (day_of(t->row[i], "due") != DATE_NONE) {
			m->latest = day_of(t->row[i], "due");
			if (m->earliest == DATE_NONE || m->earliest > m->latest)
				m->earliest = m->latest;
		}
		m->ongoing = json_is_true(json_object_get(ts, "ongoing"));
		m->uncertain = json_is_true(json_object_get(ts, "uncertain"));
		m->done = strcmp(status, "done") == 0 || json_is_true(json_object_get(ts, "complete"));
		/* the report is as of a date: done then, not merely done now */
		t->status[i] = status_on(t->row[i], m, o->as_of);
		m->done = strcmp(t->status[i], "done") == 0;
		m->cancelled = strcmp(status, "cancelled") == 0;
		t->deps[i] = wm_calloc(json_array_size(deps) + 1, sizeof(**t->deps));
		for (size_t k = 0; k < json_array_size(deps); k++) {
			int64_t at;

			if (strmap_get(&t->index, json_string_value(json_array_get(deps, k)), &at))
				t->deps[i][m->ndeps++] = (size_t)at;
		}
		m->deps = t->deps[i];
	}
	ms_assess(t->items, t->n, o->as_of, t->state);
	return 0;
}

static void
tt_release(struct tt *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->key[i]);
		free(t->deps[i]);
	}
	free(t->key);
	free(t->deps);
	free(t->row);
	free(t->items);
	free(t->state);
	free(t->status);
	strmap_release(&t->index);
	json_decref(t->timetables);
	json_decref(t->milestones);
	json_decref(t->titles);
}

/* "ref" of each milestone i depends on, joined. */
static void
deps_text(const struct tt *t, size_t i, struct buf *out)
{
	for (size_t k = 0; k < t->items[i].ndeps; k++)
		buf_addf(out, "%s%s", k ? ", " : "", str(t->row[t->items[i].deps[k]], "ref"));
}

/* What is wrong with milestone i, in words; NULL if nothing. tag gets its colour. */
static const char *
problem(const struct tt *t, size_t i, struct buf *out, const char **tag)
{
	const struct ms_state *s = &t->state[i];

	*tag = NULL;
	if (s->undated) {
		buf_adds(out, "cannot be placed: the words name no date");
		*tag = "grey";
	}
	if (s->overdue) {
		buf_addf(out, "overdue by %d day%s", s->days_overdue, s->days_overdue == 1 ? "" : "s");
		*tag = "red";
	}
	if (s->early || s->done_first) {
		if (s->early)
			buf_addf(out, "%sdated to end before %s, which it waits on, begins",
			    out->len ? "; " : "", str(t->row[s->dep], "ref"));
		else
			buf_addf(out, "%sdone before %s, which it waits on", out->len ? "; " : "",
			    str(t->row[s->dep], "ref"));
		if (*tag == NULL)
			*tag = "amber";
	}
	return *tag != NULL ? buf_str(out) : NULL;
}

/* The words the chart and the calendar show for one milestone. */
struct texts {
	struct buf label, tip, note, desc, uid, summary;
};

static void
texts_fill(const struct tt *t, size_t i, struct texts *x)
{
	const json_t *row = t->row[i], *ts = json_object_get(row, "timescale");
	const char *when = str(ts, "text") ? str(ts, "text") : "no date given", *tag = NULL;
	struct buf deps = BUF_INIT, why = BUF_INIT;
	struct buf *all[] = { &x->label, &x->tip, &x->note, &x->desc, &x->uid, &x->summary };

	for (size_t k = 0; k < WM_ARRAY_LEN(all); k++)
		buf_init(all[k], BUF_MAX_DEFAULT);
	deps_text(t, i, &deps);
	problem(t, i, &why, &tag);
	buf_addf(&x->label, "%s %s", str(row, "ref"), str(row, "title"));
	buf_addf(&x->summary, "%s: %s", str(row, "ref"), str(row, "title"));
	buf_addf(&x->uid, "%s@waymark", t->key[i]);
	buf_addf(&x->tip, "%s %s. When: %s. Status: %s.", str(row, "ref"), str(row, "title"), when,
	    t->status[i]);
	buf_addf(&x->desc, "Timetable: %s\nWhen (as written): %s\nStatus: %s",
	    str(row, "timetable"), when, t->status[i]);
	if (responsible(row) != NULL) {
		buf_addf(&x->tip, " Responsible: %s.", responsible(row));
		buf_addf(&x->desc, "\nResponsible: %s", responsible(row));
	}
	if (deps.len) {
		buf_addf(&x->tip, " After %s.", buf_str(&deps));
		buf_addf(&x->desc, "\nAfter: %s", buf_str(&deps));
	}
	if (why.len) {
		buf_addf(&x->tip, " Note: %s.", buf_str(&why));
		buf_addf(&x->desc, "\nNote: %s", buf_str(&why));
	}
	if (t->state[i].overdue)
		buf_addf(&x->note, "overdue %d day%s", t->state[i].days_overdue,
		    t->state[i].days_overdue == 1 ? "" : "s");
	else if (strcmp(t->status[i], "planned") != 0)
		buf_adds(&x->note, t->status[i]);
	buf_release(&deps);
	buf_release(&why);
}

static void
texts_release(struct texts *x)
{
	buf_release(&x->label);
	buf_release(&x->tip);
	buf_release(&x->note);
	buf_release(&x->desc);
	buf_release(&x->uid);
	buf_release(&x->summary);
}

/* The Gantt chart (a figure, and the "svg" rendition) and the calendar ("ics"). */
static int
make_renditions(struct rdoc *doc, const struct tt *t, const struct timetable_opts *o,
    time_t now, struct wm_err *err)
{
	struct gantt_row *rows = wm_calloc(t->n + 1, sizeof(*rows));
	struct ical_step *steps = wm_calloc(t->n + 1, sizeof(*steps));
	struct texts *x = wm_calloc(t->n + 1, sizeof(*x));
	struct buf svg = BUF_INIT;
	char *ics = NULL;
	int rc;

	for (size_t i = 0; i < t->n; i++) {
		const struct ms_item *m = &t->items[i];
		const struct ms_state *s = &t->state[i];
		const char *tref = str(t->row[i], "timetable");

		texts_fill(t, i, &x[i]);
		rows[i] = (struct gantt_row){ json_string_value(json_object_get(t->titles, tref)),
			buf_str(&x[i].label), buf_str(&x[i].tip), m->earliest, m->latest,
			m->latest > m->earliest, m->uncertain, m->ongoing, m->done, m->cancelled,
			s->overdue, x[i].note.len ? buf_str(&x[i].note) : NULL, m->deps, m->ndeps };
		steps[i] = (struct ical_step){ buf_str(&x[i].uid), buf_str(&x[i].summary),
			buf_str(&x[i].desc), tref, m->earliest, m->latest,
			m->cancelled ? ICAL_CANCELLED_STEP : s->fuzzy && !m->done ?
			ICAL_TENTATIVE_STEP : ICAL_CONFIRMED_STEP, m->done };
	}
	gantt_svg("Timetable", "Each milestone on a time line from its earliest to its latest "
	    "date: a diamond for a known day, a pale bar with a dashed edge for some time within "
	    "a span, a question mark where the date is uncertain, a trailing line for ongoing "
	    "work. Overdue and done milestones are named at the right; thin lines join a "
	    "milestone to those it waits on.", rows, t->n, o->as_of, &svg);
	rdoc_figure(doc, buf_str(&svg), "Gantt chart of the milestones");
	rdoc_add_rendition(doc, "svg", "image/svg+xml", buf_str(&svg));
	rc = ical_write(o->timetable ? o->timetable : "Waymark timetables", steps, t->n, now, &ics,
	    err);
	if (rc == 0)
		rdoc_add_rendition(doc, "ics", "text/calendar", ics);
	free(ics);
	for (size_t i = 0; i < t->n; i++)
		texts_release(&x[i]);
	free(x);
	free(rows);
	free(steps);
	buf_release(&svg);
	return rc;
}

/* A timetable's table: the JSON's milestones, and what the paper shows of them. */
static const struct rcol milestone_cols[] = {
	{ "ref", "Ref", 0 }, { "title", "Milestone", 0 }, { "timescale", "When (as written)", 0 },
	{ "earliest", "From", 0 }, { "latest", "To", 0 }, { "fuzzy", "Fuzzy", RC_DATA },
	{ "uncertain", "Uncertain", RC_DATA }, { "ongoing", "Ongoing", RC_DATA },
	{ "due", "Due", 0 }, { "percent", "% complete", RC_NUM },
	{ "last_update", "Last update", 0 },
	{ "responsible", "Responsible", 0 }, { "status", "Status", 0 },
	{ "status_now", "Status now", RC_DATA }, { "done_on", "Done on", RC_DATA },
	{ "depends_on", "After", RC_DATA }, { NULL, "After", 0 }, { "overdue", "Overdue", RC_DATA },
	{ "days_overdue", "Days overdue", RC_DATA }, { "note", "Note", 0 },
};

/* Each timetable's milestones under its heading: the JSON's "timetables". */
static void
milestone_tables(struct rdoc *doc, const struct tt *t)
{
	const char *group = NULL;
	struct rtable *tab = NULL;

	for (size_t i = 0; i < t->n; i++) {
		const json_t *row = t->row[i], *ts = json_object_get(row, "timescale");
		const char *tref = str(row, "timetable"), *tag = NULL;
		const char **deps = wm_calloc(t->items[i].ndeps + 1, sizeof(*deps));
		struct buf shown = BUF_INIT, why = BUF_INIT;

		if (group == NULL || strcmp(group, tref) != 0) {
			struct buf h = BUF_INIT;

			if (group != NULL)
				rdoc_group_end(doc);
			group = tref;
			rdoc_group(doc, "timetables");
			rdoc_fact(doc, "ref", NULL, tref);
			rdoc_fact(doc, "title", NULL, json_string_value(json_object_get(t->titles, tref)));
			buf_addf(&h, "%s (%s)", json_string_value(json_object_get(t->titles, tref)), tref);
			rdoc_heading(doc, 2, buf_str(&h));
			buf_release(&h);
			tab = rdoc_table_cols(doc, "milestones", NULL, WM_ARRAY_LEN(milestone_cols),
			    milestone_cols);
		}
		deps_text(t, i, &shown);
		for (size_t k = 0; k < t->items[i].ndeps; k++)
			deps[k] = t->key[t->items[i].deps[k]];
		problem(t, i, &why, &tag);
		rtable_cell(tab, str(row, "ref"));
		rtable_cell(tab, str(row, "title"));
		rtable_cell(tab, str(ts, "text"));
		rtable_date(tab, day_of(ts, "earliest"));
		rtable_date(tab, day_of(ts, "latest"));
		rtable_bool(tab, t->state[i].fuzzy);
		rtable_bool(tab, t->items[i].uncertain);
		rtable_bool(tab, t->items[i].ongoing);
		rtable_date(tab, day_of(row, "due"));
		if (json_is_number(json_object_get(row, "percent")))
			rtable_num(tab, json_number_value(json_object_get(row, "percent")), 0, NULL);
		else
			rtable_null(tab);
		rtable_date(tab, day_of(row, "last_update"));
		rtable_cell(tab, responsible(row));
		rtable_cell(tab, t->status[i]);
		rtable_cell(tab, str(row, "status"));
		rtable_date(tab, day_of(row, "done_on"));
		rtable_list(tab, deps, t->items[i].ndeps, ", ");
		rtable_cell(tab, buf_str(&shown));
		rtable_bool(tab, t->state[i].overdue);
		if (t->state[i].overdue)
			rtable_int(tab, t->state[i].days_overdue);
		else
			rtable_null(tab);
		if (tag != NULL)
			rtable_tag(tab, buf_str(&why), tag);
		else
			rtable_null(tab);
		rtable_end_row(tab);
		free(deps);
		buf_release(&shown);
		buf_release(&why);
	}
	if (group != NULL)
		rdoc_group_end(doc);
	else
		rdoc_fact_list(doc, "timetables", NULL, NULL, 0);
}

int
report_timetable(struct wm_ctx *ctx, const struct timetable_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	struct strmap empty = STRMAP_INIT;
	struct tt t = { 0 };
	struct rdoc *doc;
	char as_of[DATE_ISO_LEN];
	size_t done = 0, overdue = 0, order = 0, undated = 0;
	int rc;

	*out = NULL;
	t.index = empty;
	t.titles = json_object();
	if ((rc = load(ctx, o, &t, err)) != 0) {
		tt_release(&t);
		return rc;
	}
	date_format_iso(o->as_of, as_of);
	for (size_t i = 0; i < t.n; i++) {
		done += t.items[i].done;
		overdue += t.state[i].overdue;
		order += t.state[i].early || t.state[i].done_first;
		undated += t.state[i].undated;
	}
	doc = rdoc_new(o->timetable ? "Timetable" : "Timetables");
	rdoc_fact(doc, "as_of", "As of", as_of);
	rdoc_meta(doc, "Timetables", o->timetable ? o->timetable : "all");
	rdoc_para(doc, "%zu milestones: %zu done, %zu overdue, %zu out of order, %zu that cannot "
	    "be placed. Dates are kept as written; From and To are what the words mean.", t.n, done,
	    overdue, order, undated);
	if ((rc = make_renditions(doc, &t, o, ctx->now, err)) != 0) {
		rdoc_free(doc);
		tt_release(&t);
		return rc;
	}
	milestone_tables(doc, &t);
	tt_release(&t);
	*out = doc;
	return 0;
}
