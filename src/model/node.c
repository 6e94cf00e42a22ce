/*
 * node.c: what the engine cannot know about plan nodes and milestones.
 *
 * A node's parent is written relative to its plan ("G1" for "TTSC/G1")
 * and must be in the same plan; milestone dependencies likewise within
 * their timetable. Timescales are read against the date of the document
 * they came from: the plan's or the timetable's. Both are tracked items
 * (track.h): the register's rules follow.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/tsc.h"
#include "model/ent.h"
#include "model/hooks.h"
#include "model/track.h"
#include "store/store.h"

/* "G1" within plan "TTSC" becomes "TTSC/G1"; a whole key is left alone. */
static void
qualify(json_t *row, const char *field, const char *owner)
{
	const char *v = json_string_value(json_object_get(row, field));
	struct buf b = BUF_INIT;

	if (v == NULL || owner == NULL || strchr(v, '/') != NULL)
		return;
	buf_addf(&b, "%s/%s", owner, v);
	json_object_set_new(row, field, json_string(buf_str(&b)));
	buf_release(&b);
}

static void
qualify_all(json_t *row, const char *field, const char *owner)
{
	json_t *arr = json_object_get(row, field), *v;
	size_t i;

	if (!json_is_array(arr) || owner == NULL)
		return;
	json_array_foreach(arr, i, v) {
		const char *s = json_string_value(v);
		struct buf b = BUF_INIT;

		if (s == NULL || strchr(s, '/') != NULL)
			continue;
		buf_addf(&b, "%s/%s", owner, s);
		json_array_set_new(arr, i, json_string(buf_str(&b)));
		buf_release(&b);
	}
}

static bool
belongs_to(const char *key, const char *owner)
{
	size_t n = strlen(owner);

	return strncmp(key, owner, n) == 0 && key[n] == '/';
}

static int
node_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const char *plan = json_string_value(json_object_get(row, "plan"));
	const char *parent;
	int date;
	int rc;

	qualify(row, "parent", plan);
	parent = json_string_value(json_object_get(row, "parent"));
	if (parent != NULL && plan != NULL && !belongs_to(parent, plan))
		return wm_error(err, WM_EINVAL, "node parent: \"%s\" is not in plan \"%s\"; "
		    "a node's parent must be in the same plan (use a link across plans)",
		    parent, plan);
	if (json_object_get(row, "timescale") != NULL && !json_is_null(json_object_get(row, "timescale"))) {
		if ((rc = ent_ref_date(ctx, "plans", plan, "doc_date", &date, err)) != 0)
			return rc;
		if (date == DATE_NONE &&
		    (rc = ent_ref_date(ctx, "plans", plan, "period_start", &date, err)) != 0)
			return rc;
		ent_fill_timescale(row, date);
	}
	return track_prepare(ctx, track_kind_of(kind_find("nodes")), row, before, err);
}

static int
node_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	(void)id;
	return track_after(ctx, track_kind_of(kind_find("nodes")), before, after, NULL, NULL, err);
}

static int
node_decorate(struct wm_ctx *ctx, const struct kind_row *rows, size_t n, struct wm_err *err)
{
	return track_decorate(ctx, track_kind_of(kind_find("nodes")), rows, n, err);
}

const struct kind_hooks node_hooks = { node_prepare, node_after, node_decorate };

/*
 * The date a milestone's words are read against: the timetable's date, or
 * later, so that the steps stay in order: "January" after "13 January
 * 2003" in a timetable of September 2002 is January 2003, as the
 * document importer reads it.
 */
static int
milestone_base(struct wm_ctx *ctx, const json_t *row, const char *tt, int *base,
    struct wm_err *err)
{
	const json_t *ts = json_object_get(row, "timescale");
	const char *text = json_is_string(ts) ? json_string_value(ts) :
	    json_string_value(json_object_get(ts, "text"));
	json_int_t seq = json_integer_value(json_object_get(row, "seq"));
	struct timescale t;
	struct stmt *s;
	int running, before, rc;

	if ((rc = ent_ref_date(ctx, "timetables", tt, "doc_date", base, err)) != 0)
		return rc;
	if (text == NULL || seq <= 0)
		return 0;
	rc = store_prepare(ctx->st, "SELECT MAX(m.ts_earliest) FROM milestone m"
	    " JOIN timetable t ON t.id = m.timetable_id WHERE t.ref = ? AND m.seq > 0 AND m.seq < ?",
	    &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, tt);
	stmt_bind_int(s, 2, seq);
	running = *base;
	if ((rc = stmt_step(s, err)) == STORE_ROW && !stmt_is_null(s, 0) &&
	    date_parse_iso(stmt_text(s, 0), &before) == 0 &&
	    (running == DATE_NONE || before > running))
		running = before;
	stmt_reset(s);
	if (rc < 0)
		return rc;
	tsc_parse_next(text, &running, base, &t);
	return 0;
}

static int
milestone_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const char *tt = json_string_value(json_object_get(row, "timetable"));
	int date, rc;

	qualify_all(row, "depends_on", tt);
	if (json_object_get(row, "timescale") != NULL && !json_is_null(json_object_get(row, "timescale"))) {
		if ((rc = milestone_base(ctx, row, tt, &date, err)) != 0)
			return rc;
		ent_fill_timescale(row, date);
	}
	return track_prepare(ctx, track_kind_of(kind_find("milestones")), row, before, err);
}

static int
milestone_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	(void)id;
	return track_after(ctx, track_kind_of(kind_find("milestones")), before, after, NULL, NULL,
	    err);
}

static int
milestone_decorate(struct wm_ctx *ctx, const struct kind_row *rows, size_t n,
    struct wm_err *err)
{
	return track_decorate(ctx, track_kind_of(kind_find("milestones")), rows, n, err);
}

const struct kind_hooks milestone_hooks = { milestone_prepare, milestone_after,
	milestone_decorate };
