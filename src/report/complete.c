/*
 * complete.c: completeness and timeliness of updates and figures (see
 * complete.h), from the tracked items and figures due that chasing and
 * My work read (tracked.h), so the papers count what the chase chases.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "model/ent.h"
#include "report/complete.h"
#include "report/govmap.h"
#include "report/tracked.h"

/* One update or figure that was due and did not come in, for the table. */
struct miss {
	const char *lead, *what, *key, *title, *why;
	const char *href;	/* held in hrefs */
	int due;
};

static int
miss_cmp(const void *a, const void *b)
{
	const struct miss *x = a, *y = b;
	int c = strcmp(x->lead, y->lead);

	return c != 0 ? c : x->due != y->due ? (x->due < y->due ? -1 : 1) : strcmp(x->key, y->key);
}

/*
 * Does the committee answer for it? As the accountability map says (an
 * item naming no committee answers through its source, priority or aim),
 * else as the record says; every item when committee is NULL.
 */
static bool
overseen(const json_t *map, const char *gm_kind, const char *key, const char *by,
    const char *committee)
{
	const json_t *m;
	char k[512];

	if (committee == NULL)
		return true;
	snprintf(k, sizeof(k), "%s\t%s", gm_kind, key);
	if ((m = json_object_get(map, k)) != NULL)
		by = json_string_value(m);
	return by != NULL && strcmp(by, committee) == 0;
}

static const char *
gm_kind(const struct titem *it)
{
	return strcmp(it->kind, "recommendations") == 0 ? "recommendation" :
	    strcmp(it->kind, "milestones") == 0 ? "milestone" : "action";
}

/*
 * The day in from..to an update on it was due (DATE_NONE: none was), why,
 * and the first update dated in the period (DATE_NONE: none came in).
 */
static int
update_due(const struct titem *it, int from, int to, int stale_days, const char **why, int *first)
{
	int base = DATE_NONE, when = DATE_NONE;
	size_t k;
	json_t *u;

	*first = DATE_NONE;
	json_array_foreach(json_object_get(it->row, "progress"), k, u) {
		int d;

		if (date_parse_iso(json_string_value(json_object_get(u, "date")), &d) != 0)
			continue;
		if (d < from && (base == DATE_NONE || d > base))
			base = d;
		else if (d >= from && d <= to && (*first == DATE_NONE || d < *first))
			*first = d;
	}
	/* closed before the period, with nothing said in it: nothing was due */
	if (!it->open && *first == DATE_NONE)
		return DATE_NONE;
	if (it->f.due != DATE_NONE && it->f.due >= from && it->f.due <= to) {
		when = it->f.due;
		*why = "due date";
	}
	if (base == DATE_NONE)
		base = it->f.opened;
	/* the stale rule: chased once more than stale_days have passed; never updated, at once */
	{
		int stale = base != DATE_NONE ? base + stale_days + 1 : from;

		if (stale < from)
			stale = from;
		if (stale <= to && (when == DATE_NONE || stale < when)) {
			when = stale;
			*why = "no update for the stale period";
		}
	}
	return when;
}

static const char *const miss_headers[] = { "Lead", "What", "Item", "Title", "Due", "Why" };

