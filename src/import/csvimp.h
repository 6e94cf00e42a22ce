/*
 * csvimp.h: projects and consultation issues from CSV, as spreadsheets
 * export them (see csvimp.c).
 */
#ifndef WM_CSVIMP_H
#define WM_CSVIMP_H

#include <jansson.h>

#include "base/err.h"
#include "import/import.h"
#include "model/ctx.h"

/* What a CSV header says the file holds. */
enum csvimp_kind {
	CSVIMP_NONE,		/* not a CSV file Waymark reads */
	CSVIMP_PROJECTS,	/* ref, title, ... */
	CSVIMP_ISSUES		/* ref, source, date, text, ... */
};

/* Tell by the header row alone. */
enum csvimp_kind csvimp_detect(const char *data, size_t len);

/*
 * Read the file and add or change its records in one transaction. Every
 * row that cannot be taken goes into the report's "unread" with its line
 * and why; then nothing is written unless opts->partial. Fills report
 * (import.h's shape).
 */
int csvimp_import(struct wm_ctx *ctx, const char *name, const char *data, size_t len,
    enum csvimp_kind kind, const struct import_opts *opts, json_t *report, struct wm_err *err);

#endif
