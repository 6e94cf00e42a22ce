/*
 * list.c: a list page's table (see list.h): search, sort, pages and
 * downloads, the same on every list.
 *
 * The rows a page gives are kept typed, so that a number sorts as a
 * number and a date as a date, and so that the download has them as
 * Excel's own numbers and dates. Searching and sorting are done here,
 * over the rows the page's filters let through, which keeps every list's
 * behaviour the same and its address the whole of its state; a page
 * whose records could be too many to hold (the figures) narrows them by
 * its filters first.
 */
#include "base/wm.h"

#include <ctype.h>
#include <math.h>

#include "base/date.h"
#include "base/mem.h"
#include "base/str.h"
#include "http/form.h"
#include "http/list.h"
#include "report/pounds.h"

enum ltype { LT_TEXT, LT_NUM, LT_DATE, LT_TAG };

struct lcell {
	enum ltype type;
	const char *text;	/* as shown (LT_DATE: the date's words) */
	const char *href;
	const char *colour;	/* LT_TAG */
	double num;		/* LT_NUM; NAN: empty */
	int decimals;
	const char *suffix;
	bool money;		/* LT_NUM: pounds */
	int day;		/* LT_DATE; DATE_NONE: not a date */
};

struct list {
	struct req *rq;
	const char *title, *file;
	size_t ncols;
	struct list_col *cols;
	struct lcell *cells;	/* nrows * ncols */
	size_t nrows, caprows, filled;
	const char *labels[8], *values[8];
	size_t nfacts;
	size_t *order;		/* the rows the search lets through, sorted */
	size_t nshown;
	int sort;		/* the column sorted by, or -1 */
	int dir;		/* 1 ascending, -1 descending */
	const char *q;
	const char *one, *many;	/* what a row is */
	bool paged;		/* list_paged(): the rows are one page of total */
	size_t total;
};

struct list *
list_new(struct req *rq, const char *title, const char *file, size_t ncols,
    const struct list_col *cols)
{
	struct list *l = arena_alloc(rq->a, sizeof(*l));

	l->rq = rq;
	l->title = arena_strdup(rq->a, title);
	l->file = arena_strdup(rq->a, file);
	l->ncols = ncols;
	l->cols = arena_array(rq->a, ncols + 1, sizeof(*l->cols));
	memcpy(l->cols, cols, ncols * sizeof(*cols));
	l->sort = -1;
	l->dir = 1;
	l->one = "record";
	l->many = "records";
	return l;
}

static struct lcell *
next(struct list *l)
{
	struct lcell *c;

	if (l->filled == l->ncols)
		list_end_row(l);
	if (l->filled == 0) {
		if (l->nrows == l->caprows) {
			size_t cap = l->caprows ? l->caprows * 2 : 64;
			struct lcell *n = arena_array(l->rq->a, cap * l->ncols + 1, sizeof(*n));

			if (l->nrows > 0)
				memcpy(n, l->cells, l->nrows * l->ncols * sizeof(*n));
			l->cells = n;
			l->caprows = cap;
		}
		l->nrows++;
	}
	c = &l->cells[(l->nrows - 1) * l->ncols + l->filled++];
	memset(c, 0, sizeof(*c));
	c->day = DATE_NONE;
	return c;
}

void
list_text(struct list *l, const char *text, const char *href)
{
	struct lcell *c = next(l);

	c->type = LT_TEXT;
	c->text = text != NULL ? text : "";
	c->href = href;
}

void
list_num(struct list *l, double v, int decimals, const char *suffix)
{
	struct lcell *c = next(l);
	char n[64];

	c->type = LT_NUM;
	c->num = v;
	c->decimals = decimals;
	c->suffix = suffix;
	if (isfinite(v)) {
		num_format(v, decimals, true, n, sizeof(n));
		c->text = arena_printf(l->rq->a, "%s%s", n, suffix ? suffix : "");
	} else {
		c->text = "";
	}
}

void
list_pounds(struct list *l, double v)
{
	struct lcell *c = next(l);
	char n[POUNDS_LEN];

	c->type = LT_NUM;
	c->num = v;
	c->money = true;
	if (isfinite(v)) {
		pounds_format(v, n, sizeof(n));
		c->text = arena_strdup(l->rq->a, n);
	} else {
		c->text = "";
	}
}

