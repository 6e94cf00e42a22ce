/*
 * dm_maptime.c: timetables that are not tables.
 *
 *   - "Date Action" over lines that alternate a time and what happens then;
 *   - a time alone over what happens (a line, or a list of activities
 *     that all share it), again and again: "June - November 2011" then
 *     five bullets;
 *   - a time, a dash or colon, and the step: "July 2014 - We agree the
 *     budget", "February 2023: Making of the Plan", paragraphs under it
 *     its description;
 *   - the step then its time: "Submission December 2012", and run
 *     together "Notice of Inquiry6 Feb 2020".
 *
 * A single dated line is not a timetable: two steps at least (three for
 * steps with the time after them, which prose resembles more often).
 * Times are kept as written; dm_emit.c reads them into dates, each after
 * the one before, so "January" after "December 2002" is January 2003.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/str.h"
#include "base/tsc.h"
#include "import/dm_map_impl.h"

/* Words that may stand in a time besides its numbers: months, seasons, "mid", "to". */
static bool
time_word(const char *w, size_t n)
{
	static const char *const words[] = { "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
		"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer",
		"autumn", "fall", "winter", "early", "mid", "late", "end", "beginning", "start", "of",
		"to", "and", "the", "until", "through", "from", "by", "q1", "q2", "q3", "q4",
		"quarter", "st", "nd", "rd", "th", "w/c", "week", "weeks", "ongoing", "financial",
		"year", "fy" };
	char buf[16];
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < sizeof(buf); i++)
		if (isalpha((unsigned char)w[i]) || w[i] == '/')
			buf[k++] = (char)tolower((unsigned char)w[i]);
	buf[k] = '\0';
	if (k == 0)
		return true;	/* numbers, dashes, slashes */
	/* "31st", "2nd": a number with its ending */
	if (isdigit((unsigned char)w[0]) && k == 2)
		return true;
	for (size_t i = 0; i < WM_ARRAY_LEN(words); i++)
		if (strcmp(buf, words[i]) == 0)
			return true;
	return false;
}

bool
map_is_time(struct mctx *m, const char *text)
{
	struct timescale ts;
	size_t words = 0;
	bool month = false;

	(void)m;
	if (strlen(text) > 60)
		return false;
	for (const char *p = text; *p != '\0';) {
		const char *w;

		while (*p == ' ' || *p == ',' || *p == '/' || *p == '-')
			p++;
		if (*p == '\0')
			break;
		w = p;
		while (*p != '\0' && *p != ' ' && *p != ',' && *p != '/' && *p != '-')
			p++;
		words++;
		if (!time_word(w, (size_t)(p - w)))
			return false;
		month = month || isalpha((unsigned char)*w);
	}
	if (words == 0 || words > 8)
		return false;
	tsc_parse(text, date_from_ymd(2000, 1, 1), &ts);
	return ts.earliest != DATE_NONE && (month || strpbrk(text, "/") != NULL);
}

/* "Mid September" / "16 September" / "June – November 2011": block i is a time alone. */
static bool
time_block(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);

	return b != NULL && b->type != DM_TABLE && !m->used[i] && map_is_time(m, b->text) &&
	    b->text[strlen(b->text) - 1] != '.';
}

/* A line of what happens: a few words at least, not a time. */
static bool
step_block(struct mctx *m, size_t i, bool header)
{
	const struct dm_block *b = map_block(m, i);
	size_t words = 0;

	if (b == NULL || b->type == DM_TABLE || m->used[i] || map_is_time(m, b->text))
		return false;
	for (const char *p = b->text; *p != '\0'; p++)
		words += (p == b->text || p[-1] == ' ') && *p != ' ';
	return words >= (header ? 1u : 3u);
}

