/*
 * figcsv.c: performance figures and targets from CSV, streamed.
 *
 * Long format, one figure a row, with a header naming the columns in any
 * order: pi, unit, period, value, and optionally flag, note, numerator,
 * denominator (figures) or tolerance, note, numerator, denominator (a ratio
 * target's counts: targets). A file is targets if
 * its header says "target" or "tolerance" (or the caller says so).
 *
 * The file is read in chunks through libcsv and never held whole, so ten
 * million rows need no more memory than the figures' arrays. Every row that
 * cannot be taken is reported with its row number and why; by default one
 * such row means nothing is imported, with --partial the good rows are.
 */
#include "base/wm.h"

#include <csv.h>
#include <ctype.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/str.h"
#include "import/figcsv.h"
#include "model/ent.h"
#include "model/measure.h"

#define MAX_UNREAD_LISTED 1000
#define MAX_FIELD 4096

enum col { K_PI, K_UNIT, K_PERIOD, K_VALUE, K_FLAG, K_NOTE, K_NUM, K_DEN, K_TOL, K__MAX };

static const char *const col_names[K__MAX] = { "pi", "unit", "period", "value", "flag", "note",
	"numerator", "denominator", "tolerance" };

struct csvimp {
	struct wm_ctx *ctx;
	const struct import_opts *opts;
	const char *file;
	bool targets;
	int col_of[32];		/* header position -> enum col, or -1 */
	size_t ncols;
	bool header_done;
	char *field[K__MAX];	/* this row's fields */
	size_t len[K__MAX];	/* and their lengths, known when copied: no strlen per field */
	bool have[K__MAX];
	size_t fieldno;
	long row;		/* rows seen, the header being 1 */
	int64_t rejected, taken;
	json_t *unread;
	struct meas_writer *w;
	int fatal;		/* an error that is not one row's fault */
	struct wm_err *err;
	struct wm_err why;	/* a row's error: here, not zeroed afresh on every row */
	/*
	 * A byte above 0x7F has been read: from then on each row's text is
	 * checked as UTF-8. Until then every field is ASCII, so valid, and a
	 * file of plain figures is never looked at a second time.
	 */
	bool high;
};

static bool
header_name(const char *s, enum col *c)
{
	char low[32];
	size_t n = 0;

	for (; *s != '\0' && n + 1 < sizeof(low); s++)
		if (!isspace((unsigned char)*s))
			low[n++] = (char)tolower((unsigned char)*s);
	low[n] = '\0';
	for (int k = 0; k < K__MAX; k++)
		if (strcmp(low, col_names[k]) == 0) {
			*c = (enum col)k;
			return true;
		}
	if (strcmp(low, "target") == 0 || strcmp(low, "figure") == 0) {
		*c = K_VALUE;
		return true;
	}
	if (strcmp(low, "indicator") == 0 || strcmp(low, "code") == 0) {
		*c = K_PI;
		return true;
	}
	return false;
}

bool
figcsv_claims(const char *head, size_t len, bool *targets)
{
	char line[512];
	size_t n = 0, i = 0;
	bool seen[K__MAX] = { false };

	/* the first line, without a BOM */
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < len && head[i] != '\n' && head[i] != '\r' && n + 1 < sizeof(line); i++)
		line[n++] = head[i];
	line[n] = '\0';
	*targets = false;
	for (char *p = line, *f; p != NULL; p = f) {
		enum col c;
		char *q;

		f = strchr(p, ',');
		if (f != NULL)
			*f++ = '\0';
		/* strip quotes around a header name */
		q = str_trim(p);
		if (*q == '"' && strlen(q) >= 2 && q[strlen(q) - 1] == '"') {
			q[strlen(q) - 1] = '\0';
			q++;
		}
		if (header_name(q, &c))
			seen[c] = true;
		if (strcasecmp(q, "target") == 0 || strcasecmp(q, "tolerance") == 0)
			*targets = true;
	}
	return seen[K_PI] && seen[K_UNIT] && seen[K_PERIOD] && seen[K_VALUE];
}

static void
reject(struct csvimp *c, const char *why)
{
	struct buf text = BUF_INIT;

	c->rejected++;
	if (json_array_size(c->unread) >= MAX_UNREAD_LISTED)
		return;
	for (int k = 0; k < K__MAX; k++)
		if (c->have[k])
			buf_addf(&text, "%s%s=%s", text.len ? ", " : "", col_names[k],
			    utf8_valid(c->field[k], strlen(c->field[k])) ? c->field[k] :
			    "(not UTF-8 text)");
	json_array_append_new(c->unread, json_pack("{s:I, s:s, s:s}", "line", (json_int_t)c->row,
	    "text", buf_str(&text), "why", why));
	buf_release(&text);
}