void
list_date(struct list *l, const char *iso)
{
	struct lcell *c = next(l);

	c->type = LT_DATE;
	c->text = form_date_text(l->rq, iso);
	if (iso == NULL || date_parse_iso(iso, &c->day) != 0)
		c->day = DATE_NONE;
}

void
list_tag(struct list *l, const char *text, const char *colour)
{
	struct lcell *c = next(l);

	c->type = LT_TAG;
	c->text = text != NULL ? text : "";
	c->colour = text != NULL && *text != '\0' ? colour : NULL;
}

void
list_end_row(struct list *l)
{
	/* a short row is filled out with empty cells, so every row has every column */
	while (l->filled > 0 && l->filled < l->ncols)
		list_text(l, "", NULL);
	l->filled = 0;
}

void
list_nouns(struct list *l, const char *one, const char *many)
{
	l->one = arena_strdup(l->rq->a, one);
	l->many = arena_strdup(l->rq->a, many);
}

void
list_fact(struct list *l, const char *label, const char *value)
{
	if (l->nfacts == WM_ARRAY_LEN(l->labels) || value == NULL || *value == '\0')
		return;
	l->labels[l->nfacts] = arena_strdup(l->rq->a, label);
	l->values[l->nfacts++] = arena_strdup(l->rq->a, value);
}

void
list_paged(struct list *l, size_t total)
{
	l->paged = true;
	l->total = total;
}

size_t
list_count(const struct list *l)
{
	return l->nshown;
}

static const struct lcell *
cell_at(const struct list *l, size_t r, size_t c)
{
	return &l->cells[r * l->ncols + c];
}

/* ---- searching -------------------------------------------------------- */

/* Does hay hold needle (needle already lower-case), ignoring ASCII case? */
static bool
has_word(const char *hay, const char *needle, size_t n)
{
	for (; *hay != '\0'; hay++) {
		size_t i = 0;

		while (i < n && hay[i] != '\0' && tolower((unsigned char)hay[i]) == needle[i])
			i++;
		if (i == n)
			return true;
	}
	return false;
}

/* Does row r hold every word of q (in any of its cells)? */
static bool
row_matches(const struct list *l, size_t r, const char *q)
{
	while (*q != '\0') {
		char word[128];
		size_t n = 0;
		bool found = false;

		while (isspace((unsigned char)*q))
			q++;
		while (*q != '\0' && !isspace((unsigned char)*q)) {
			if (n + 1 < sizeof(word))
				word[n++] = (char)tolower((unsigned char)*q);
			q++;
		}
		if (n == 0)
			continue;
		word[n] = '\0';
		for (size_t c = 0; c < l->ncols && !found; c++)
			found = has_word(cell_at(l, r, c)->text, word, n);
		if (!found)
			return false;
	}
	return true;
}

/* ---- sorting ---------------------------------------------------------- */

struct sortrow {
	const struct lcell *key;
	size_t row;
	int dir;
};

/* Text as a person sorts it: any case alike, the numbers in it by value (R2 before R10). */
static int
natural_cmp(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0') {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			const char *x = a, *y = b;
			size_t nx, ny;
			int c;

			while (*x == '0')
				x++;
			while (*y == '0')
				y++;
			for (nx = 0; isdigit((unsigned char)x[nx]); nx++)
				;
			for (ny = 0; isdigit((unsigned char)y[ny]); ny++)
				;
			if (nx != ny)
				return nx < ny ? -1 : 1;
			if ((c = strncmp(x, y, nx)) != 0)
				return c;
			a = x + nx;
			b = y + ny;
			continue;
		}
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return tolower((unsigned char)*a) - tolower((unsigned char)*b);
		a++;
		b++;
	}
	return (*a != '\0') - (*b != '\0');
}

static bool
cell_empty(const struct lcell *c)
{
	return c->type == LT_NUM ? !isfinite(c->num) : c->type == LT_DATE && c->day != DATE_NONE ?
	    false : c->text[0] == '\0';
}

static int
sortrow_cmp(const void *pa, const void *pb)
{
	const struct sortrow *a = pa, *b = pb;
	const struct lcell *x = a->key, *y = b->key;
	bool ex = cell_empty(x), ey = cell_empty(y);
	int c = 0;

	/* the empty last, whichever way */
	if (ex || ey) {
		c = ex && ey ? 0 : ex ? 1 : -1;
	} else {
		if (x->type == LT_NUM && y->type == LT_NUM)
			c = (x->num > y->num) - (x->num < y->num);
		else if (x->type == LT_DATE && y->type == LT_DATE && x->day != DATE_NONE &&
		    y->day != DATE_NONE)
			c = (x->day > y->day) - (x->day < y->day);
		else
			c = natural_cmp(x->text, y->text);
		c *= a->dir;
	}
	/* otherwise in the order the page gave them: a stable sort */
	return c != 0 ? c : (a->row > b->row) - (a->row < b->row);
}

