/*
 * cube.h: one indicator's figures of one period kind, as arrays.
 *
 * A cube holds, for every period in a range and every unit that has a
 * figure, the value, the ratio's counts and a quality flag, laid out
 * [period][unit]. It is how figures are stored (table pi_series) and how
 * the analysis reads them: a report that needs three periods of 500
 * indicators reads three rows of each array, not a million records.
 */
#ifndef WM_CUBE_H
#define WM_CUBE_H

#include "base/wm.h"

#include "base/err.h"
#include "base/period.h"
#include "model/ctx.h"

enum cube_flag {
	CF_NONE = 0,		/* no figure */
	CF_ACTUAL = 1,
	CF_ESTIMATE = 2,
	CF_PROVISIONAL = 3,
	CF_NOT_AVAILABLE = 4	/* a figure that could not be had (with a note why) */
};

/* A writer's own mark on a flag byte while it works (measure.c): never part of a figure. */
#define CF_MARK 0x80

/*
 * A flag byte holds the quality above in its low bits and, beside it,
 * whether the figure still awaits approval (entered by someone who may not
 * approve it: measure.h). The public never sees such a figure: a cube
 * loaded for the public has none (cube_load leaves them out).
 */
#define CF_QUALITY 0x0F
#define CF_PENDING 0x40

struct cube {
	int64_t pi_id;
	enum period_kind kind;
	int first;		/* period index of row 0 */
	int nperiods;
	size_t nunits;
	int64_t *units;		/* unit ids, one per column */
	/*
	 * The arrays have room to grow at both ends and to the right: row r,
	 * column u is cell (row0 + r) * stride + u (see cube_cell). A cube
	 * loaded from the database is packed: row0 0, stride nunits.
	 */
	size_t stride;
	int row0;
	int caprows;
	double *value;
	double *num;		/* NULL unless the series has counts */
	double *den;
	uint8_t *flag;
	int64_t id;		/* its row, 0 if not stored yet */
	int64_t version;
	/*
	 * A cube from cube_load_recent holds only the series' recent part;
	 * `archived` older periods stay in the database, stored with
	 * stored_nunits columns (and counts if stored_counts).
	 */
	bool partial;
	int archived;
	size_t stored_nunits;
	bool stored_counts;
	int64_t archived_figures;	/* figures in the archive left unread; -1 unknown */
	size_t last_col;	/* cube_col's last answer: rows come unit after unit */
	/*
	 * What the last cube_store_part() wrote, for the audit log's state
	 * (digest.h): the series row's digest ("" if it was not written), and
	 * the archive's: archive_written 1 (archive_digest), -1 removed, 0 left.
	 */
	char digest[33];
	int archive_written;
	char archive_digest[33];
};

void cube_init(struct cube *c, int64_t pi_id, enum period_kind kind);
void cube_release(struct cube *c);

/* The column of a unit; with create, add one if missing. -1 if absent. */
long cube_col(struct cube *c, int64_t unit_id, bool create);
/*
 * Take a unit's column out of a cube loaded whole, figures and all, so
 * that once stored the unit is no longer one the series has.
 */
void cube_drop_unit(struct cube *c, int64_t unit_id);
/* The row of a period index; with create, extend the range. -1 if outside. */
long cube_row(struct cube *c, int period_index, bool create);
/* Give the cube count arrays (zeroed), for a ratio figure. */
void cube_want_counts(struct cube *c);

static inline size_t
cube_cell(const struct cube *c, long row, long col)
{
	return (size_t)(c->row0 + row) * c->stride + (size_t)col;
}

/* Which period kinds an indicator has figures in (bit 1 << kind). */
int cube_kinds(struct wm_ctx *ctx, int64_t pi_id, unsigned *kinds, struct wm_err *err);

/*
 * Load an indicator's figures of one kind for the period indexes
 * [from, to] (clipped to what is stored; INT_MIN, INT_MAX for all). An
 * indicator with none gives an empty cube, not an error. For the public
 * (authz_published_only), figures awaiting approval are left out.
 */
int cube_load(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, int from, int to,
    struct cube *out, struct wm_err *err);

/*
 * Only the recent part of a series (all of it if it has no archive), for
 * a writer that adds the latest periods: a month added to ten years of
 * figures reads and writes two years, not ten. The cube is partial.
 */
int cube_load_recent(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, struct cube *c,
    struct wm_err *err);

/* Make a partial cube whole, reading its archive: before touching an older period. */
int cube_complete(struct wm_ctx *ctx, struct cube *c, struct wm_err *err);

/*
 * Write a cube loaded whole (or partial) and changed, replacing what is
 * stored. A partial cube whose new rows no longer fit its archive's shape
 * is first made whole.
 */
int cube_store(struct wm_ctx *ctx, struct cube *c, struct wm_err *err);

/*
 * The newest CUBE_RECENT periods live in the series row, the older in an
 * archive row. Reports read the recent rows of every indicator; a writer of
 * many cubes stores all their recent parts first, then all the archives,
 * so that the recent parts lie together in the file and a cold report
 * reads them in a few long reads instead of skipping through the history.
 */
#define CUBE_RECENT 24

enum cube_part {
	CUBE_PART_RECENT = 1,	/* the series row (first: it gives the cube its id) */
	CUBE_PART_ARCHIVE = 2
};

int cube_store_part(struct wm_ctx *ctx, struct cube *c, enum cube_part part,
    struct wm_err *err);

/*
 * Rewrite every series still in layout 1 (before schema 8) as one block;
 * *n: how many. For `waymark init` after an upgrade.
 */
int cube_relayout(struct wm_ctx *ctx, int64_t *n, struct wm_err *err);

/* The range of period indexes stored for the indicator, or *first > *last if none. */
int cube_range(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, int *first, int *last,
    struct wm_err *err);

/*
 * How many figures indicator pi_id holds (0: every indicator), from the
 * counts each series row keeps (migration 015): as many statements as
 * there are series, whatever their size. A series stored before that is
 * counted from its blocks.
 */
int cube_count(struct wm_ctx *ctx, int64_t pi_id, size_t *n, struct wm_err *err);

/* Give every series stored without its counts (before schema 15) its counts; *n: how many. */
int cube_recount(struct wm_ctx *ctx, int64_t *n, struct wm_err *err);

/* The quality's name (CF_PENDING and other bits aside). */
const char *cube_flag_name(enum cube_flag f);
/* "actual", "estimate", "provisional", "not_available"; WM_EINVAL otherwise. */
int cube_flag_parse(const char *name, enum cube_flag *f);

#endif
