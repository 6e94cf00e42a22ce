/*
 * docimp.c: reading a planning paper as a whole (see docimp.h).
 *
 * One pass over the lines after finding the title and the date: tables go
 * to doctable.c; a sentence that introduces goals or priorities, followed
 * by bullets, is a list; "Priority 2: ..." names the priority whose key
 * actions follow; "Date Action" starts a timetable of date lines each
 * followed by its action; a line starting with a footnote mark is a
 * footnote, attached to the key actions that carry the mark. Everything
 * else is reported as not read, with the reason.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "base/tsc.h"
#include "import/docimp_impl.h"
#include "import/text.h"
#include "import/vocab.h"

void
scan_add(struct scan *s, const char *kind, json_t *rec)
{
	json_t *arr = json_object_get(s->data, kind);

	if (arr == NULL) {
		arr = json_array();
		json_object_set_new(s->data, kind, arr);
	}
	json_array_append_new(arr, rec);
}

void
scan_found(struct scan *s, const char *family)
{
	size_t i;
	json_t *v;

	json_array_foreach(s->kinds, i, v)
		if (strcmp(json_string_value(v), family) == 0)
			return;
	json_array_append_new(s->kinds, json_string(family));
}

void
scan_note(struct scan *s, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	json_array_append_new(s->notes, json_string(buf_str(&b)));
	buf_release(&b);
}

void
scan_use(struct scan *s, size_t from, size_t to)
{
	for (size_t i = from; i <= to && i < s->d->nlines; i++)
		s->used[i] = 1;
}

void
scan_unread(struct scan *s, size_t line, const char *why)
{
	s->why[line] = why;
}

static bool
stop_word(const char *w, size_t n)
{
	static const char *const stop[] = { "of", "on", "and", "for", "to", "a", "an", "in", "by",
		"with", "from", "at" };

	for (size_t i = 0; i < WM_ARRAY_LEN(stop); i++)
		if (strlen(stop[i]) == n && strncasecmp(w, stop[i], n) == 0)
			return true;
	return false;
}

const char *
scan_ref_of(struct scan *s, const char *name)
{
	struct buf letters = BUF_INIT, years = BUF_INIT;
	const char *p = name;
	const char *out;

	while (*p != '\0' && *p != '(') {
		const char *w = p;
		size_t n;

		if (!isalnum((unsigned char)*p)) {
			p++;
			continue;
		}
		while (isalnum((unsigned char)*p))
			p++;
		n = (size_t)(p - w);
		if (isdigit((unsigned char)*w) && n == 4) {
			/* a year, or the start of a span: 2004/05, 2004-07 */
			buf_addf(&years, "-%.*s", (int)n, w);
			if ((*p == '/' || *p == '-') && isdigit((unsigned char)p[1])) {
				const char *e = p + 1;

				while (isdigit((unsigned char)*e))
					e++;
				if (e - p - 1 <= 4) {
					buf_addf(&years, "-%.*s", (int)(e - p - 1), p + 1);
					p = e;
				}
			}
			continue;
		}
		if (stop_word(w, n) || letters.len >= 8)
			continue;
		buf_addc(&letters, toupper((unsigned char)*w));
	}
	if (letters.len == 0)
		buf_adds(&letters, "DOC");
	out = arena_printf(s->a, "%s%s", buf_str(&letters), buf_str(&years));
	buf_release(&letters);
	buf_release(&years);
	return out;
}

/* The financial years a plan's name spans: "2004-07", "2004/05". */
static void
plan_period(const char *name, json_t *plan)
{
	for (const char *p = name; *p != '\0'; p++) {
		int y, end;
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

		if (sscanf(p, "%4d%*[-/]%2d", &y, &end) == 2 && isdigit((unsigned char)p[0]) &&
		    y >= 1900 && y < 2200 && (p == name || !isdigit((unsigned char)p[-1]))) {
			int last = y / 100 * 100 + end;

			if (last <= y)
				last += 100;
			if (last - y < 1 || last - y > 10)
				continue;
			date_format_iso(date_from_ymd(y, 4, 1), a);
			date_format_iso(date_from_ymd(last, 3, 31), b);
			json_object_set_new(plan, "period_start", json_string(a));
			json_object_set_new(plan, "period_end", json_string(b));
			return;
		}
	}
}

