/*
 * rdoc_data.c: what the report document's values are (see rdoc.h): each
 * cell as a person reads it and as a program does, the JSON derived from
 * the document's keys, and how a page's width is shared among columns.
 */
#include "base/wm.h"

#include <math.h>

#include "base/buf.h"
#include "base/date.h"
#include "report/pounds.h"
#include "report/rdoc_impl.h"

/* ---- values ------------------------------------------------------------- */

/*
 * A number as a person reads it (grouped: "47,127", "12.5%", "£1,900,000")
 * or a program (47127, 12.5%, 1900000): money in pounds and pence only
 * where there are pence.
 */
static void
num_text(const struct cell *c, bool grouped, char *out, size_t len)
{
	char n[NUM_LEN];
	const struct rnum *f = c->fmt;

	if (f->money && grouped) {
		pounds_format(c->num, out, len);
		return;
	}
	num_format(c->num, f->money ? (fmod(c->num, 1) != 0 ? 2 : 0) : f->decimals, grouped, n,
	    sizeof(n));
	snprintf(out, len, "%s%s", n, f->suffix && !f->money ? f->suffix : "");
}

const char *
cell_text(const struct cell *c, bool grouped, char *out, size_t len)
{
	if (c->shown != NULL && (grouped || c->type == C_TEXT || c->type == C_LIST))
		return c->shown;
	switch (c->type) {
	case C_NUM:
		num_text(c, grouped, out, len);
		return out;
	case C_DATE:
		if (len < DATE_ISO_LEN)
			return "";
		date_format_iso(c->day, out);
		return out;
	case C_BOOL:
		return c->yes ? "yes" : "no";
	default:
		return c->text != NULL ? c->text : "";
	}
}

json_t *
cell_json(const struct cell *c)
{
	char d[DATE_ISO_LEN];

	switch (c->type) {
	case C_NULL:
		return json_null();
	case C_NUM:
		if (c->fmt != NULL && c->fmt->decimals == 0 && !c->fmt->money && fabs(c->num) < 9e15 &&
		    c->num == floor(c->num))
			return json_integer((json_int_t)c->num);
		return json_real(c->num);
	case C_DATE:
		date_format_iso(c->day, d);
		return json_string(d);
	case C_BOOL:
		return json_boolean(c->yes);
	case C_LIST: {
		json_t *a = json_array();

		for (size_t i = 0; i < c->nitems; i++)
			json_array_append_new(a, json_string(c->items[i]));
		return a;
	}
	case C_JSON: {
		json_t *j = json_loads(c->text, JSON_DECODE_ANY, NULL);

		return j != NULL ? j : json_null();
	}
	case C_NONE:
	case C_TEXT:
		break;
	}
	return json_string(c->text != NULL ? c->text : "");
}

/* ---- column widths ---------------------------------------------------- */

/* Characters in s's widest line, and in its longest word. */
static void
text_extent(const char *s, size_t *line, size_t *word)
{
	size_t l = 0, w = 0;

	*line = *word = 0;
	for (; ; s++) {
		bool end = *s == '\0';

		if (end || *s == ' ' || *s == '\n') {
			*word = w > *word ? w : *word;
			w = 0;
		}
		if (end || *s == '\n') {
			*line = l > *line ? l : *line;
			l = 0;
		}
		if (end)
			break;
		if (((unsigned char)*s & 0xC0) != 0x80) {
			l += *s != '\n';
			w += *s != ' ' && *s != '\n';
		}
	}
}

void
rtable_shares(const struct rtable *t, double capacity, double *share)
{
	size_t n = 0;
	double *nat = calloc(t->ncols + 1, sizeof(*nat)), *min = calloc(t->ncols + 1, sizeof(*min));
	double sum_nat = 0, sum_min = 0, total = 0;
	char tmp[96];

	if (nat == NULL || min == NULL) {
		free(nat);
		free(min);
		return;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		size_t line, word;

		if (!rcol_shown(t, c))
			continue;
		text_extent(t->headers[c], &line, &word);
		nat[n] = (double)line;
		min[n] = fmin((double)word, 14);
		for (size_t r = 0; r < t->nrows && r < 200; r++) {
			if (!rrow_shown(t, r))
				continue;
			text_extent(cell_text(rtable_at(t, r, c), true, tmp, sizeof(tmp)), &line, &word);
			nat[n] = fmax(nat[n], fmin((double)line, 60));
			min[n] = fmax(min[n], fmin((double)word, 20));
		}
		nat[n] = fmax(nat[n], min[n]) + 3;
		min[n] += 3;
		sum_nat += nat[n];
		sum_min += min[n];
		n++;
	}
	for (size_t k = 0; k < n; k++) {
		if (sum_nat <= capacity)
			share[k] = nat[k];
		else if (sum_min >= capacity)
			share[k] = min[k];
		else
			share[k] = min[k] + (capacity - sum_min) * (nat[k] - min[k]) / (sum_nat - sum_min);
		total += share[k];
	}
	for (size_t k = 0; k < n; k++)
		share[k] = total > 0 ? share[k] / total : 1.0 / (double)n;
	free(nat);
	free(min);
}

