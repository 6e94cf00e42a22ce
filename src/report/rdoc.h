/*
 * rdoc.h: a report as one document, written in any format.
 *
 * Report code (the scorecard, the exception report, the chase list, the
 * portfolio...) builds an rdoc: a title, facts about it (as of, for which
 * committee), then headings, paragraphs, tables, lists and figures. It
 * does not format anything itself. rdoc_write() renders the document as
 * plain text, Markdown, HTML (GOV.UK Frontend classes, so the same markup
 * serves pages and printable papers), CSV (its tables), JSON or an Excel
 * workbook (a sheet per table).
 *
 * Cells and facts are typed: a number keeps its value and its format (the
 * indicator's decimals, a "%" after, money's "£"), a date its day, a
 * status its colour; each writer shows them its own way through the one
 * number formatter (numfmt.h: thousands grouped on paper, not in CSV or
 * JSON; a number cell and a date cell in Excel).
 *
 * The JSON is derived from the same document: a fact or a table given a
 * key is a member of the report's JSON; a table's rows are objects whose
 * members are its columns' keys ("coverage.reported" nests: {"coverage":
 * {"reported": ...}}); rdoc_group() opens an object inside an array
 * ("leads": [{"lead": ..., "items": [...]}]) that the facts and tables
 * after it belong to. A document with no keys at all (a page's own) is
 * written as its blocks.
 */
#ifndef WM_RDOC_H
#define WM_RDOC_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "base/numfmt.h"
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
	RF_JSON,
	RF_XLSX,	/* an Excel workbook: binary */
	RF_PDF,		/* A4, typeset: binary */
	RF_DOCX,	/* a Word document a clerk can edit: binary */
	RF_ODT,		/* the same as OpenDocument text: binary */
	RF_MODEL	/* the document model itself, block by block, typed: golden files */
};

/* A format by its name ("text", "md", "html", "csv", "json", "xlsx", "pdf", "docx", "odt"). */
int rformat_parse(const char *name, enum rformat *out, struct wm_err *err);
/* Every format a report is written in (RF_HTML_BODY is for pages), into out; how many. */
size_t rformat_list(enum rformat *out, size_t max);
/* Their names for messages, "text, md, html, csv, json, xlsx, pdf, docx, odt", into out. */
void rformat_names(char *out, size_t len);
/* The format's name ("html"), its media type ("text/html; charset=utf-8"). */
const char *rformat_name(enum rformat f);
const char *rformat_media_type(enum rformat f);
/* Is it written as bytes rather than text (a download, never shown in a terminal)? */
bool rformat_binary(enum rformat f);

struct rdoc *rdoc_new(const char *title);
void rdoc_free(struct rdoc *d);		/* accepts NULL */
const char *rdoc_title(const struct rdoc *d);

/*
 * What stands above the title on a paper: the body's name, and its logo
 * (PNG bytes, copied; NULL for none) where a format can show a picture.
 */
void rdoc_header(struct rdoc *d, const char *text, const void *logo_png, size_t logo_len);
/* Start a new page: the next of several papers written as one file. */
void rdoc_page_break(struct rdoc *d);

/* A fact about the whole report, shown under its title: ("As of", "2005-03"). */
void rdoc_meta(struct rdoc *d, const char *label, const char *value);
/*
 * A fact that is also a member of the JSON: shown under the title when
 * label is not NULL (and the value is not NULL), member key of the JSON
 * (null for a NULL value). Inside a group, a member of the group's object
 * and not shown.
 */
void rdoc_fact(struct rdoc *d, const char *key, const char *label, const char *value);
void rdoc_fact_num(struct rdoc *d, const char *key, const char *label, double v,
    int decimals, const char *suffix);
void rdoc_fact_int(struct rdoc *d, const char *key, const char *label, long long v);
void rdoc_fact_pounds(struct rdoc *d, const char *key, const char *label, double v);
void rdoc_fact_bool(struct rdoc *d, const char *key, const char *label, int v); /* -1: unknown */
/* A fact that is a list (JSON array of strings), shown joined with ", ". */
void rdoc_fact_list(struct rdoc *d, const char *key, const char *label,
    const char *const *items, size_t n);

/*
 * Open an object in the JSON array key (the array made by the first group
 * of that key in the same place): the facts and keyed tables until
 * rdoc_group_end() are its members. Groups nest. Nothing is shown: give
 * the group a heading for the paper.
 */
void rdoc_group(struct rdoc *d, const char *key);
void rdoc_group_end(struct rdoc *d);

void rdoc_heading(struct rdoc *d, int level, const char *text);	/* level 2, 3 or 4 */
void rdoc_para(struct rdoc *d, const char *fmt, ...) WM_PRINTF(2, 3);
/* A bulleted list: add items with rdoc_item(). */
void rdoc_list(struct rdoc *d);
void rdoc_item(struct rdoc *d, const char *fmt, ...) WM_PRINTF(2, 3);
/* A figure: SVG markup from svg.h, with a caption that says what it shows. */
void rdoc_figure(struct rdoc *d, const char *svg, const char *caption);

