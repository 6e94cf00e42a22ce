/*
 * tsc.c: reading fuzzy timescales.
 *
 * The text is cut into words; runs of words that name a time ("mid
 * October", "31 March 02", "End of 2002/2003", "autumn", "Q2 2003") become
 * intervals; the answer spans them all, so "June/July" and "October 2004
 * March 2005" are ranges. A part without a year borrows one from a later
 * part of the same text ("May/June 2002"), else from the document's date.
 * Words around the times set the flags: ongoing, complete, uncertain ("?"),
 * conditional ("subject to"). "By X" runs from the document's date to X;
 * "within 3 months", "the financial year" and a deadline without a year
 * the document has passed ("by March" in November) count from its date.
 *
 * Anything not understood is skipped, not guessed at: text that names no
 * time Waymark can place comes back with empty dates and a reason.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/date.h"
#include "base/period.h"
#include "base/str.h"
#include "base/tsc.h"

#define MAX_WORDS 64
#define MAX_PARTS 8

enum wkind { W_WORD, W_NUM, W_SEP, W_QMARK };

struct word {
	enum wkind kind;
	char text[24];	/* lower-cased, truncated */
	int num;	/* W_NUM value */
	int digits;	/* W_NUM digit count */
};

/* A time named in the text; fields unknown are 0 until resolved. */
struct part {
	int year;		/* 0: not given */
	int m1, m2;		/* months 1-12; 0: whole year */
	int d1, d2;		/* days; 0: whole month(s) */
	int fy;			/* financial year start, or 0 */
	bool by;		/* "by X": a deadline */
	bool from;		/* "from X": no end */
	bool month_only;	/* borrowed month pending ("early - mid December") */
	bool given_year;	/* the year was written, not borrowed */
	int qualifier;		/* 1 early, 2 mid, 3 late/end, 4 beginning: narrows a month or year */
	bool approx;		/* "mid-2003", "early 2003": about that part of the year */
	bool before;		/* "before X": the day before a day */
	bool week;		/* "w/c 14 October": the week from that day */
	int doc_fy;		/* "the financial year": the document's, + (doc_fy - 1) */
	int within;		/* "within 3 months": days (+1 per unit) from the document's date */
	char within_unit;	/* 'd', 'w', 'm', 'y' */
};

static const char *const seasons[] = { "spring", "summer", "autumn", "fall", "winter" };

static int
month_word(const char *w)
{
	static const char *const abbr[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
		"sep", "oct", "nov", "dec" };

	for (int m = 0; m < 12; m++) {
		size_t n = strlen(date_month_names[m]);

		if (strncasecmp(w, date_month_names[m], n) == 0 && w[n] == '\0')
			return m + 1;
		if (strncmp(w, abbr[m], 3) == 0 && (w[3] == '\0' || (w[3] == 't' && m == 8 &&
		    w[4] == '\0') || (w[3] == '.' && w[4] == '\0')))
			return m + 1;
	}
	return 0;
}

static int
season_word(const char *w)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(seasons); i++)
		if (strcmp(w, seasons[i]) == 0)
			return (int)i + 1;
	return 0;
}

static int
qualifier_word(const char *w)
{
	if (strcmp(w, "early") == 0)
		return 1;
	if (strcmp(w, "mid") == 0 || strcmp(w, "middle") == 0)
		return 2;
	if (strcmp(w, "late") == 0 || strcmp(w, "end") == 0)
		return 3;
	if (strcmp(w, "beginning") == 0 || strcmp(w, "start") == 0)
		return 4;
	return 0;
}

