/*
 * dm_textrow.c: tables whose rows run together on one line each, under a
 * header line of column names (what text copied from a PDF table or a
 * web dashboard looks like):
 *
 *   Summary Sub actions Deadline date Status Overall %
 *   AFI 1 - The service should ... 4 30 Sep 2023 Open - on track 68
 *
 * The header is split into column names (the longest known name at each
 * word; a word Waymark does not know is a column of values of its own,
 * or the start of the known name after it). Each column's name says what
 * it holds: a reference, text, a date, a status, a person, a few values.
 * Each row is then split where those fit best (one dynamic programme over
 * its words), so "4" lands in Sub actions, "30 Sep 2023" in Deadline date
 * and "Open - on track" in Status. A row may run over several lines (its
 * lines are joined), or a line may hold the end of one row and the start
 * of the next (split where the next reference comes after a full stop).
 */
#include "base/wm.h"

#include <ctype.h>
#include <float.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/tsc.h"
#include "import/dm_text_impl.h"
#include "import/vocab.h"

#define MAX_TOKENS 160
#define MAX_RCOLS 16
#define NONE (-1e9)

enum ctype { T_REF, T_TEXT, T_VALUES, T_DATE, T_DATEVAL, T_STATUS, T_NAME, T_NOTES, T_PRIORITY };

struct col {
	const char *name;
	enum ctype type;
};

struct tok {
	const char *s;
	size_t len;
};

/* The dynamic programme's tables, made once for a table (malloc'd, not in the arena). */
struct dp {
	double best[MAX_RCOLS + 1][MAX_TOKENS + 1];
	size_t from[MAX_RCOLS + 1][MAX_TOKENS + 1];
	char scratch[2048];	/* the words being fitted, not kept */
	struct tok tok[MAX_TOKENS];	/* a row's words */
};

/* Words from..to copied into the workspace (cut short if long): for testing, not keeping. */
static const char *
span_tmp(struct dp *w, const struct tok *t, size_t from, size_t to)
{
	size_t len;

	if (from >= to)
		return "";
	len = (size_t)(t[to - 1].s + t[to - 1].len - t[from].s);
	if (len >= sizeof(w->scratch))
		len = sizeof(w->scratch) - 1;
	memcpy(w->scratch, t[from].s, len);
	w->scratch[len] = '\0';
	return w->scratch;
}

static size_t
tokenize(struct arena *a, const char *s, struct tok *t, size_t max)
{
	size_t n = 0;

	(void)a;
	while (n < max && (t[n].s = tt_next_word(&s, &t[n].len)) != NULL)
		n++;
	return n;
}

static bool
tok_is(const struct tok *t, const char *w)
{
	return t->len == strlen(w) && strncasecmp(t->s, w, t->len) == 0;
}

static bool
num_tok(const struct tok *t)
{
	static const char *const words[] = { "n/a", "na", "tbc", "-", "nil", "new" };
	size_t digits = 0;

	for (size_t i = 0; i < WM_ARRAY_LEN(words); i++)
		if (tok_is(t, words[i]))
			return true;
	for (size_t i = 0; i < t->len; i++) {
		char c = t->s[i];

		if (isdigit((unsigned char)c))
			digits++;
		else if (c != ',' && c != '.' && c != '%' && !(i == 0 && (c == '-' || c == '+' ||
		    c == '<' || c == '>' || c == '\xC2')) && !((unsigned char)c == 0xA3 && i == 0))
			return false;
	}
	return digits > 0;
}

static bool
year_tok(const struct tok *t)
{
	return t->len == 4 && strspn(t->s, "0123456789") == 4 && (t->s[0] == '1' || t->s[0] == '2');
}

static bool
unit_tok(const struct tok *t)
{
	static const char *const words[] = { "per", "day", "days", "pa", "week", "weeks", "month",
		"months", "year", "years", "measure", "hours", "mins" };

	for (size_t i = 0; i < WM_ARRAY_LEN(words); i++)
		if (tok_is(t, words[i]))
			return true;
	return false;
}

static bool
arrow_tok(const struct tok *t)
{
	static const char *const arrows[] = { "\xE2\x86\x91", "\xE2\x86\x93", "\xE2\x86\x92",
		"\xE2\x86\x90", "\xE2\x86\x94", "\xE2\x96\xB2", "\xE2\x96\xBC", "\xE2\x87\xA7",
		"\xE2\x87\xA9", "\xE2\x86\x97", "\xE2\x86\x98" };

	for (size_t i = 0; i < WM_ARRAY_LEN(arrows); i++)
		if (t->len == strlen(arrows[i]) && memcmp(t->s, arrows[i], t->len) == 0)
			return true;
	return false;
}

