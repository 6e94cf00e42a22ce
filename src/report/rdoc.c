/*
 * rdoc.c: the report document (see rdoc.h): its formats, its status
 * colours, and building it.
 *
 * What its values are and the JSON made from it are in rdoc_data.c; the
 * writers of each format in rdoc_write.c (text, Markdown, HTML, CSV),
 * rdoc_xlsx.c, rdoc_pdf.c, rdoc_docx.c and rdoc_odt.c; they all read the
 * blocks of rdoc_impl.h.
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/date.h"
#include "report/rdoc_impl.h"


/* ---- formats ------------------------------------------------------------ */

/* Every format, in the order messages list them; RF_HTML_BODY is for pages only. */
static const struct {
	const char *name;
	enum rformat f;
	const char *media_type;
	bool binary;
} formats[] = {
	{ "text", RF_TEXT, "text/plain; charset=utf-8", false },
	{ "md", RF_MD, "text/markdown; charset=utf-8", false },
	{ "html", RF_HTML, "text/html; charset=utf-8", false },
	{ "csv", RF_CSV, "text/csv; charset=utf-8", false },
	{ "json", RF_JSON, "application/json", false },
	{ "xlsx", RF_XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	  true },
	{ "pdf", RF_PDF, "application/pdf", true },
	{ "docx", RF_DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	  true },
	{ "odt", RF_ODT, "application/vnd.oasis.opendocument.text", true },
	{ "model", RF_MODEL, "text/plain; charset=utf-8", false },
};

int
rformat_parse(const char *name, enum rformat *out, struct wm_err *err)
{
	char names[200];

	for (size_t i = 0; i < WM_ARRAY_LEN(formats); i++)
		if (strcmp(name, formats[i].name) == 0) {
			*out = formats[i].f;
			return 0;
		}
	if (strcmp(name, "markdown") == 0 || strcmp(name, "txt") == 0 || strcmp(name, "htm") == 0) {
		*out = name[0] == 'm' ? RF_MD : name[0] == 't' ? RF_TEXT : RF_HTML;
		return 0;
	}
	rformat_names(names, sizeof(names));
	return wm_error(err, WM_EUSAGE, "format \"%s\" is not one of %s", name, names);
}

size_t
rformat_list(enum rformat *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < WM_ARRAY_LEN(formats) && n < max; i++)
		out[n++] = formats[i].f;
	return n;
}

void
rformat_names(char *out, size_t len)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < WM_ARRAY_LEN(formats) && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s", i ? ", " : "",
		    formats[i].name);
}

const char *
rformat_name(enum rformat f)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			return formats[i].name;
	return "html";
}

const char *
rformat_media_type(enum rformat f)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			return formats[i].media_type;
	return "text/html; charset=utf-8";
}

bool
rformat_binary(enum rformat f)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			return formats[i].binary;
	return false;
}

/* ---- status colours ---------------------------------------------------- */

static const struct rtag rtags[] = {
	{ "red", 0xF6D7D2, 0x942514 },
	{ "amber", 0xFCD6C3, 0x6E3619 },
	{ "green", 0xCCE2D8, 0x005A30 },
	{ "grey", 0xEEEFEF, 0x383F43 },
	{ "blue", 0xD2E2F1, 0x144E81 },
};

int
rtag_index(const char *name)
{
	for (size_t i = 0; name != NULL && i < WM_ARRAY_LEN(rtags); i++)
		if (strcmp(name, rtags[i].name) == 0)
			return (int)i;
	return -1;
}

const struct rtag *
rtag_at(int index)
{
	return index >= 0 && (size_t)index < WM_ARRAY_LEN(rtags) ? &rtags[index] : NULL;
}

const struct rtag *
rtag_find(const char *name)
{
	return rtag_at(rtag_index(name));
}

/* ---- building ----------------------------------------------------------- */

struct rdoc *
rdoc_new(const char *title)
{
	struct arena *a = arena_new();
	struct rdoc *d = arena_alloc(a, sizeof(*d));

	d->arena = a;
	d->title = arena_strdup(a, title ? title : "");
	return d;
}

