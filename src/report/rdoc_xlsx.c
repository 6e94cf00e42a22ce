/*
 * rdoc_xlsx.c: the report document as an Excel workbook (libxlsxwriter).
 *
 * The first sheet carries the title, the facts and the report's words;
 * then every table is a sheet of its own, named from its caption or the
 * heading above it. A header row in bold, frozen, with a filter; numbers
 * are number cells in the format they are shown in (an indicator's
 * decimals, "%" after, "£" before); dates are date cells; a status is
 * its words on its colour. Text is always written as a string cell, so a
 * cell beginning with = + - @ is text and never a formula.
 *
 * libxlsxwriter writes to a file, so the workbook is made in a temporary
 * file that is read back and removed.
 */
#include "base/wm.h"

#include <math.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "report/rdoc_impl.h"

#define XLSX_STR_MAX 32767	/* Excel's longest cell */
#define XLSX_WIDTH_MAX 60.0
#define XLSX_FORMATS 64

struct xlsx {
	lxw_workbook *wb;
	lxw_format *bold, *title, *wrap, *date;
	/* number and status formats, made once each */
	struct {
		char num[48];
		int tag;
		lxw_format *f;
	} fmts[XLSX_FORMATS];
	size_t nfmts;
	char names[256][LXW_SHEETNAME_MAX * 4 + 1];	/* sheet names taken (UTF-8) */
	size_t nnames;
};

/* Excel's number format for a cell: #,##0.0, "£"#,##0.00, #,##0.0"%", General. */
static void
excel_format(const struct cell *c, char *out, size_t len)
{
	const struct rnum *f = c->fmt;
	int decimals = f->money ? (fmod(c->num, 1) != 0 ? 2 : 0) : f->decimals;
	size_t used = 0;

	if (decimals < 0 && (f->suffix == NULL || *f->suffix == '\0')) {
		snprintf(out, len, "General");
		return;
	}
	if (f->money)
		used += (size_t)snprintf(out + used, len - used, "\"\u00a3\"");
	used += (size_t)snprintf(out + used, len - used, decimals < 0 ? "General" : "#,##0");
	if (decimals > 0 && used < len)
		used += (size_t)snprintf(out + used, len - used, ".%.*s", decimals > 9 ? 9 : decimals,
		    "000000000");
	if (f->suffix != NULL && *f->suffix != '\0' && !f->money && used < len)
		snprintf(out + used, len - used, "\"%s\"", f->suffix);
}


/* The format of a cell: its number format and its status colour; NULL for neither. */
static lxw_format *
cell_format(struct xlsx *x, const struct cell *c)
{
	char num[48] = "";
	int tag = rtag_index(c->tag);
	lxw_format *f;

	if (c->type == C_NUM)
		excel_format(c, num, sizeof(num));
	else if (c->type == C_DATE)
		snprintf(num, sizeof(num), "yyyy-mm-dd");
	if (num[0] == '\0' && tag < 0)
		return x->wrap;
	for (size_t i = 0; i < x->nfmts; i++)
		if (x->fmts[i].tag == tag && strcmp(x->fmts[i].num, num) == 0)
			return x->fmts[i].f;
	f = workbook_add_format(x->wb);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (num[0] != '\0')
		format_set_num_format(f, num);
	if (tag >= 0) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, rtag_at(tag)->bg);
		format_set_font_color(f, rtag_at(tag)->fg);
		format_set_bold(f);
	}
	if (x->nfmts < XLSX_FORMATS) {
		snprintf(x->fmts[x->nfmts].num, sizeof(x->fmts[x->nfmts].num), "%s", num);
		x->fmts[x->nfmts].tag = tag;
		x->fmts[x->nfmts++].f = f;
	}
	return f;
}

/* Write s as a string cell, cut to Excel's limit on a character boundary. */
static void
put_string(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *text, lxw_format *f)
{
	struct buf clean = BUF_INIT;
	const char *s;
	char *cut = NULL;

	/* what a sheet can hold: no broken UTF-8, no control characters */
	utf8_clean(text, &clean);
	s = buf_str(&clean);
	if (strlen(s) > XLSX_STR_MAX) {
		size_t n = XLSX_STR_MAX;

		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		cut = strndup(s, n);
		s = cut != NULL ? cut : "";
	}
	if (*s == '\0')
		worksheet_write_blank(ws, r, c, f);
	else
		worksheet_write_string(ws, r, c, s, f);
	free(cut);
	buf_release(&clean);
}