/* "July 2014 - We agree the budget": a time, a dash or colon, then the step. */
const char *
map_time_prefix(struct mctx *m, const char *text, const char **rest)
{
	const char *best = NULL;

	/* the longest time before a separator: "March – May 2021: Public Consultation – ..." */
	for (const char *p = text; *p != '\0' && p - text < 50; p++) {
		const char *q = p;
		char *t;

		if (!(*p == ':' || (*p == ' ' && (p[1] == '-' || strncmp(p + 1, "\xE2\x80\x93", 3) == 0 ||
		    strncmp(p + 1, "\xE2\x80\x94", 3) == 0))))
			continue;
		t = str_trim(arena_strndup(m->a, text, (size_t)(p - text)));
		if (!map_is_time(m, t))
			continue;
		if (*q == ':')
			q++;
		else
			q += q[1] == '-' ? 2 : 4;
		while (*q == ' ')
			q++;
		if (*q == '\0' || !(isupper((unsigned char)*q) || isdigit((unsigned char)*q)))
			continue;
		/* "June – November 2011" is one time, not a time and a step */
		if (map_is_time(m, q) || map_is_time(m, text))
			continue;
		best = t;
		*rest = q;
	}
	return best;
}

/*
 * "Submission December 2012", "Revision 2018", "Notice of Inquiry6 Feb
 * 2020": the step, then its time. *time gets the time; the step's words
 * are returned, or NULL. A "- current step" after the time is *status.
 */
static const char *
time_suffix(struct mctx *m, const char *text, const char **time, const char **status)
{
	char *s = arena_strdup(m->a, text), *cut;
	const char *best = NULL;

	*time = *status = NULL;
	/* a sentence ending in a date is prose, not a step */
	if (strlen(s) == 0 || strchr(".;,:", s[strlen(s) - 1]) != NULL)
		return NULL;
	/* a status after the time: "13 Nov 2020 - current step" (not "Mar - Aug 2020") */
	if ((cut = strstr(s, " - ")) != NULL && strlen(cut) < 30 && islower((unsigned char)cut[3]) &&
	    !map_is_time(m, cut + 3)) {
		*status = arena_strdup(m->a, cut + 3);
		*cut = '\0';
	}
	/* a step run into its time: "Inquiry6 Feb", "ConsultationMar - Aug" */
	for (char *p = s + 1; *p != '\0'; p++)
		if (islower((unsigned char)p[-1]) && (isdigit((unsigned char)*p) ||
		    (isupper((unsigned char)*p) && islower((unsigned char)p[1])))) {
			char *q = arena_printf(m->a, "%.*s %s", (int)(p - s), s, p);
			const char *e = q + (p - s) + 1;
			struct timescale ts;

			tsc_parse(e, DATE_NONE, &ts);
			if (map_is_time(m, e) || (ts.earliest != DATE_NONE && strlen(e) < 30)) {
				s = q;
				break;
			}
		}
	for (char *p = s; *p != '\0'; p++) {
		if (*p != ' ' || p == s)
			continue;
		if (map_is_time(m, p + 1) || (strspn(p + 1, "0123456789") == 4 && p[5] == '\0')) {
			best = arena_strndup(m->a, s, (size_t)(p - s));
			*time = p + 1;
			break;
		}
	}
	if (best != NULL) {
		size_t words = 0;

		for (const char *p = best; *p != '\0'; p++)
			words += (p == best || p[-1] == ' ') && *p != ' ';
		/* a step is named in a few words: "Publication Stage Consultation" */
		if (words > 6)
			best = NULL;
	}
	if (best == NULL || *best == '\0')
		*status = NULL;
	return best == NULL || *best == '\0' ? NULL : best;
}

static struct mrec *
step(struct mctx *m, const struct dm_block *b, int group, const char *when, const char *what)
{
	struct mrec *r = map_rec(m, RK_MILESTONE, b, group);

	r->timescale = when;
	r->title = what;
	return r;
}

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