void
rdoc_free(struct rdoc *d)
{
	if (d == NULL)
		return;
	json_decref(d->data);
	arena_free(d->arena);
}

const char *
rdoc_title(const struct rdoc *d)
{
	return d->title;
}

static struct block *
add_block(struct rdoc *d, enum block_kind kind)
{
	struct block *b = arena_alloc(d->arena, sizeof(*b));

	b->kind = kind;
	if (d->last != NULL)
		d->last->next = b;
	else
		d->first = b;
	d->last = b;
	return b;
}

static const char *
dup(struct rdoc *d, const char *s)
{
	return s != NULL ? arena_strdup(d->arena, s) : NULL;
}

/* Where a fact goes: under the title, or (inside a group) into the body. */
static struct fact *
new_fact(struct rdoc *d, const char *key, const char *label)
{
	struct fact *f;

	if (key != NULL)
		d->keyed = true;
	if (d->depth > 0 && key != NULL) {
		f = &add_block(d, B_FACT)->fact;
	} else {
		if (d->nfacts == d->capfacts) {
			size_t cap = d->capfacts ? d->capfacts * 2 : 8;
			struct fact *m = arena_array(d->arena, cap, sizeof(*m));

			if (d->nfacts > 0)
				memcpy(m, d->facts, d->nfacts * sizeof(*m));
			d->facts = m;
			d->capfacts = cap;
		}
		f = &d->facts[d->nfacts++];
	}
	memset(f, 0, sizeof(*f));
	f->key = dup(d, key);
	f->label = dup(d, label);
	return f;
}

void
rdoc_header(struct rdoc *d, const char *text, const void *logo_png, size_t logo_len)
{
	d->header = dup(d, text);
	if (logo_png != NULL && logo_len > 0) {
		unsigned char *copy = arena_alloc(d->arena, logo_len);

		memcpy(copy, logo_png, logo_len);
		d->logo = copy;
		d->logo_len = logo_len;
	}
}

void
rdoc_page_break(struct rdoc *d)
{
	add_block(d, B_BREAK);
}

void
rdoc_meta(struct rdoc *d, const char *label, const char *value)
{
	struct fact *f = new_fact(d, NULL, label);

	f->v.text = arena_strdup(d->arena, value ? value : "");
}

void
rdoc_fact(struct rdoc *d, const char *key, const char *label, const char *value)
{
	struct fact *f = new_fact(d, key, label);

	f->v.type = value != NULL ? C_TEXT : C_NULL;
	f->v.text = value != NULL ? arena_strdup(d->arena, value) : "";
}

static const struct rnum *
copy_fmt(struct rdoc *d, const struct rnum *f)
{
	struct rnum *c = arena_alloc(d->arena, sizeof(*c));

	*c = *f;
	c->suffix = dup(d, c->suffix);
	return c;
}

/* A number cell; not finite, null and shown "-". */
static void
set_num(struct rdoc *d, struct cell *c, double v, const struct rnum *f)
{
	if (!isfinite(v)) {
		c->type = C_NULL;
		c->text = "";
		c->shown = "-";
		return;
	}
	c->type = C_NUM;
	/* money is held to the penny, as it is shown */
	c->num = f->money ? round(v * 100) / 100 : v;
	c->fmt = copy_fmt(d, f);
}

void
rdoc_fact_num(struct rdoc *d, const char *key, const char *label, double v, int decimals,
    const char *suffix)
{
	set_num(d, &new_fact(d, key, label)->v, v, &(struct rnum){ decimals, suffix, false });
}

void
rdoc_fact_int(struct rdoc *d, const char *key, const char *label, long long v)
{
	rdoc_fact_num(d, key, label, (double)v, 0, NULL);
}

void
rdoc_fact_pounds(struct rdoc *d, const char *key, const char *label, double v)
{
	set_num(d, &new_fact(d, key, label)->v, v, &(struct rnum){ 0, NULL, true });
}

static void
set_bool(struct cell *c, int v)
{
	c->type = v < 0 ? C_NULL : C_BOOL;
	c->yes = v > 0;
	c->text = v < 0 ? "" : NULL;
}

