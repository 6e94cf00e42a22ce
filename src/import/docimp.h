/*
 * docimp.h: understanding a planning paper.
 *
 * docimp_read() finds in a document the five things the planning papers
 * hold, by their content rather than the file's name:
 *
 *   - recommendation action plans (Ref / Recommendation / Priority /
 *     response / Officer responsible / Timescale),
 *   - progress summaries (No / Subject / Lead / Timescales /
 *     Recommendation / Progress update and degree met),
 *   - key-action tables under numbered priorities (Key actions / Lead /
 *     Timescale / Performance Measure),
 *   - timetables (a Milestone / Time table, or date lines each followed by
 *     its action),
 *   - lists of goals or priorities introduced by a sentence.
 *
 * It needs no database: it returns what it read as a "waymark-data"
 * document (docs/json.md) and the lines it could not read, each with its
 * number and the reason. import.c then matches that against the database
 * and merges it.
 */
#ifndef WM_DOCIMP_H
#define WM_DOCIMP_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"

struct docimp_opts {
	const char *file;	/* for progress updates' "doc" and messages */
	const char *source;	/* the source report's ref, if the user named it */
	int date;		/* the document's date if the user gave it, else DATE_NONE */
};

/*
 * *out receives
 *   {"data": {waymark-data document}, "kinds": [what was found],
 *    "source": ref or null, "title": the document's title,
 *    "date": "YYYY-MM-DD" or null, "notes": [things the reader should know],
 *    "unread": [{"line", "text", "why"}]}
 * WM_EINVAL (with *out still filled) when the document holds nothing
 * Waymark reads, or when what it holds cannot be imported as it stands.
 */
int docimp_read(const char *data, size_t len, const struct docimp_opts *opts, json_t **out,
    struct wm_err *err);

#endif