static bool
number(struct csvimp *c, enum col k, double *v, const char *what)
{
	char why[160];

	if (str_to_double(c->field[k], v) == 0)
		return true;
	snprintf(why, sizeof(why), "%s \"%.60s\" is not a number", what, c->field[k]);
	reject(c, why);
	return false;
}

static void
take_header(struct csvimp *c)
{
	bool seen[K__MAX] = { false };
	struct buf missing = BUF_INIT;

	c->header_done = true;
	/* columns past the first 32 are never ours: on_field does not record them */
	for (size_t i = 0; i < c->ncols && i < WM_ARRAY_LEN(c->col_of); i++)
		if (c->col_of[i] >= 0)
			seen[c->col_of[i]] = true;
	for (int k = K_PI; k <= K_VALUE; k++)
		if (!seen[k])
			buf_addf(&missing, "%s%s", missing.len ? ", " : "", col_names[k]);
	if (missing.len > 0)
		c->fatal = wm_error(c->err, WM_EINVAL, "%s: the header has no %s column (it needs pi, "
		    "unit, period and value)", c->file, buf_str(&missing));
	buf_release(&missing);
}

static void
take_row(struct csvimp *c)
{
	struct meas_row r = { 0 };
	int changed, rc;

	if (!c->have[K_PI] || !c->have[K_UNIT] || !c->have[K_PERIOD]) {
		reject(c, "the row has fewer cells than the header");
		return;
	}
	/* text that is not UTF-8 would be stored and shown as nothing: say so, with the line */
	for (int k = 0; c->high && k < K__MAX; k++)
		if (c->have[k] && !utf8_valid(c->field[k], c->len[k])) {
			reject(c, "the line is not UTF-8 text: save the file as \"CSV UTF-8\" and import "
			    "it again");
			return;
		}
	r.pi = c->field[K_PI];
	r.unit = c->field[K_UNIT];
	r.period = c->field[K_PERIOD];
	r.flag = c->have[K_FLAG] && *c->field[K_FLAG] ? c->field[K_FLAG] : NULL;
	r.note = c->have[K_NOTE] && *c->field[K_NOTE] ? c->field[K_NOTE] : NULL;
	if (c->have[K_VALUE] && *c->field[K_VALUE] != '\0') {
		if (!number(c, K_VALUE, &r.value, "value"))
			return;
		r.has_value = true;
	}
	if (c->have[K_NUM] && *c->field[K_NUM] != '\0' && c->have[K_DEN] && *c->field[K_DEN] != '\0') {
		if (!number(c, K_NUM, &r.numerator, "numerator") ||
		    !number(c, K_DEN, &r.denominator, "denominator"))
			return;
		r.has_ratio = true;
	}
	if (c->have[K_TOL] && *c->field[K_TOL] != '\0') {
		if (!number(c, K_TOL, &r.tolerance, "tolerance"))
			return;
		r.has_tolerance = true;
	}
	c->why.code = 0;
	c->why.msg[0] = '\0';
	rc = meas_writer_put(c->w, &r, &changed, &c->why);
	if (rc == 0) {
		c->taken++;
		return;
	}
	if (rc == WM_EINVAL || rc == WM_ENOTFOUND || rc == WM_EEXIST)
		reject(c, c->why.msg);
	else if (c->fatal == 0)
		c->fatal = wm_error(c->err, rc, "%s: row %ld: %s", c->file, c->row, c->why.msg);
}

