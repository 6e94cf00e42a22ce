/*
 * tsc.h: fuzzy timescales.
 *
 * People write when things are due as "Strategy launch in autumn",
 * "End of 2002/2003", "June/July", "December 2004 and ongoing". Waymark
 * keeps the words and works out what they mean: the earliest and latest
 * day meant, and flags. The year, where the words have none, comes from
 * the date of the document they were written in. Words that cannot be
 * placed leave the interval empty and say why: nothing is guessed.
 */
#ifndef WM_TSC_H
#define WM_TSC_H

#include "base/wm.h"

struct timescale {
	int earliest;		/* date.h day number, or DATE_NONE */
	int latest;
	bool ongoing;		/* "ongoing", "and ongoing" */
	bool complete;		/* "complete": already done */
	bool uncertain;		/* "September?" */
	bool conditional;	/* "subject to ...", "if necessary" */
	const char *why;	/* static text: why it could not be placed; NULL if placed */
};

/*
 * Read text written on or about doc_date (DATE_NONE if unknown). Always
 * succeeds for any bytes; an empty interval with `why` set is the answer
 * for text that names no time.
 */
void tsc_parse(const char *text, int doc_date, struct timescale *out);

/*
 * Read text as the next of a list of times in order, as a timetable's
 * steps are: *running is the latest day the steps before began on (at
 * first the document's date, or DATE_NONE). Words without a year take
 * the year that keeps them in order: "January" after "December 2002" is
 * January 2003. *running moves on to this step's start; *base receives
 * the date the words were read against.
 */
void tsc_parse_next(const char *text, int *running, int *base, struct timescale *out);

#endif