void
rdoc_fact_bool(struct rdoc *d, const char *key, const char *label, int v)
{
	set_bool(&new_fact(d, key, label)->v, v);
}

static void
set_list(struct rdoc *d, struct cell *c, const char *const *items, size_t n, const char *sep)
{
	struct buf b = BUF_INIT;

	c->type = C_LIST;
	c->items = arena_array(d->arena, n + 1, sizeof(*c->items));
	for (size_t i = 0; i < n; i++) {
		c->items[i] = arena_strdup(d->arena, items[i] ? items[i] : "");
		buf_addf(&b, "%s%s", i ? sep : "", c->items[i]);
	}
	c->nitems = n;
	c->text = arena_strdup(d->arena, buf_str(&b));
	buf_release(&b);
}

void
rdoc_fact_list(struct rdoc *d, const char *key, const char *label, const char *const *items,
    size_t n)
{
	set_list(d, &new_fact(d, key, label)->v, items, n, ", ");
}

void
rdoc_group(struct rdoc *d, const char *key)
{
	add_block(d, B_GROUP)->text = arena_strdup(d->arena, key);
	d->keyed = true;
	d->depth++;
}

void
rdoc_group_end(struct rdoc *d)
{
	if (d->depth == 0)
		return;
	add_block(d, B_GROUP_END);
	d->depth--;
}

void
rdoc_heading(struct rdoc *d, int level, const char *text)
{
	struct block *b = add_block(d, B_HEADING);

	b->level = level < 2 ? 2 : level > 4 ? 4 : level;
	b->text = arena_strdup(d->arena, text);
}

static const char *
vformat(struct rdoc *d, const char *fmt, va_list ap)
{
	struct buf tmp = BUF_INIT;
	const char *s;

	buf_vaddf(&tmp, fmt, ap);
	s = arena_strdup(d->arena, buf_str(&tmp));
	buf_release(&tmp);
	return s;
}

void
rdoc_para(struct rdoc *d, const char *fmt, ...)
{
	struct block *b = add_block(d, B_PARA);
	va_list ap;

	va_start(ap, fmt);
	b->text = vformat(d, fmt, ap);
	va_end(ap);
}

void
rdoc_list(struct rdoc *d)
{
	add_block(d, B_LIST);
}

void
rdoc_item(struct rdoc *d, const char *fmt, ...)
{
	struct block *b = add_block(d, B_ITEM);
	va_list ap;

	va_start(ap, fmt);
	b->text = vformat(d, fmt, ap);
	va_end(ap);
}

void
rdoc_figure(struct rdoc *d, const char *svg, const char *caption)
{
	struct block *b = add_block(d, B_FIGURE);

	b->svg = arena_strdup(d->arena, svg);
	b->text = arena_strdup(d->arena, caption);
}

struct rtable *
rdoc_table_cols(struct rdoc *d, const char *key, const char *caption, size_t ncols,
    const struct rcol *cols)
{
	struct block *b = add_block(d, B_TABLE);
	struct rtable *t = arena_alloc(d->arena, sizeof(*t));

	t->doc = d;
	t->key = dup(d, key);
	t->caption = dup(d, caption);
	t->ncols = ncols;
	t->headers = arena_array(d->arena, ncols + 1, sizeof(*t->headers));
	t->keys = arena_array(d->arena, ncols + 1, sizeof(*t->keys));
	t->flags = arena_array(d->arena, ncols + 1, sizeof(*t->flags));
	for (size_t i = 0; i < ncols; i++) {
		t->headers[i] = arena_strdup(d->arena, cols[i].header ? cols[i].header : "");
		t->keys[i] = dup(d, cols[i].key);
		t->flags[i] = cols[i].flags;
	}
	if (key != NULL)
		d->keyed = true;
	b->table = t;
	return t;
}

