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
	bool year_named;	/* the words name their year (or financial year) */
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

/*
 * Read a timetable's steps (texts[0..n), written in a document of
 * doc_date). Steps in date order are read as tsc_parse_next reads them: a
 * step without a year takes the year that keeps the order. A timetable
 * that is not in order — steps naming their year out of order, or a list
 * that read in order would pass the new year more than once — is a list of
 * times, each without a year taking the document's. bases[i] receives the
 * date step i was read against, out[i] its timescale; true when read in
 * order.
 */
bool tsc_parse_steps(const char *const *texts, size_t n, int doc_date, int *bases,
    struct timescale *out);

#endif