/* Time lines each over what happens then, under "Date Action" or without it. */
static size_t
time_then_step(struct mctx *m, size_t i, bool header)
{
	size_t j = header ? map_next(m, i) : i, last = i, steps = 0, from = m->nrecs;
	int group = -1;
	const char *title = header ? map_title_above(m, i) : NULL;

	while (j < m->d->nblocks && time_block(m, j)) {
		size_t k = map_next(m, j);
		const char *when = map_block(m, j)->text;

		if (k >= m->d->nblocks)
			break;
		if (map_block(m, k)->type == DM_ITEM && !header) {
			/* a list of activities, all at the time above them */
			int level = map_block(m, k)->level;
			size_t n = 0;

			if (group < 0)
				group = map_group(m, RK_MILESTONE, title, map_block(m, i)->pos);
			while (k < m->d->nblocks && map_block(m, k)->type == DM_ITEM && map_block(m, k)->level >= level &&
			    !m->used[k]) {
				step(m, map_block(m, k), group, when, map_block(m, k)->text);
				m->used[k] = 1;
				last = k;
				k = map_next(m, k);
				n++;
			}
			m->used[j] = 1;
			steps++;
			j = k;
			continue;
		}
		if (!step_block(m, k, header))
			break;
		if (group < 0)
			group = map_group(m, RK_MILESTONE, title, map_block(m, i)->pos);
		step(m, map_block(m, k), group, when, map_block(m, k)->text);
		m->used[j] = m->used[k] = 1;
		last = k;
		steps++;
		j = map_next(m, k);
	}
	if (steps < (header ? 1u : 2u)) {
		for (size_t x = i; x <= last && x < m->d->nblocks; x++)
			m->used[x] = 0;
		m->nrecs = from;
		if (group >= 0 && (size_t)group + 1 == m->ngroups)
			m->ngroups--;
		return 0;
	}
	if (header)
		m->used[i] = 1;
	return last - i + 1;
}

/* "July 2014 - We agree the budget setting process", paragraphs under it its description. */
static size_t
dated_headings(struct mctx *m, size_t i)
{
	size_t j = i, last = i, steps = 0, from = m->nrecs;
	int group = -1;
	struct mrec *cur = NULL;

	while (j < m->d->nblocks) {
		const struct dm_block *b = map_block(m, j);
		const char *rest, *when;

		if (b->type == DM_TABLE || m->used[j])
			break;
		if (b->type != DM_ITEM && (when = map_time_prefix(m, b->text, &rest)) != NULL) {
			if (group < 0)
				group = map_group(m, RK_MILESTONE, map_title_above(m, i), b->pos);
			cur = step(m, b, group, when, rest);
			m->used[j] = 1;
			last = j;
			steps++;
		} else if (cur != NULL && b->type == DM_PARA && !(b->flags & DMF_NOTE) &&
		    !map_is_time(m, b->text)) {
			/* what the step is about, until the next */
			cur->desc = cur->desc ? arena_printf(m->a, "%s\n%s", cur->desc, b->text) : b->text;
			m->used[j] = 1;
			last = j;
		} else {
			break;
		}
		j = map_next(m, j);
	}
	if (steps < 2) {
		for (size_t x = i; x <= last; x++)
			m->used[x] = 0;
		m->nrecs = from;
		if (group >= 0 && (size_t)group + 1 == m->ngroups)
			m->ngroups--;
		return 0;
	}
	return last - i + 1;
}

/* "Submission December 2012" and the like, three or more together. */
static size_t
step_then_time(struct mctx *m, size_t i)
{
	size_t j = i, last = i, n = 0;
	const char *what[256], *when[256], *status[256];
	size_t at[256];
	int group;
	const char *title;

	while (j < m->d->nblocks && n < WM_ARRAY_LEN(what)) {
		const struct dm_block *b = map_block(m, j);

		/* a heading guessed from a line's look may be the run's last step */
		if (b->type == DM_TABLE || m->used[j] || (b->type == DM_HEADING &&
		    (n == 0 || !(b->flags & DMF_GUESS))) ||
		    (what[n] = time_suffix(m, b->type == DM_ITEM ? b->text : b->text, &when[n],
		    &status[n])) == NULL)
			break;
		at[n++] = j;
		last = j;
		j = map_next(m, j);
	}
	if (n < 3)
		return 0;
	title = map_title_above(m, i);
	group = map_group(m, RK_MILESTONE, title, map_block(m, i)->pos);
	for (size_t k = 0; k < n; k++) {
		const struct dm_block *b = map_block(m, at[k]);
		struct mrec *r = step(m, b, group, when[k], what[k]);

		r->status = status[k];
		if (b->type == DM_ITEM && b->marker != NULL && isdigit((unsigned char)b->marker[0]))
			r->ref = arena_strndup(m->a, b->marker, strcspn(b->marker, ".)"));
		m->used[at[k]] = 1;
	}
	return last - i + 1;
}

