/*
 * tracked.c: the tracked items side by side (see tracked.h), read through
 * the record engine, which has already said where each stands as of the
 * context's clock (model/track.c).
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "model/ent.h"
#include "model/figures.h"
#include "report/tracked.h"

static const char *
str(const json_t *row, const char *field)
{
	return json_string_value(json_object_get(row, field));
}

static int
day(const json_t *row, const char *field)
{
	const char *s = str(row, field);
	int d = DATE_NONE;

	if (s != NULL)
		date_parse_iso(s, &d);
	return d;
}

/* A string the items keep, held with the lists. */
static const char *
keep(struct titems *items, const char *s)
{
	json_t *v = json_string(s ? s : "");

	json_array_append_new(json_object_get(items->hold, "strings"), v);
	return json_string_value(v);
}

static const char *
node_noun(const char *kind)
{
	static const char *const nouns[][2] = { { "key_action", "key action" }, { "goal", "goal" },
		{ "aim", "aim" }, { "outcome", "outcome" }, { "priority", "priority" },
		{ "objective", "objective" } };

	for (size_t i = 0; kind != NULL && i < WM_ARRAY_LEN(nouns); i++)
		if (strcmp(nouns[i][0], kind) == 0)
			return nouns[i][1];
	return "plan item";
}

/* Is this plan item one someone may be asked for an update on (tracked.h)? */
static bool
node_tracked(const json_t *row)
{
	const char *kind = str(row, "kind");

	return (kind != NULL && (strcmp(kind, "key_action") == 0 ||
	    strcmp(kind, "objective") == 0)) || str(row, "due") != NULL ||
	    json_array_size(json_object_get(row, "progress")) > 0;
}

