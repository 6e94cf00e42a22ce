/*
 * jsonw.h: a jansson tree written as JSON text into a struct buf.
 *
 * The text is byte for byte what json_dumps(j, JSON_INDENT(2) |
 * JSON_REAL_PRECISION(15)) gives (the form `--json`, exports and the API
 * print), written straight into the caller's buffer, but for reals that 15
 * digits do not give back exactly: those get 16 or 17, the fewest that
 * read back as the same double, where jansson would round them. jansson's own writer passes
 * every token through a callback and keeps a hash table of the containers
 * it is inside, formatted with printf, to catch cycles: a quarter of a
 * served page of records went there. A tree we build has no cycles; depth
 * is capped instead, so a bad tree still gets an error, not a crash.
 */
#ifndef WM_JSONW_H
#define WM_JSONW_H

#include "base/wm.h"

#include <stdio.h>

#include <jansson.h>

#include "base/buf.h"

/* Deepest nesting written; deeper is refused (WM_EINVAL). */
#define JSONW_MAX_DEPTH 512

/*
 * Append j to out. WM_EINVAL, with out holding a partial text, for
 * what json_dumps refuses too: a string that is not UTF-8, a tree too
 * deep, a top level that is neither an object nor an array; WM_ETOOBIG
 * when out reaches its cap.
 */
int jsonw_dump(struct buf *out, const json_t *j);

/* The same written to f as it goes (WM_EIO when writing fails). */
int jsonw_dumpf(FILE *f, const json_t *j);

/*
 * A double as the shortest of "%.15g", "%.16g" and "%.17g" that strtod()
 * reads back as the same double; its length, or -1 if size is too small.
 */
int jsonw_real_text(double v, char *tmp, size_t size);

#endif