/* ---- JSON --------------------------------------------------------------- */

/* o[key] = v, where "a.b" is o["a"]["b"] (the object made when missing). */
static void
set_member(json_t *o, const char *key, json_t *v)
{
	const char *dot = strchr(key, '.');
	char head[128];
	json_t *sub;

	if (dot == NULL || (size_t)(dot - key) >= sizeof(head)) {
		json_object_set_new(o, key, v);
		return;
	}
	memcpy(head, key, (size_t)(dot - key));
	head[dot - key] = '\0';
	sub = json_object_get(o, head);
	if (!json_is_object(sub)) {
		sub = json_object();
		json_object_set_new(o, head, sub);
	}
	set_member(sub, dot + 1, v);
}

/* The array o[key], made when missing. */
static json_t *
array_member(json_t *o, const char *key)
{
	json_t *a = json_object_get(o, key);

	if (!json_is_array(a)) {
		a = json_array();
		set_member(o, key, a);
	}
	return a;
}

static void
table_json(json_t *o, const struct rtable *t)
{
	json_t *into;

	if (t->map) {
		into = t->key != NULL ? json_object_get(o, t->key) : o;
		if (!json_is_object(into)) {
			into = json_object();
			set_member(o, t->key, into);
		}
		for (size_t r = 0; r < t->nrows && t->ncols >= 2; r++) {
			char tmp[64];

			if (t->row_in[r] == ROW_PAPER)
				continue;
			json_object_set_new(into, cell_text(rtable_at(t, r, 0), false, tmp, sizeof(tmp)),
			    cell_json(rtable_at(t, r, 1)));
		}
		return;
	}
	into = array_member(o, t->key);
	for (size_t k = 0; k < t->nrows; k++) {
		size_t r = t->reversed ? t->nrows - 1 - k : k;
		json_t *row;

		if (t->row_in[r] == ROW_PAPER)
			continue;
		row = json_object();
		for (size_t c = 0; c < t->ncols; c++)
			if (t->keys[c] != NULL && !(t->flags[c] & RC_PAPER) &&
			    rtable_at(t, r, c)->type != C_NONE)
				set_member(row, t->keys[c], cell_json(rtable_at(t, r, c)));
		json_array_append_new(into, row);
	}
}

#define GROUP_DEPTH 8

/* The document's keyed facts and tables, in their groups. */
static json_t *
keyed_json(const struct rdoc *d)
{
	json_t *stack[GROUP_DEPTH + 1];
	int depth = 0;

	stack[0] = json_object();
	for (size_t i = 0; i < d->nfacts; i++)
		if (d->facts[i].key != NULL)
			set_member(stack[0], d->facts[i].key, cell_json(&d->facts[i].v));
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		switch (b->kind) {
		case B_GROUP:
			if (depth < GROUP_DEPTH) {
				json_t *g = json_object();

				json_array_append_new(array_member(stack[depth], b->text), g);
				stack[++depth] = g;
			}
			break;
		case B_GROUP_END:
			if (depth > 0)
				depth--;
			break;
		case B_FACT:
			set_member(stack[depth], b->fact.key, cell_json(&b->fact.v));
			break;
		case B_TABLE:
			if (b->table->key != NULL || b->table->map)
				table_json(stack[depth], b->table);
			break;
		default:
			break;
		}
	}
	return stack[0];
}

/* A document with no keys: its blocks as they come. */
static json_t *
blocks_json(const struct rdoc *d)
{
	json_t *o = json_object(), *meta = json_object(), *blocks = json_array();

	json_object_set_new(o, "title", json_string(d->title));
	for (size_t i = 0; i < d->nfacts; i++)
		if (d->facts[i].label != NULL)
			json_object_set_new(meta, d->facts[i].label, cell_json(&d->facts[i].v));
	json_object_set_new(o, "meta", meta);
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		json_t *j = NULL;

		switch (b->kind) {
		case B_HEADING:
			j = json_pack("{s:s, s:s}", "heading", b->text, "level",
			    b->level == 2 ? "2" : b->level == 3 ? "3" : "4");
			break;
		case B_PARA:
		case B_ITEM:
			j = json_pack("{s:s}", b->kind == B_PARA ? "paragraph" : "item", b->text);
			break;
		case B_TABLE: {
			const struct rtable *t = b->table;
			json_t *rows = json_array();

			for (size_t r = 0; r < t->nrows; r++) {
				json_t *row = json_object();

				for (size_t c = 0; c < t->ncols; c++)
					json_object_set_new(row, t->headers[c], cell_json(rtable_at(t, r, c)));
				json_array_append_new(rows, row);
			}
			j = json_pack("{s:s?, s:o}", "table", t->caption, "rows", rows);
			break;
		}
		default:
			break;
		}
		if (j != NULL)
			json_array_append_new(blocks, j);
	}
	json_object_set_new(o, "blocks", blocks);
	return o;
}