const char *
scan_plan(struct scan *s, const char *name, const char *kind)
{
	const char *ref = scan_ref_of(s, name);
	json_t *plans = json_object_get(s->data, "plans"), *v, *plan;
	size_t i;

	json_array_foreach(plans, i, v)
		if (strcmp(json_string_value(json_object_get(v, "ref")), ref) == 0)
			return ref;
	plan = json_pack("{s:s, s:s, s:s}", "ref", ref, "title", name, "kind",
	    vocab_plan_kind(name, kind));
	plan_period(name, plan);
	if (s->date != DATE_NONE) {
		char d[DATE_ISO_LEN];

		date_format_iso(s->date, d);
		json_object_set_new(plan, "doc_date", json_string(d));
	}
	scan_add(s, "plans", plan);
	return ref;
}

/* A name in quotes within text: 'Towards the Safest City', “...”. */
static const char *
quoted(struct scan *s, const char *text)
{
	static const char *const open[] = { "\xE2\x80\x98", "\xE2\x80\x9C", "'", "\"" };
	static const char *const close[] = { "\xE2\x80\x99", "\xE2\x80\x9D", "'", "\"" };

	for (size_t k = 0; k < WM_ARRAY_LEN(open); k++) {
		const char *a = strstr(text, open[k]), *b;

		if (a == NULL)
			continue;
		a += strlen(open[k]);
		b = strstr(a, close[k]);
		if (b != NULL && b - a >= 4 && b - a < 120 && isupper((unsigned char)*a))
			return arena_strndup(s->a, a, (size_t)(b - a));
	}
	return NULL;
}

/* The plan a document is about: a quoted name in its title, else the title itself. */
const char *
scan_own_plan(struct scan *s, const char *kind)
{
	const char *name;

	if (s->plan_ref != NULL)
		return s->plan_ref;
	name = s->title ? quoted(s, s->title) : NULL;
	if (name == NULL && s->title != NULL) {
		const char *t = s->title, *dash;

		if (str_has_prefix_nocase(t, "update on "))
			t += strlen("update on ");
		/* "Policing Plan 2004/05 - supplementary paper" */
		dash = strstr(t, " - ");
		name = dash ? arena_strndup(s->a, t, (size_t)(dash - t)) : t;
	}
	s->plan_ref = scan_plan(s, name ? name : "Plan", kind);
	return s->plan_ref;
}

json_t *
scan_timescale(struct scan *s, const char *text, int date)
{
	struct timescale t;
	char e[DATE_ISO_LEN], l[DATE_ISO_LEN];

	if (date == DATE_NONE && s->year != 0)
		date = date_from_ymd(s->year, 1, 1);
	tsc_parse(text, date, &t);
	date_format_iso(t.earliest, e);
	date_format_iso(t.latest, l);
	return json_pack("{s:s, s:s?, s:s?, s:b, s:b, s:b, s:b}", "text", text,
	    "earliest", t.earliest == DATE_NONE ? NULL : e,
	    "latest", t.latest == DATE_NONE ? NULL : l, "ongoing", t.ongoing,
	    "complete", t.complete, "uncertain", t.uncertain, "conditional", t.conditional);
}