struct rtable *
rdoc_table(struct rdoc *d, const char *caption, size_t ncols, const char *const *headers)
{
	struct rtable *t = rdoc_table_cols(d, NULL, caption, 0, NULL);

	t->ncols = ncols;
	t->headers = arena_array(d->arena, ncols + 1, sizeof(*t->headers));
	t->keys = arena_array(d->arena, ncols + 1, sizeof(*t->keys));
	t->flags = arena_array(d->arena, ncols + 1, sizeof(*t->flags));
	for (size_t i = 0; i < ncols; i++)
		t->headers[i] = arena_strdup(d->arena, headers[i]);
	return t;
}

void
rtable_as_map(struct rtable *t)
{
	t->map = true;
	t->doc->keyed = true;
}

void
rtable_json_reversed(struct rtable *t)
{
	t->reversed = true;
}

void
rtable_data_row(struct rtable *t)
{
	if (t->nrows > 0)
		t->row_in[t->nrows - 1] = ROW_DATA;
}

void
rtable_paper_row(struct rtable *t)
{
	if (t->nrows > 0)
		t->row_in[t->nrows - 1] = ROW_PAPER;
}

void
rtable_numeric(struct rtable *t, size_t col)
{
	if (col < t->ncols)
		t->flags[col] |= RC_NUM;
}

void
rtable_header_link(struct rtable *t, size_t col, const char *href, int sort)
{
	if (col >= t->ncols || href == NULL)
		return;
	if (t->header_hrefs == NULL) {
		t->header_hrefs = arena_array(t->doc->arena, t->ncols + 1, sizeof(*t->header_hrefs));
		t->sorted = arena_array(t->doc->arena, t->ncols + 1, sizeof(*t->sorted));
	}
	t->header_hrefs[col] = arena_strdup(t->doc->arena, href);
	t->sorted[col] = (signed char)(sort > 0 ? 1 : sort < 0 ? -1 : 0);
}

static struct cell *
next_cell(struct rtable *t)
{
	struct cell *c;

	if (t->filled == t->ncols)
		rtable_end_row(t);
	if (t->filled == 0) {
		if (t->nrows == t->caprows) {
			size_t cap = t->caprows ? t->caprows * 2 : 16;
			struct cell *n = arena_array(t->doc->arena, cap * t->ncols + 1, sizeof(*n));
			unsigned char *dr = arena_array(t->doc->arena, cap, sizeof(*dr));

			if (t->nrows > 0) {
				memcpy(n, t->cells, t->nrows * t->ncols * sizeof(*n));
				memcpy(dr, t->row_in, t->nrows * sizeof(*dr));
			}
			t->cells = n;
			t->row_in = dr;
			t->caprows = cap;
		}
		t->nrows++;
	}
	c = &t->cells[(t->nrows - 1) * t->ncols + t->filled++];
	memset(c, 0, sizeof(*c));
	return c;
}

/* The cell just added, or NULL before any. */
static struct cell *
last_cell(struct rtable *t)
{
	if (t->nrows == 0 || t->filled == 0)
		return NULL;
	return &t->cells[(t->nrows - 1) * t->ncols + t->filled - 1];
}

void
rtable_cell(struct rtable *t, const char *text)
{
	struct cell *c = next_cell(t);

	c->type = text != NULL ? C_TEXT : C_NULL;
	c->text = arena_strdup(t->doc->arena, text ? text : "");
}

void
rtable_cellf(struct rtable *t, const char *fmt, ...)
{
	struct cell *c = next_cell(t);
	va_list ap;

	va_start(ap, fmt);
	c->text = vformat(t->doc, fmt, ap);
	va_end(ap);
}

void
rtable_null(struct rtable *t)
{
	struct cell *c = next_cell(t);

	c->type = C_NULL;
	c->text = "";
}

void
rtable_none(struct rtable *t)
{
	struct cell *c = next_cell(t);

	c->type = C_NONE;
	c->text = "";
}

void
rtable_num(struct rtable *t, double v, int decimals, const char *suffix)
{
	set_num(t->doc, next_cell(t), v, &(struct rnum){ decimals, suffix, false });
}

void
rtable_int(struct rtable *t, long long v)
{
	rtable_num(t, (double)v, 0, NULL);
}