json_t *
rdoc_json(const struct rdoc *d)
{
	if (d->data != NULL)
		return json_incref(d->data);
	return d->keyed ? keyed_json(d) : blocks_json(d);
}

/* A PNG's size in pixels, from its header; false if it is not a PNG. */
bool
png_size(const unsigned char *png, size_t len, long *w, long *h)
{
	if (len < 24 || memcmp(png, "\x89PNG\r\n\x1a\n", 8) != 0)
		return false;
	*w = (long)png[16] << 24 | (long)png[17] << 16 | (long)png[18] << 8 | png[19];
	*h = (long)png[20] << 24 | (long)png[21] << 16 | (long)png[22] << 8 | png[23];
	return *w > 0 && *h > 0 && *w < 100000 && *h < 100000;
}

/* ---- the model as text ------------------------------------------------------ */

/* A cell as the model holds it: its type, its value, how it is shown, its colour. */
static void
model_cell(struct buf *out, const struct cell *c)
{
	static const char *const types[] = { "text", "null", "num", "date", "bool", "list", "json",
		"none" };
	char tmp[96];

	buf_addf(out, "%s:", types[c->type]);
	if (c->type == C_NUM) {
		buf_addf(out, "%.15g", c->num);
		if (c->fmt->money)
			buf_adds(out, " money");
		else if (c->fmt->decimals != NUM_SHORTEST)
			buf_addf(out, " .%d%s", c->fmt->decimals, c->fmt->suffix ? c->fmt->suffix : "");
	} else if (c->type != C_NULL && c->type != C_NONE) {
		buf_adds(out, cell_text(c, false, tmp, sizeof(tmp)));
	}
	if (c->shown != NULL)
		buf_addf(out, " shown \"%s\"", c->shown);
	if (c->tag != NULL)
		buf_addf(out, " [%s]", c->tag);
	if (c->href != NULL)
		buf_addf(out, " <%s>", c->href);
}

static void
model_fact(struct buf *out, const struct fact *f, int indent)
{
	buf_addf(out, "%*sfact %s", indent, "", f->key ? f->key : "-");
	if (f->label != NULL)
		buf_addf(out, " \"%s\"", f->label);
	buf_adds(out, " = ");
	model_cell(out, &f->v);
	buf_addc(out, '\n');
}

void
rdoc_write_model(const struct rdoc *d, struct buf *out)
{
	int depth = 0;

	buf_addf(out, "title: %s\n", d->title);
	if (d->header != NULL)
		buf_addf(out, "header: %s%s\n", d->header, d->logo ? " (with a logo)" : "");
	for (size_t i = 0; i < d->nfacts; i++)
		model_fact(out, &d->facts[i], 0);
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		int in = 2 * depth;

		switch (b->kind) {
		case B_HEADING: buf_addf(out, "%*sheading %d: %s\n", in, "", b->level, b->text); break;
		case B_PARA: buf_addf(out, "%*spara: %s\n", in, "", b->text); break;
		case B_LIST: buf_addf(out, "%*slist\n", in, ""); break;
		case B_ITEM: buf_addf(out, "%*sitem: %s\n", in, "", b->text); break;
		case B_FIGURE:
			buf_addf(out, "%*sfigure: %s (svg, %zu bytes)\n", in, "", b->text, strlen(b->svg));
			break;
		case B_FACT: model_fact(out, &b->fact, in); break;
		case B_GROUP: buf_addf(out, "%*sgroup %s\n", in, "", b->text); depth++; break;
		case B_GROUP_END:
			depth = depth > 0 ? depth - 1 : 0;
			buf_addf(out, "%*send\n", 2 * depth, "");
			break;
		case B_BREAK: buf_addf(out, "%*spage break\n", in, ""); break;
		case B_TABLE: {
			const struct rtable *t = b->table;

			buf_addf(out, "%*stable %s%s%s%s\n", in, "", t->key ? t->key : "-", t->map ? " map" :
			    "", t->reversed ? " reversed" : "", t->caption ? "" : "");
			if (t->caption != NULL)
				buf_addf(out, "%*s  caption: %s\n", in, "", t->caption);
			for (size_t c = 0; c < t->ncols; c++)
				buf_addf(out, "%*s  column %s \"%s\"%s%s%s\n", in, "", t->keys[c] ? t->keys[c] :
				    "-", t->headers[c], t->flags[c] & RC_NUM ? " num" : "", t->flags[c] &
				    RC_DATA ? " data" : "", t->flags[c] & RC_PAPER ? " paper" : "");
			for (size_t r = 0; r < t->nrows; r++) {
				buf_addf(out, "%*s  row%s:", in, "", t->row_in[r] == ROW_DATA ? " (data)" :
				    t->row_in[r] == ROW_PAPER ? " (paper)" : "");
				for (size_t c = 0; c < t->ncols; c++) {
					buf_adds(out, c ? " | " : " ");
					model_cell(out, rtable_at(t, r, c));
				}
				buf_addc(out, '\n');
			}
			break;
		}
		}
	}
}