/*
 * A sheet name Excel takes: no []:*?/\, at most 31 characters, not
 * starting or ending with an apostrophe, unlike any taken (" (2)" added).
 */
static void
sheet_name(struct xlsx *x, const char *wanted, char *out, size_t len)
{
	char base[LXW_SHEETNAME_MAX * 4 + 1];
	size_t n = 0, k = 0;
	struct buf clean = BUF_INIT;
	const char *want;

	utf8_clean(wanted, &clean);
	want = buf_str(&clean);
	for (const char *p = want; *p != '\0' && k + 4 < sizeof(base); p++) {
		bool lead = ((unsigned char)*p & 0xC0) != 0x80;

		if (lead && n == LXW_SHEETNAME_MAX - 5)
			break;
		n += lead;
		base[k++] = strchr("[]:*?/\\", *p) != NULL ? ' ' : *p;
	}
	while (k > 0 && (base[k - 1] == ' ' || base[k - 1] == '\''))
		k--;
	base[k] = '\0';
	k = base[0] == '\'' ? 1 : 0;
	snprintf(out, len, "%s", base[k] != '\0' ? base + k : "Table");
	for (int i = 2; i < 1000; i++) {
		bool taken = false;

		for (size_t t = 0; t < x->nnames && !taken; t++)
			taken = strcasecmp(x->names[t], out) == 0;
		if (!taken)
			break;
		snprintf(out, len, "%s (%d)", base[k] != '\0' ? base + k : "Table", i);
	}
	if (x->nnames < WM_ARRAY_LEN(x->names))
		snprintf(x->names[x->nnames++], sizeof(x->names[0]), "%s", out);
	buf_release(&clean);
}

/* A new sheet named as near to want as Excel allows; NULL only when the workbook fails. */
static lxw_worksheet *
add_sheet(struct xlsx *x, const char *want)
{
	char name[LXW_SHEETNAME_MAX * 4 + 1];
	lxw_worksheet *ws;

	sheet_name(x, want, name, sizeof(name));
	if ((ws = workbook_add_worksheet(x->wb, name)) == NULL) {
		snprintf(name, sizeof(name), "Sheet %zu", x->nnames + 1);
		ws = workbook_add_worksheet(x->wb, name);
	}
	return ws;
}

static void
cover_sheet(struct xlsx *x, const struct rdoc *d)
{
	char tmp[96];
	lxw_worksheet *ws;
	lxw_row_t r = 0;

	if ((ws = add_sheet(x, "Report")) == NULL)
		return;
	worksheet_set_column(ws, 0, 0, 28, NULL);
	worksheet_set_column(ws, 1, 1, 90, x->wrap);
	if (d->header != NULL)
		put_string(ws, r++, 0, d->header, x->bold);
	put_string(ws, r++, 0, d->title, x->title);
	for (size_t i = 0; i < d->nfacts; i++) {
		const struct fact *f = &d->facts[i];

		if (f->label == NULL || f->v.type == C_NULL)
			continue;
		put_string(ws, r, 0, f->label, x->bold);
		if (f->v.type == C_NUM)
			worksheet_write_number(ws, r, 1, f->v.num, cell_format(x, &f->v));
		else
			put_string(ws, r, 1, cell_text(&f->v, true, tmp, sizeof(tmp)), x->wrap);
		r++;
	}
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		switch (b->kind) {
		case B_HEADING:
			r++;
			put_string(ws, r++, 0, b->text, x->bold);
			break;
		case B_PARA:
		case B_ITEM:
			put_string(ws, r++, 1, b->text, x->wrap);
			break;
		case B_FIGURE:
			put_string(ws, r++, 1, b->text, x->wrap);
			break;
		default:
			break;
		}
	}
}