/* Cut text into words, numbers, range separators and question marks. */
static size_t
tokenize(const char *text, struct word *w, size_t max)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n = 0;

	while (*p != '\0' && n < max) {
		struct word *t = &w[n];

		memset(t, 0, sizeof(*t));
		if (isalpha(*p)) {
			size_t len = 0;

			while (isalpha(*p) || *p == '.') {
				if (*p != '.' || isalpha(p[1]) || len == 3)
					if (len + 1 < sizeof(t->text))
						t->text[len++] = (char)tolower(*p);
				p++;
			}
			/* "Sept." keeps no dot; "i.e." becomes "ie" */
			while (len > 0 && t->text[len - 1] == '.')
				len--;
			t->text[len] = '\0';
			t->kind = W_WORD;
			n++;
		} else if (isdigit(*p)) {
			int v = 0, d = 0;

			while (isdigit(*p)) {
				if (d < 9)
					v = v * 10 + (*p - '0');
				d++;
				p++;
			}
			/* ordinal suffixes: 31st, 2nd, 3rd, 4th */
			if ((p[0] == 's' && p[1] == 't') || (p[0] == 'n' && p[1] == 'd') ||
			    (p[0] == 'r' && p[1] == 'd') || (p[0] == 't' && p[1] == 'h'))
				if (!isalpha(p[2]))
					p += 2;
			t->kind = W_NUM;
			t->num = v;
			t->digits = d;
			snprintf(t->text, sizeof(t->text), "%d", v);
			n++;
		} else if (*p == '-' || *p == '/' || *p == '&') {
			t->kind = W_SEP;
			t->text[0] = (char)*p;
			p++;
			n++;
		} else if (*p == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94)) {
			/* en and em dashes */
			t->kind = W_SEP;
			t->text[0] = '-';
			p += 3;
			n++;
		} else if (*p == '?') {
			t->kind = W_QMARK;
			p++;
			n++;
		} else {
			p++;
		}
	}
	return n;
}

static bool
is_word(const struct word *w, size_t n, size_t i, const char *s)
{
	return i < n && w[i].kind == W_WORD && strcmp(w[i].text, s) == 0;
}

static bool
any_word(const struct word *w, size_t n, const char *const *list, size_t nlist)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < nlist; k++)
			if (w[i].kind == W_WORD && strcmp(w[i].text, list[k]) == 0)
				return true;
	return false;
}

static bool
phrase(const struct word *w, size_t n, const char *a, const char *b)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (is_word(w, n, i, a) && is_word(w, n, i + 1, b))
			return true;
	return false;
}

static int
full_year(const struct word *t)
{
	if (t->digits == 4 && t->num >= 1900 && t->num <= 2199)
		return t->num;
	if (t->digits == 2)
		return t->num < 70 ? 2000 + t->num : 1900 + t->num;
	return 0;
}

/* A financial year at w[i]: "2002/2003", "2002/03", "2002-03". Returns words used. */
static size_t
fyear_at(const struct word *w, size_t n, size_t i, int *fy)
{
	int y, end;

	if (i + 2 >= n || w[i].kind != W_NUM || w[i].digits != 4 || w[i + 1].kind != W_SEP ||
	    w[i + 2].kind != W_NUM)
		return 0;
	if (w[i + 1].text[0] == '&')
		return 0;
	y = w[i].num;
	end = w[i + 2].num;
	if (y < 1900 || y > 2199)
		return 0;
	if ((w[i + 2].digits == 2 && end == (y + 1) % 100) ||
	    (w[i + 2].digits == 4 && end == y + 1) ||
	    (w[i + 2].digits == 1 && end == (y + 1) % 10)) {
		*fy = y;
		return 3;
	}
	return 0;
}

/* Quarter q (1-4) of the financial year starting in April of fy. */
static void
fy_quarter(struct part *p, int fy, int q)
{
	p->m1 = 4 + (q - 1) * 3;
	p->year = fy;
	if (p->m1 > 12) {
		p->m1 -= 12;
		p->year++;
	}
	p->m2 = p->m1 + 2;
}

/* "within 3 months", "within six weeks": at w[i]; the words used, or 0. */
static size_t
within_at(const struct word *w, size_t n, size_t i, struct part *p)
{
	static const char *const numbers[] = { "one", "two", "three", "four", "five", "six",
		"seven", "eight", "nine", "ten", "eleven", "twelve" };
	static const struct { const char *word; char unit; } units[] = {
		{ "day", 'd' }, { "days", 'd' }, { "week", 'w' }, { "weeks", 'w' },
		{ "month", 'm' }, { "months", 'm' }, { "year", 'y' }, { "years", 'y' },
	};
	size_t j = i + 1;
	int count = 0;

	if (!is_word(w, n, i, "within"))
		return 0;
	if (is_word(w, n, j, "the") && is_word(w, n, j + 1, "next"))
		j += 2;
	if (j < n && w[j].kind == W_NUM && w[j].num > 0 && w[j].num <= 1000)
		count = w[j].num;
	for (size_t k = 0; count == 0 && j < n && k < WM_ARRAY_LEN(numbers); k++)
		if (is_word(w, n, j, numbers[k]))
			count = (int)k + 1;
	if (count == 0 && (is_word(w, n, j, "a") || is_word(w, n, j, "one")))
		count = 1;
	if (count == 0)
		return 0;
	j++;
	for (size_t k = 0; k < WM_ARRAY_LEN(units); k++)
		if (is_word(w, n, j, units[k].word)) {
			memset(p, 0, sizeof(*p));
			p->within = count;
			p->within_unit = units[k].unit;
			return j + 1 - i;
		}
	return 0;
}

