/*
 * rdoc.h: a report as a document, written in any format by one writer.
 *
 * Report code (the scorecard, the exception report, the chase list, the
 * portfolio...) builds an rdoc: a title, facts about it (as of, for which
 * committee), then headings, paragraphs, tables, lists and figures. It
 * does not format anything itself. rdoc_write() renders the document as
 * plain text, Markdown, HTML (GOV.UK Frontend classes, so the same markup
 * serves pages and printable papers), CSV (its tables) or JSON.
 *
 * For JSON, a report gives its own machine-readable data with
 * rdoc_set_data() (the API's shape, documented with the report); without
 * it, the document itself is written as JSON.
 */
#ifndef WM_RDOC_H
#define WM_RDOC_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "base/numfmt.h"

struct buf;
struct rdoc;
struct rtable;

enum rformat {
	RF_TEXT,
	RF_MD,
	RF_HTML,	/* a whole HTML document, ready to print */
	RF_HTML_BODY,	/* only the content, for a page that has its own frame */
	RF_CSV,
	RF_JSON
};

/* "text", "md", "html", "csv", "json"; WM_EUSAGE naming the choices otherwise. */
int rformat_parse(const char *name, enum rformat *out, struct wm_err *err);
/* Every format's name, for messages: "text, md, html, csv, json". */
const char *rformat_names(void);
/* The format's name ("html"), its media type ("text/html; charset=utf-8"). */
const char *rformat_name(enum rformat f);
const char *rformat_media_type(enum rformat f);

struct rdoc *rdoc_new(const char *title);
void rdoc_free(struct rdoc *d);		/* accepts NULL */

/* A fact about the whole report, shown under its title: ("As of", "2005-03"). */
void rdoc_meta(struct rdoc *d, const char *label, const char *value);
void rdoc_heading(struct rdoc *d, int level, const char *text);	/* level 2 or 3 */
void rdoc_para(struct rdoc *d, const char *fmt, ...) WM_PRINTF(2, 3);
/* A bulleted list: add items with rdoc_item(). */
void rdoc_list(struct rdoc *d);
void rdoc_item(struct rdoc *d, const char *fmt, ...) WM_PRINTF(2, 3);
/* A figure: SVG markup from svg.h, with a caption that says what it shows. */
void rdoc_figure(struct rdoc *d, const char *svg, const char *caption);

/*
 * A table with ncols columns; headers has ncols names. Fill it a row at a
 * time: rtable_cell() for each column, then rtable_end_row().
 */
struct rtable *rdoc_table(struct rdoc *d, const char *caption, size_t ncols,
    const char *const *headers);
/* Mark a column as numeric: right-aligned. */
void rtable_numeric(struct rtable *t, size_t col);
void rtable_cell(struct rtable *t, const char *text);
void rtable_cellf(struct rtable *t, const char *fmt, ...) WM_PRINTF(2, 3);
/*
 * A number cell: v with `decimals` places (NUM_SHORTEST: as held) and an
 * optional suffix ("%"). Text, Markdown and HTML group it in thousands
 * ("47,127"), CSV and JSON do not ("47127"); a writer that keeps numbers
 * as numbers has v itself. v not finite shows as "-".
 */
void rtable_num(struct rtable *t, double v, int decimals, const char *suffix);
/* A sum of money: "£1,234,567" to read (pounds.h), 1234567 in CSV and JSON. */
void rtable_pounds(struct rtable *t, double v);
/*
 * A status cell: text shown as a tag ("Red", "Overdue"); tag is one of
 * red, amber, green, grey, blue (its colour in HTML). Text formats show the text.
 */
void rtable_tag(struct rtable *t, const char *text, const char *tag);
/*
 * A cell that links to a page of the web application: a link in the pages'
 * HTML (RF_HTML_BODY), its text in every other format, a whole HTML
 * document included, where an address on the site would lead nowhere.
 */
void rtable_link(struct rtable *t, const char *text, const char *href);
void rtable_end_row(struct rtable *t);

/* The report's own JSON (rdoc takes the reference). */
void rdoc_set_data(struct rdoc *d, json_t *data);
/* That JSON, or NULL when the report gave none (d keeps the reference). */
const json_t *rdoc_data(const struct rdoc *d);

/*
 * Copy src's body (its headings, paragraphs, lists, figures and tables,
 * not its title or facts) to the end of d: a page that shows a report
 * inside a document of its own.
 */
void rdoc_append(struct rdoc *d, const struct rdoc *src);

/*
 * A format no shared writer knows, which a report writes itself: an SVG
 * chart ("svg", "image/svg+xml"), an iCalendar file ("ics",
 * "text/calendar"). The report hands over the finished text under the
 * format's name (copied); `waymark report --format NAME` and the web
 * server serve it as it is. rdoc_rendition() gives it back, or NULL.
 */
void rdoc_add_rendition(struct rdoc *d, const char *format, const char *media_type,
    const char *text);
const char *rdoc_rendition(const struct rdoc *d, const char *format, const char **media_type);

int rdoc_write(const struct rdoc *d, enum rformat f, struct buf *out, struct wm_err *err);
/*
 * As RF_HTML_BODY without the title's heading: for a page that writes the
 * heading itself, above forms that come before the content.
 */
void rdoc_write_html_untitled(const struct rdoc *d, struct buf *out);
const char *rdoc_title(const struct rdoc *d);

#endif
