/*
 * list.h: a list page's table, searched, sorted, paged and downloaded by
 * its address; private to src/http/.
 *
 * A page that lists records gives its columns and then its rows, every
 * row its filters let through, each cell typed (text with an optional
 * link, a number, a date, a status tag). list.c then does what every list
 * does the same way, from the query string alone, so an address can be
 * kept, shared and cached:
 *
 *   ?q=WORDS          only the rows holding every word (any case)
 *   ?sort=KEY&dir=    sorted by that column, ascending or descending
 *   ?page=N           fifty rows a page
 *   ?format=csv|xlsx  every row the filters and the search let through,
 *                     sorted, as a download (a CSV file, or an Excel
 *                     workbook with numbers and dates as Excel's own)
 *
 * On the page, each column's header is a link that sorts by it (and
 * again the other way), the table shows the page's rows, then come the
 * pages' links and the downloads. The page's own filter form is written
 * between list_filter_begin() and list_filter_end(), which add the search
 * box and keep the sort.
 */
#ifndef WM_HTTP_LIST_H
#define WM_HTTP_LIST_H

#include "http/page.h"

#define LIST_PAGE_ROWS 50

/* Column flags. */
#define LC_NUM 0x1	/* numbers: right-aligned */
#define LC_NOSORT 0x2	/* not sortable (a column of actions) */

struct list_col {
	const char *key;	/* its name in ?sort= */
	const char *header;
	unsigned flags;
};

struct list;

/* A list titled title (its page's heading and the download's name) with these columns. */
struct list *list_new(struct req *rq, const char *title, const char *file, size_t ncols,
    const struct list_col *cols);

/* The cells of a row, in the columns' order; each row ends with list_end_row(). */
void list_text(struct list *l, const char *text, const char *href);
/* A number with its decimals (NUM_SHORTEST: as held) and an optional suffix; NAN: empty. */
void list_num(struct list *l, double v, int decimals, const char *suffix);
/* A sum of money: "£1,234,567" on the page, a number in pounds in a download. NAN: empty. */
void list_pounds(struct list *l, double v);
/* A date ("YYYY-MM-DD", shown as "7 December 2026"); NULL or not a date: as text. */
void list_date(struct list *l, const char *iso);
/* A status shown as a tag of this colour (red, amber, green, grey, blue). */
void list_tag(struct list *l, const char *text, const char *colour);
void list_end_row(struct list *l);

/*
 * What a row is, for "Showing 1 to 50 of 312 recommendations": one and
 * many ("recommendation", "recommendations"); "record", "records" unless
 * said.
 */
void list_nouns(struct list *l, const char *one, const char *many);

/*
 * A fact shown under the title and in the download ("Source", "DA2002"):
 * what the filters chose.
 */
void list_fact(struct list *l, const char *label, const char *value);

/*
 * The rows given are only one page (?page=) of total, read in the records'
 * own order, because there are too many to hold: such a list is not
 * searched, sorted or downloaded, and says so, until its filters narrow it.
 */
void list_paged(struct list *l, size_t total);

/* How many rows the search lets through (after list_prepare). */
size_t list_count(const struct list *l);

/*
 * Search and sort the rows by the query. Then, when ?format= asks for a
 * download, answer with it and return true (also for a format that is not
 * one: a page saying so); else false, and the page is the caller's to
 * write, with list_write() where the table goes.
 */
bool list_prepare(struct list *l, struct resp *rs);

/* The table of the page's rows, how many there are, the pages' links and the downloads. */
void list_write(struct page *p, struct list *l);

/*
 * The page's filter form: a GET form to action with the search box;
 * the page writes its own fields, then list_filter_end() keeps the sort
 * and ends the form with its button.
 */
void list_filter_begin(struct page *p, const struct list *l, const char *action);
void list_filter_end(struct page *p, const struct list *l);

/*
 * The filters the query gives: {"name": value} for each of names
 * (NULL-terminated) it has with a value, for pages_list().
 */
json_t *list_where(struct req *rq, const char *const *names);
/* In the filter form: a choice of name in a column of its own, "Any" first (choices taken). */
void list_filter_select(struct page *p, const char *name, const char *label, json_t *choices);

/*
 * The query string of this request without the parameters named in drop
 * (NULL-terminated), with name=value added when name is not NULL; "" when
 * nothing is left. Escaped, without the "?".
 */
const char *list_query(struct req *rq, const char *const *drop, const char *name,
    const char *value);

/* Is ?format= one the lists write (csv, xlsx)? Other pages answer it the same way. */
bool list_export_format(const char *format, enum rformat *f);

/* Send d as a download in format f, named file.EXT. */
void http_send_rdoc(struct req *rq, struct resp *rs, const struct rdoc *d, enum rformat f,
    const char *file);

#endif