/* "w/c 14 October", "week commencing 14 October": at w[i]; the words before the date, or 0. */
static size_t
week_at(const struct word *w, size_t n, size_t i)
{
	if (is_word(w, n, i, "w") && i + 2 < n && w[i + 1].kind == W_SEP &&
	    w[i + 1].text[0] == '/' && is_word(w, n, i + 2, "c"))
		return 3;
	if (is_word(w, n, i, "wc") || is_word(w, n, i, "wb"))
		return 1;
	if (is_word(w, n, i, "week") && (is_word(w, n, i + 1, "commencing") ||
	    is_word(w, n, i + 1, "beginning") || is_word(w, n, i + 1, "starting")))
		return 2;
	return 0;
}

/*
 * Read one time starting at w[i] into *p; returns the number of words it
 * used, or 0 if there is none there.
 */
static size_t
read_part(const struct word *w, size_t n, size_t i, struct part *p)
{
	size_t j = i, used;
	int q = 0, m, s, fy;
	bool approx = false;

	memset(p, 0, sizeof(*p));
	/* "end of", "early", "mid-", "the beginning of" */
	if (j < n && w[j].kind == W_WORD && (q = qualifier_word(w[j].text)) != 0) {
		/* early, mid and late place a time roughly; end and beginning do not */
		approx = strcmp(w[j].text, "end") != 0 && strcmp(w[j].text, "beginning") != 0 &&
		    strcmp(w[j].text, "start") != 0;
		j++;
		if (is_word(w, n, j, "of"))
			j++;
		if (j < n && w[j].kind == W_SEP && w[j].text[0] == '-' && j + 1 < n &&
		    ((w[j + 1].kind == W_WORD && month_word(w[j + 1].text)) ||
		    (w[j + 1].kind == W_NUM && w[j + 1].digits == 4 && full_year(&w[j + 1]))))
			j++;	/* "mid-October", "mid-2003" */
	}
	/* "the financial year", "this financial year", "next financial year": the document's */
	{
		size_t k = j;
		int step = 0;

		if (is_word(w, n, k, "the") || is_word(w, n, k, "this") || is_word(w, n, k, "current"))
			k++;
		else if (is_word(w, n, k, "next"))
			k++, step = 1;
		if (is_word(w, n, k, "financial") && is_word(w, n, k + 1, "year")) {
			p->doc_fy = 1 + step;
			p->qualifier = q;
			return k + 2 - i;
		}
	}
	if ((used = fyear_at(w, n, j, &fy)) != 0) {
		p->fy = fy;
		p->qualifier = q;
		j += used;
		/* "2003/04 financial year" */
		if (is_word(w, n, j, "financial"))
			j++;
		return j - i;
	}
	/*
	 * quarter: "Q2 2003", "second quarter of 2002", "1st quarter 2003"; of a
	 * financial year, "Q1 2003/04" is April to June 2003
	 */
	if (j + 2 < n && is_word(w, n, j, "q") && w[j + 1].kind == W_NUM && w[j + 1].digits == 1 &&
	    w[j + 1].num >= 1 && w[j + 1].num <= 4) {
		if ((used = fyear_at(w, n, j + 2, &fy)) != 0) {
			fy_quarter(p, fy, w[j + 1].num);
			return j + 2 + used - i;
		}
		if (w[j + 2].kind == W_NUM && w[j + 2].digits == 4 && full_year(&w[j + 2])) {
			p->m1 = (w[j + 1].num - 1) * 3 + 1;
			p->m2 = p->m1 + 2;
			p->year = w[j + 2].num;
			return j + 3 - i;
		}
	}
	{
		static const char *const ords[] = { "first", "second", "third", "fourth" };
		int k = -1;

		for (int o = 0; o < 4; o++)
			if (is_word(w, n, j, ords[o]))
				k = o;
		/* "1st quarter": the ordinal as a number (its suffix is read away) */
		if (k < 0 && j < n && w[j].kind == W_NUM && w[j].digits == 1 && w[j].num >= 1 &&
		    w[j].num <= 4)
			k = w[j].num - 1;
		if (k >= 0 && is_word(w, n, j + 1, "quarter")) {
			size_t e = j + 2;

			if (is_word(w, n, e, "of"))
				e++;
			if ((used = fyear_at(w, n, e, &fy)) != 0) {
				fy_quarter(p, fy, k + 1);
				return e + used - i;
			}
			p->m1 = k * 3 + 1;
			p->m2 = p->m1 + 2;
			if (e < n && w[e].kind == W_NUM && full_year(&w[e])) {
				p->year = full_year(&w[e]);
				e++;
			}
			return e - i;
		}
	}
	/* Christmas: 25 December */
	if (is_word(w, n, j, "christmas") || is_word(w, n, j, "xmas")) {
		p->m1 = p->m2 = 12;
		p->d1 = p->d2 = 25;
		j++;
		if (j < n && w[j].kind == W_NUM && w[j].digits == 4 && full_year(&w[j]))
			p->year = w[j++].num;
		return j - i;
	}
	/* a season, with or without a year */
	if (j < n && w[j].kind == W_WORD && (s = season_word(w[j].text)) != 0) {
		static const int start[] = { 0, 3, 6, 9, 9, 12 };

		p->m1 = start[s];
		p->m2 = start[s] + 2;	/* winter: December to February, fixed below */
		p->qualifier = q;
		j++;
		if (j < n && w[j].kind == W_NUM && w[j].digits == 4 && full_year(&w[j]))
			p->year = w[j++].num;
		return j - i;
	}
	/* day month [year]: "31 March 02", "16 September" */
	if (j + 1 < n && w[j].kind == W_NUM && w[j].digits <= 2 && w[j].num >= 1 &&
	    w[j].num <= 31 && w[j + 1].kind == W_WORD && (m = month_word(w[j + 1].text)) != 0) {
		p->d1 = p->d2 = w[j].num;
		p->m1 = p->m2 = m;
		j += 2;
		if (j < n && w[j].kind == W_NUM && (w[j].digits == 4 || w[j].digits == 2) &&
		    full_year(&w[j]) && !(j + 1 < n && w[j + 1].kind == W_WORD &&
		    month_word(w[j + 1].text)))
			p->year = full_year(&w[j++]);
		return j - i;
	}
	/* month [day][,] [year]: "Dec 2002", "March 31st 2002", "September 02", "July" */
	if (j < n && w[j].kind == W_WORD && (m = month_word(w[j].text)) != 0) {
		p->m1 = p->m2 = m;
		p->qualifier = q;
		j++;
		if (j + 1 < n && w[j].kind == W_NUM && w[j].digits <= 2 && w[j].num >= 1 &&
		    w[j].num <= 31 && w[j + 1].kind == W_NUM && w[j + 1].digits == 4) {
			p->d1 = p->d2 = w[j].num;
			j++;
		}
		if (j < n && w[j].kind == W_NUM && (w[j].digits == 4 || w[j].digits == 2) &&
		    full_year(&w[j]) && !(j + 1 < n && w[j + 1].kind == W_SEP &&
		    w[j + 1].text[0] == '/'))
			p->year = full_year(&w[j++]);
		return j - i;
	}
	/* a qualifier alone, before a range: "Early - mid December" */
	if (q != 0 && j < n && w[j].kind == W_SEP) {
		p->qualifier = q;
		p->month_only = true;
		return j - i;
	}
	/* a year: "end of 2002", "2003", "mid-2003" (about May to August) */
	if (j < n && w[j].kind == W_NUM && w[j].digits == 4 && full_year(&w[j]) &&
	    !(j + 1 < n && w[j + 1].kind == W_SEP && w[j + 1].text[0] == '/')) {
		p->year = w[j].num;
		p->qualifier = q;
		p->approx = approx;
		return j + 1 - i;
	}
	return 0;
}