bool
list_export_format(const char *format, enum rformat *f)
{
	if (format == NULL)
		return false;
	if (strcmp(format, "csv") == 0)
		*f = RF_CSV;
	else if (strcmp(format, "xlsx") == 0)
		*f = RF_XLSX;
	else
		return false;
	return true;
}

/* ---- downloads -------------------------------------------------------- */

void
http_send_rdoc(struct req *rq, struct resp *rs, const struct rdoc *d, enum rformat f,
    const char *file)
{
	struct wm_err err = WM_ERR_INIT;
	struct buf out = BUF_INIT;

	if (rdoc_write(d, f, &out, &err) != 0) {
		page_fail_err(rq, rs, &err);
		buf_release(&out);
		return;
	}
	rs->status = 200;
	rs->type = rformat_media_type(f);
	resp_header(rs, "Content-Disposition", arena_printf(rq->a,
	    "attachment; filename=\"%s.%s\"", file, rformat_name(f)));
	buf_reset(&rs->body);
	buf_add(&rs->body, out.s ? out.s : "", out.len);
	buf_release(&out);
}

/* The list as a document: its facts, and one table of rows from..to of the shown ones. */
static struct rdoc *
list_rdoc(const struct list *l, size_t from, size_t to, bool links)
{
	struct rdoc *d = rdoc_new(l->title);
	const char **headers = arena_array(l->rq->a, l->ncols + 1, sizeof(*headers));
	struct rtable *t;

	for (size_t i = 0; i < l->nfacts; i++)
		rdoc_meta(d, l->labels[i], l->values[i]);
	for (size_t c = 0; c < l->ncols; c++)
		headers[c] = l->cols[c].header;
	/* a download's sheet is named for the list */
	t = rdoc_table(d, links ? NULL : l->title, l->ncols, headers);
	for (size_t c = 0; c < l->ncols; c++) {
		if (l->cols[c].flags & LC_NUM)
			rtable_numeric(t, c);
		if (links && !l->paged && !(l->cols[c].flags & LC_NOSORT)) {
			static const char *const drop[] = { "sort", "dir", "page", NULL };
			bool now = l->sort == (int)c;
			const char *q = list_query(l->rq, drop, "sort", l->cols[c].key);

			rtable_header_link(t, c, arena_printf(l->rq->a, "?%s&dir=%s", q,
			    now && l->dir > 0 ? "desc" : "asc"), now ? l->dir : 0);
		}
	}
	for (size_t i = from; i < to; i++) {
		for (size_t c = 0; c < l->ncols; c++) {
			const struct lcell *cl = cell_at(l, l->order[i], c);

			switch (cl->type) {
			case LT_NUM:
				if (isfinite(cl->num) && cl->money)
					rtable_pounds(t, cl->num);
				else if (isfinite(cl->num))
					rtable_num(t, cl->num, cl->decimals, cl->suffix);
				else
					rtable_null(t);
				break;
			case LT_DATE:
				if (cl->day != DATE_NONE) {
					rtable_date(t, cl->day);
					rtable_show(t, cl->text);
				} else {
					rtable_cell(t, cl->text);
				}
				break;
			case LT_TAG:
				if (cl->colour != NULL)
					rtable_tag(t, cl->text, cl->colour);
				else
					rtable_cell(t, cl->text);
				break;
			default:
				if (cl->href != NULL && links)
					rtable_link(t, cl->text, cl->href);
				else
					rtable_cell(t, cl->text);
				break;
			}
		}
		rtable_end_row(t);
	}
	return d;
}