const char *
scan_source(struct scan *s)
{
	const char *title = s->title, *colon;
	json_t *src;

	if (s->source != NULL)
		return s->source;
	if (title == NULL) {
		const char *base = s->o->file ? strrchr(s->o->file, '/') : NULL;

		title = arena_printf(s->a, "Recommendations in %s", base ? base + 1 :
		    s->o->file ? s->o->file : "a document");
	}
	/* "ACTION PLAN PROGRESS SUMMARY: DISTRICT AUDIT REPORT ON ..." names the report after the colon */
	colon = strchr(title, ':');
	if (colon != NULL && colon[1] != '\0') {
		bool about = false;

		for (const char *p = title; p < colon; p++)
			about = about || strncasecmp(p, "action plan", 11) == 0 ||
			    strncasecmp(p, "progress", 8) == 0;
		if (about)
			title = str_trim(arena_strdup(s->a, colon + 1));
	}
	s->source = s->o->source != NULL ? s->o->source : scan_ref_of(s, title);
	src = json_pack("{s:s, s:s, s:s}", "ref", s->source, "title", title, "kind",
	    vocab_source_kind(title));
	scan_add(s, "sources", src);
	return s->source;
}

/* ---- the document's title and date ---------------------------------------- */

static bool
boilerplate(const char *t)
{
	return strcasecmp(t, "You are in:") == 0 || strcasecmp(t, "Contents") == 0 ||
	    str_has_prefix_nocase(t, "Warning:");
}

/* A line that is only a date: "March 31st 2002", "31 March 2002". */
static int
date_line(const char *t)
{
	struct timescale ts;

	if (strlen(t) > 30 || strlen(t) < 6)
		return DATE_NONE;
	tsc_parse(t, DATE_NONE, &ts);
	if (ts.earliest != DATE_NONE && ts.earliest == ts.latest && !ts.ongoing && !ts.uncertain)
		return ts.earliest;
	return DATE_NONE;
}

static void
find_title_and_date(struct scan *s)
{
	const struct doc *d = s->d;
	size_t report = SIZE_MAX, i, seen = 0;

	for (i = 0; i < d->nlines && i < 60; i++) {
		const char *t = d->lines[i].text;

		if (str_has_prefix_nocase(t, "Report:") && report == SIZE_MAX)
			report = i;
		if (str_has_prefix_nocase(t, "Date:") && s->date == DATE_NONE) {
			int day = date_line(str_trim(arena_strdup(s->a, t + 5)));

			if (day != DATE_NONE) {
				s->date = day;
				s->used[i] = 1;
			}
		}
	}
	for (i = 0; i < d->nlines && s->title == NULL; i++) {
		const char *t = d->lines[i].text;

		if (*t == '\0' || d->lines[i].tabbed || boilerplate(t) || strlen(t) > 150)
			continue;
		if (report != SIZE_MAX && i < report) {
			/* committee reports: the title is the line just above "Report: N" */
			size_t k = report;

			while (k-- > 0 && *d->lines[k].text == '\0')
				;
			if (k < d->nlines && !d->lines[k].tabbed) {
				s->title = d->lines[k].text;
				s->used[k] = 1;
			}
			break;
		}
		while (*t == '#' || *t == ' ')
			t++;
		s->title = t;
		s->used[i] = 1;
	}
	/* a date alone on a line near the top: "March 31st 2002" */
	for (i = 0; i < d->nlines && seen < 8 && s->date == DATE_NONE; i++) {
		const char *t = d->lines[i].text;
		int day;

		if (*t == '\0' || d->lines[i].tabbed)
			continue;
		seen++;
		if ((day = date_line(t)) != DATE_NONE) {
			s->date = day;
			s->used[i] = 1;
		}
	}
}

/*
 * Without a date, a year for times written without one: the earliest year
 * the document's table cells give with a month ("June 2002").
 */
static void
infer_year(struct scan *s)
{
	int best = 0;

	for (size_t i = 0; i < s->d->nlines; i++) {
		const struct doc_line *l = &s->d->lines[i];

		for (size_t c = 0; l->tabbed && c < l->ncells; c++) {
			struct timescale t;
			int y, m, dd;

			if (strlen(l->cells[c]) > 120)
				continue;
			tsc_parse(l->cells[c], DATE_NONE, &t);
			if (t.earliest == DATE_NONE || t.latest == DATE_NONE || t.latest - t.earliest > 366)
				continue;
			date_to_ymd(t.earliest, &y, &m, &dd);
			if (best == 0 || y < best)
				best = y;
		}
	}
	if (best != 0) {
		s->year = best;
		scan_note(s, "the document gives no date; times without a year are read as %d, "
		    "the earliest year its tables give (use --date to say otherwise)", best);
	}
}

