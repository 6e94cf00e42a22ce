/*
 * dm_map.h: from the document model to Waymark's records.
 *
 * dm_map() reads a document model (dm.h), whatever format it came from,
 * as a careful reader would: tables by what their columns are called
 * (through the alias table of vocab.c) and what their cells hold; lists
 * by the sentence or heading that introduces them; numbered hierarchies
 * (1 > 1.1 > 1.1a, Priority 2 > 2A) as parents and children; headings
 * with a paragraph under them as items with a description; blocks of
 * "Label: value" lines as the fields of one record; timetables of dates
 * and what happens on them. What is not content (page furniture, legends,
 * tallies, a committee's own decisions) is set aside, saying why, and
 * every line or cell that was not read is reported with the reason.
 *
 * It needs no database: it returns a "waymark-data" document
 * (docs/json.md) for the merge (docwrite.c) and a preview of every record
 * in the document's own words (docs/import.md says its shape).
 */
#ifndef WM_DM_MAP_H
#define WM_DM_MAP_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "import/dm.h"
#include "import/vocab.h"

#define MAP_MAX_OVERRIDES 32

struct map_opts {
	const char *file;	/* for progress updates' "doc" and messages */
	const char *source;	/* --source: the source report's ref */
	int date;		/* --date, or DATE_NONE */
	enum rec_kind as;	/* --as: read every record as this kind; RK_NONE to decide */
	/* --map "Who by?=lead": a header read as the role given */
	struct { const char *header; enum col_role role; } map[MAP_MAX_OVERRIDES];
	size_t nmap;
};

/*
 * Read d. *out receives (even on failure, when it was read at all)
 *   {"data": {waymark-data document}, "records": [preview], "kinds": [...],
 *    "source": ref or null, "title": ..., "date": "YYYY-MM-DD" or null,
 *    "notes": [...], "columns": [{"header", "read_as"}],
 *    "unread": [{"line", "where", "text", "why"}],
 *    "not_content": [{"line", "where", "text", "why"}]}
 * WM_EINVAL (with *out filled) when the document holds no records of the
 * family. A progress summary with no date gives "needs_date": true (its
 * updates cannot be written undated).
 */
int dm_map(const struct dm_doc *d, const struct map_opts *o, json_t **out, struct wm_err *err);

/*
 * Parse --map's "Header=role,Other header=role" into o, splitting spec in
 * place (o points into it); a clear error for a role Waymark has no name for.
 */
int dm_map_parse_overrides(struct map_opts *o, char *spec, struct wm_err *err);

#endif
