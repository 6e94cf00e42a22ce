/*
 * rec.c: what is a recommendation's own beside the register's rules every
 * tracked item follows (track.h): its timescale is read against the date
 * of the document it comes from, the source's unless a later one says
 * otherwise, and a due date that document moves is revised on its date.
 * Its grades are its source's scale's, and a lead officer's grade that
 * closes it awaits a planner's sign-off, as any tracked item's does.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "model/ent.h"
#include "model/hooks.h"
#include "model/track.h"

/* Are the timescale's words the same in both? */
static bool
same_ts_text(const json_t *a, const json_t *b)
{
	const json_t *x = json_object_get(a, "timescale"), *y = json_object_get(b, "timescale");
	const char *tx = json_is_string(x) ? json_string_value(x) :
	    json_string_value(json_object_get(x, "text"));
	const char *ty = json_is_string(y) ? json_string_value(y) :
	    json_string_value(json_object_get(y, "text"));

	return (tx == NULL && ty == NULL) || (tx != NULL && ty != NULL && strcmp(tx, ty) == 0);
}

static int
rec_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const char *source = json_string_value(json_object_get(row, "source"));
	const json_t *ts;
	int date, rc;

	if ((rc = ent_ref_date(ctx, "sources", source, "issued", &date, err)) != 0)
		return rc;
	/*
	 * The words are read against the date of the document they come from:
	 * the one this write names, else the source's. New words with no new
	 * date come from no document: the old date does not follow them.
	 */
	if (before != NULL && !same_ts_text(row, before) &&
	    track_same_text(row, before, "timescale_date")) {
		json_object_set_new(row, "timescale_date", json_null());
	} else if (before != NULL && !track_same_text(row, before, "timescale_date")) {
		/* a later document's date: the same words read again against it */
		const json_t *t = json_object_get(row, "timescale");
		const char *text = json_is_object(t) ? json_string_value(json_object_get(t, "text")) :
		    NULL;

		if (text != NULL)
			json_object_set_new(row, "timescale", json_string(text));
	}
	{
		const char *td = json_string_value(json_object_get(row, "timescale_date"));
		int d;

		if (td != NULL && date_parse_iso(td, &d) == 0)
			date = d;
	}
	ts = json_object_get(row, "timescale");
	if (json_is_object(ts) || json_is_string(ts))
		ent_fill_timescale(row, date);
	return track_prepare(ctx, track_kind_of(kind_find("recommendations")), row, before, err);
}

/*
 * A moved due date is a revision, dated with the document that moved it
 * (a new timescale_date) or else today, saying what the timescale now is.
 */
static int
rec_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	const char *dated = NULL;
	struct buf why = BUF_INIT;
	int rc;

	(void)id;
	if (before == NULL || after == NULL)
		return 0;
	if (!track_same_text(before, after, "timescale_date"))
		dated = json_string_value(json_object_get(after, "timescale_date"));
	if (!same_ts_text(before, after)) {
		const char *text = json_string_value(json_object_get(json_object_get(after,
		    "timescale"), "text"));

		buf_addf(&why, "timescale now \"%.200s\"", text ? text : "");
		if (dated != NULL)
			buf_addf(&why, " (document of %s)", dated);
	}
	rc = track_after(ctx, track_kind_of(kind_find("recommendations")), before, after, dated,
	    why.len ? buf_str(&why) : NULL, err);
	buf_release(&why);
	return rc;
}

static int
rec_decorate(struct wm_ctx *ctx, const struct kind_row *rows, size_t n, struct wm_err *err)
{
	return track_decorate(ctx, track_kind_of(kind_find("recommendations")), rows, n, err);
}

const struct kind_hooks rec_hooks = { rec_prepare, rec_after, rec_decorate };