bool
list_prepare(struct list *l, struct resp *rs)
{
	struct req *rq = l->rq;
	const char *sort = req_query(rq, "sort"), *dir = req_query(rq, "dir");
	const char *format = req_query(rq, "format");
	struct sortrow *rows;
	enum rformat f;

	list_end_row(l);
	l->q = req_query(rq, "q");
	if (l->q != NULL && (str_is_blank(l->q) || l->paged))
		l->q = NULL;
	if (l->paged)
		sort = NULL;
	for (size_t c = 0; c < l->ncols && sort != NULL; c++)
		if (!(l->cols[c].flags & LC_NOSORT) && strcmp(l->cols[c].key, sort) == 0)
			l->sort = (int)c;
	l->dir = dir != NULL && strcmp(dir, "desc") == 0 ? -1 : 1;
	rows = arena_array(rq->a, l->nrows + 1, sizeof(*rows));
	l->order = arena_array(rq->a, l->nrows + 1, sizeof(*l->order));
	l->nshown = 0;
	for (size_t r = 0; r < l->nrows; r++)
		if (l->q == NULL || row_matches(l, r, l->q))
			rows[l->nshown++] = (struct sortrow){ l->sort >= 0 ?
			    cell_at(l, r, (size_t)l->sort) : NULL, r, l->dir };
	if (l->sort >= 0)
		wm_sort(rows, l->nshown, sizeof(*rows), sortrow_cmp);
	for (size_t i = 0; i < l->nshown; i++)
		l->order[i] = rows[i].row;
	if (format == NULL || *format == '\0')
		return false;
	if (l->paged) {
		page_fail(rq, rs, 400, "Too many to download", arena_printf(rq->a, "There are %zu "
		    "of them: choose filters to narrow the list, then download it.", l->total));
		return true;
	}
	if (!list_export_format(format, &f)) {
		page_fail(rq, rs, 400, "There is no such download", "A list downloads as a CSV file "
		    "(format=csv) or an Excel workbook (format=xlsx).");
		return true;
	}
	{
		struct rdoc *d = list_rdoc(l, 0, l->nshown, false);

		if (l->q != NULL)
			rdoc_meta(d, "Search", l->q);
		http_send_rdoc(rq, rs, d, f, l->file);
		rdoc_free(d);
	}
	return true;
}

/* ---- the page --------------------------------------------------------- */

/* A count as people read it: "15,396". */
static const char *
count_text(struct req *rq, size_t n)
{
	char out[32];

	num_format((double)n, 0, true, out, sizeof(out));
	return arena_strdup(rq->a, out);
}

const char *
list_query(struct req *rq, const char *const *drop, const char *name, const char *value)
{
	struct buf b = BUF_INIT;
	const char *s;

	for (size_t i = 0; i < rq->query.n; i++) {
		const struct param *q = &rq->query.v[i];
		bool dropped = name != NULL && strcmp(q->name, name) == 0;

		for (size_t j = 0; drop != NULL && drop[j] != NULL && !dropped; j++)
			dropped = strcmp(q->name, drop[j]) == 0;
		/* a field left blank is no filter: the address stays short */
		if (dropped || *q->value == '\0')
			continue;
		if (b.len > 0)
			buf_addc(&b, '&');
		http_url_escape(&b, q->name);
		buf_addc(&b, '=');
		http_url_escape(&b, q->value);
	}
	if (name != NULL) {
		if (b.len > 0)
			buf_addc(&b, '&');
		http_url_escape(&b, name);
		buf_addc(&b, '=');
		http_url_escape(&b, value != NULL ? value : "");
	}
	s = arena_strdup(rq->a, buf_str(&b));
	buf_release(&b);
	return s;
}

