/*
 * fuzz_rdoc.c: any bytes as a report document (headings, paragraphs,
 * lists, facts, groups, tables of every kind of cell, charts, real and
 * broken), written in every format. No writer may crash, leak or loop;
 * the JSON must be JSON; a binary paper must be a zip or a PDF.
 */
#include "base/wm.h"

#include <float.h>
#include <math.h>

#include "base/buf.h"
#include "base/date.h"
#include "report/rdoc.h"
#include "report/svg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct in {
	const uint8_t *p;
	size_t n;
};

static unsigned
byte(struct in *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

/* Up to 40 bytes as text (any bytes: broken UTF-8, control characters, markup). */
static const char *
text(struct in *in, char *out, size_t len)
{
	size_t n = byte(in) % 41, k = 0;

	while (k < n && k + 1 < len && in->n > 0)
		out[k++] = (char)(byte(in) | 1);	/* no NUL: the API takes C strings */
	out[k] = '\0';
	return out;
}

static double
number(struct in *in)
{
	static const double odd[] = { NAN, INFINITY, -INFINITY, 1e300, -1e300, 0.0, -0.0, 1e15,
		9.999999999e14, 0.005, -0.004, 1234567.891, DBL_MIN };
	unsigned b = byte(in);

	if (b < 40)
		return odd[b % WM_ARRAY_LEN(odd)];
	return ((double)byte(in) * 256 + byte(in) - 32768) * pow(10, (int)(byte(in) % 20) - 8);
}

static void
chart(struct in *in, struct buf *out)
{
	struct svg s;
	double xs[8], ys[8];
	char t[48];

	svg_begin(&s, out, 10 + byte(in), 10 + byte(in), text(in, t, sizeof(t)), "a chart");
	for (size_t i = 0; i < 8; i++) {
		xs[i] = number(in);
		ys[i] = number(in);
	}
	svg_rect(&s, xs[0], ys[0], xs[1], ys[1], byte(in) & 1 ? "c-red" : NULL, "#1d70b8");
	svg_line(&s, xs[2], ys[2], xs[3], ys[3], "c-target", NULL);
	svg_circle(&s, xs[4], ys[4], ys[5], "c-none", NULL);
	svg_polyline(&s, xs, ys, byte(in) % 9, "c-line", NULL);
	svg_polygon(&s, xs, ys, byte(in) % 9, NULL, "#d4351c");
	svg_group_begin(&s, "g-bar", text(in, t, sizeof(t)));
	svg_text(&s, xs[6], ys[6], byte(in) & 1 ? "middle" : "end", "c-h", text(in, t, sizeof(t)));
	svg_group_end(&s);
	svg_end(&s);
}

static void
cell(struct in *in, struct rtable *t)
{
	static const char *const tags[] = { "red", "amber", "green", "grey", "blue", "purple" };
	static const char *const suffixes[] = { NULL, "%", "", " pts" };
	char a[48], b[48], c[48];
	const char *items[3];

	switch (byte(in) % 13) {
	case 0: rtable_cell(t, text(in, a, sizeof(a))); break;
	case 1: rtable_num(t, number(in), (int)(byte(in) % 14) - 2, suffixes[byte(in) % 4]); break;
	case 2: {
		double v = number(in);

		rtable_int(t, isfinite(v) ? (long long)fmod(v, 1e9) : 0);
		break;
	}
	case 3: rtable_pounds(t, number(in)); break;
	case 4: rtable_date(t, byte(in) < 30 ? DATE_NONE : (int)(byte(in) * 300) - 20000); break;
	case 5: rtable_bool(t, (int)(byte(in) % 3) - 1); break;
	case 6:
		items[0] = text(in, a, sizeof(a));
		items[1] = text(in, b, sizeof(b));
		items[2] = text(in, c, sizeof(c));
		rtable_list(t, items, byte(in) % 4, byte(in) & 1 ? ", " : NULL);
		break;
	case 7: {
		json_t *j = json_pack("{s:s, s:[i, s]}", "text", text(in, a, sizeof(a)), "x",
		    (int)byte(in), "y");

		rtable_json(t, j);
		json_decref(j);
		break;
	}
	case 8: rtable_null(t); break;
	case 9: rtable_none(t); break;
	case 10: rtable_tag(t, text(in, a, sizeof(a)), tags[byte(in) % 6]); break;
	case 11: rtable_link(t, text(in, a, sizeof(a)), "/recommendations/X"); break;
	case 12:
		rtable_num(t, number(in), 1, NULL);
		rtable_show(t, text(in, a, sizeof(a)));
		rtable_mark(t, tags[byte(in) % 6]);
		break;
	}
}

static void
table(struct in *in, struct rdoc *d)
{
	static const char *const keys[] = { NULL, "rows", "a.b", "leads", "" };
	static const char *const colkeys[] = { NULL, "x", "x.y", "x.y.z", "pi", "" };
	size_t ncols = 1 + byte(in) % 7, nrows = byte(in) % 9;
	struct rcol cols[8];
	char heads[8][48], cap[48];
	struct rtable *t;

	for (size_t i = 0; i < ncols; i++)
		cols[i] = (struct rcol){ colkeys[byte(in) % 6], text(in, heads[i], sizeof(heads[i])),
			byte(in) % 8 };
	t = rdoc_table_cols(d, keys[byte(in) % 5], byte(in) & 1 ? text(in, cap, sizeof(cap)) : NULL,
	    ncols, cols);
	if (byte(in) % 5 == 0)
		rtable_as_map(t);
	if (byte(in) % 5 == 0)
		rtable_json_reversed(t);
	for (size_t r = 0; r < nrows; r++) {
		/* a short row is padded; a long one runs into the next */
		size_t n = byte(in) % (ncols + 2);

		for (size_t c = 0; c < n; c++)
			cell(in, t);
		if (byte(in) % 6 == 0)
			rtable_data_row(t);
		else if (byte(in) % 6 == 0)
			rtable_paper_row(t);
		rtable_end_row(t);
	}
}

static void
write_all(const struct rdoc *d)
{
	enum rformat fs[16];
	size_t n = rformat_list(fs, WM_ARRAY_LEN(fs));

	for (size_t i = 0; i <= n; i++) {
		enum rformat f = i < n ? fs[i] : RF_HTML_BODY;
		struct wm_err err = WM_ERR_INIT;
		struct buf out = BUF_INIT;

		if (rdoc_write(d, f, &out, &err) == 0) {
			if (f == RF_JSON) {
				json_t *j = json_loadb(out.s, out.len, 0, NULL);

				if (j == NULL)
					abort();
				json_decref(j);
			}
			if ((f == RF_PDF && (out.len < 4 || memcmp(out.s, "%PDF", 4) != 0)) ||
			    ((f == RF_DOCX || f == RF_ODT || f == RF_XLSX) &&
			    (out.len < 2 || memcmp(out.s, "PK", 2) != 0)))
				abort();
		}
		buf_release(&out);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size > 4096 ? 4096 : size };
	static const char *const keys[] = { "as_of", "unit", "a.b", "leads", "" };
	char a[48], b[48];
	struct rdoc *d = rdoc_new(text(&in, a, sizeof(a)));
	size_t ops = 0;

	while (in.n > 0 && ops++ < 60) {
		switch (byte(&in) % 11) {
		case 0: rdoc_heading(d, (int)(byte(&in) % 5), text(&in, a, sizeof(a))); break;
		case 1: rdoc_para(d, "%s", text(&in, a, sizeof(a))); break;
		case 2: rdoc_list(d); break;
		case 3: rdoc_item(d, "%s", text(&in, a, sizeof(a))); break;
		case 4:
			rdoc_fact(d, keys[byte(&in) % 5], byte(&in) & 1 ? text(&in, a, sizeof(a)) : NULL,
			    byte(&in) & 1 ? text(&in, b, sizeof(b)) : NULL);
			break;
		case 5: rdoc_fact_num(d, keys[byte(&in) % 5], "n", number(&in), 1, "%"); break;
		case 6: rdoc_group(d, keys[byte(&in) % 5]); break;
		case 7: rdoc_group_end(d); break;
		case 8:
		case 9: table(&in, d); break;
		case 10: {
			struct buf svg = BUF_INIT;

			/* a chart of ours, or bytes that are not one */
			if (byte(&in) & 1)
				chart(&in, &svg);
			else
				buf_adds(&svg, text(&in, a, sizeof(a)));
			rdoc_figure(d, buf_str(&svg), "a figure");
			buf_release(&svg);
			break;
		}
		}
	}
	write_all(d);
	rdoc_free(d);
	return 0;
}