/* Numeric dates: "31/03/2002", "2002-03-31", "31.03.02". */
static bool
numeric_date(const char *s, int *day)
{
	int a, b, c;
	char sep1, sep2;

	if (date_parse_iso(s, day) == 0)
		return true;
	if (sscanf(s, "%d%c%d%c%d", &a, &sep1, &b, &sep2, &c) == 5 && sep1 == sep2 &&
	    (sep1 == '/' || sep1 == '.')) {
		if (c < 100)
			c = c < 70 ? 2000 + c : 1900 + c;
		if (date_valid_ymd(c, b, a)) {
			*day = date_from_ymd(c, b, a);
			return true;
		}
	}
	return false;
}

/* The interval a resolved part stands for. */
static void
part_interval(const struct part *p, int *first, int *last)
{
	int y = p->year, m1 = p->m1, m2 = p->m2;

	if (p->fy != 0) {
		*first = date_from_ymd(p->fy, 4, 1);
		*last = date_from_ymd(p->fy + 1, 3, 31);
		if (p->qualifier == 3) {	/* end of the year: March */
			*first = date_from_ymd(p->fy + 1, 3, 1);
		} else if (p->qualifier == 1 || p->qualifier == 4) {
			*last = date_from_ymd(p->fy, 6, 30);
		}
		return;
	}
	if (m1 == 0) {		/* a whole year, perhaps qualified */
		m1 = 1;
		m2 = 12;
		if (p->qualifier == 1 || p->qualifier == 4)
			m2 = 4;
		else if (p->qualifier == 2)
			m1 = 5, m2 = 8;
		else if (p->qualifier == 3)
			m1 = 12;
		*first = date_from_ymd(y, m1, 1);
		*last = date_from_ymd(y, m2, date_days_in_month(y, m2));
		return;
	}
	if (p->d1 != 0) {
		int d = p->d1 <= date_days_in_month(y, m1) ? p->d1 : date_days_in_month(y, m1);

		*first = *last = date_from_ymd(y, m1, d);
		return;
	}
	*first = date_from_ymd(y, m1, 1);
	if (m2 > 12)	/* winter runs into the next year */
		*last = date_from_ymd(y + 1, m2 - 12, date_days_in_month(y + 1, m2 - 12));
	else
		*last = date_from_ymd(y, m2, date_days_in_month(y, m2));
	if (m1 == m2 && p->qualifier != 0) {
		int end = date_days_in_month(y, m1);

		switch (p->qualifier) {
		case 1: case 4: *last = date_from_ymd(y, m1, 10); break;
		case 2: *first = date_from_ymd(y, m1, 11); *last = date_from_ymd(y, m1, 20); break;
		case 3: *first = date_from_ymd(y, m1, 21); *last = date_from_ymd(y, m1, end); break;
		}
	}
}