/* ---- lists of goals and priorities ------------------------------------------- */

static int
number_word(const char *w, size_t n)
{
	static const char *const words[] = { "one", "two", "three", "four", "five", "six",
		"seven", "eight", "nine", "ten", "eleven", "twelve" };

	if (n <= 2 && isdigit((unsigned char)w[0]))
		return n == 1 ? w[0] - '0' : (w[0] - '0') * 10 + (w[1] - '0');
	for (size_t i = 0; i < WM_ARRAY_LEN(words); i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return (int)i + 1;
	return 0;
}

/*
 * Does t introduce a list of goals or priorities ("The five goals,
 * namely:")? The node kind, and the count it promises (0 if none).
 */
static const char *
list_intro(const char *t, int *count)
{
	static const struct { const char *noun; const char *kind; } nouns[] = {
		{ "goal", "goal" }, { "priorit", "priority" }, { "aim", "aim" },
		{ "objective", "objective" },
	};
	size_t len = strlen(t);
	const char *kind = NULL;

	*count = 0;
	if (len == 0 || len > 2000)
		return NULL;
	if (t[len - 1] != ':' && strstr(t, "namely") == NULL && strstr(t, "as follows") == NULL)
		return NULL;
	/* only the sentence that introduces the list counts */
	for (const char *p = t; (p = strstr(p, ". ")) != NULL; p += 2)
		if (p + 2 < t + len)
			t = p + 2;
	for (const char *p = t; *p != '\0' && kind == NULL; p++) {
		if (p > t && isalpha((unsigned char)p[-1]))
			continue;
		for (size_t k = 0; k < WM_ARRAY_LEN(nouns); k++) {
			if (strncasecmp(p, nouns[k].noun, strlen(nouns[k].noun)) != 0)
				continue;
			kind = nouns[k].kind;
			/* the number word just before: "five goals", "5 strategic goals" */
			for (const char *q = p; q > t && *count == 0;) {
				const char *e, *b;

				while (q > t && !isalnum((unsigned char)q[-1]))
					q--;
				e = q;
				while (q > t && isalnum((unsigned char)q[-1]))
					q--;
				b = q;
				if (e == b || p - e > 40)
					break;
				*count = number_word(b, (size_t)(e - b));
			}
			break;
		}
	}
	return kind;
}

/* "developing safer communities," -> "Developing safer communities" */
static char *
tidy_item(struct scan *s, const char *item)
{
	char *t = str_trim(arena_strdup(s->a, item));
	size_t n;

	for (;;) {
		n = strlen(t);
		if (n > 0 && (t[n - 1] == ',' || t[n - 1] == ';' || t[n - 1] == '.' || t[n - 1] == ' ')) {
			t[n - 1] = '\0';
			continue;
		}
		if (n > 4 && strcasecmp(t + n - 4, " and") == 0) {
			t[n - 4] = '\0';
			continue;
		}
		break;
	}
	if (islower((unsigned char)t[0]))
		t[0] = (char)toupper((unsigned char)t[0]);
	return t;
}

static size_t
list_read(struct scan *s, size_t i)
{
	const struct doc *d = s->d;
	const char *kind, *plan, *name;
	const char *items[64];
	size_t nitems = 0, j, last = i;
	int count;
	char prefix;

	if ((kind = list_intro(d->lines[i].text, &count)) == NULL)
		return i;
	for (j = i + 1; j < d->nlines && nitems < WM_ARRAY_LEN(items); j++) {
		const char *rest;

		if (*d->lines[j].text == '\0')
			continue;
		if (d->lines[j].tabbed || !txt_bullet(d->lines[j].text, &rest))
			break;
		items[nitems++] = rest;
		last = j;
	}
	if (nitems == 0)
		return i;
	/* "revitalising the criminal justice system, developing a professional ... and" */
	if (count > (int)nitems) {
		const char *split[64];
		size_t ns = 0;

		for (size_t k = 0; k < nitems && ns < WM_ARRAY_LEN(split); k++) {
			char *copy = arena_strdup(s->a, items[k]), *p, *start = copy;

			for (p = copy; *p != '\0'; p++)
				if (*p == ',' && p[1] == ' ' && p[2] != '\0' && strcmp(p + 2, "and") != 0 &&
				    strcmp(p + 2, "or") != 0 && ns < WM_ARRAY_LEN(split) - 1) {
					*p = '\0';
					split[ns++] = start;
					start = p + 2;
				}
			split[ns++] = start;
		}
		if ((int)ns == count) {
			memcpy(items, split, ns * sizeof(*items));
			nitems = ns;
		}
	}
	if (count != 0 && count != (int)nitems)
		scan_note(s, "line %d: the list promises %d %s items but has %zu; all were read",
		    d->lines[i].no, count, kind, nitems);
	name = quoted(s, d->lines[i].text);
	plan = name != NULL ? scan_plan(s, name, strcmp(kind, "goal") == 0 ? "framework" : "other") :
	    scan_own_plan(s, strcmp(kind, "goal") == 0 ? "framework" : "other");
	prefix = (char)toupper((unsigned char)kind[0]);
	for (size_t k = 0; k < nitems; k++) {
		const char *title = tidy_item(s, items[k]);

		scan_add(s, "nodes", json_pack("{s:s, s:s, s:s, s:i, s:s}", "plan", plan, "ref",
		    arena_printf(s->a, "%c%zu", prefix, k + 1), "kind", kind, "seq", (int)k + 1,
		    "title", title));
		if (strcmp(kind, "priority") == 0 && plan == s->plan_ref && k + 1 <= SCAN_MAX_PRIORITIES)
			s->priority[k + 1] = title;
	}
	scan_found(s, strcmp(kind, "goal") == 0 ? "list of goals" :
	    strcmp(kind, "priority") == 0 ? "list of priorities" : "list of aims or objectives");
	scan_use(s, i, last);
	return last + 1;
}

/* "Priority 2: Work with the MPS ..." */
static bool
priority_heading(struct scan *s, size_t i)
{
	const char *t = s->d->lines[i].text;
	char *end;
	long n;

	if (!str_has_prefix_nocase(t, "priority "))
		return false;
	n = strtol(t + 9, &end, 10);
	if (end == t + 9 || n < 1 || n > SCAN_MAX_PRIORITIES || (*end != ':' && *end != '.'))
		return false;
	s->cur_priority = (int)n;
	s->last_letter = 0;
	s->last_priority = (int)n;
	end++;
	while (*end == ' ')
		end++;
	if (*end != '\0') {
		const char *plan = scan_own_plan(s, "strategy"), *ref = arena_printf(s->a, "P%ld", n);
		json_t *nodes = json_object_get(s->data, "nodes"), *v;
		size_t k;
		bool have = false;

		s->priority[n] = tidy_item(s, end);
		json_array_foreach(nodes, k, v)
			if (strcmp(json_string_value(json_object_get(v, "plan")), plan) == 0 &&
			    strcmp(json_string_value(json_object_get(v, "ref")), ref) == 0)
				have = true;
		if (!have)
			scan_add(s, "nodes", json_pack("{s:s, s:s, s:s, s:i, s:s}", "plan", plan, "ref", ref,
			    "kind", "priority", "seq", (int)n, "title", s->priority[n]));
	}
	s->used[i] = 1;
	return true;
}

/* ---- timetables of date lines ---------------------------------------------- */

/* "Date Action", "When  What" */
static bool
date_action_header(const char *t)
{
	static const char *const first[] = { "date", "dates", "when", "time", "timescale" };
	static const char *const second[] = { "action", "actions", "activity", "event", "milestone",
		"step", "what" };
	char a[32], b[32], extra[8];

	if (sscanf(t, "%31s %31s %7s", a, b, extra) != 2)
		return false;
	for (size_t i = 0; i < WM_ARRAY_LEN(first); i++)
		for (size_t k = 0; k < WM_ARRAY_LEN(second); k++)
			if (strcasecmp(a, first[i]) == 0 && strcasecmp(b, second[k]) == 0)
				return true;
	return false;
}

/* A short line that is a time: "Early September", "13 January 2003". */
static bool
when_line(struct scan *s, const char *t)
{
	struct timescale ts;
	int ref = s->date != DATE_NONE ? s->date : date_from_ymd(s->year ? s->year : 2000, 1, 1);
	size_t n = strlen(t);

	if (n == 0 || n > 40 || t[n - 1] == '.')
		return false;
	tsc_parse(t, ref, &ts);
	return ts.earliest != DATE_NONE;
}

static size_t
dated_timetable_read(struct scan *s, size_t i)
{
	const struct doc *d = s->d;
	const char *when[256], *what[256], *title = NULL;
	size_t n = 0, j = i + 1, last = i;

	if (!date_action_header(d->lines[i].text))
		return i;
	while (j < d->nlines && n < WM_ARRAY_LEN(when)) {
		size_t k;

		while (j < d->nlines && *d->lines[j].text == '\0')
			j++;
		if (j >= d->nlines || d->lines[j].tabbed || !when_line(s, d->lines[j].text))
			break;
		k = j + 1;
		while (k < d->nlines && *d->lines[k].text == '\0')
			k++;
		if (k >= d->nlines || d->lines[k].tabbed || when_line(s, d->lines[k].text))
			break;
		when[n] = d->lines[j].text;
		what[n] = d->lines[k].text;
		n++;
		last = k;
		j = k + 1;
	}
	if (n == 0)
		return i;
	/* the title is the line above the header */
	for (size_t k = i; k-- > 0;) {
		if (*d->lines[k].text == '\0')
			continue;
		if (!d->lines[k].tabbed && !s->used[k] && strlen(d->lines[k].text) <= 150) {
			title = d->lines[k].text;
			s->used[k] = 1;
		}
		break;
	}
	timetable_emit(s, title ? title : "Timetable", when, what, NULL, n);
	scan_use(s, i, last);
	return last + 1;
}

/* ---- footnotes ------------------------------------------------------------- */

static void
attach_footnotes(struct scan *s, json_t *notes)
{
	const char *num;
	json_t *note;

	json_object_foreach(notes, num, note) {
		json_t *keys = json_object_get(s->marks, num), *nodes, *v;
		size_t line = (size_t)json_integer_value(json_object_get(note, "line")), i, k;

		if (json_array_size(keys) == 0) {
			scan_unread(s, line, "a footnote whose mark is on nothing Waymark read");
			continue;
		}
		nodes = json_object_get(s->data, "nodes");
		json_array_foreach(nodes, i, v) {
			char key[256];
			json_t *kk;

			snprintf(key, sizeof(key), "%s/%s", json_string_value(json_object_get(v, "plan")),
			    json_string_value(json_object_get(v, "ref")));
			json_array_foreach(keys, k, kk)
				if (strcmp(json_string_value(kk), key) == 0)
					json_object_set_new(v, "description", json_string(arena_printf(s->a,
					    "Note %s: %s", num, json_string_value(json_object_get(note, "text")))));
		}
		s->used[line] = 1;
	}
}

/* ---- the whole document ----------------------------------------------------- */

static bool
heading_like(const char *t)
{
	size_t n = strlen(t);

	return n <= 80 && t[n - 1] != '.' && !(isdigit((unsigned char)t[0]) && strchr(t, '.') &&
	    strchr(t, '.') - t <= 3 && n > 40);
}

static json_t *
unread_list(struct scan *s)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < s->d->nlines; i++) {
		const struct doc_line *l = &s->d->lines[i];
		const char *why = s->why[i];

		if (s->used[i] || (*l->text == '\0' && why == NULL))
			continue;
		if (why == NULL) {
			const char *rest;

			if (txt_bullet(l->text, &rest))
				why = "a list item, not in a list of goals or priorities";
			else if (heading_like(l->text))
				why = "a heading or a detail of the document, not a record";
			else
				why = "narrative text: not a table, a list of goals or priorities, or a timetable";
		}
		json_array_append_new(arr, json_pack("{s:i, s:s, s:s}", "line", l->no, "text", l->text,
		    "why", why));
	}
	return arr;
}