static void
table_sheet(struct xlsx *x, const struct rtable *t, const char *near, int n)
{
	char want[200], tmp[96];
	double *width = calloc(t->ncols + 1, sizeof(*width));
	lxw_worksheet *ws;
	lxw_col_t col = 0;
	size_t nrows = 0;

	if (width == NULL)
		return;
	if (t->caption != NULL)
		snprintf(want, sizeof(want), "%s", t->caption);
	else if (near != NULL)
		snprintf(want, sizeof(want), "%s", near);
	else
		snprintf(want, sizeof(want), "Table %d", n);
	if ((ws = add_sheet(x, want)) == NULL) {
		free(width);
		return;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		if (!rcol_shown(t, c))
			continue;
		put_string(ws, 0, col, t->headers[c], x->bold);
		width[col] = (double)utf8_width(t->headers[c]);
		lxw_row_t row = 0;

		for (size_t r = 0; r < t->nrows; r++) {
			const struct cell *cl = rtable_at(t, r, c);
			lxw_format *f;
			const char *shown;

			if (!rrow_shown(t, r))
				continue;
			f = cell_format(x, cl);
			shown = cell_text(cl, true, tmp, sizeof(tmp));
			row++;

			if ((double)utf8_width(shown) > width[col])
				width[col] = (double)utf8_width(shown);
			if (cl->type == C_NUM) {
				worksheet_write_number(ws, row, col, cl->num, f);
			} else if (cl->type == C_DATE) {
				lxw_datetime dt = { 0 };

				date_to_ymd(cl->day, &dt.year, &dt.month, &dt.day);
				if (dt.year >= 1900 && dt.year <= 9999)
					worksheet_write_datetime(ws, row, col, &dt, f);
				else
					put_string(ws, row, col, shown, f);
			} else if (cl->type == C_BOOL) {
				worksheet_write_boolean(ws, row, col, cl->yes, f);
			} else {
				put_string(ws, row, col, shown, f);
			}
		}
		worksheet_set_column(ws, col, col, width[col] + 2 > XLSX_WIDTH_MAX ? XLSX_WIDTH_MAX :
		    width[col] + 2, NULL);
		col++;
	}
	worksheet_freeze_panes(ws, 1, 0);
	for (size_t r = 0; r < t->nrows; r++)
		nrows += rrow_shown(t, r);
	if (col > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows, (lxw_col_t)(col - 1));
	free(width);
}

static int
read_back(const char *path, struct buf *out, struct wm_err *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return wm_error(err, WM_EIO, "could not read the workbook back: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	fclose(f);
	if (out->failed)
		return wm_error(err, WM_ETOOBIG, "the workbook is too large");
	return 0;
}

int
rdoc_write_xlsx(const struct rdoc *d, struct buf *out, struct wm_err *err)
{
	const char *dir = getenv("TMPDIR") != NULL && *getenv("TMPDIR") != '\0' ?
	    getenv("TMPDIR") : "/tmp";
	lxw_workbook_options opts = { 0 };
	lxw_doc_properties props = { 0 };
	struct xlsx *x = calloc(1, sizeof(*x));
	const char *near = NULL;
	char path[4096];
	int fd, n = 0, rc = 0;
	lxw_error e;

	if (x == NULL)
		return wm_error(err, WM_EINTERNAL, "out of memory");
	snprintf(path, sizeof(path), "%s/waymark-XXXXXX.xlsx", dir);
	if ((fd = mkstemps(path, 5)) < 0) {
		free(x);
		return wm_error(err, WM_EIO, "could not make a temporary file in %s: %s", dir,
		    strerror(errno));
	}
	close(fd);
	opts.tmpdir = (char *)dir;
	if ((x->wb = workbook_new_opt(path, &opts)) == NULL) {
		rc = wm_error(err, WM_EIO, "could not start a workbook in %s", dir);
		goto out;
	}
	props.title = (char *)d->title;
	props.comments = "Written by Waymark";
	workbook_set_properties(x->wb, &props);
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	format_set_text_wrap(x->bold);
	format_set_bottom(x->bold, LXW_BORDER_THIN);
	x->title = workbook_add_format(x->wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 14);
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	cover_sheet(x, d);
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		if (b->kind == B_HEADING)
			near = b->text;
		if (b->kind == B_TABLE && block_on_paper(b)) {
			table_sheet(x, b->table, near, ++n);
			near = NULL;
		}
	}
	if ((e = workbook_close(x->wb)) != LXW_NO_ERROR) {
		rc = wm_error(err, WM_EIO, "could not write the workbook: %s", lxw_strerror(e));
		goto out;
	}
	rc = read_back(path, out, err);
out:
	unlink(path);
	free(x);
	return rc;
}