/* The days a "within N units" part spans from the document's date. */
static void
within_interval(const struct part *p, int doc_date, int *first, int *last)
{
	int y, m, d;

	*first = doc_date;
	switch (p->within_unit) {
	case 'd':
		*last = doc_date + p->within;
		return;
	case 'w':
		*last = doc_date + 7 * p->within;
		return;
	default:
		date_to_ymd(doc_date, &y, &m, &d);
		m += p->within_unit == 'y' ? 12 * p->within : p->within;
		y += (m - 1) / 12;
		m = (m - 1) % 12 + 1;
		if (d > date_days_in_month(y, m))
			d = date_days_in_month(y, m);
		*last = date_from_ymd(y, m, d);
	}
}

static void
set_flags(const struct word *w, size_t n, const char *text, struct timescale *out)
{
	static const char *const ongoing[] = { "ongoing", "continuing", "continuous", "regularly",
		"regular", "continual", "underway", "annually", "monthly", "quarterly" };
	static const char *const complete[] = { "complete", "completed", "done", "achieved",
		"implemented", "finished" };
	static const char *const uncertain[] = { "tbc", "tba", "provisional", "provisionally",
		"possibly", "probably", "approx", "approximately", "around", "estimated", "likely" };
	static const char *const conditional[] = { "if", "once", "provided", "providing",
		"dependent", "depends", "depending", "unless", "conditional", "when", "whenever" };

	out->ongoing = any_word(w, n, ongoing, WM_ARRAY_LEN(ongoing)) ||
	    phrase(w, n, "under", "way") || phrase(w, n, "in", "progress");
	out->complete = any_word(w, n, complete, WM_ARRAY_LEN(complete)) &&
	    !phrase(w, n, "to", "be") && !phrase(w, n, "be", "completed");
	for (size_t i = 0; i < n; i++)
		if (w[i].kind == W_QMARK)
			out->uncertain = true;
	if (any_word(w, n, uncertain, WM_ARRAY_LEN(uncertain)) ||
	    strstr(text, "to be confirmed") != NULL)
		out->uncertain = true;
	out->conditional = any_word(w, n, conditional, WM_ARRAY_LEN(conditional)) ||
	    phrase(w, n, "subject", "to");
}