int
docimp_read(const char *data, size_t len, const struct docimp_opts *opts, json_t **out,
    struct wm_err *err)
{
	struct doc d = { 0 };
	struct scan s = { 0 };
	json_t *footnotes = json_object();
	char date[DATE_ISO_LEN];
	int rc;

	*out = NULL;
	s.a = arena_new();
	s.d = &d;
	s.o = opts;
	s.date = opts->date;
	s.data = json_pack("{s:s, s:i}", "format", "waymark-data", "version", 1);
	s.kinds = json_array();
	s.notes = json_array();
	s.marks = json_object();
	if ((rc = doc_read(&d, s.a, data, len, err)) != 0)
		goto out;
	s.used = arena_alloc(s.a, d.nlines + 1);
	s.why = arena_array(s.a, d.nlines + 1, sizeof(*s.why));
	find_title_and_date(&s);
	if (s.date == DATE_NONE)
		infer_year(&s);
	for (size_t i = 0; i < d.nlines;) {
		const struct doc_line *l = &d.lines[i];
		size_t next;
		size_t mlen;
		int mark;

		if (s.used[i] || (*l->text == '\0' && !l->tabbed)) {
			i++;
			continue;
		}
		if (l->tabbed) {
			next = table_read(&s, i);
			if (next == i) {
				scan_unread(&s, i, "a table row with no header Waymark knows above it");
				next = i + 1;
			}
			i = next;
			continue;
		}
		if ((next = list_read(&s, i)) != i || (next = dated_timetable_read(&s, i)) != i) {
			i = next;
			continue;
		}
		if (priority_heading(&s, i)) {
			i++;
			continue;
		}
		if ((mark = txt_footnote_mark(l->raw, &mlen)) > 0 && *l->text != '\0') {
			char num[16];

			snprintf(num, sizeof(num), "%d", mark);
			json_object_set_new(footnotes, num, json_pack("{s:s, s:I}", "text", l->text,
			    "line", (json_int_t)i));
		}
		i++;
	}
	attach_footnotes(&s, footnotes);
	date_format_iso(s.date, date);
	*out = json_pack("{s:O, s:O, s:s?, s:s?, s:s?, s:O, s:o}", "data", s.data, "kinds", s.kinds,
	    "source", s.source, "title", s.title, "date", s.date == DATE_NONE ? NULL : date,
	    "notes", s.notes, "unread", unread_list(&s));
	if (json_array_size(s.kinds) == 0) {
		rc = wm_error(err, WM_EINVAL, "found no recommendations, key actions, timetable or "
		    "list of goals or priorities in it");
	} else if (s.progress_rows && s.date == DATE_NONE) {
		rc = wm_error(err, WM_EINVAL, "it is a progress summary but gives no date, and progress "
		    "updates must be dated: give --date YYYY-MM-DD");
	}
out:
	json_decref(footnotes);
	json_decref(s.data);
	json_decref(s.kinds);
	json_decref(s.notes);
	json_decref(s.marks);
	arena_free(s.a);
	return rc;
}