/* A table column: its key in the JSON (NULL: none), its header, and how it is shown. */
struct rcol {
	const char *key;
	const char *header;
	unsigned flags;
};

#define RC_NUM 0x1	/* right-aligned: numbers */
#define RC_DATA 0x2	/* only in the JSON, not on paper or in a sheet (lists of refs...) */
#define RC_PAPER 0x4	/* only on paper and in sheets, not in the JSON (a sentence made of data) */

/*
 * A table with ncols columns; headers has ncols names. Fill it a row at a
 * time: a cell for each column, then rtable_end_row().
 */
struct rtable *rdoc_table(struct rdoc *d, const char *caption, size_t ncols,
    const char *const *headers);
/* A table whose rows are the JSON array key (NULL: not in the JSON), with typed columns. */
struct rtable *rdoc_table_cols(struct rdoc *d, const char *key, const char *caption,
    size_t ncols, const struct rcol *cols);
/*
 * Its JSON is an object, each row's first cell's text naming its second's
 * value: {"red": 3}; with no key, those members go into the object the
 * table is in.
 */
void rtable_as_map(struct rtable *t);
/*
 * The row being filled is only in the JSON, not on paper or in a sheet
 * (a count of nothing the paper leaves out).
 */
void rtable_data_row(struct rtable *t);
/* The row being filled is only on paper and in sheets (a total, a remainder). */
void rtable_paper_row(struct rtable *t);
/* Its rows are the JSON array's in the opposite order (the newest first on paper). */
void rtable_json_reversed(struct rtable *t);
/* Mark a column as numeric: right-aligned. */
void rtable_numeric(struct rtable *t, size_t col);
/*
 * On the web's pages (RF_HTML_BODY), column col's header is a link to
 * href: the list sorted by it. sort says how the table is sorted by it
 * now (1 ascending, -1 descending, 0 not), for aria-sort. Every other
 * format shows the header alone.
 */
void rtable_header_link(struct rtable *t, size_t col, const char *href, int sort);

void rtable_cell(struct rtable *t, const char *text);	/* NULL: null */
void rtable_cellf(struct rtable *t, const char *fmt, ...) WM_PRINTF(2, 3);
/* Empty on paper, null in the JSON. */
void rtable_null(struct rtable *t);
/*
 * A number cell: v with `decimals` places (NUM_SHORTEST: as held) and an
 * optional suffix ("%"). Text, Markdown and HTML group it in thousands
 * ("47,127"), CSV and JSON do not ("47127"); a writer that keeps numbers
 * as numbers has v itself. v not finite is null, shown as "-".
 */
void rtable_num(struct rtable *t, double v, int decimals, const char *suffix);
void rtable_int(struct rtable *t, long long v);
/* A sum of money: "£1,234,567" to read (pounds.h), 1234567 in CSV and JSON. */
void rtable_pounds(struct rtable *t, double v);
/* A date (date.h day); DATE_NONE: null. */
void rtable_date(struct rtable *t, int day);
/* yes / no; -1: unknown (null). */
void rtable_bool(struct rtable *t, int v);
/* A list: an array of strings in the JSON, joined with sep on paper. */
void rtable_list(struct rtable *t, const char *const *items, size_t n, const char *sep);
/* Empty on paper and left out of the JSON: a sparse row ({"PJ01": 0.8} but no PJ02). */
void rtable_none(struct rtable *t);
/* A JSON value as a cell: a string, number, true/false, null, array of strings, or object. */
void rtable_json(struct rtable *t, const json_t *v);
/*
 * Show the cell just added as this text on paper and in sheets, keeping
 * its value for the JSON: "12.5 (2004/05 to date)" for the value 12.5.
 */
void rtable_show(struct rtable *t, const char *text);
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
 * red, amber, green, grey, blue (its colour in HTML, a sheet's cell
 * colour). Text formats show the text.
 */
void rtable_tag(struct rtable *t, const char *text, const char *tag);
/* Colour the cell just added as a status (a number shown red). */
void rtable_mark(struct rtable *t, const char *tag);
/*
 * A cell that links to a page of the web application: a link in the pages'
 * HTML (RF_HTML_BODY), its text in every other format, a whole HTML
 * document included, where an address on the site would lead nowhere.
 */
void rtable_link(struct rtable *t, const char *text, const char *href);
void rtable_end_row(struct rtable *t);

/* The report's own JSON, overriding the document's (rdoc takes the reference). */
void rdoc_set_data(struct rdoc *d, json_t *data);
/* The report's JSON as rdoc_write(RF_JSON) gives it (a new reference). */
json_t *rdoc_json(const struct rdoc *d);

/*
 * Copy src's body (its headings, paragraphs, lists, figures and tables,
 * not its title or facts) to the end of d: a page that shows a report
 * inside a document of its own.
 */
void rdoc_append(struct rdoc *d, const struct rdoc *src);
/* The same, src's headings moved down so its level 2 is level (an appendix's, under a heading). */
void rdoc_append_at(struct rdoc *d, const struct rdoc *src, int level);

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

#endif
