/*
 * docimp.h: reading a planning paper, whatever its format, into records.
 *
 * The pipeline, each stage its own module with its own tests:
 *
 *   format reader (dm_text.c, and one a format)  bytes -> document model (dm.h)
 *   repairs (dm_repair.c)                        what saving as text broke
 *   mapper (dm_map.c and its parts)              model -> records, and what was not read
 *   merge (docwrite.c)                           records -> the database, in one transaction
 *
 * docimp_read() runs the first three; it needs no database. It returns
 * what it read as a "waymark-data" document (docs/json.md), the preview of
 * every record in the document's own words, and every line or cell it did
 * not read, with the reason (docs/import.md).
 */
#ifndef WM_DOCIMP_H
#define WM_DOCIMP_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "import/dm_map.h"

/*
 * Read a paper: *out receives dm_map()'s result (dm_map.h) with "format"
 * (the format it was read as) added, even when it fails on what it holds.
 */
int docimp_read(const char *data, size_t len, const struct map_opts *opts, json_t **out,
    struct wm_err *err);

#endif
