/*
 * md.h: narrative text (progress updates, notes, comments) written in
 * Markdown, shown as HTML.
 *
 * cmark-gfm does the work, with raw HTML disabled (it is left out of the
 * output) and unsafe link targets (javascript:, data: other than images)
 * dropped, so what people type can format text but never add markup of
 * its own. GitHub's tables, strikethrough and autolinks are on.
 */
#ifndef WM_MD_H
#define WM_MD_H

#include "report/html.h"

/*
 * Register cmark-gfm's extensions. md_html() does it when needed; a
 * program with threads calls this first, before they start.
 */
void md_init(void);

/* Write text as HTML inside <div class="wm-md govuk-body">. */
void md_html(struct html *h, const char *text);

#endif