void
tsc_parse(const char *text, int doc_date, struct timescale *out)
{
	struct word w[MAX_WORDS];
	struct part parts[MAX_PARTS];
	size_t n, np = 0, i;
	int doc_year = 0, dm, dd, first = DATE_NONE, last = DATE_NONE, day;
	bool by = false, from = false, before = false;
	char buf[128];

	*out = (struct timescale){ DATE_NONE, DATE_NONE, false, false, false, false, NULL, false };
	if (text == NULL || str_is_blank(text)) {
		out->why = "no timescale given";
		return;
	}
	if (doc_date != DATE_NONE)
		date_to_ymd(doc_date, &doc_year, &dm, &dd);
	wm_strlcpy(buf, text, sizeof(buf));
	if (numeric_date(str_trim(buf), &day)) {
		out->earliest = out->latest = day;
		return;
	}
	n = tokenize(text, w, MAX_WORDS);
	set_flags(w, n, text, out);
	for (i = 0; i < n && np < MAX_PARTS;) {
		size_t used = within_at(w, n, i, &parts[np]), wk = week_at(w, n, i);

		if (used == 0 && wk > 0 && (used = read_part(w, n, i + wk, &parts[np])) != 0) {
			/* a week from the day named */
			if (parts[np].d1 != 0)
				parts[np].week = true;
			used += wk;
		}
		if (used == 0)
			used = read_part(w, n, i, &parts[np]);
		if (used == 0) {
			/* "by", "before", "no later than" make the next time a deadline */
			if (is_word(w, n, i, "by") || is_word(w, n, i, "before") ||
			    is_word(w, n, i, "until") || is_word(w, n, i, "till"))
				by = true;
			before = is_word(w, n, i, "before");
			if (is_word(w, n, i, "from") || is_word(w, n, i, "onwards") ||
			    is_word(w, n, i, "after"))
				from = true;
			/* a day number before a month range: "16 - 17 September" is not read */
			i++;
			continue;
		}
		parts[np].by = by;
		parts[np].before = before;
		parts[np].from = from;
		by = from = before = false;
		i += used;
		np++;
	}
	/* "Early - mid December": a lone qualifier takes the month that follows. */
	for (i = 0; i + 1 < np; i++)
		if (parts[i].month_only) {
			parts[i].m1 = parts[i].m2 = parts[i + 1].m1;
			parts[i].year = parts[i + 1].year;
			parts[i].month_only = false;
		}
	for (i = 0; i < np; i++)
		if (parts[i].month_only)
			parts[i] = parts[--np];
	if (np == 0) {
		if (out->ongoing || out->complete)
			return;
		out->why = "names no date or period Waymark can place";
		return;
	}
	/* Times that count from the document: "the financial year", "within 3 months". */
	for (i = 0; i < np; i++) {
		if (!parts[i].doc_fy && !parts[i].within)
			continue;
		if (doc_date == DATE_NONE) {
			out->why = "counts from the document's date, which is not known";
			return;
		}
		if (parts[i].doc_fy)
			parts[i].fy = date_fy_start_year(doc_date) + parts[i].doc_fy - 1;
	}
	/* A part with no year borrows the next one's that was written, then the document's. */
	for (i = 0; i < np; i++) {
		parts[i].given_year = parts[i].year != 0;
		if (parts[i].given_year || (parts[i].fy != 0 && !parts[i].doc_fy))
			out->year_named = true;
	}
	for (i = np; i-- > 0;) {
		if (parts[i].year != 0 || parts[i].fy != 0 || parts[i].within)
			continue;
		for (size_t k = i + 1; k < np; k++)
			if (parts[k].given_year) {
				parts[i].year = parts[k].year;
				/* "November - January 2003": November is the year before */
				if (parts[i].m1 > parts[k].m1 && parts[k].m1 != 0)
					parts[i].year--;
				break;
			}
		if (parts[i].year == 0)
			parts[i].year = doc_year;
		if (parts[i].year == 0) {
			out->why = "names no year, and the document's date is not known";
			out->earliest = out->latest = DATE_NONE;
			return;
		}
	}
	for (i = 0; i < np; i++) {
		int f, l;

		/* a range that runs backwards across the new year: "December - January" */
		if (i > 0 && parts[i].fy == 0 && parts[i - 1].fy == 0 && !parts[i].given_year &&
		    !parts[i - 1].given_year && parts[i].year == parts[i - 1].year &&
		    parts[i].m1 != 0 && parts[i].m1 < parts[i - 1].m1)
			parts[i].year++;
		if (parts[i].within) {
			within_interval(&parts[i], doc_date, &f, &l);
		} else {
			part_interval(&parts[i], &f, &l);
			/* a deadline without a year that the document has passed is next year's */
			if (parts[i].by && !parts[i].given_year && parts[i].fy == 0 &&
			    doc_date != DATE_NONE && l < doc_date) {
				parts[i].year++;
				part_interval(&parts[i], &f, &l);
			}
		}
		if (parts[i].week)
			l = f + 6;
		/* before a day is up to the day before it */
		if (parts[i].before && parts[i].d1 != 0 && !parts[i].week && f == l)
			f = l = f - 1;
		if (parts[i].approx)
			out->uncertain = true;
		if (parts[i].by && doc_date != DATE_NONE && doc_date < l)
			f = doc_date;
		if (first == DATE_NONE || f < first)
			first = f;
		if (last == DATE_NONE || l > last)
			last = l;
		if (parts[i].from && np == 1)
			last = DATE_NONE;
	}
	out->earliest = first;
	out->latest = last;
	if (last == DATE_NONE)
		out->ongoing = true;
}