void
list_write(struct page *p, struct list *l)
{
	static const char *const no_page[] = { "page", "format", NULL };
	struct req *rq = p->rq;
	struct html *h = &p->h;
	int64_t pageno = 1;
	const char *pg = req_query(rq, "page");
	size_t pages = (l->nshown + LIST_PAGE_ROWS - 1) / LIST_PAGE_ROWS, from, to;
	struct buf path = BUF_INIT;
	const char *rest;

	if (pg != NULL && (str_to_int64(pg, &pageno) != 0 || pageno < 1))
		pageno = 1;
	if (l->paged) {
		/* the rows are this page's already */
		size_t first = (size_t)(pageno - 1) * LIST_PAGE_ROWS;

		pages = (l->total + LIST_PAGE_ROWS - 1) / LIST_PAGE_ROWS;
		html_elem(h, "p", arena_printf(rq->a, "There are %s %s, too many to search, sort or "
		    "download: choose filters to narrow them.", count_text(rq, l->total), l->many),
		    "class",
		    "govuk-inset-text", NULL);
		if (l->nshown > 0) {
			struct rdoc *d = list_rdoc(l, 0, l->nshown, true);

			html_elem(h, "p", arena_printf(rq->a, "Showing %s to %s of %s %s.",
			    count_text(rq, first + 1), count_text(rq, first + l->nshown),
			    count_text(rq, l->total), l->many), "class", "govuk-body", "id", "list-count",
			    "role", "status", NULL);
			page_rdoc_untitled(p, d);
			rdoc_free(d);
		}
		http_path_escape(&path, rq->path);
		rest = list_query(rq, no_page, NULL, NULL);
		page_pagination(p, (size_t)pageno, pages, buf_str(&path), *rest ? rest : NULL);
		buf_release(&path);
		return;
	}
	if (pages > 0 && (size_t)pageno > pages)
		pageno = (int64_t)pages;
	from = (size_t)(pageno - 1) * LIST_PAGE_ROWS;
	to = from + LIST_PAGE_ROWS < l->nshown ? from + LIST_PAGE_ROWS : l->nshown;
	if (l->nshown == 0) {
		html_elem(h, "p", l->q != NULL || l->nrows > 0 ? "Nothing matches. Change the "
		    "search or the filters to see more." : "There is nothing here yet.", "class",
		    "govuk-body", "id", "list-count", NULL);
	} else {
		struct rdoc *d = list_rdoc(l, from, to, true);

		html_elem(h, "p", l->nshown <= LIST_PAGE_ROWS ? arena_printf(rq->a, "Showing %s %s.",
		    count_text(rq, l->nshown), l->nshown == 1 ? l->one : l->many) :
		    arena_printf(rq->a, "Showing %s to %s of %s %s.", count_text(rq, from + 1),
		    count_text(rq, to), count_text(rq, l->nshown), l->many), "class", "govuk-body",
		    "id", "list-count", "role", "status", NULL);
		page_rdoc_untitled(p, d);
		rdoc_free(d);
	}
	http_path_escape(&path, rq->path);
	rest = list_query(rq, no_page, NULL, NULL);
	page_pagination(p, (size_t)pageno, pages, buf_str(&path), *rest ? rest : NULL);
	if (l->nshown > 0) {
		html_open(h, "p", "class", "govuk-body wm-no-print wm-downloads", NULL);
		html_text(h, "Download ");
		html_elem(h, "a", pages > 1 ? "all of them as CSV" : "as CSV", "class",
		    "govuk-link", "href", arena_printf(rq->a, "%s?%s%sformat=csv", buf_str(&path), rest,
		    *rest ? "&" : ""), "download", "", NULL);
		html_text(h, " or ");
		html_elem(h, "a", "as an Excel workbook", "class", "govuk-link", "href",
		    arena_printf(rq->a, "%s?%s%sformat=xlsx", buf_str(&path), rest, *rest ? "&" : ""),
		    "download", "", NULL);
		html_close(h, "p");
	}
	buf_release(&path);
}

json_t *
list_where(struct req *rq, const char *const *names)
{
	json_t *where = json_object();

	for (size_t i = 0; names[i] != NULL; i++) {
		const char *v = req_query(rq, names[i]);

		if (v != NULL && *v != '\0')
			json_object_set_new(where, names[i], json_string(v));
	}
	return where;
}

void
list_filter_select(struct page *p, const char *name, const char *label, json_t *choices)
{
	html_open(&p->h, "div", "class", "govuk-grid-column-one-third", NULL);
	page_select(p, name, label, choices, req_query(p->rq, name), "Any");
	html_close(&p->h, "div");
	json_decref(choices);
}

void
list_filter_begin(struct page *p, const struct list *l, const char *action)
{
	html_open(&p->h, "div", "class", "wm-no-print wm-filters", NULL);
	page_form_begin(p, action, "get");
	html_open(&p->h, "div", "class", "govuk-grid-row", NULL);
	html_open(&p->h, "div", "class", "govuk-grid-column-full", NULL);
	page_input_attrs(p, "q", "Search", "search", l->q, "Words in any column", NULL, "20",
	    NULL, "off");
	html_close(&p->h, "div");
}

void
list_filter_end(struct page *p, const struct list *l)
{
	html_close(&p->h, "div");
	if (l->sort >= 0) {
		html_void(&p->h, "input", "type", "hidden", "name", "sort", "value",
		    l->cols[l->sort].key, NULL);
		html_void(&p->h, "input", "type", "hidden", "name", "dir", "value",
		    l->dir < 0 ? "desc" : "asc", NULL);
	}
	page_form_end(p, "Filter");
	html_close(&p->h, "div");
}