int
complete_section(struct wm_ctx *ctx, const char *committee, int from, int to, int stale_days,
    int level, struct rdoc *d, struct complete_counts *counts, json_t **json, struct wm_err *err)
{
	struct wm_ctx at = *ctx;
	struct titems items = { 0 };
	struct tfigures figs = { 0 };
	struct complete_counts c = { 0 };
	struct miss *miss = NULL;
	size_t nmiss = 0, cap = 0;
	json_t *hrefs = json_array(), *list = json_array(), *leads = json_object();
	json_t *map = json_object();	/* "kind\tkey" -> the committee it answers to */
	char d1[DATE_ISO_LEN], d2[DATE_ISO_LEN];
	const char *scope = committee != NULL ? "the committee oversees" : "are tracked";
	int rc;

	if (json != NULL)
		*json = NULL;
	/* as of the period's last day, as the chase would be run on it */
	at.now = (time_t)to * 86400 + 43200;
	if ((rc = titems_load(&at, NULL, 0, &items, err)) != 0 ||
	    (rc = tfigures_load(&at, NULL, 0, from, to, &figs, err)) != 0)
		goto out;
	if (committee != NULL) {
		struct govmap m = { 0 };
		json_t *row = NULL;
		int64_t id;

		/* a name or a key in another case: the committee's ref, as the map has it */
		if ((rc = ent_resolve(ctx, kind_find("committees"), committee, &id, err)) != 0 ||
		    (rc = ent_get_by_id(ctx, kind_find("committees"), id, true, &row, err)) != 0)
			goto out;
		json_object_set_new(map, "\tcommittee", json_string(govmap_str(row, "ref")));
		json_decref(row);
		committee = json_string_value(json_object_get(map, "\tcommittee"));
		if ((rc = govmap_load(&at, &m, NULL, NULL, GM_ACTIONS | GM_MILESTONES, err)) != 0)
			goto out;
		for (size_t i = 0; i < m.n; i++) {
			char k[512];

			snprintf(k, sizeof(k), "%s\t%s", m.items[i].kind, m.items[i].key);
			json_object_set_new(map, k, m.items[i].committee ?
			    json_string(m.items[i].committee) : json_null());
		}
		govmap_release(&m);
	}
	for (size_t i = 0; i < items.n; i++) {
		const struct titem *it = &items.v[i];
		const char *why = NULL;
		int first, when;

		if (!overseen(map, gm_kind(it), it->key, it->committee, committee) ||
		    (when = update_due(it, from, to, stale_days, &why, &first)) == DATE_NONE)
			continue;
		c.updates_due++;
		if (first != DATE_NONE) {
			c.updates_in++;
			c.updates_on_time += first <= when;
			continue;
		}
		/* not in: one row per lead post, so each sees what is theirs */
		for (size_t k = 0; k < json_array_size(it->leads) || k == 0; k++) {
			const char *lead = json_string_value(json_array_get(it->leads, k));
			struct buf h = BUF_INIT;

			WM_GROW(miss, nmiss + 1, cap);
			titem_href(it, &h);
			json_array_append_new(hrefs, json_string(buf_str(&h)));
			buf_release(&h);
			miss[nmiss++] = (struct miss){ lead ? lead : "(no lead named)", it->noun, it->key,
				it->title, why, json_string_value(json_array_get(hrefs,
				json_array_size(hrefs) - 1)), when };
		}
	}
	for (size_t i = 0; i < figs.n; i++) {
		const struct tfigure *f = &figs.v[i];
		struct buf h = BUF_INIT, key = BUF_INIT;

		if (!overseen(map, "pi", f->pi, f->committee, committee))
			continue;
		c.figures_due++;
		if (f->in) {
			c.figures_in++;
			continue;
		}
		WM_GROW(miss, nmiss + 1, cap);
		tfigure_href(f, NULL, &h);
		json_array_append_new(hrefs, json_string(buf_str(&h)));
		buf_addf(&key, "%s %s", f->pi, f->period);
		json_array_append_new(hrefs, json_string(buf_str(&key)));
		buf_release(&h);
		buf_release(&key);
		miss[nmiss++] = (struct miss){ f->owner ? f->owner : "(no owner named)", "figure",
			json_string_value(json_array_get(hrefs, json_array_size(hrefs) - 1)), f->title,
			"figure not in", json_string_value(json_array_get(hrefs,
			json_array_size(hrefs) - 2)), f->due };
	}
	wm_sort(miss, nmiss, sizeof(*miss), miss_cmp);

	date_format_iso(from, d1);
	date_format_iso(to, d2);
	rdoc_heading(d, level, "Updates and figures: complete and on time");
	rdoc_para(d, "From %s to %s, %zu progress update%s fell due from the items %s: %zu came "
	    "in, %zu of them on time (dated on or before the day due), and %zu did not. %zu "
	    "indicator figure%s fell due: %zu came in and %zu did not. When a figure was entered is "
	    "not recorded, so whether it came in on time is not known.", d1, d2, c.updates_due,
	    c.updates_due == 1 ? "" : "s", scope, c.updates_in, c.updates_on_time,
	    c.updates_due - c.updates_in, c.figures_due, c.figures_due == 1 ? "" : "s",
	    c.figures_in, c.figures_due - c.figures_in);
	rdoc_para(d, "An update falls due on an item's due date, or once it has had no update for "
	    "%d days (the chase report's rule); a figure its reporting lag after its period ends.",
	    stale_days);
	if (nmiss > 0) {
		struct rtable *t;

		rdoc_para(d, "Not in, by who leads or owns it:");
		t = rdoc_table(d, NULL, WM_ARRAY_LEN(miss_headers), miss_headers);
		for (size_t k = 0; k < nmiss; k++) {
			char due[DATE_ISO_LEN];

			date_format_iso(miss[k].due, due);
			rtable_cell(t, miss[k].lead);
			rtable_cell(t, miss[k].what);
			rtable_link(t, miss[k].key, miss[k].href);
			rtable_cell(t, miss[k].title);
			rtable_date(t, miss[k].due);
			rtable_cell(t, miss[k].why);
			rtable_end_row(t);
			json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s?, s:s, s:s}", "lead",
			    miss[k].lead, "what", miss[k].what, "item", miss[k].key, "title",
			    miss[k].title, "due", due, "why", miss[k].why));
			if (json_object_get(leads, miss[k].lead) == NULL)
				json_object_set_new(leads, miss[k].lead, json_integer(0));
			json_integer_set(json_object_get(leads, miss[k].lead),
			    json_integer_value(json_object_get(leads, miss[k].lead)) + 1);
		}
	}
	if (json != NULL)
		*json = json_pack("{s:s, s:s, s:i, s:{s:I, s:I, s:I, s:I}, s:{s:I, s:I, s:I, s:n}, "
		    "s:O, s:O}", "from", d1, "to", d2, "stale_days", stale_days,
		    "updates", "due", (json_int_t)c.updates_due, "in", (json_int_t)c.updates_in,
		    "on_time", (json_int_t)c.updates_on_time, "missing",
		    (json_int_t)(c.updates_due - c.updates_in),
		    "figures", "due", (json_int_t)c.figures_due, "in", (json_int_t)c.figures_in,
		    "missing", (json_int_t)(c.figures_due - c.figures_in), "on_time",
		    "not_in", list, "not_in_by_lead", leads);
	if (counts != NULL)
		*counts = c;
out:
	free(miss);
	json_decref(hrefs);
	json_decref(list);
	json_decref(leads);
	json_decref(map);
	titems_release(&items);
	tfigures_release(&figs);
	return rc;
}