void
tsc_parse_next(const char *text, int *running, int *base, struct timescale *out)
{
	struct timescale later;

	*base = *running;
	tsc_parse(text, *base, out);
	/* more than two months before the step before: a year later, if that reads better */
	if (*base != DATE_NONE && out->earliest != DATE_NONE && *base - out->earliest > 62) {
		tsc_parse(text, *base + 365, &later);
		if (later.earliest != out->earliest && later.earliest != DATE_NONE &&
		    later.earliest + 62 >= *base) {
			*base += 365;
			*out = later;
		}
	}
	if (out->earliest != DATE_NONE && (*running == DATE_NONE || out->earliest > *running))
		*running = out->earliest;
}

bool
tsc_parse_steps(const char *const *texts, size_t n, int doc_date, int *bases,
    struct timescale *out)
{
	int running = doc_date, base, last_named = DATE_NONE, last = DATE_NONE, rolls = 0, back = 0;
	bool ordered = true;

	/*
	 * The steps that name their year say whether the list is in order; the
	 * others, read in the document's year, go back at most once in a
	 * timetable in order, over the new year.
	 */
	for (size_t i = 0; i < n && ordered; i++) {
		tsc_parse(texts[i], doc_date, &out[i]);
		bases[i] = doc_date;
		if (out[i].earliest != DATE_NONE && !out[i].year_named) {
			if (last != DATE_NONE && out[i].earliest + 62 < last && ++back > 1)
				ordered = false;
			last = out[i].earliest;
		}
		if (!out[i].year_named || out[i].earliest == DATE_NONE)
			continue;
		if (last_named != DATE_NONE && out[i].earliest + 62 < last_named)
			ordered = false;
		if (last_named == DATE_NONE || out[i].earliest > last_named)
			last_named = out[i].earliest;
	}
	if (!ordered) {
		for (size_t i = 0; i < n; i++) {
			tsc_parse(texts[i], doc_date, &out[i]);
			bases[i] = doc_date;
		}
		return false;
	}
	/* read in order; a list that passes the new year twice is not a timetable in order */
	for (size_t i = 0; i < n; i++) {
		struct timescale plain;

		tsc_parse(texts[i], doc_date, &plain);
		tsc_parse_next(texts[i], &running, &base, &out[i]);
		bases[i] = base;
		if (!plain.year_named && plain.earliest != DATE_NONE && out[i].earliest != DATE_NONE &&
		    out[i].earliest - plain.earliest > 300)
			rolls = (out[i].earliest - plain.earliest) / 365 > rolls ?
			    (out[i].earliest - plain.earliest) / 365 : rolls;
	}
	if (rolls <= 1)
		return true;
	for (size_t i = 0; i < n; i++) {
		tsc_parse(texts[i], doc_date, &out[i]);
		bases[i] = doc_date;
	}
	return false;
}