static void
add(struct titems *items, const char *kind, const char *noun, const json_t *row,
    const char *parent_field, const char *title_field, const json_t *leads)
{
	const json_t *stat = json_object_get(row, "statutory");
	const char *status = str(row, "status");
	struct titem *it;
	struct buf key = BUF_INIT;

	WM_GROW(items->v, items->n + 1, items->cap);
	it = &items->v[items->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->noun = noun;
	it->on = strcmp(kind, "recommendations") == 0 ? "recommendation" :
	    strcmp(kind, "nodes") == 0 ? "node" : "milestone";
	it->parent = str(row, parent_field);
	it->ref = str(row, "ref");
	buf_addf(&key, "%s/%s", it->parent ? it->parent : "", it->ref ? it->ref : "");
	it->key = keep(items, buf_str(&key));
	buf_release(&key);
	it->title = str(row, title_field) != NULL ? str(row, title_field) : str(row, "title");
	it->committee = str(row, "committee");
	it->leads = leads;
	it->row = row;
	it->open = status != NULL && (strcmp(status, "open") == 0 ||
	    strcmp(status, "in_progress") == 0 || strcmp(status, "planned") == 0 ||
	    strcmp(status, "slipped") == 0);
	it->overdue = json_is_true(json_object_get(row, "overdue"));
	it->days_overdue = json_is_integer(json_object_get(row, "days_overdue")) ?
	    (int)json_integer_value(json_object_get(row, "days_overdue")) : -1;
	it->since = json_is_integer(json_object_get(row, "days_since_update")) ?
	    (int)json_integer_value(json_object_get(row, "days_since_update")) : -1;
	it->f.key = it->key;
	it->f.due = day(row, "due");
	it->f.closed = !it->open;
	it->f.percent = json_is_number(json_object_get(row, "percent")) ?
	    json_number_value(json_object_get(row, "percent")) : -1;
	it->f.last_update = day(row, "last_update");
	it->f.opened = day(row, "opened");
	it->f.statutory = json_is_true(stat) ? 1 : json_is_false(stat) ? 0 : -1;
	it->f.priority = (int)json_integer_value(json_object_get(row, "priority"));
}

static int
list(struct wm_ctx *ctx, struct titems *items, const char *kind, const char *field,
    const char *post, json_t **rows, struct wm_err *err)
{
	struct ent_query q = { 0 };
	json_t *where = post != NULL ? json_pack("{s:s}", field, post) : NULL;
	int rc;

	q.where = where;
	rc = ent_list(ctx, kind_find(kind), &q, rows, err);
	json_decref(where);
	if (rc == 0)
		json_array_append(json_object_get(items->hold, "lists"), *rows);
	json_decref(*rows);
	return rc;
}

static bool
seen(const struct titems *items, const char *kind, const char *key)
{
	for (size_t i = 0; i < items->n; i++)
		if (strcmp(items->v[i].kind, kind) == 0 && strcmp(items->v[i].key, key) == 0)
			return true;
	return false;
}

/* The items one post leads (all of them with post NULL), each once. */
static int
load_post(struct wm_ctx *ctx, const char *post, bool dedupe, struct titems *items,
    struct wm_err *err)
{
	json_t *rows, *row;
	size_t i;
	int rc;

	if ((rc = list(ctx, items, "recommendations", "leads", post, &rows, err)) != 0)
		return rc;
	json_array_foreach(rows, i, row) {
		struct buf k = BUF_INIT;
		bool dup;

		buf_addf(&k, "%s/%s", str(row, "source"), str(row, "ref"));
		dup = dedupe && seen(items, "recommendations", buf_str(&k));
		buf_release(&k);
		if (!dup)
			add(items, "recommendations", "recommendation", row, "source", "subject",
			    json_object_get(row, "leads"));
	}
	if ((rc = list(ctx, items, "nodes", "leads", post, &rows, err)) != 0)
		return rc;
	json_array_foreach(rows, i, row) {
		struct buf k = BUF_INIT;
		bool dup;

		if (!node_tracked(row))
			continue;
		buf_addf(&k, "%s/%s", str(row, "plan"), str(row, "ref"));
		dup = dedupe && seen(items, "nodes", buf_str(&k));
		buf_release(&k);
		if (!dup)
			add(items, "nodes", node_noun(str(row, "kind")), row, "plan", "title",
			    json_object_get(row, "leads"));
	}
	if ((rc = list(ctx, items, "milestones", "post", post, &rows, err)) != 0)
		return rc;
	json_array_foreach(rows, i, row) {
		struct buf k = BUF_INIT;
		json_t *leads = json_array();
		bool dup;

		buf_addf(&k, "%s/%s", str(row, "timetable"), str(row, "ref"));
		dup = dedupe && seen(items, "milestones", buf_str(&k));
		buf_release(&k);
		if (str(row, "post") != NULL)
			json_array_append(leads, json_object_get(row, "post"));
		json_array_append_new(json_object_get(items->hold, "lists"), leads);
		if (!dup)
			add(items, "milestones", "milestone", row, "timetable", "title", leads);
	}
	return 0;
}

int
titems_load(struct wm_ctx *ctx, const char *const *posts, size_t nposts, struct titems *out,
    struct wm_err *err)
{
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->hold = json_pack("{s:[], s:[]}", "lists", "strings");
	if (posts == NULL)
		return load_post(ctx, NULL, false, out, err);
	for (size_t i = 0; i < nposts && rc == 0; i++)
		rc = load_post(ctx, posts[i], nposts > 1, out, err);
	return rc;
}

void
titems_release(struct titems *items)
{
	free(items->v);
	json_decref(items->hold);
	memset(items, 0, sizeof(*items));
}

bool
titem_stale(const struct titem *it, int stale_days)
{
	if (!it->open)
		return false;
	/* never updated, with no date to tell how long: stale all the same */
	return it->since >= 0 ? it->since > stale_days : it->f.last_update == DATE_NONE;
}

void
titem_href(const struct titem *it, struct buf *out)
{
	buf_addf(out, "/%s/", it->kind);
	buf_add_url_escaped(out, it->key, true);
}

void
titem_update_href(const struct titem *it, const char *back, struct buf *out)
{
	/* the progress kind's own form, the item named: the same for every tracked kind */
	buf_addf(out, "/progress/new?%s=", it->on);
	buf_add_url_escaped(out, it->key, false);
	if (back != NULL) {
		buf_adds(out, "&back=");
		buf_add_url_escaped(out, back, false);
	}
}

/* ---- figures due ------------------------------------------------------ */

static int
figures_of(struct wm_ctx *ctx, const json_t *pi, int from, int to, struct tfigures *out,
    struct wm_err *err)
{
	struct fig_due *due = NULL;
	size_t n = 0;
	long latest;
	int rc;

	if ((rc = fig_due_load(ctx, str(pi, "code"), from, to, &due, &n, &latest, err)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct tfigure *f;

		WM_GROW(out->v, out->n + 1, out->cap);
		f = &out->v[out->n++];
		f->pi = str(pi, "code");
		f->title = str(pi, "title");
		f->owner = str(pi, "owner");
		f->committee = str(pi, "committee");
		memcpy(f->period, due[i].period, sizeof(f->period));
		f->due = due[i].due;
		f->in = due[i].in;
		f->row = pi;
	}
	free(due);
	return 0;
}

int
tfigures_load(struct wm_ctx *ctx, const char *const *posts, size_t nposts, int from, int to,
    struct tfigures *out, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	json_t *pis = NULL, *pi;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	out->hold = json_array();
	if ((rc = ent_list(ctx, kind_find("pis"), &q, &pis, err)) != 0)
		return rc;
	json_array_append_new(out->hold, pis);
	json_array_foreach(pis, i, pi) {
		bool mine = posts == NULL;

		for (size_t k = 0; k < nposts && !mine; k++)
			mine = str(pi, "owner") != NULL && strcmp(str(pi, "owner"), posts[k]) == 0;
		if (mine && (rc = figures_of(ctx, pi, from, to, out, err)) != 0)
			return rc;
	}
	return 0;
}

void
tfigures_release(struct tfigures *f)
{
	free(f->v);
	json_decref(f->hold);
	memset(f, 0, sizeof(*f));
}

void
tfigure_href(const struct tfigure *f, const char *back, struct buf *out)
{
	buf_adds(out, "/pis/");
	buf_add_url_escaped(out, f->pi, false);
	buf_adds(out, "/figures?period=");
	buf_add_url_escaped(out, f->period, false);
	if (back != NULL) {
		buf_adds(out, "&back=");
		buf_add_url_escaped(out, back, false);
	}
}