/*
 * "DATE ITEM COMMENT" over rows whose columns a page saved as text has
 * interleaved: a row's first line starts with its time ("March Financial
 * Status Meetings - REVIEW:"), a next line may go on with the time and
 * the item ("through July Administration"), and a label in capitals with
 * its bullets is the comment column's. The header has three words: a
 * time's column, an item's, a comment's.
 */
static bool
date_item_comment_header(const char *t)
{
	static const char *const first[] = { "date", "dates", "when", "time", "timescale" };
	static const char *const second[] = { "item", "action", "activity", "event", "milestone",
		"step", "what" };
	static const char *const third[] = { "comment", "comments", "notes", "remarks", "detail",
		"details" };
	char a[32], b[32], c[32], extra[8];
	bool ok = false;

	if (sscanf(t, "%31s %31s %31s %7s", a, b, c, extra) != 3)
		return false;
	for (size_t i = 0; i < WM_ARRAY_LEN(first) && !ok; i++)
		ok = strcasecmp(a, first[i]) == 0;
	for (size_t i = 0; i < WM_ARRAY_LEN(second) && ok; i++)
		if (strcasecmp(b, second[i]) == 0)
			for (size_t k = 0; k < WM_ARRAY_LEN(third); k++)
				if (strcasecmp(c, third[k]) == 0)
					return true;
	return false;
}

/* The longest run of words s starts with that is a time, and its length; 0 if none. */
static size_t
time_words(struct mctx *m, const char *s)
{
	/* a time does not end on a word that leads into more of one ("March Financial ...") */
	static const char *const leading[] = { "financial", "of", "the", "to", "and", "from", "by",
		"end", "start", "beginning", "early", "mid", "late", "until", "through" };
	size_t best = 0;

	for (const char *p = s; *p != '\0' && p - s < 40; p++)
		if (p[0] == ' ' && p > s && map_is_time(m, arena_strndup(m->a, s, (size_t)(p - s)))) {
			const char *w = p;
			bool lead = false;

			while (w > s && w[-1] != ' ')
				w--;
			for (size_t i = 0; i < WM_ARRAY_LEN(leading) && !lead; i++)
				lead = strlen(leading[i]) == (size_t)(p - w) &&
				    strncasecmp(w, leading[i], (size_t)(p - w)) == 0;
			if (!lead)
				best = (size_t)(p - s);
		}
	return best;
}

/* "REVIEW:" ending a line, or alone: the comment column's label. Where it starts, or NULL. */
static const char *
comment_label(const char *s)
{
	size_t n = strlen(s);
	const char *p;

	if (n < 3 || s[n - 1] != ':')
		return NULL;
	for (p = s + n - 1; p > s && p[-1] != ' '; p--)
		if (!isupper((unsigned char)p[-1]))
			return NULL;
	return p < s + n - 2 ? p : NULL;
}

static size_t
dated_rows(struct mctx *m, size_t i)
{
	static const char *const go_on[] = { "through ", "to ", "until ", "till " };
	size_t j = map_next(m, i), last = i, from = m->nrecs;
	int group = -1;
	struct mrec *r = NULL;

	for (; j < m->d->nblocks; j = map_next(m, j)) {
		const struct dm_block *b = map_block(m, j);
		const char *t = b->text, *lab;
		size_t tw;

		if (m->used[j] || b->type == DM_TABLE)
			break;
		if (b->type == DM_ITEM || (comment_label(t) == t)) {
			/* the comment column: kept with its row */
			if (r == NULL)
				break;
			r->desc = r->desc ? arena_printf(m->a, "%s %s", r->desc, t) : t;
			m->used[j] = 1;
			last = j;
			continue;
		}
		if (r != NULL) {
			size_t g;

			for (g = 0; g < WM_ARRAY_LEN(go_on); g++)
				if (str_has_prefix_nocase(t, go_on[g]) &&
				    (tw = time_words(m, t + strlen(go_on[g]))) > 0)
					break;
			if (g < WM_ARRAY_LEN(go_on)) {
				/* the time's range and the item's last words, on the next line */
				const char *rest = t + strlen(go_on[g]) + tw;

				r->timescale = arena_printf(m->a, "%s %.*s", r->timescale,
				    (int)(strlen(go_on[g]) + tw), t);
				while (*rest == ' ')
					rest++;
				if (*rest != '\0')
					r->title = arena_printf(m->a, "%s %s", r->title, rest);
				m->used[j] = 1;
				last = j;
				continue;
			}
		}
		if ((tw = time_words(m, t)) == 0 || !isupper((unsigned char)t[tw + 1]))
			break;
		if (group < 0)
			group = map_group(m, RK_MILESTONE, map_title_above(m, i), map_block(m, i)->pos);
		{
			const char *what = t + tw + 1;

			if ((lab = comment_label(what)) != NULL && lab > what)
				what = arena_strndup(m->a, what, (size_t)(lab - what));
			r = step(m, b, group, arena_strndup(m->a, t, tw), str_trim(arena_strdup(m->a,
			    what)));
		}
		m->used[j] = 1;
		last = j;
	}
	if (m->nrecs - from < 2) {
		for (size_t x = i; x <= last && x < m->d->nblocks; x++)
			m->used[x] = 0;
		m->nrecs = from;
		return 0;
	}
	m->used[i] = 1;
	return last - i + 1;
}

