/*
 * page_admin.c: the audit log, for planners and administrators.
 *
 *   GET /audit?kind=&actor=&from=&to=&page=N   who changed what, newest first
 *
 * Each entry as a person reads it: when in the server's local time, who,
 * what they did to which record (linked to its page while it exists), and
 * what changed, each field before and after. from and to are days in local
 * time. The library says who may read the log (authz_audit) and leaves
 * accounts' entries to administrators; this page passes its answer on.
 * User administration is page_users.c's.
 */
#include "base/wm.h"

#include <time.h>

#include "base/date.h"
#include "base/str.h"
#include "http/form.h"
#include "http/list.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/audit.h"
#include "model/ent.h"

#define AUDIT_PAGE 50
/* The longest value shown in "what changed", in bytes; longer ones are cut. */
#define CHANGE_TEXT 120
/* The most fields listed for a record added or removed. */
#define CHANGE_FIELDS 6

/* An audit entry's instant ("2005-04-15T09:00:00Z") in local time: "15 April 2005, 10:00". */
static const char *
local_time(struct req *rq, const char *at)
{
	time_t t;
	struct tm tm;

	if (at == NULL || timestamp_parse(at, &t) != 0 || localtime_r(&t, &tm) == NULL)
		return at != NULL ? at : "";
	return arena_printf(rq->a, "%d %s %d, %02d:%02d", tm.tm_mday,
	    date_month_names[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

/*
 * The instant local midnight begins the day iso (plus days), as the log
 * writes instants; NULL when iso is not a date.
 */
static const char *
local_midnight(struct req *rq, const char *iso, int days)
{
	char out[TIMESTAMP_LEN];
	struct tm tm = { 0 };
	int date, y, m, d;
	time_t t;

	if (iso == NULL || date_parse_iso(iso, &date) != 0)
		return NULL;
	date_to_ymd(date + days, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return NULL;
	timestamp_format(t, out);
	return arena_strdup(rq->a, out);
}

/* A value as the change shows it: as a person reads it, cut at CHANGE_TEXT bytes. */
static const char *
change_value(struct req *rq, const struct kind *k, const json_t *row, const char *field)
{
	const struct field *f = k != NULL ? kind_field(k, field) : NULL;
	const json_t *jv = json_object_get(row, field);
	const char *v = jv == NULL || json_is_null(jv) ? "(none)" : f != NULL ?
	    form_value_text(rq, f, jv) : pages_text(rq, row, field);
	size_t n;

	if (v == NULL || *v == '\0')
		v = "(none)";
	n = strlen(v);

	if (n <= CHANGE_TEXT)
		return v;
	n = CHANGE_TEXT;
	while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
		n--;
	return arena_printf(rq->a, "%.*s…", (int)n, v);
}

/* The field's label where the kind describes it, else its name. */
static const char *
change_label(struct req *rq, const struct kind *k, const char *field)
{
	const struct field *f = k != NULL ? kind_field(k, field) : NULL;

	return f != NULL ? form_label(rq, f) : field;
}

/*
 * What an entry changed: "Label: before → after" for each field that
 * differs; for a record added or removed, its first fields as they were.
 */
static const char *
what_changed(struct req *rq, const struct kind *k, const json_t *before, const json_t *after)
{
	const json_t *only = before == NULL ? after : after == NULL ? before : NULL;
	struct buf b = BUF_INIT;
	const char *field, *s;
	size_t listed = 0;
	json_t *v;

	if (json_is_object(before) && json_is_object(after)) {
		json_object_foreach((json_t *)after, field, v) {
			if (strcmp(field, "version") == 0 ||
			    json_equal(v, json_object_get(before, field)) ||
			    (json_is_null(v) && json_object_get(before, field) == NULL))
				continue;
			buf_addf(&b, "%s%s: %s → %s", b.len > 0 ? "; " : "",
			    change_label(rq, k, field), change_value(rq, k, before, field),
			    change_value(rq, k, after, field));
		}
	} else if (json_is_object(only)) {
		json_object_foreach((json_t *)only, field, v) {
			if (strcmp(field, "version") == 0 || json_is_null(v))
				continue;
			if (listed++ == CHANGE_FIELDS) {
				buf_adds(&b, "; …");
				break;
			}
			buf_addf(&b, "%s%s: %s", b.len > 0 ? "; " : "", change_label(rq, k, field),
			    change_value(rq, k, only, field));
		}
	}
	s = arena_strdup(rq->a, buf_str(&b));
	buf_release(&b);
	return s;
}

/* What the log's actions say, in words. */
static const char *
action_text(const char *action)
{
	static const char *const words[][2] = {
		{ "add", "Added" }, { "set", "Changed" }, { "remove", "Removed" },
		{ "passwd", "Password set" }, { "unlock", "Sign-in waits lifted" },
		{ "import", "Imported" }, { "checkpoint", "Checkpoint" },
	};

	for (size_t i = 0; action != NULL && i < WM_ARRAY_LEN(words); i++)
		if (strcmp(action, words[i][0]) == 0)
			return words[i][1];
	return action != NULL ? action : "";
}

void
page_audit(struct req *rq, struct resp *rs)
{
	static const char *const cols[] = { "When", "Who", "Action", "Record", "What changed" };
	struct wm_err err = WM_ERR_INIT;
	struct audit_query q = { 0 };
	struct rdoc *d = rdoc_new("Audit log");
	const char *pg = req_query(rq, "page");
	const char *from = req_query(rq, "from"), *to = req_query(rq, "to");
	const char *bad = NULL, *bad_field = NULL;
	json_t *rows = NULL, *kinds_list = json_array();
	int64_t total = 0, pageno = 1;
	struct rtable *t;
	struct page p;

	q.kind = req_query(rq, "kind");
	q.actor = req_query(rq, "actor");
	if (q.kind != NULL && *q.kind == '\0')
		q.kind = NULL;
	if (q.actor != NULL && *q.actor == '\0')
		q.actor = NULL;
	if (from != NULL && *from == '\0')
		from = NULL;
	if (to != NULL && *to == '\0')
		to = NULL;
	if (pg != NULL && (str_to_int64(pg, &pageno) != 0 || pageno < 1))
		pageno = 1;
	/* the days are the reader's: from local midnight to the midnight after "to" */
	if (from != NULL && (q.since = local_midnight(rq, from, 0)) == NULL) {
		bad = "Enter the first day as a date, such as 2026-12-07";
		bad_field = "#from";
	} else if (to != NULL && (q.until = local_midnight(rq, to, 1)) == NULL) {
		bad = "Enter the last day as a date, such as 2026-12-07";
		bad_field = "#to";
	} else if (q.since != NULL && q.until != NULL && strcmp(q.since, q.until) >= 0) {
		bad = "The last day must be the first day or after it";
		bad_field = "#to";
	}
	q.newest_first = true;
	q.limit = AUDIT_PAGE;
	q.offset = (size_t)(pageno - 1) * AUDIT_PAGE;
	if (bad == NULL && (audit_total(&rq->ctx, &q, &total, &err) != 0 ||
	    audit_list(&rq->ctx, &q, &rows, &err) != 0)) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	rdoc_para(d, "Every change, by whom and when, whether made here or on the command line. "
	    "Each entry is chained to the one before, so any alteration of the log is found.");
	rdoc_meta(d, "Entries", arena_printf(rq->a, "%lld", (long long)total));
	t = rdoc_table(d, NULL, 5, cols);
	for (size_t i = 0; i < json_array_size(rows); i++) {
		const json_t *e = json_array_get(rows, i);
		const char *kind = json_string_value(json_object_get(e, "kind"));
		const char *ref = json_string_value(json_object_get(e, "ref"));
		const char *action = json_string_value(json_object_get(e, "action"));
		const struct kind *k = kind != NULL ? kind_find(kind) : NULL;
		const char *what = k != NULL ? form_choice_text(rq, form_noun(rq, k)) : kind;

		rtable_cell(t, local_time(rq, json_string_value(json_object_get(e, "at"))));
		pages_cell(rq, t, e, "actor");
		rtable_cell(t, action_text(action));
		/* a record that is still there is a link to its page */
		if (k != NULL && ref != NULL && strcmp(k->name, "users") != 0 &&
		    json_object_get(e, "after") != NULL && !json_is_null(json_object_get(e, "after")))
			rtable_link(t, arena_printf(rq->a, "%s %s", what, ref),
			    pages_record_url(rq, kind, ref));
		else
			rtable_cell(t, ref != NULL ? arena_printf(rq->a, "%s %s", what ? what : "",
			    ref) : what);
		rtable_cell(t, what_changed(rq, k, json_object_get(e, "before"),
		    json_object_get(e, "after")));
		rtable_end_row(t);
	}
	for (const struct kind *k = kinds; k->name != NULL; k++)
		if (!(k->flags & KF_VIEW))
			json_array_append_new(kinds_list, json_pack("[s,s]", k->name,
			    form_plural(rq, k)));
	page_begin(&p, rq, rs, bad != NULL ? "Error: Audit log - Waymark" : "Audit log - Waymark",
	    "/audit");
	if (bad != NULL) {
		rs->status = 422;
		page_error_summary(&p, bad, bad_field);
	}
	page_heading(&p, d);
	html_open(&p.h, "div", "class", "wm-no-print wm-filters", NULL);
	page_form_begin(&p, "/audit", "get");
	page_select(&p, "kind", "Kind of record", kinds_list, q.kind, "Any kind");
	page_input(&p, "actor", "Who", "text", q.actor, "As the log names them: web:alice for "
	    "someone on the web, cli:alice on the command line", NULL, "20");
	page_input(&p, "from", "From", "date", from, "The first day, in the server's local time",
	    bad_field != NULL && strcmp(bad_field, "#from") == 0 ? bad : NULL, "10");
	page_input(&p, "to", "To", "date", to, "The last day",
	    bad_field != NULL && strcmp(bad_field, "#to") == 0 ? bad : NULL, "10");
	page_form_end(&p, "Filter");
	html_close(&p.h, "div");
	if (bad == NULL) {
		static const char *const drop[] = { "page", NULL };
		const char *query = list_query(rq, drop, NULL, NULL);

		page_rdoc_untitled(&p, d);
		page_pagination(&p, (size_t)pageno, (size_t)((total + AUDIT_PAGE - 1) / AUDIT_PAGE),
		    "/audit", *query != '\0' ? query : NULL);
	}
	page_end(&p);
out:
	rdoc_free(d);
	json_decref(rows);
	json_decref(kinds_list);
}