void
rtable_pounds(struct rtable *t, double v)
{
	set_num(t->doc, next_cell(t), v, &(struct rnum){ 0, NULL, true });
}

void
rtable_date(struct rtable *t, int day)
{
	struct cell *c = next_cell(t);

	c->type = day == DATE_NONE ? C_NULL : C_DATE;
	c->day = day;
	c->text = day == DATE_NONE ? "" : NULL;
}

void
rtable_bool(struct rtable *t, int v)
{
	set_bool(next_cell(t), v);
}

void
rtable_list(struct rtable *t, const char *const *items, size_t n, const char *sep)
{
	set_list(t->doc, next_cell(t), items, n, sep ? sep : "; ");
}

void
rtable_json(struct rtable *t, const json_t *v)
{
	if (v == NULL || json_is_null(v)) {
		rtable_null(t);
	} else if (json_is_string(v)) {
		rtable_cell(t, json_string_value(v));
	} else if (json_is_integer(v)) {
		rtable_int(t, (long long)json_integer_value(v));
	} else if (json_is_number(v)) {
		rtable_num(t, json_number_value(v), NUM_SHORTEST, NULL);
	} else if (json_is_boolean(v)) {
		rtable_bool(t, json_is_true(v));
	} else if (json_is_array(v) && !json_is_object(json_array_get(v, 0)) &&
	    !json_is_array(json_array_get(v, 0))) {
		size_t n = json_array_size(v);
		const char **items = arena_array(t->doc->arena, n + 1, sizeof(*items));

		for (size_t i = 0; i < n; i++)
			items[i] = json_string_value(json_array_get(v, i));
		rtable_list(t, items, n, "; ");
	} else {
		char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
		struct cell *c = next_cell(t);

		c->type = C_JSON;
		c->text = arena_strdup(t->doc->arena, s ? s : "null");
		free(s);
		/* shown as its words where it has them ({"text": ...}), else as JSON */
		if (json_is_string(json_object_get(v, "text")))
			c->shown = arena_strdup(t->doc->arena, json_string_value(json_object_get(v,
			    "text")));
	}
}

void
rtable_show(struct rtable *t, const char *text)
{
	struct cell *c = last_cell(t);

	if (c != NULL)
		c->shown = arena_strdup(t->doc->arena, text ? text : "");
}

void
rtable_tag(struct rtable *t, const char *text, const char *tag)
{
	rtable_cell(t, text ? text : "");
	rtable_mark(t, tag);
}

void
rtable_mark(struct rtable *t, const char *tag)
{
	struct cell *c = last_cell(t);

	if (c != NULL)
		c->tag = dup(t->doc, tag);
}

void
rtable_link(struct rtable *t, const char *text, const char *href)
{
	struct cell *c;

	rtable_cell(t, text ? text : "");
	c = last_cell(t);
	c->href = dup(t->doc, href);
}

void
rtable_end_row(struct rtable *t)
{
	/* A short row is padded with empty cells, so every row has ncols. */
	while (t->filled > 0 && t->filled < t->ncols) {
		struct cell *c = &t->cells[(t->nrows - 1) * t->ncols + t->filled++];

		memset(c, 0, sizeof(*c));
		c->text = "";
	}
	t->filled = 0;
}

void
rdoc_set_data(struct rdoc *d, json_t *data)
{
	json_decref(d->data);
	d->data = data;
}

static void
copy_cell(struct rdoc *d, struct cell *to, const struct cell *from)
{
	*to = *from;
	to->text = dup(d, from->text);
	to->shown = dup(d, from->shown);
	to->tag = dup(d, from->tag);
	to->href = dup(d, from->href);
	if (from->type == C_NUM)
		to->fmt = copy_fmt(d, from->fmt);
	if (from->type == C_LIST) {
		to->items = arena_array(d->arena, from->nitems + 1, sizeof(*to->items));
		for (size_t i = 0; i < from->nitems; i++)
			to->items[i] = arena_strdup(d->arena, from->items[i]);
	}
}

