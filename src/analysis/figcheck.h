/*
 * figcheck.h: what a figure is asked before it is saved from the data-entry
 * page: is it within the range the indicator says its figures can take,
 * is it far from the unit's own history, does a ratio come with its
 * counts. A figure that fails one is not refused: the person entering it
 * is told why it looks wrong and may save it anyway with a reason.
 *
 * Far from the history is a robust z-score (Iglewicz and Hoaglin's
 * modified z: 0.6745 times the distance from the median over the median
 * absolute deviation) over the unit's last 24 figures, above 3.5: one
 * earlier outlier does not hide the next, as it would a mean and standard
 * deviation. Pure: no database; the caller gives the figure, the range and
 * the history.
 */
#ifndef WM_FIGCHECK_H
#define WM_FIGCHECK_H

#include "base/wm.h"

enum {
	FIGCHECK_RANGE = 1,	/* outside [lo, hi] */
	FIGCHECK_OUTLIER = 2,	/* robust z-score above FIGCHECK_Z */
	FIGCHECK_COUNTS = 4	/* a ratio indicator's figure without its counts */
};

#define FIGCHECK_HISTORY 24	/* periods of the unit's history looked at */
#define FIGCHECK_MIN_HISTORY 6	/* fewer figures than this: too few to judge an outlier */
#define FIGCHECK_Z 3.5

struct figcheck {
	double value;
	bool ratio;		/* the indicator is a ratio of two counts */
	bool has_counts;	/* the figure came with them */
	double lo, hi;		/* the stated range; NAN where there is no limit */
	const double *history;	/* the unit's earlier figures, any order; NAN ones are skipped */
	size_t nhistory;
};

struct figcheck_result {
	unsigned problems;	/* FIGCHECK_* bits */
	double z;		/* the robust z-score; NAN when the history was too short */
	double median;		/* of the history; NAN likewise */
};

void figcheck_run(const struct figcheck *in, struct figcheck_result *out);

/*
 * v's robust z-score against the n figures of h (NANs skipped): false, z
 * and median NAN, if fewer than FIGCHECK_MIN_HISTORY. Where half or more of
 * the history is one value (no spread about the median), the mean absolute
 * deviation stands in (times 1.2533, so that z means the same); where all
 * of it is, z is 0 for that value and infinite for any other.
 */
bool figcheck_robust_z(double v, const double *h, size_t n, double *z, double *median);

#endif