static bool
rag_tok(const struct tok *t)
{
	return tok_is(t, "R") || tok_is(t, "A") || tok_is(t, "G") || tok_is(t, "red") ||
	    tok_is(t, "amber") || tok_is(t, "green") || tok_is(t, "RA") || tok_is(t, "AG");
}

/* The words a..b of the row, as one string. */
static char *
span(struct arena *a, const struct tok *t, size_t from, size_t to)
{
	if (from >= to)
		return arena_strdup(a, "");
	return arena_strndup(a, t[from].s, (size_t)(t[to - 1].s + t[to - 1].len - t[from].s));
}

static bool
ref_tokens(struct dp *w, const struct tok *t, size_t from, size_t to)
{
	const char *s = span_tmp(w, t, from, to);
	size_t n = strlen(s), digits = 0;

	if (n == 0 || n > 14)
		return false;
	for (const char *p = s; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!isalpha((unsigned char)*p) && *p != '.' && *p != ' ' && *p != '-')
			return false;
	}
	/* "5a", "1.2", "AFI 1", "R3": a number, perhaps a short code before it */
	return digits > 0 && isdigit((unsigned char)s[n - 1 - (isalpha((unsigned char)s[n - 1]) &&
	    n > 1 ? 1 : 0)]);
}

/* Can a time start with this word: a figure, a month, "early", "end", "Q3"? */
static bool
time_word(const struct tok *t)
{
	static const char *const words[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
		"sep", "oct", "nov", "dec", "early", "mid", "late", "end", "by", "spring", "summer",
		"autumn", "winter", "q1", "q2", "q3", "q4", "ongoing", "complete" };

	if (isdigit((unsigned char)t->s[0]))
		return true;
	for (size_t i = 0; i < WM_ARRAY_LEN(words); i++)
		if (t->len >= strlen(words[i]) && strncasecmp(t->s, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

/* How well words from..to fit a column of type ty: NONE if they cannot. */
static double
fit(struct dp *w, enum ctype ty, const struct tok *t, size_t from, size_t to, bool last)
{
	size_t n = to - from;

	if (n == 0)
		return ty == T_TEXT ? NONE : ty == T_NOTES ? 0 : -3;
	switch (ty) {
	case T_REF:
		return n <= 3 && ref_tokens(w, t, from, to) ? 8 : NONE;
	case T_TEXT:
		/* text does not end in the figures of the columns after it */
		if (!last && num_tok(&t[to - 1]) && !year_tok(&t[to - 1]))
			return 0.2 * (double)n - 1.5;
		return 0.2 * (double)n;
	case T_NOTES:
		return last ? 0.05 * (double)n : 0.1 * (double)n;
	case T_PRIORITY:
		if (n == 1 && (tok_is(&t[from], "H") || tok_is(&t[from], "M") || tok_is(&t[from], "L") ||
		    tok_is(&t[from], "high") || tok_is(&t[from], "medium") || tok_is(&t[from], "low")))
			return 6;
		return NONE;
	case T_VALUES:
		if (n > 16)
			return NONE;
		for (size_t i = from; i < to; i++)
			if (!num_tok(&t[i]) && !arrow_tok(&t[i]) && !(i > from && unit_tok(&t[i])))
				return NONE;
		return 5;
	case T_DATE:
	case T_DATEVAL: {
		struct timescale ts;
		const char *s;

		if (ty == T_DATEVAL && n == 1 && num_tok(&t[from]))
			return 7;
		if (n > 6 || !time_word(&t[from]))
			return NONE;
		s = span_tmp(w, t, from, to);
		tsc_parse(s, DATE_NONE, &ts);
		/* the whole of the words must be the time: "30 Sep 2023", not "Sep 2023 Open" */
		if (ts.earliest == DATE_NONE || !isdigit((unsigned char)s[strlen(s) - 1]))
			return NONE;
		return ty == T_DATEVAL ? 7 + 0.1 * (double)n : 9 + (double)n;
	}
	case T_STATUS: {
		const char *s = span_tmp(w, t, from, to);

		if (n == 1 && (rag_tok(&t[from]) || num_tok(&t[from])))
			return 7;
		if (n <= 10 && vocab_status_at(s) > 0 && !num_tok(&t[to - 1]))
			return 6 + 0.1 * (double)n;
		return NONE;
	}
	case T_NAME:
		if (n > 4)
			return NONE;
		for (size_t i = from; i < to; i++)
			if (!isupper((unsigned char)t[i].s[0]) || t[i].len < 2 || num_tok(&t[i]) ||
			    t[i].s[t[i].len - 1] == '.')
				return NONE;
		return n >= 2 ? 7 : 3;
	}
	return NONE;
}

/* Split a row's words among the columns; cuts[c] is where column c starts. */
static double
split_row(struct dp *w, const struct col *cols, size_t ncols, const struct tok *t, size_t n,
    size_t *cuts)
{
	double (*best)[MAX_TOKENS + 1] = w->best;
	size_t (*from)[MAX_TOKENS + 1] = w->from;

	for (size_t c = 0; c <= ncols; c++)
		for (size_t p = 0; p <= n; p++)
			best[c][p] = NONE;
	best[0][0] = 0;
	for (size_t c = 0; c < ncols; c++)
		for (size_t p = 0; p <= n; p++) {
			if (best[c][p] <= NONE / 2)
				continue;
			for (size_t q = p; q <= n; q++) {
				double f = fit(w, cols[c].type, t, p, q, c + 1 == ncols);

				if (f <= NONE / 2) {
					/* typed columns cannot grow once they stop fitting, mostly */
					if (cols[c].type != T_TEXT && cols[c].type != T_NOTES && q > p + 8)
						break;
					continue;
				}
				if (best[c][p] + f > best[c + 1][q]) {
					best[c + 1][q] = best[c][p] + f;
					from[c + 1][q] = p;
				}
			}
		}
	if (best[ncols][n] <= NONE / 2)
		return NONE;
	for (size_t c = ncols, p = n; c > 0; c--) {
		cuts[c - 1] = from[c][p];
		p = from[c][p];
	}
	return best[ncols][n];
}

static enum ctype
type_of(enum col_role r, const char *name)
{
	switch (r) {
	case COL_REF:
		return T_REF;
	case COL_TIMESCALE:
		/* "Target" may hold a date or a figure; "Deadline date" a date */
		return strncasecmp(name, "target", 6) == 0 && !vocab_has_word(name, "date") ?
		    T_DATEVAL : T_DATE;
	case COL_DATE:
		return T_DATE;
	case COL_STATUS:
		return T_STATUS;
	case COL_LEAD:
		return T_NAME;
	case COL_PRIORITY:
		return T_PRIORITY;
	case COL_OTHER:
		return T_VALUES;
	case COL_PROGRESS:
		return T_TEXT;
	default:
		return T_TEXT;
	}
}

/* Are words from..to a name a column goes by? (No allocation: this runs on every line.) */
static bool
is_name(const struct tok *t, size_t from, size_t to)
{
	char buf[160];
	size_t len = (size_t)(t[to - 1].s + t[to - 1].len - t[from].s);

	if (len >= sizeof(buf))
		return false;
	memcpy(buf, t[from].s, len);
	buf[len] = '\0';
	return vocab_is_column_name(buf);
}

/* "Deadline date", "Responsible officer": a known name and a word that only says more. */
static bool
header_tail(const struct tok *t)
{
	static const char *const tails[] = { "date", "dates", "%", "no", "no.", "officer", "ref" };

	for (size_t i = 0; i < WM_ARRAY_LEN(tails); i++)
		if (tok_is(t, tails[i]))
			return true;
	return false;
}

/*
 * The columns a header line names: at each word the longest known name
 * (of four words or fewer); a word before a one-word name joins it ("Sub"
 * + "actions"); other unknown words make a column of values.
 */
static size_t
header_cols(struct arena *a, const char *h, struct col *cols, size_t *known)
{
	struct tok t[64];
	size_t n = tokenize(a, h, t, 64), ncols = 0, p = 0, unknown_from = SIZE_MAX;

	*known = 0;
	while (p < n && ncols < MAX_RCOLS - 2) {
		size_t k;

		for (k = n - p < 4 ? n - p : 4; k > 0; k--)
			if (is_name(t, p, p + k) || (k >= 2 && header_tail(&t[p + k - 1]) &&
			    is_name(t, p, p + k - 1)))
				break;
		if (k == 0) {
			if (unknown_from == SIZE_MAX)
				unknown_from = p;
			p++;
			continue;
		}
		if (unknown_from != SIZE_MAX) {
			if (p - unknown_from == 1 && k == 1) {
				k += 1;
				p -= 1;
			} else {
				cols[ncols].name = span(a, t, unknown_from, p);
				cols[ncols++].type = T_VALUES;
			}
			unknown_from = SIZE_MAX;
		}
		cols[ncols].name = span(a, t, p, p + k);
		cols[ncols].type = type_of(vocab_column(cols[ncols].name, NULL), cols[ncols].name);
		if (vocab_column(cols[ncols].name, NULL) == COL_OTHER)
			cols[ncols].type = T_VALUES;
		else
			(*known)++;
		ncols++;
		p += k;
	}
	if (unknown_from != SIZE_MAX && ncols < MAX_RCOLS - 2) {
		cols[ncols].name = span(a, t, unknown_from, n);
		cols[ncols++].type = T_VALUES;
	}
	if (ncols > 0 && cols[ncols - 1].type == T_TEXT && vocab_column(cols[ncols - 1].name, NULL) ==
	    COL_PROGRESS)
		cols[ncols - 1].type = T_NOTES;
	return ncols;
}

/* A short line of a few capitalised words with no figures: a group's name. */
static bool
group_line(const char *s)
{
	size_t w = tt_words(s);

	if (w == 0 || w > 6 || strlen(s) > 60 || !isupper((unsigned char)s[0]))
		return false;
	for (; *s != '\0'; s++)
		if (isdigit((unsigned char)*s) || *s == '.')
			return false;
	return true;
}

static bool
starts_ref(struct dp *w, const char *s, struct tok *t, size_t *reflen)
{
	size_t n = tokenize(NULL, s, t, 3);

	for (size_t k = 1; k <= n && k <= 2; k++)
		if (ref_tokens(w, t, 0, k) && (k == n || !num_tok(&t[k]) || tok_is(&t[k], "-")) &&
		    !(k == 1 && strspn(t[0].s, "0123456789") > 3)) {
			*reflen = k;
			return n > k;
		}
	return false;
}

/* The number a reference starts with ("5a" is 5), or -1. */
static long
ref_number(const char *s)
{
	while (*s != '\0' && !isdigit((unsigned char)*s))
		s++;
	return isdigit((unsigned char)*s) ? strtol(s, NULL, 10) : -1;
}

/* A row's reference follows the one before: 4 after 3, 5a after 5, any after none. */
static bool
follows(long prev, const char *s)
{
	long n = ref_number(s);

	return prev < 0 || n == prev || n == prev + 1;
}

/*
 * "... at present. 5 Ensure the number ...": where the row numbered next
 * starts inside a line, after a full stop; NULL if it does not.
 */
static const char *
embedded_row(const char *s, long next)
{
	char num[24];
	size_t n;

	if (next < 0)
		return NULL;
	n = (size_t)snprintf(num, sizeof(num), "%ld ", next);
	for (const char *p = s; (p = strstr(p, ". ")) != NULL; p += 2)
		if (strncmp(p + 2, num, n) == 0 && isupper((unsigned char)p[2 + n]))
			return p + 2;
	return NULL;
}

struct rrow {
	const char *text;
	int line;
	bool group;
};

/* The cells of row r (its words split by cuts), into the table's row tr. */
static size_t
put_row(struct arena *a, struct dm_table *tb, size_t tr, const struct col *cols, size_t ncols,
    const struct tok *tok, size_t n, const size_t *cuts, size_t from_col)
{
	size_t filled = 0;

	for (size_t c = from_col; c < ncols; c++) {
		size_t end = c + 1 < ncols ? cuts[c + 1] : n;

		if (tb != NULL)
			dm_cell(tb, tr, c)->text = span(a, tok, cuts[c], end);
		filled += end > cuts[c] && cols[c].type != T_TEXT && cols[c].type != T_NOTES &&
		    cols[c].type != T_REF;
	}
	return filled;
}

/*
 * Split row r among the columns: 0 if it fits no split (its words then
 * stay whole in the text column), else how many columns other than text
 * it filled. With tb, the cells are written into its row tr.
 */
static size_t
split_into(struct dp *w, struct arena *a, const struct col *cols, size_t ncols,
    const struct rrow *row, struct tok *tok, struct dm_table *tb, size_t tr)
{
	size_t n = tokenize(a, row->text, tok, MAX_TOKENS), cuts[MAX_RCOLS];
	const char *e = vocab_link_end(row->text);

	/* "The public is kept safe (measure definition) % 24-hour...": the first cell ends there */
	if (e != NULL && ncols > 2 && cols[0].type != T_REF) {
		const char *open = strstr(row->text, "(");
		size_t k = 0;

		while (open > row->text && open[-1] == ' ')
			open--;
		while (k < n && tok[k].s < e)
			k++;
		if (split_row(w, cols + 1, ncols - 1, tok + k, n - k, cuts + 1) > NONE / 2) {
			if (tb != NULL)
				dm_cell(tb, tr, 0)->text = arena_strndup(a, row->text,
				    (size_t)(open - row->text));
			return put_row(a, tb, tr, cols, ncols, tok + k, n - k, cuts, 1);
		}
	}
	if (n == MAX_TOKENS || split_row(w, cols, ncols, tok, n, cuts) <= NONE / 2) {
		for (size_t c = 0; tb != NULL && c < ncols; c++)
			if (cols[c].type == T_TEXT) {
				dm_cell(tb, tr, c)->text = row->text;
				break;
			}
		return 0;
	}
	return put_row(a, tb, tr, cols, ncols, tok, n, cuts, 0);
}

static long
rows_table(struct tdoc *t, size_t i, struct dp *w, struct dm_table **out, struct wm_err *err)
{
	struct arena *a = t->d->a;
	struct col cols[MAX_RCOLS];
	struct tok *tok;
	struct rrow *rows = NULL;
	size_t rcap = 0;
	const char *head = NULL;
	size_t ncols, known, nrows = 0, j, hlines = 0, last = i, filled = 0;
	bool with_ref = false, checked = false;
	long prev_ref = -1;
	struct dm_table *tb;
	struct tok look[4];

	/* the header: a line, or a few short ones, of column names */
	for (j = i; j < t->n && j < i + 6 && !tt_blank(t, j) && !t->l[j].used; j++) {
		const char *s = t->l[j].text;
		size_t rl;

		if (tt_words(s) > 12 || strchr(s, '.') != NULL)
			break;
		/* a group's name over the first row is not the header's */
		if (j > i && group_line(s) && j + 1 < t->n && starts_ref(w, t->l[j + 1].text, look,
		    &rl))
			break;
		head = head ? arena_printf(a, "%s %s", head, s) : s;
		hlines++;
		if (tt_words(s) > 6)
			break;
	}
	if (head == NULL)
		return 0;
	ncols = header_cols(a, head, cols, &known);
	/* the header's words must be mostly names Waymark knows */
	if (known < 3 || ncols < 3)
		return 0;
	tok = w->tok;
	/* rows that start with a reference, though the header names none */
	for (j = i + hlines; j < t->n && j < i + hlines + 3 && cols[0].type != T_REF; j++) {
		size_t reflen;

		if (!tt_blank(t, j) && starts_ref(w, t->l[j].text, look, &reflen)) {
			with_ref = true;
			break;
		}
	}
	if (with_ref) {
		/* the reference and the text come first, though the header names neither */
		memmove(cols + 1, cols, ncols * sizeof(*cols));
		cols[0].name = "";
		cols[0].type = T_REF;
		ncols++;
		if (cols[1].type != T_TEXT && ncols < MAX_RCOLS) {
			memmove(cols + 2, cols + 1, (ncols - 1) * sizeof(*cols));
			cols[1].name = "";
			cols[1].type = T_TEXT;
			ncols++;
		}
	}
	for (j = i + hlines; j < t->n; j++) {
		const char *s = t->l[j].text;
		size_t reflen;

		rows = tt_grow(a, rows, &rcap, nrows + 2, sizeof(*rows));
		/* twenty rows with nothing but text: not a table of these columns */
		if (nrows >= 20 && !checked) {
			size_t good = 0;

			checked = true;
			for (size_t r = 0; r < nrows; r++)
				good += !rows[r].group && split_into(w, a, cols, ncols, &rows[r], tok, NULL,
				    0) > 0;
			if (good * 2 < nrows)
				return 0;
		}
		if (t->l[j].used)
			break;
		if (tt_blank(t, j)) {
			if (j + 1 < t->n && !tt_blank(t, j + 1) && (!with_ref ||
			    starts_ref(w, t->l[j + 1].text, look, &reflen)))
				continue;
			break;
		}
		if (with_ref && (!starts_ref(w, s, look, &reflen) || !follows(prev_ref, s))) {
			if (group_line(s) && (j + 1 >= t->n || starts_ref(w, t->l[j + 1].text, look,
			    &reflen))) {
				rows[nrows].text = s;
				rows[nrows].line = t->l[j].no;
				rows[nrows++].group = true;
				last = j;
				continue;
			}
			if (nrows == 0 || rows[nrows - 1].group)
				break;
			rows[nrows - 1].text = arena_printf(a, "%s %s", rows[nrows - 1].text, s);
			last = j;
			continue;
		}
		if (tt_words(s) < 4 && !with_ref)
			break;
		if (with_ref)
			prev_ref = ref_number(s);
		rows[nrows].text = s;
		rows[nrows].line = t->l[j].no;
		rows[nrows++].group = false;
		last = j;
	}
	/* rows that start inside the line before */
	for (size_t r = 0; with_ref && r < nrows; r++) {
		const char *e;

		if (rows[r].group || (e = embedded_row(rows[r].text, ref_number(rows[r].text) + 1)) == NULL)
			continue;
		rows = tt_grow(a, rows, &rcap, nrows + 2, sizeof(*rows));
		memmove(rows + r + 2, rows + r + 1, (nrows - r - 1) * sizeof(*rows));
		nrows++;
		rows[r + 1].text = e;
		rows[r + 1].line = rows[r].line;
		rows[r + 1].group = false;
		rows[r].text = arena_strndup(a, rows[r].text, (size_t)(e - rows[r].text - 1));
	}
	if (nrows == 0)
		return 0;
	/* a table only if the columns find something to hold in every row */
	{
		bool last_fits = true;

		for (size_t r = 0; r < nrows; r++) {
			bool f = rows[r].group || split_into(w, a, cols, ncols, &rows[r], tok, NULL, 0) > 0;

			filled += f;
			last_fits = f;
		}
		/* every row, but perhaps the last (cut off where the text ends), or three in four */
		if (filled + !last_fits < nrows && filled * 4 < nrows * 3)
			return 0;
		if (filled == 0)
			return 0;
	}
	if ((tb = dm_table_new(t->d, nrows + 1, ncols, err)) == NULL)
		return err->code;
	tb->head[0] = true;
	tb->row_pos[0] = t->l[i].no;
	for (size_t c = 0; c < ncols; c++)
		dm_cell(tb, 0, c)->text = cols[c].name;
	for (size_t r = 0; r < nrows; r++) {
		tb->row_pos[r + 1] = rows[r].line;
		if (rows[r].group) {
			dm_cell(tb, r + 1, 0)->text = rows[r].text;
			dm_cell(tb, r + 1, 0)->colspan = (int)ncols;
			for (size_t c = 1; c < ncols; c++)
				dm_cell(tb, r + 1, c)->colspan = dm_cell(tb, r + 1, c)->rowspan = 0;
			continue;
		}
		split_into(w, a, cols, ncols, &rows[r], tok, tb, r + 1);
	}
	for (j = i; j <= last; j++)
		t->l[j].used = true;
	*out = tb;
	return (long)(last - i + 1);
}

long
tt_rows(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err)
{
	struct tok first[16];
	size_t n, p;
	struct dp *w;
	long rc;

	*out = NULL;
	/* the header starts with a name Waymark knows: checked first, as this runs on every line */
	n = tokenize(NULL, t->l[i].text, first, 16);
	if (n == 0 || n > 12 || t->l[i].used)
		return 0;
	for (p = 0; p < n; p++)
		if (is_name(first, p, p + 1) || (p + 1 < n && is_name(first, p, p + 2)))
			break;
	if (p == n)
		return 0;
	/* a header is names, not a sentence: no "the", "will", "we" */
	for (p = 0; p < n; p++) {
		static const char *const prose[] = { "the", "will", "is", "are", "we", "our", "has",
			"have", "be", "this", "that", "which", "with", "was", "were", "it" };

		for (size_t k = 0; k < WM_ARRAY_LEN(prose); k++)
			if (tok_is(&first[p], prose[k]))
				return 0;
	}
	if ((w = malloc(sizeof(*w))) == NULL)
		return wm_error(err, WM_ETOOBIG, "out of memory reading a table");
	rc = rows_table(t, i, w, out, err);
	free(w);
	return rc;
}
