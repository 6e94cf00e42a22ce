/*
 * measure.h: writing performance figures and targets in bulk, and the
 * storage behind the "measurements" kind.
 *
 * Figures arrive by the million, so they do not go through the
 * one-record-at-a-time engine: a writer resolves each PI and unit once,
 * gathers the figures into each indicator's arrays (cube.h), writes each
 * indicator once, and records a single audit entry for the batch saying
 * what it added and changed. Targets, far fewer, are rows.
 */
#ifndef WM_MEASURE_H
#define WM_MEASURE_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"
#include "model/kind.h"

enum meas_table {
	MEAS_MEASUREMENTS,
	MEAS_TARGETS
};

struct meas_row {
	const char *pi;		/* PI code */
	const char *unit;	/* unit key */
	const char *period;	/* period text (any of the four forms) */
	bool has_value;
	double value;
	bool has_ratio;		/* numerator and denominator given */
	double numerator, denominator;
	const char *flag;	/* measurements: actual, estimate, provisional, not_available */
	bool has_tolerance;	/* targets */
	double tolerance;
	const char *note;
	bool pending;		/* measurements: awaiting approval (cube.h's CF_PENDING) */
	bool whole_note;	/* note is the figure's note, NULL none (not "none given") */
};

struct meas_writer;

/* what: how the batch is described in the audit log (a file name, "sample"). */
int meas_writer_open(struct wm_ctx *ctx, enum meas_table table, const char *what,
    struct meas_writer **out, struct wm_err *err);

/*
 * A figure entered by someone who may not approve it (authz_may_approve)
 * awaits approval: the public does not see it, reports mark it, and its
 * "approved" is false until the indicator's owner or a planner sets it
 * (the measurements kind: its audit entries say "submit" and "approve").
 * Figures written in bulk are approved as they are written: only those
 * who may approve them may write them so.
 *
 * Write one figure. *changed: ENT_ADDED, ENT_CHANGED or ENT_UNCHANGED.
 * WM_EEXIST when the same PI, unit and period came earlier in this batch
 * with a different figure; WM_ENOTFOUND for an unknown PI or unit;
 * WM_EINVAL for a bad period or flag. The message says which.
 */
int meas_writer_put(struct meas_writer *w, const struct meas_row *row, int *changed,
    struct wm_err *err);

/* Write what is gathered, record the audit entry and free the writer; counts go into summary. */
int meas_writer_close(struct meas_writer *w, json_t *summary, struct wm_err *err);
/* Free without writing (after an error; the caller rolls back). */
void meas_writer_free(struct meas_writer *w);

/* How many figures the writer holds in memory (for a progress report). */
size_t meas_writer_held(const struct meas_writer *w);

/*
 * Fold figures written row by row before schema 3 (table
 * measurement_staged) into series; *n says how many. Run by `waymark init`.
 */
int meas_fold_staged(struct wm_ctx *ctx, int64_t *n, struct wm_err *err);

/*
 * What an indicator's figures have beside their numbers, as an object
 * "UNITID/PERIOD" -> {"note"} and, for those awaiting approval,
 * {"submitted_by", "reason"}.
 */
int meas_notes(struct wm_ctx *ctx, int64_t pi, json_t **out, struct wm_err *err);

extern const struct kind_store measurement_store;

#endif
