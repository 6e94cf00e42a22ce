/*
 * docimp_impl.h: what the two halves of the document reader share.
 * Private to src/import: docimp.c reads the document as a whole (title,
 * date, lists, dated timetables, prose, footnotes); doctable.c reads its
 * tables.
 */
#ifndef WM_DOCIMP_IMPL_H
#define WM_DOCIMP_IMPL_H

#include <jansson.h>

#include "import/doc.h"
#include "import/docimp.h"

struct arena;

#define SCAN_MAX_PRIORITIES 32

struct scan {
	struct arena *a;
	const struct doc *d;
	const struct docimp_opts *o;
	char *used;		/* per line: read into something */
	const char **why;	/* per line: why it was not read (NULL: narrative) */
	json_t *data;		/* the waymark-data document being built */
	json_t *kinds;		/* what was found, by name */
	json_t *notes;
	const char *title;	/* the document's title */
	int date;		/* the document's date, or DATE_NONE */
	int year;		/* a year for dates without one when the date is unknown */
	/* the document's own plan, for key actions and lists that name none */
	const char *plan_ref;
	/* priorities of the document's plan: titles by number, from a list or headings */
	const char *priority[SCAN_MAX_PRIORITIES + 1];
	int cur_priority;	/* the priority the next action table belongs to */
	int last_priority;	/* the last one a table was read under */
	char last_letter;	/* the letter of the last key action read */
	json_t *marks;		/* footnote number -> [keys of the actions carrying it] */
	const char *source;	/* the source report's ref, once known */
	bool progress_rows;	/* recommendations with progress were read */
};

/* Add rec (taking the reference) to the document's array of kind. */
void scan_add(struct scan *s, const char *kind, json_t *rec);
/* Say the document holds something of this family ("timetable"...), once. */
void scan_found(struct scan *s, const char *family);
void scan_note(struct scan *s, const char *fmt, ...) WM_PRINTF(2, 3);
/* Mark lines [from, to] read. */
void scan_use(struct scan *s, size_t from, size_t to);
void scan_unread(struct scan *s, size_t line, const char *why);

/* Short refs from names: "Towards the Safest City" -> "TTSC", "Policing Plan 2004/05" -> "PP-2004-05". */
const char *scan_ref_of(struct scan *s, const char *name);
/* The plan named name (created in the data once); its ref. */
const char *scan_plan(struct scan *s, const char *name, const char *kind);
/* The document's own plan (from its title); kind is a guess used if the title gives none. */
const char *scan_own_plan(struct scan *s, const char *kind);
/* A timescale object for text read on or about date (a year is added when unknown). */
json_t *scan_timescale(struct scan *s, const char *text, int date);
/* The source report the document's recommendations belong to; its ref. */
const char *scan_source(struct scan *s);

/* Try to read a table whose header is at line i; returns the line after it, or i. */
size_t table_read(struct scan *s, size_t i);

/*
 * A timetable of n steps: when[i] as written, what[i] happens, who[i] is
 * responsible (who may be NULL). Times are read in order, each after the
 * one before, so "January" after "December 2002" is January 2003.
 */
void timetable_emit(struct scan *s, const char *title, const char *const *when,
    const char *const *what, const char *const *who, size_t n);

#endif
