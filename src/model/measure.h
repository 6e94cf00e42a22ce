/*
 * measure.h: writing performance figures and targets in bulk.
 *
 * A borough's figures arrive by the thousand, so they do not go through
 * the one-record-at-a-time engine: a writer resolves each PI and unit
 * once, writes rows with one prepared statement, and records a single
 * audit entry for the batch saying what it added and changed.
 */
#ifndef WM_MEASURE_H
#define WM_MEASURE_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

enum meas_table {
	MEAS_MEASUREMENTS,
	MEAS_TARGETS
};

struct meas_row {
	const char *pi;		/* PI code */
	const char *unit;	/* unit key */
	const char *period;	/* canonical period text */
	bool has_value;
	double value;
	bool has_ratio;		/* numerator and denominator given */
	double numerator, denominator;
	const char *flag;	/* measurements: actual, estimate, provisional, not_available */
	bool has_tolerance;	/* targets */
	double tolerance;
	const char *note;
};

struct meas_writer;

/* what: how the batch is described in the audit log ("sample", a file name). */
int meas_writer_open(struct wm_ctx *ctx, enum meas_table table, const char *what,
    struct meas_writer **out, struct wm_err *err);
/* *changed: ENT_ADDED, ENT_CHANGED or ENT_UNCHANGED (ent.h). */
int meas_writer_put(struct meas_writer *w, const struct meas_row *row, int *changed,
    struct wm_err *err);
/* Write the batch's audit entry and free the writer; counts go into summary (dbx style). */
int meas_writer_close(struct meas_writer *w, json_t *summary, struct wm_err *err);
/* Free without recording (after an error; the caller rolls back). */
void meas_writer_free(struct meas_writer *w);

#endif
