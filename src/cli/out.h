/*
 * out.h: writing records to the terminal: JSON, CSV, aligned tables and
 * one record's fields.
 */
#ifndef WM_OUT_H
#define WM_OUT_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/kind.h"

/* The flags every JSON writer in Waymark uses, so all output reads alike. */
#define OUT_JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(15))

int out_json(FILE *out, const json_t *j);
int out_table(FILE *out, const struct kind *k, const json_t *rows);
int out_csv(FILE *out, const struct kind *k, const json_t *rows);
int out_record(FILE *out, const struct kind *k, const json_t *row);
/*
 * A finished paper to the file at path (made or replaced), or to out when
 * path is NULL or "-"; WM_EIO, naming the file, when it cannot be written.
 */
int out_paper(FILE *out, const char *path, const char *text, size_t len, struct wm_err *err);

#endif