static void
append_table(struct rdoc *d, const struct rtable *src)
{
	struct rtable *t = rdoc_table(d, src->caption, src->ncols, src->headers);

	for (size_t c = 0; c < src->ncols; c++) {
		t->flags[c] = src->flags[c];
		t->keys[c] = dup(d, src->keys[c]);
	}
	for (size_t r = 0; r < src->nrows; r++) {
		for (size_t c = 0; c < src->ncols; c++)
			copy_cell(d, next_cell(t), rtable_at(src, r, c));
		t->row_in[t->nrows - 1] = src->row_in[r];
		rtable_end_row(t);
	}
}

void
rdoc_append(struct rdoc *d, const struct rdoc *src)
{
	rdoc_append_at(d, src, 2);
}

void
rdoc_append_at(struct rdoc *d, const struct rdoc *src, int level)
{
	/* src's own keyed facts become d's, in the group d has open: the data stays whole */
	for (size_t i = 0; i < src->nfacts; i++) {
		const struct fact *f = &src->facts[i];

		if (f->key != NULL)
			copy_cell(d, &new_fact(d, f->key, NULL)->v, &f->v);
	}
	for (const struct block *b = src->first; b != NULL; b = b->next) {
		struct block *nb;

		if (b->kind == B_TABLE) {
			append_table(d, b->table);
			if (b->table->key != NULL || b->table->map) {
				d->last->table->key = dup(d, b->table->key);
				d->last->table->map = b->table->map;
				d->last->table->reversed = b->table->reversed;
				d->keyed = true;
			}
			continue;
		}
		if (b->kind == B_GROUP) {
			rdoc_group(d, b->text);
			continue;
		}
		if (b->kind == B_GROUP_END) {
			rdoc_group_end(d);
			continue;
		}
		if (b->kind == B_FACT) {
			copy_cell(d, &new_fact(d, b->fact.key, NULL)->v, &b->fact.v);
			continue;
		}
		nb = add_block(d, b->kind);
		nb->level = b->kind == B_HEADING ? b->level + level - 2 : b->level;
		if (nb->level > 4)
			nb->level = 4;
		nb->text = dup(d, b->text);
		nb->svg = dup(d, b->svg);
	}
}

void
rdoc_add_rendition(struct rdoc *d, const char *format, const char *media_type, const char *text)
{
	struct rendition *r = arena_alloc(d->arena, sizeof(*r));

	r->format = arena_strdup(d->arena, format);
	r->media_type = arena_strdup(d->arena, media_type);
	r->text = arena_strdup(d->arena, text);
	r->next = d->renditions;
	d->renditions = r;
}

const char *
rdoc_rendition(const struct rdoc *d, const char *format, const char **media_type)
{
	for (const struct rendition *r = d->renditions; r != NULL; r = r->next)
		if (strcmp(r->format, format) == 0) {
			if (media_type != NULL)
				*media_type = r->media_type;
			return r->text;
		}
	return NULL;
}

int
rdoc_write(const struct rdoc *d, enum rformat f, struct buf *out, struct wm_err *err)
{
	switch (f) {
	case RF_TEXT: rdoc_write_text(d, out); break;
	case RF_MD: rdoc_write_md(d, out); break;
	case RF_HTML: rdoc_write_html(d, out, true); break;
	case RF_HTML_BODY: rdoc_write_html(d, out, false); break;
	case RF_CSV: rdoc_write_csv(d, out); break;
	case RF_XLSX: return rdoc_write_xlsx(d, out, err);
	case RF_PDF: return rdoc_write_pdf(d, out, err);
	case RF_DOCX: return rdoc_write_docx(d, out, err);
	case RF_ODT: return rdoc_write_odt(d, out, err);
	case RF_MODEL: rdoc_write_model(d, out); break;
	case RF_JSON: {
		json_t *j = rdoc_json(d);
		char *s = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(15));

		buf_adds(out, s ? s : "null");
		buf_addc(out, '\n');
		free(s);
		json_decref(j);
		break;
	}
	}
	if (out->failed)
		return wm_error(err, WM_ETOOBIG, "report too large");
	return 0;
}