size_t
map_timetable(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);
	size_t n;

	if (b->type == DM_TABLE)
		return 0;
	if (date_action_header(b->text))
		return time_then_step(m, i, true);
	if (date_item_comment_header(b->text) && (n = dated_rows(m, i)) > 0)
		return n;
	if ((n = time_then_step(m, i, false)) > 0 || (n = dated_headings(m, i)) > 0 ||
	    (n = step_then_time(m, i)) > 0)
		return n;
	return 0;
}

/* A numeric date as the document writes them: "09/30/17" month first when the document does. */
static bool
numeric(const char *s, int *y, int *mo, int *d, bool us)
{
	int a, b, c, used = 0;

	if (sscanf(s, "%2d/%2d/%4d%n", &a, &b, &c, &used) != 3)
		return false;
	if (c < 100)
		c += c < 70 ? 2000 : 1900;
	*y = c;
	*mo = us ? a : b;
	*d = us ? b : a;
	return date_valid_ymd(*y, *mo, *d);
}

int
map_due(struct mctx *m, const char *t)
{
	struct timescale ts;
	int y, mo, d, last = DATE_NONE, count = 0;
	bool range = false, day = false;

	if (t == NULL)
		return DATE_NONE;
	/* numeric dates, in the document's order; a range gives its end */
	for (const char *p = t; *p != '\0'; p++) {
		if ((p > t && isdigit((unsigned char)p[-1])) || !isdigit((unsigned char)*p))
			continue;
		if (numeric(p, &y, &mo, &d, m->us_dates)) {
			last = date_from_ymd(y, mo, d);
			count++;
			while (*p != '\0' && *p != ' ')
				p++;
			if (*p == '\0')
				break;
		}
	}
	range = strstr(t, " to ") != NULL || strstr(t, " - ") != NULL ||
	    strstr(t, "\xE2\x80\x93") != NULL;
	if (count == 1 || (count == 2 && range))
		return last;
	if (count > 0)
		return DATE_NONE;
	/* a day and a month: "30 Sep 2023", "31 March 02" */
	for (const char *p = t; *p != '\0'; p++)
		if (isdigit((unsigned char)*p) && (p == t || !isdigit((unsigned char)p[-1]))) {
			const char *q = p;

			while (isdigit((unsigned char)*q))
				q++;
			if (q - p <= 2 && (*q == ' ' || strncmp(q, "st ", 3) == 0 || strncmp(q, "nd ", 3) == 0 ||
			    strncmp(q, "rd ", 3) == 0 || strncmp(q, "th ", 3) == 0)) {
				while (*q != ' ')
					q++;
				if (isalpha((unsigned char)q[1]))
					day = true;
			}
		}
	if (!day)
		return DATE_NONE;
	tsc_parse(t, m->date != DATE_NONE ? m->date : m->year ? date_from_ymd(m->year, 1, 1) :
	    DATE_NONE, &ts);
	return ts.latest;
}
