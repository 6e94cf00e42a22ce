/*
 * import.h: reading files into Waymark, whatever they are.
 *
 * `waymark import FILE` does not ask what FILE is: it looks. Each reader
 * says whether a file's content is its kind; the first that claims it
 * reads it, in one transaction, and reports what it created and every
 * line it could not read. A file no reader claims is refused with the
 * kinds Waymark can read.
 */
#ifndef WM_IMPORT_H
#define WM_IMPORT_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

struct buf;

struct import_opts {
	bool dry_run;		/* read and report; change nothing */
	bool partial;		/* import the good rows of a file with bad ones */
	const char *source;	/* --source: the source report, for recommendation documents */
	const char *date;	/* --date: the document's date, when it does not say */
	int as_targets;		/* CSV: 1 targets, 0 measurements, -1 as its header says */
	const char *as_kind;	/* papers: read every record as this kind ("actions"), or NULL */
	const char *map;	/* papers: "Who by?=lead,When?=timescale", or NULL */
	/* Called now and then on long imports with bytes read and total, for a progress bar. */
	void (*progress)(void *arg, uint64_t done, uint64_t total);
	void *progress_arg;
};

/* The largest file read whole into memory; bigger files must be streamed by their reader. */
#define IMPORT_MAX_WHOLE ((size_t)64 * 1024 * 1024)

/*
 * Import one file. *report receives
 *   {"file": ..., "kinds": [...], "created": {kind: n}, "changed": {kind: n},
 *    "unchanged": {kind: n}, "unread": [{"line": n, "text": ..., "why": ...}]}
 * even when the import fails on bad rows (then nothing was written).
 */
int import_file(struct wm_ctx *ctx, const char *path, const struct import_opts *opts,
    json_t **report, struct wm_err *err);

/* Import bytes already in memory (the bundled sample, tests). */
int import_data(struct wm_ctx *ctx, const char *name, const char *data, size_t len,
    const struct import_opts *opts, json_t **report, struct wm_err *err);

/*
 * Import bytes already in memory, whatever they are, as import_file() reads
 * a file: figures and targets CSVs too (the web's upload page).
 */
int import_bytes(struct wm_ctx *ctx, const char *name, const char *data, size_t len,
    const struct import_opts *opts, json_t **report, struct wm_err *err);

/*
 * The document model of a paper (dm.h), as dm_dump() writes it: what the
 * format reader and the repairs made of it, before any mapping. For
 * `waymark import --model`, to see why something was read as it was.
 */
int import_model(const char *data, size_t len, struct buf *out, struct wm_err *err);

/* Read a whole file (up to IMPORT_MAX_WHOLE bytes); *data is malloc'd and NUL-terminated. */
int import_read_file(const char *path, char **data, size_t *len, struct wm_err *err);

/* A new report object for file, with empty counts. */
json_t *import_report_new(const char *file);
/* Fold dbx-style {"kind": {"added":..,"changed":..,"unchanged":..}} counts into a report. */
void import_report_counts(json_t *report, const json_t *summary);

#endif
