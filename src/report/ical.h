/*
 * ical.h: an iCalendar file (RFC 5545) of dated steps, through libical,
 * for calendar programs to open.
 */
#ifndef WM_ICAL_H
#define WM_ICAL_H

#include "base/wm.h"

#include <time.h>

#include "base/err.h"

enum ical_status { ICAL_CONFIRMED_STEP, ICAL_TENTATIVE_STEP, ICAL_CANCELLED_STEP };

struct ical_step {
	const char *uid;	/* stable across exports: "BVA2002-LAUNCH/M1@waymark" */
	const char *summary;
	const char *description;	/* may be NULL */
	const char *category;	/* may be NULL */
	int first, last;	/* date.h days, inclusive; DATE_NONE: undated (a to-do) */
	enum ical_status status;
	bool done;
};

/*
 * The calendar as text (malloc'd, CRLF lines): dated steps as all-day
 * events from first to last, undated ones as to-dos. stamp is when it was
 * made (DTSTAMP).
 */
int ical_write(const char *name, const struct ical_step *steps, size_t n, time_t stamp,
    char **out, struct wm_err *err);

#endif