/* isspace in the C locale, without a call per byte of a 10-million-row file */
static inline bool
is_space(unsigned char ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

/* libcsv: one field of the current row. */
static void
on_field(void *data, size_t len, void *arg)
{
	struct csvimp *c = arg;
	const unsigned char *text = data;
	size_t i = c->fieldno++;
	char *f;

	if (c->fatal)
		return;
	if (!c->header_done) {
		enum col k;
		char name[64];

		snprintf(name, sizeof(name), "%.*s", (int)(len < 63 ? len : 63), (const char *)data);
		if (i < WM_ARRAY_LEN(c->col_of))
			c->col_of[i] = header_name(str_trim(name), &k) ? (int)k : -1;
		c->ncols = i + 1;
		return;
	}
	if (i >= c->ncols || i >= WM_ARRAY_LEN(c->col_of) || c->col_of[i] < 0)
		return;
	/* trimmed while copied: str_trim after would walk every field twice more */
	while (len > 0 && is_space(*text)) {
		text++;
		len--;
	}
	while (len > 0 && is_space(text[len - 1]))
		len--;
	f = c->field[c->col_of[i]];
	if (len >= MAX_FIELD) {
		len = MAX_FIELD - 1;
		/* cut at a character, not inside one: take_row tells text that is not UTF-8 */
		while (len > 0 && (text[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(f, text, len);
	f[len] = '\0';
	c->len[c->col_of[i]] = len;
	c->have[c->col_of[i]] = true;
}

/* Has any of the n bytes at p its top bit set? Eight at a time. */
static bool
any_high(const unsigned char *p, size_t n)
{
	uint64_t bits = 0, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		bits |= w;
	}
	for (; i < n; i++)
		bits |= p[i];
	return (bits & UINT64_C(0x8080808080808080)) != 0;
}

/* libcsv: the end of a row. */
static void
on_row(int term, void *arg)
{
	struct csvimp *c = arg;

	(void)term;
	c->row++;
	if (!c->fatal) {
		if (!c->header_done)
			take_header(c);
		else if (c->fieldno > 1 || (c->fieldno == 1 && c->have[K_PI] && *c->field[K_PI]))
			take_row(c);
	}
	c->fieldno = 0;
	memset(c->have, 0, sizeof(c->have));
}

int
figcsv_read(struct wm_ctx *ctx, const char *file, FILE *in, uint64_t size,
    const struct import_opts *opts, bool targets, json_t *report, struct wm_err *err)
{
	struct csv_parser p;
	struct csvimp c = { 0 };
	char buf[65536];
	uint64_t done = 0, next_report = 1 << 20;
	size_t n;
	int rc = 0;

	c.ctx = ctx;
	c.opts = opts;
	c.file = file;
	c.targets = targets;
	c.unread = json_object_get(report, "unread");
	c.err = err;
	for (int k = 0; k < K__MAX; k++)
		c.field[k] = wm_calloc(1, MAX_FIELD);
	if (csv_init(&p, CSV_APPEND_NULL) != 0) {
		rc = wm_error(err, WM_EINTERNAL, "cannot start the CSV reader");
		goto out;
	}
	csv_set_space_func(&p, NULL);
	json_array_append_new(json_object_get(report, "kinds"), json_string(targets ? "targets" :
	    "measurements"));
	if ((rc = meas_writer_open(ctx, targets ? MEAS_TARGETS : MEAS_MEASUREMENTS, file, &c.w,
	    err)) != 0)
		goto out_parser;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0 && !c.fatal) {
		size_t skip = 0;

		/* Excel's "CSV UTF-8" begins with a byte-order mark: not part of the first name */
		if (done == 0 && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			skip = 3;
		/* before the fields it holds are taken */
		if (!c.high)
			c.high = any_high((const unsigned char *)buf + skip, n - skip);
		if (csv_parse(&p, buf + skip, n - skip, on_field, on_row, &c) != n - skip) {
			rc = wm_error(err, WM_EINVAL, "%s: row %ld: %s", file, c.row + 1,
			    csv_strerror(csv_error(&p)));
			goto out_writer;
		}
		done += n;
		if (opts->progress != NULL && done >= next_report) {
			opts->progress(opts->progress_arg, done, size);
			next_report = done + (1 << 20);
		}
	}
	if (ferror(in)) {
		rc = wm_error(err, WM_EIO, "%s: %s", file, strerror(errno));
		goto out_writer;
	}
	csv_fini(&p, on_field, on_row, &c);
	if (opts->progress != NULL && size > 0)
		opts->progress(opts->progress_arg, size, size);
	if (c.fatal) {
		rc = c.fatal;
		goto out_writer;
	}
	if (!c.header_done) {
		rc = wm_error(err, WM_EINVAL, "%s: empty: expected a header of pi, unit, period, value",
		    file);
		goto out_writer;
	}
	if (c.rejected > (int64_t)json_array_size(c.unread))
		json_object_set_new(report, "unread_not_listed",
		    json_integer(c.rejected - (json_int_t)json_array_size(c.unread)));
	if (c.rejected > 0 && !opts->partial) {
		rc = wm_error(err, WM_EINVAL, "%s: %lld of %lld rows could not be taken, so nothing was "
		    "imported (--partial imports the good rows)", file, (long long)c.rejected,
		    (long long)(c.rejected + c.taken));
		goto out_writer;
	}
	{
		json_t *summary = json_object();

		rc = meas_writer_close(c.w, summary, err);
		c.w = NULL;
		if (rc == 0)
			import_report_counts(report, summary);
		json_decref(summary);
	}
out_writer:
	meas_writer_free(c.w);
out_parser:
	csv_free(&p);
out:
	for (int k = 0; k < K__MAX; k++)
		free(c.field[k]);
	return rc;
}
