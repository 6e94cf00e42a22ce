/*
 * dm_xlsx.c: Excel workbooks (Office Open XML) into the document model.
 *
 * The workbook names its sheets and where they are; each sheet is
 * streamed a row at a time into a dmb_sheet, which dm_build.c turns into
 * headings, paragraphs and one table, as for ODS. A cell is text (shared
 * strings, inline strings, formula results), a number shown as the
 * sheet's format shows it ("1,250", "45%", "£3.50"), or a date: a number
 * whose format is a date format (built in, or a custom code with days,
 * months or years in it), counted from 1900 or from 1904 as the workbook
 * says, given as "YYYY-MM-DD". Merged ranges become spans. Hidden sheets
 * are not read (a noise block says so); charts and drawings are not text.
 */
#include "base/wm.h"

#include <ctype.h>
#include <math.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/date.h"
#include "import/dm.h"
#include "import/dm_build.h"
#include "import/dm_zip.h"

struct xf {
	int fmt;		/* numFmtId */
	int font;
};

struct font {
	bool bold;
	float size;
};

struct numfmt {
	int id;
	const char *code;
};

struct xlsx {
	struct dmb_out out;
	struct dm_doc *d;
	struct wm_err *err;
	int rc;
	const char **sst;
	const char **sst_marks;
	size_t nsst, sst_cap;
	struct xf *xfs;
	size_t nxfs;
	struct font *fonts;
	size_t nfonts;
	struct numfmt *fmts;
	size_t nfmts;
	bool date1904;
	struct dmb_sheet sheet;
	uint32_t next_row;
};

/* The built-in formats a cell may name by number alone (ECMA-376 18.8.30). */
static const char *
builtin_format(int id)
{
	static const char *const codes[] = {
		[0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00",
		[9] = "0%", [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ?\?/??",
		[14] = "mm-dd-yy", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy",
		[18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss",
		[22] = "m/d/yy h:mm", [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)",
		[39] = "#,##0.00;(#,##0.00)", [40] = "#,##0.00;[Red](#,##0.00)", [45] = "mm:ss",
		[46] = "[h]:mm:ss", [47] = "mmss.0", [48] = "##0.0E+0", [49] = "@",
	};

	if (id >= 0 && (size_t)id < WM_ARRAY_LEN(codes) && codes[id] != NULL)
		return codes[id];
	/* 27-36 and 50-58 are dates in East Asian locales */
	if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return "yyyy-mm-dd";
	return NULL;
}

static const char *
format_code(const struct xlsx *x, int style)
{
	int id;

	if (style < 0 || (size_t)style >= x->nxfs)
		return "General";
	id = x->xfs[style].fmt;
	for (size_t i = 0; i < x->nfmts; i++)
		if (x->fmts[i].id == id)
			return x->fmts[i].code;
	return builtin_format(id) ? builtin_format(id) : "General";
}

/*
 * What a format code shows: 'd' a date, 't' a time of day, 'n' a number.
 * Quoted text, escaped characters and [colour] or [$currency] brackets do
 * not count; [h], [m], [s] (elapsed time) do.
 */
static char
code_kind(const char *code)
{
	bool date = false, time = false;

	if (strncasecmp(code, "General", 7) == 0)
		return 'n';
	for (const char *p = code; *p; p++) {
		char c = (char)tolower((unsigned char)*p);

		if (c == '"') {
			while (p[1] && p[1] != '"')
				p++;
			p += p[1] != '\0';
		} else if (c == '\\' || c == '_' || c == '*') {
			p += p[1] != '\0';
		} else if (c == '[') {
			if (p[1] && strchr("hms", tolower((unsigned char)p[1])))
				time = true;
			while (p[1] && p[1] != ']')
				p++;
		} else if (c == ';') {
			break;	/* the first section decides */
		} else if (c == 'y' || c == 'd') {
			date = true;
		} else if (c == 'h' || c == 's') {
			time = true;
		} else if (c == 'm') {
			date = date || !time;
		}
	}
	if (time && !strpbrk(code, "yYdD"))
		return 't';
	return date ? 'd' : time ? 't' : 'n';
}

/* The number in General format: as many digits as it needs, up to 15. */
static void
general(struct buf *out, double v)
{
	char s[64];

	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(s, sizeof(s), "%.0f", v);
	else
		snprintf(s, sizeof(s), "%.15g", v);
	buf_adds(out, strcmp(s, "-0") == 0 ? "0" : s);
}

/* One section of a format code, applied to v (already made positive if the section shows the sign). */
static void
section(struct buf *out, double v, const char *p, const char *end)
{
	struct buf pre = BUF_INIT, post = BUF_INIT;
	int int_zeros = 0, dec_min = 0, dec_max = 0;
	bool seen_digit = false, in_dec = false, thousands = false, percent = false;
	char num[400], *dot;

	for (; p < end; p++) {
		struct buf *lit = seen_digit ? &post : &pre;

		switch (*p) {
		case '"':
			while (++p < end && *p != '"')
				buf_addc(lit, *p);
			break;
		case '\\':
			if (p + 1 < end)
				buf_addc(lit, *++p);
			break;
		case '_':
			p++;
			buf_addc(lit, ' ');
			break;
		case '*':
			p++;
			break;
		case '[':
			/* [$£-809] shows "£"; a colour or a condition shows nothing */
			if (p + 1 < end && p[1] == '$')
				for (p += 2; p < end && *p != '-' && *p != ']'; p++)
					buf_addc(lit, *p);
			while (p < end && *p != ']')
				p++;
			break;
		case '0': case '#': case '?':
			if (in_dec) {
				dec_max++;
				dec_min += *p == '0';
			} else {
				int_zeros += *p == '0';
			}
			seen_digit = true;
			break;
		case '.':
			if (seen_digit || (p + 1 < end && strchr("0#?", p[1])))
				in_dec = seen_digit = true;
			else
				buf_addc(lit, *p);
			break;
		case ',':
			if (seen_digit && !in_dec)
				thousands = true;
			break;
		case '%':
			percent = true;
			buf_addc(lit, '%');
			break;
		default:
			buf_addc(lit, *p);
			break;
		}
	}
	if (percent)
		v *= 100;
	if (fabs(v) >= 1e300 || dec_max > 30) {
		general(out, v);
	} else if (!seen_digit) {
		buf_adds(out, buf_str(&pre));
	} else {
		snprintf(num, sizeof(num), "%.*f", dec_max, v);
		dot = strchr(num, '.');
		if (dot != NULL) {
			/* '#' and '?' decimals show only when not zero */
			char *e = num + strlen(num);

			while (e > dot + 1 + dec_min && e[-1] == '0')
				*--e = '\0';
			if (e == dot + 1)
				*dot = '\0';
		}
		buf_adds(out, buf_str(&pre));
		{
			const char *digits = num[0] == '-' ? num + 1 : num;
			size_t n = strcspn(digits, ".");

			if (num[0] == '-')
				buf_addc(out, '-');
			if (n == 1 && digits[0] == '0' && int_zeros == 0 && dot != NULL && *dot)
				n = 0, digits++;	/* "#.00" shows .50 */
			for (int z = (int)n; z < int_zeros; z++)
				buf_addc(out, '0');
			for (size_t i = 0; i < n; i++) {
				buf_addc(out, digits[i]);
				if (thousands && (n - i - 1) % 3 == 0 && i + 1 < n)
					buf_addc(out, ',');
			}
			buf_adds(out, digits + n);
		}
		buf_adds(out, buf_str(&post));
	}
	buf_release(&pre);
	buf_release(&post);
}

/* v as the format code shows it. */
static void
show_number(struct buf *out, double v, const char *code)
{
	const char *sec[4];
	size_t nsec = 0, len = strlen(code);
	const char *start = code;
	int pick = 0;

	if (strcasecmp(code, "General") == 0 || strcmp(code, "@") == 0 || code[0] == '\0') {
		general(out, v);
		return;
	}
	for (const char *p = code; p <= code + len && nsec < 4; p++) {
		if (*p == '"')
			for (p++; *p && *p != '"'; p++)
				;
		if (*p == '\\' && p[1])
			p++;
		if (*p == ';' || *p == '\0') {
			sec[nsec++] = start;
			start = p + 1;
		}
		if (*p == '\0')
			break;
	}
	if (v < 0 && nsec >= 2) {
		pick = 1;
		v = -v;	/* the section writes its own sign, or brackets */
	} else if (v == 0 && nsec >= 3) {
		pick = 2;
	}
	if (strpbrk(code, "Ee/") != NULL && strchr(code, '"') == NULL) {
		general(out, v < 0 && pick == 1 ? -v : v);	/* scientific and fractions: the plain number */
		return;
	}
	section(out, v, sec[pick], pick + 1 < (int)nsec ? sec[pick + 1] - 1 : code + len);
}

/* A date serial as a day number, or DATE_NONE when it is not one. */
static int
serial_date(double v, bool date1904)
{
	double n = floor(v);

	if (!(n >= 0 && n <= 2958465))
		return DATE_NONE;
	if (date1904)
		return date_from_ymd(1904, 1, 1) + (int)n;
	/* 1900: serial 1 is 1900-01-01, and 60 the 29 February 1900 that never was */
	if (n < 1 || n == 60)
		return DATE_NONE;
	return date_from_ymd(1899, 12, n < 60 ? 31 : 30) + (int)n;
}

/* "B12" as a column and row (0-based); false if it is not a reference. */
static bool
cell_ref(const char *s, uint32_t *col, uint32_t *row)
{
	uint32_t c = 0, r = 0;
	const char *p = s;

	for (; *p >= 'A' && *p <= 'Z' && c <= DMB_SHEET_COLS; p++)
		c = c * 26 + (uint32_t)(*p - 'A' + 1);
	if (p == s || c == 0 || c > DMB_SHEET_COLS)
		return false;
	for (; *p >= '0' && *p <= '9' && r <= DMB_SHEET_ROWS; p++)
		r = r * 10 + (uint32_t)(*p - '0');
	if (*p != '\0' || r == 0 || r > DMB_SHEET_ROWS)
		return false;
	*col = c - 1;
	*row = r - 1;
	return true;
}

/*
 * The text of a string item: its t, or its runs' t (not the phonetic
 * guide); a run of digits set superscript is a footnote mark (*marks).
 */
static const char *
string_item(struct xlsx *x, const xmlNode *si, const char **marks)
{
	struct buf raw = BUF_INIT, text = BUF_INIT, m = BUF_INIT;
	const char *s;

	for (const xmlNode *c = si ? si->children : NULL; c != NULL; c = c->next) {
		if (dmx_is(c, DMX_S, "t")) {
			dmx_text(c, &raw);
		} else if (dmx_is(c, DMX_S, "r")) {
			const char *va = dmx_attr(dmx_child(dmx_child(c, DMX_S, "rPr"), DMX_S,
			    "vertAlign"), DMX_ANY, "val");
			bool sup = va != NULL && strcmp(va, "superscript") == 0;

			buf_adds(&raw, sup ? "<sup>" : "");
			dmx_text(dmx_child(c, DMX_S, "t"), &raw);
			buf_adds(&raw, sup ? "</sup>" : "");
		}
	}
	dmb_lines(&text, x->d->a, buf_str(&raw), raw.len, &m);
	s = arena_strdup(x->d->a, buf_str(&text));
	*marks = dmb_marks(x->d->a, &m);
	buf_release(&raw);
	buf_release(&text);
	buf_release(&m);
	return s;
}

static int
sst_fn(void *ctx, xmlNode *n, int depth, enum dmz_event ev, struct wm_err *err)
{
	struct xlsx *x = ctx;

	if (ev == DMZ_END)
		return 0;
	if (ev == DMZ_START)
		return depth == 0 ? DMZ_DESCEND : depth == 1 && dmx_is(n, DMX_S, "si") ? DMZ_EXPAND :
		    DMZ_SKIP;
	if (x->nsst >= DM_MAX_CELLS)
		return wm_error(err, WM_ETOOBIG, "the .xlsx has more than %d shared strings; Waymark "
		    "reads workbooks of up to that many", DM_MAX_CELLS);
	if (x->nsst == x->sst_cap) {
		size_t cap = x->sst_cap ? x->sst_cap * 2 : 256;
		const char **s = arena_array(x->d->a, cap, sizeof(*s));
		const char **m = arena_array(x->d->a, cap, sizeof(*m));

		if (x->nsst) {
			memcpy(s, x->sst, x->nsst * sizeof(*s));
			memcpy(m, x->sst_marks, x->nsst * sizeof(*m));
		}
		x->sst = s;
		x->sst_marks = m;
		x->sst_cap = cap;
	}
	x->sst[x->nsst] = string_item(x, n, &x->sst_marks[x->nsst]);
	x->nsst++;
	return 0;
}

static int
load_styles(struct xlsx *x, struct dmz *z, const char *part)
{
	xmlDoc *doc;
	xmlNode *root, *list;
	int rc = dmz_xml_opt(z, part, &doc, x->err);
	size_t n;

	if (rc != 0 || doc == NULL)
		return rc;
	root = xmlDocGetRootElement(doc);
	if ((list = dmx_child(root, DMX_S, "numFmts")) != NULL) {
		n = 0;
		for (xmlNode *c = list->children; c; c = c->next)
			n += dmx_is(c, DMX_S, "numFmt");
		x->fmts = arena_array(x->d->a, n ? n : 1, sizeof(*x->fmts));
		for (xmlNode *c = dmx_child(list, DMX_S, "numFmt"); c; c = dmx_next(c, DMX_S, "numFmt")) {
			const char *code = dmx_attr(c, DMX_ANY, "formatCode");

			x->fmts[x->nfmts++] = (struct numfmt){
				(int)dmx_attr_long(c, DMX_ANY, "numFmtId", -1, -1, INT_MAX),
				arena_strdup(x->d->a, code ? code : "General") };
		}
	}
	if ((list = dmx_child(root, DMX_S, "fonts")) != NULL) {
		n = 0;
		for (xmlNode *c = list->children; c; c = c->next)
			n += dmx_is(c, DMX_S, "font");
		x->fonts = arena_array(x->d->a, n ? n : 1, sizeof(*x->fonts));
		for (xmlNode *c = dmx_child(list, DMX_S, "font"); c; c = dmx_next(c, DMX_S, "font")) {
			xmlNode *b = dmx_child(c, DMX_S, "b");
			const char *sz = dmx_attr(dmx_child(c, DMX_S, "sz"), DMX_ANY, "val");

			x->fonts[x->nfonts++] = (struct font){
				b != NULL && dmx_attr_bool(b, DMX_ANY, "val", true),
				sz ? (float)strtod(sz, NULL) : 0 };
		}
	}
	if ((list = dmx_child(root, DMX_S, "cellXfs")) != NULL) {
		n = 0;
		for (xmlNode *c = list->children; c; c = c->next)
			n += dmx_is(c, DMX_S, "xf");
		x->xfs = arena_array(x->d->a, n ? n : 1, sizeof(*x->xfs));
		for (xmlNode *c = dmx_child(list, DMX_S, "xf"); c; c = dmx_next(c, DMX_S, "xf"))
			x->xfs[x->nxfs++] = (struct xf){
				(int)dmx_attr_long(c, DMX_ANY, "numFmtId", 0, 0, INT_MAX),
				(int)dmx_attr_long(c, DMX_ANY, "fontId", 0, 0, INT_MAX) };
	}
	xmlFreeDoc(doc);
	return 0;
}

static const struct font *
cell_font(const struct xlsx *x, int style)
{
	static const struct font plain = { false, 0 };
	int f;

	if (style < 0 || (size_t)style >= x->nxfs)
		return x->nfonts ? &x->fonts[0] : &plain;
	f = x->xfs[style].font;
	return f >= 0 && (size_t)f < x->nfonts ? &x->fonts[f] : &plain;
}

static char *
col_name(char out[8], uint32_t col)
{
	char rev[8];
	size_t n = 0, o = 0;

	col++;
	while (col > 0 && n < sizeof(rev)) {
		col--;
		rev[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	while (n > 0)
		out[o++] = rev[--n];
	out[o] = '\0';
	return out;
}

static int
cell(struct xlsx *x, const xmlNode *c, uint32_t row, uint32_t col)
{
	const char *t = dmx_attr(c, DMX_ANY, "t");
	int style = (int)dmx_attr_long(c, DMX_ANY, "s", 0, 0, INT_MAX);
	const struct font *f = cell_font(x, style);
	struct dmb_scell sc = { .row = row, .col = col, .bold = f->bold, .size = f->size };
	struct buf v = BUF_INIT, text = BUF_INIT;
	const xmlNode *vn = dmx_child(c, DMX_S, "v");
	int rc = 0;

	dmx_text(vn, &v);
	if (t != NULL && strcmp(t, "s") == 0) {
		char *end;
		unsigned long i = strtoul(buf_str(&v), &end, 10);
		char name[8];

		if (vn == NULL)
			goto out;
		if (end == buf_str(&v) || *end != '\0' || i >= x->nsst) {
			rc = wm_error(x->err, WM_EINVAL, "the .xlsx is damaged: cell %s%u of sheet '%s' "
			    "refers to shared string %s, but the workbook has %zu", col_name(name, col),
			    row + 1, x->sheet.name, buf_str(&v), x->nsst);
			goto out;
		}
		sc.text = x->sst[i];
		sc.marks = x->sst_marks[i];
	} else if (t != NULL && strcmp(t, "inlineStr") == 0) {
		sc.text = string_item(x, dmx_child(c, DMX_S, "is"), &sc.marks);
	} else if (t != NULL && (strcmp(t, "str") == 0 || strcmp(t, "e") == 0)) {
		dmb_lines(&text, x->d->a, buf_str(&v), v.len, NULL);
		sc.text = arena_strdup(x->d->a, buf_str(&text));
	} else if (t != NULL && strcmp(t, "b") == 0) {
		sc.text = vn == NULL ? "" : strcmp(buf_str(&v), "1") == 0 ? "TRUE" : "FALSE";
	} else if (t != NULL && strcmp(t, "d") == 0) {
		int date;
		char iso[DATE_ISO_LEN];

		if (v.len >= 10 && (v.s[10] = '\0', date_parse_iso(v.s, &date) == 0)) {
			date_format_iso(date, iso);
			sc.text = arena_strdup(x->d->a, iso);
			sc.type = DM_CELL_DATE;
		} else {
			sc.text = arena_strdup(x->d->a, buf_str(&v));
		}
	} else if (vn != NULL && v.len > 0) {
		char *end;
		double num = strtod(buf_str(&v), &end);
		const char *code = format_code(x, style);
		char kind = code_kind(code);
		int date = kind == 'd' ? serial_date(num, x->date1904) : DATE_NONE;

		if (end == buf_str(&v) || *end != '\0' || !isfinite(num)) {
			sc.text = arena_strdup(x->d->a, buf_str(&v));	/* not a number after all */
		} else if (date != DATE_NONE) {
			char iso[DATE_ISO_LEN];

			date_format_iso(date, iso);
			sc.text = arena_strdup(x->d->a, iso);
			sc.type = DM_CELL_DATE;
		} else if (kind == 't' && num >= 0 && num < 1e7) {
			long secs = lround((num - floor(num)) * 86400);

			sc.text = strpbrk(code, "sS") ? arena_printf(x->d->a, "%ld:%02ld:%02ld",
			    secs / 3600 % 24, secs / 60 % 60, secs % 60) :
			    arena_printf(x->d->a, "%ld:%02ld", secs / 3600 % 24, secs / 60 % 60);
			sc.type = DM_CELL_NUMBER;
			sc.number = num;
		} else {
			show_number(&text, num, kind == 'n' ? code : "General");
			sc.text = arena_strdup(x->d->a, buf_str(&text));
			sc.type = DM_CELL_NUMBER;
			sc.number = num;
		}
	}
	rc = dmb_sheet_cell(&x->sheet, &sc, x->err);
out:
	buf_release(&v);
	buf_release(&text);
	return rc;
}

static int
row(struct xlsx *x, const xmlNode *n)
{
	long r = dmx_attr_long(n, DMX_ANY, "r", (long)x->next_row + 1, 1, DMB_SHEET_ROWS);
	uint32_t col = 0;
	int rc;

	x->next_row = (uint32_t)r;
	for (const xmlNode *c = dmx_child(n, DMX_S, "c"); c; c = dmx_next(c, DMX_S, "c")) {
		const char *ref = dmx_attr(c, DMX_ANY, "r");
		uint32_t rc_row = (uint32_t)r - 1, rc_col = col;

		if (ref != NULL && !cell_ref(ref, &rc_col, &rc_row))
			return wm_error(x->err, WM_EINVAL, "the .xlsx is damaged: sheet '%s' row %ld has "
			    "a cell at '%.20s', which is not a cell reference", x->sheet.name, r, ref);
		if ((rc = cell(x, c, rc_row, rc_col)) != 0)
			return rc;
		col = rc_col + 1;
	}
	return 0;
}

static int
sheet_fn(void *ctx, xmlNode *n, int depth, enum dmz_event ev, struct wm_err *err)
{
	struct xlsx *x = ctx;

	if (ev == DMZ_END)
		return 0;
	if (ev == DMZ_START) {
		if (depth == 0 || (depth == 1 && (dmx_is(n, DMX_S, "sheetData") ||
		    dmx_is(n, DMX_S, "mergeCells"))))
			return DMZ_DESCEND;
		if (depth == 2 && (dmx_is(n, DMX_S, "row") || dmx_is(n, DMX_S, "mergeCell")))
			return DMZ_EXPAND;
		return DMZ_SKIP;
	}
	if (dmx_is(n, DMX_S, "row"))
		return row(x, n);
	{
		/* a merged range "A1:F1" */
		const char *ref = dmx_attr(n, DMX_ANY, "ref"), *colon;
		uint32_t c0, r0, c1, r1;
		char a[16], b[16];

		if (ref == NULL || (colon = strchr(ref, ':')) == NULL || colon - ref >= 16 ||
		    strlen(colon + 1) >= 16)
			return 0;
		snprintf(a, sizeof(a), "%.*s", (int)(colon - ref), ref);
		snprintf(b, sizeof(b), "%s", colon + 1);
		if (!cell_ref(a, &c0, &r0) || !cell_ref(b, &c1, &r1))
			return 0;
		return dmb_sheet_merge(&x->sheet, r0, c0, r1, c1, err);
	}
}

static int
read_sheet(struct xlsx *x, struct dmz *z, const char *name, const char *part)
{
	float base = x->nfonts ? x->fonts[0].size : 11;
	int rc;

	dmb_sheet_init(&x->sheet, x->d->a, arena_strdup(x->d->a, name), base);
	x->next_row = 0;
	rc = dmz_walk(z, part, sheet_fn, x, x->err);
	if (rc == WM_ENOTFOUND)
		rc = wm_error(x->err, WM_EINVAL, "the .xlsx is damaged: sheet '%s' should be in %s, "
		    "which is not there", name, part);
	if (rc == 0)
		rc = dmb_sheet_emit(&x->out, &x->sheet, x->err);
	dmb_sheet_release(&x->sheet);
	return rc;
}

static int
hidden_sheet(struct xlsx *x, const char *name)
{
	struct dm_block *b = dm_add(x->d, DM_PARA, x->err);

	if (b == NULL)
		return WM_ETOOBIG;
	b->text = arena_printf(x->d->a, "sheet '%s'", name);
	b->flags = DMF_NOISE;
	b->why = "a hidden sheet, not read";
	b->where = b->text;
	return 0;
}

int
dm_read_xlsx(struct dm_doc *d, const char *data, size_t len, struct wm_err *err)
{
	struct xlsx x = { .d = d, .err = err, .out = { .d = d } };
	struct dmz z;
	const char *wb, *rels, *part;
	xmlDoc *doc = NULL;
	xmlNode *root, *sheets;
	int rc;

	d->format = DM_XLSX;
	if ((rc = dmz_open(&z, data, len, "the .xlsx", err)) != 0)
		return rc;
	wb = dmz_part(&z, d->a, "", "/officeDocument", "xl/workbook.xml", err);
	if ((rc = dmz_xml(&z, wb, &doc, err)) != 0) {
		if (rc == WM_ENOTFOUND)
			rc = wm_error(err, WM_EINVAL, "the .xlsx has no xl/workbook.xml, the part that "
			    "lists its sheets: it is damaged, or not an Excel workbook");
		goto out;
	}
	rels = dmz_rels_of(d->a, wb);
	root = xmlDocGetRootElement(doc);
	x.date1904 = dmx_attr_bool(dmx_child(root, DMX_S, "workbookPr"), DMX_ANY, "date1904", false);
	if ((rc = load_styles(&x, &z, dmz_part(&z, d->a, wb, "/styles", "xl/styles.xml",
	    err))) != 0)
		goto out;
	rc = dmz_walk(&z, dmz_part(&z, d->a, wb, "/sharedStrings", "xl/sharedStrings.xml", err),
	    sst_fn, &x, err);
	if (rc == WM_ENOTFOUND) {
		wm_err_clear(err);
		rc = 0;
	}
	if (rc != 0)
		goto out;
	d->title = dmb_title(d, dmz_title(&z, d->a, dmz_part(&z, d->a, "", "/core-properties",
	    "docProps/core.xml", err), NULL, err));
	sheets = dmx_child(root, DMX_S, "sheets");
	for (xmlNode *s = dmx_child(sheets, DMX_S, "sheet"); s && rc == 0; s = dmx_next(s, DMX_S, "sheet")) {
		const char *name = dmx_attr(s, DMX_ANY, "name"), *id = dmx_attr(s, DMX_R, "id");
		const char *state = dmx_attr(s, DMX_ANY, "state");

		name = name ? name : "";
		if (state != NULL && strcmp(state, "visible") != 0) {
			rc = hidden_sheet(&x, name);
			continue;
		}
		part = id ? dmz_rel(&z, d->a, rels, NULL, id, err) : NULL;
		/* a chart sheet, a dialog or a macro sheet has no cells to read */
		if (part == NULL || strstr(part, "chartsheets/") || strstr(part, "dialogsheets/") ||
		    strstr(part, "macrosheets/"))
			continue;
		rc = read_sheet(&x, &z, name, part);
	}
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	dmz_close(&z);
	return rc;
}
