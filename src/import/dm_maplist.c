/*
 * dm_maplist.c: records that are not in a table.
 *
 *   - a labelled block ("Recommendation 33.10a", "Objective 1:", "Goal A.
 *     Financial stability", "Key Target 4:") is one record, its title the
 *     label's own text or the paragraph under it; "Label: value" lines
 *     after it ("Responsible for completion:", "Status: Open") are its
 *     fields, by the alias table; a label that repeats an item read
 *     before ("Objective 1" after a list of objectives) is that item, and
 *     what follows is under it;
 *   - a code line ("GAO-20-560, Aug 7, 2020") followed by field lines is a
 *     record the same way;
 *   - a list whose introduction ("the following eight recommendations:")
 *     or heading names a kind gives a record an item, the level below
 *     them their children; an item naming who is addressed ("The manager
 *     should:") is the lead of those after it; a stated count is checked;
 *   - headings each over a paragraph, under a heading naming a kind, are
 *     items with descriptions;
 *   - a paragraph running several labels together ("Objective 1 Reduce
 *     ... Objective 2 Improve ...") is a record for each.
 *
 * Items that say what is not an item are reported as such: a decision
 * sought from a committee, a tally ("Red = 0"), a count of items ("27
 * recommendations had been included"), "No specific issues", contact
 * details, a reference to an appendix, a status's definition.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/str.h"
#include "import/dm_map_impl.h"

/* ---- what is not an item ----------------------------------------------- */

static bool
has_digit(const char *s)
{
	return strpbrk(s, "0123456789") != NULL;
}

static size_t
tt_word_count(const char *s)
{
	size_t n = 0;

	for (const char *p = s; *p != '\0'; p++)
		n += (p == s || p[-1] == ' ') && *p != ' ';
	return n;
}

/* "Red 'Off Track' = 0", "Open - on track: 15", "Green = 26 (30%)": a tally. */
static bool
tally(const char *s)
{
	const char *e = s + strlen(s);

	while (e > s && (e[-1] == ' ' || e[-1] == ')' || e[-1] == '%' || isdigit((unsigned char)e[-1]) ||
	    e[-1] == '(' || e[-1] == '.'))
		e--;
	return e > s && e < s + strlen(s) && (e[-1] == '=' || e[-1] == ':') && has_digit(e);
}

/* "27 recommendations had been included", "Of the 13 projects", "The recommendations in Table E". */
static bool
about_items(const char *s)
{
	const char *p = s;
	size_t n, words = 0;

	while (*p != '\0' && words < 5) {
		enum rec_kind k = vocab_family_at(p, &n);

		if (k != RK_NONE && n > 0 && (p[n - 1] == 's' || strncasecmp(p + n - 3, "ies", 3) == 0)) {
			/* a plural noun near the start, with a number or "the" before it */
			return words > 0 || isdigit((unsigned char)*s);
		}
		while (*p != '\0' && *p != ' ')
			p++;
		while (*p == ' ')
			p++;
		words++;
	}
	/* "Table D detailed no outstanding recommendations" */
	for (p = s; (p = strstr(p, "no ")) != NULL; p += 3) {
		const char *q = p + 3;

		if (p > s && p[-1] != ' ')
			continue;
		for (int w = 0; w < 2 && *q != '\0'; w++) {
			if (vocab_family_at(q, &n) != RK_NONE && (q[n - 1] == 's'))
				return true;
			while (*q != '\0' && *q != ' ')
				q++;
			while (*q == ' ')
				q++;
		}
	}
	/* "Table C detailed 7 recommendations for which..." */
	for (p = s; *p != '\0'; p++)
		if (isdigit((unsigned char)*p) && (p == s || p[-1] == ' ')) {
			const char *q = p;

			while (isdigit((unsigned char)*q))
				q++;
			if (*q == ' ' && vocab_family_at(q + 1, &n) != RK_NONE && (q[n] == 's' ||
			    strncasecmp(q + n - 2, "ies", 3) == 0) && p - s < 40)
				return true;
		}
	return false;
}

static bool
contact(const char *s)
{
	if (strchr(s, '@') != NULL && strchr(s, '.') != NULL)
		return true;
	return vocab_has_word(s, "contact") || vocab_has_word(s, "telephone") ||
	    vocab_has_word(s, "phone");
}

static bool
document_ref(const char *s)
{
	static const char *const words[] = { "appendix ", "annex ", "attachment ", "enclosure " };

	for (size_t i = 0; i < WM_ARRAY_LEN(words); i++)
		if (str_has_prefix_nocase(s, words[i]))
			return true;
	return false;
}

/* "Implemented Management provided ...", "In Process - Past Due: Management ...": a status defined. */
static bool
status_definition(const char *s)
{
	size_t n = vocab_status_at(s);
	const char *p;

	if (n == 0 || strlen(s) < 60)
		return false;
	p = s + n;
	while (*p == ' ' || *p == '-' || *p == ':' || *p == '(' || *p == ')')
		p++;
	/* after the status, a definition: a sentence of its own */
	while (isalpha((unsigned char)*p) && (p[-1] != ' ' || !isupper((unsigned char)*p)))
		p++;
	return strstr(s, ": ") != NULL || (strlen(p) > 40 && isupper((unsigned char)*p));
}

/* Why an item is not a record, or NULL if it is one. */
#define NOT_ITEM "a list item, not in a list of goals, priorities, recommendations or actions: "
static const char *
not_an_item(const char *s)
{
	if (strlen(s) > 600)
		return NOT_ITEM "too long to be one item: a page's text run together";
	if (vocab_decision_sought(s))
		return NOT_ITEM "a decision the paper asks its committee for, not a recommendation to "
		    "act on";
	if (vocab_says_nothing(s))
		return NOT_ITEM "it says there is nothing here";
	if (tally(s))
		return NOT_ITEM "a count (a tally or a legend)";
	if (about_items(s))
		return NOT_ITEM "a statement about several items (a total), not one of them";
	if (contact(s))
		return NOT_ITEM "contact details";
	if (document_ref(s))
		return NOT_ITEM "a reference to another document or appendix";
	if (status_definition(s))
		return NOT_ITEM "the definition of a status (a legend)";
	return NULL;
}

/* ---- items -------------------------------------------------------------- */

/* "1." -> "1", "(iv)" -> "iv", "a)" -> "a", bullets -> NULL. */
static const char *
marker_ref(struct mctx *m, const char *marker)
{
	const char *p = marker;
	size_t n;

	/* "o" with nothing after it is a letter set as a bullet, not the item lettered o */
	if (marker == NULL || *marker == '\0' || strcmp(marker, "o") == 0)
		return NULL;
	if (*p == '(')
		p++;
	n = strcspn(p, ").");
	while (n > 0 && !isalnum((unsigned char)p[n - 1]))
		n--;
	if (n == 0 || !isalnum((unsigned char)p[0]))
		return NULL;
	/* "2.1" keeps its dots: the marker stops at the last */
	if (isdigit((unsigned char)p[0])) {
		n = strlen(p);
		while (n > 0 && (p[n - 1] == '.' || p[n - 1] == ')'))
			n--;
	}
	return arena_strndup(m->a, p, n);
}

/* "22 CTAX & NNDR 01 No progress ...": a code the item starts with, *rest after it. */
static const char *
leading_code(struct mctx *m, const char *s, const char **rest)
{
	const char *p = s;
	bool caps = false;

	if (!isdigit((unsigned char)*p))
		return NULL;
	while (isdigit((unsigned char)*p))
		p++;
	if (p - s > 4 || *p != ' ')
		return NULL;
	for (;;) {
		const char *w = p + 1, *e = w;

		while (isupper((unsigned char)*e) || *e == '&')
			e++;
		if (e > w && (*e == ' ' || *e == '\0') && e - w <= 6 && (e - w >= 1) &&
		    !(e - w == 1 && isalpha((unsigned char)e[1]) && islower((unsigned char)e[2]) &&
		    *w != '&' && caps)) {
			/* a word of capitals (or "&"); but "A letter" starts the text */
			if (e - w == 1 && *w != '&' && e[0] == ' ' && islower((unsigned char)e[1]))
				break;
			caps = caps || *w != '&';
			p = e;
			continue;
		}
		if (caps && isdigit((unsigned char)*w)) {
			while (isdigit((unsigned char)*e))
				e++;
			if (*e == ' ' || *e == '\0')
				p = e;
		}
		break;
	}
	if (!caps || *p != ' ' || !isupper((unsigned char)p[1]))
		return NULL;
	*rest = p + 1;
	return arena_strndup(m->a, s, (size_t)(p - s));
}

/* "Improved Communications (Wilkinson & Cooper)": the names in brackets at the end, as lead. */
static const char *
lead_in_brackets(struct mctx *m, const char *s, const char **title)
{
	size_t n = strlen(s);
	const char *open;

	if (n < 4 || s[n - 1] != ')' || (open = strrchr(s, '(')) == NULL || open == s)
		return NULL;
	for (const char *p = open + 1; p < s + n - 1; p++)
		if (isdigit((unsigned char)*p))
			return NULL;
	for (const char *p = open + 1; p < s + n - 1;) {
		const char *w = p;

		while (p < s + n - 1 && *p != ' ')
			p++;
		if (!(isupper((unsigned char)*w) || *w == '&' || *w == '+' ||
		    (p - w == 3 && strncmp(w, "and", 3) == 0)))
			return NULL;
		while (p < s + n - 1 && *p == ' ')
			p++;
	}
	*title = str_trim(arena_strndup(m->a, s, (size_t)(open - s)));
	return arena_strndup(m->a, open + 1, (size_t)(s + n - 2 - open));
}

/* ---- timescales inside the text --------------------------------------------- */

static bool
month_at(const char *p)
{
	static const char *const months[] = { "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
		"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer",
		"autumn", "winter" };

	for (size_t i = 0; i < WM_ARRAY_LEN(months); i++) {
		size_t n = strlen(months[i]);

		if (strncasecmp(p, months[i], n) == 0 && !isalpha((unsigned char)p[n]))
			return true;
	}
	return false;
}

/* Past a time at p ("July 2005", "the end of Feb 2023", "31 Mar 17", "April 2014"): its end, or p. */
static const char *
time_end(const char *p, bool need_year)
{
	const char *q = p, *e;

	if (strncasecmp(q, "the end of ", 11) == 0)
		q += 11;
	else if (strncasecmp(q, "end of ", 7) == 0)
		q += 7;
	if (strncasecmp(q, "early ", 6) == 0 || strncasecmp(q, "late ", 5) == 0 ||
	    strncasecmp(q, "mid ", 4) == 0)
		q = strchr(q, ' ') + 1;
	if (isdigit((unsigned char)*q) && q[1] != '\0') {
		/* a day first: "31 Mar 17" */
		e = q;
		while (isdigit((unsigned char)*e))
			e++;
		if (e - q <= 2 && *e == ' ' && month_at(e + 1))
			q = e + 1;
	}
	if (!month_at(q))
		return p;
	while (isalpha((unsigned char)*q))
		q++;
	/* "November/early December" */
	if (*q == '/' && (month_at(q + 1) || strncasecmp(q + 1, "early ", 6) == 0 ||
	    strncasecmp(q + 1, "late ", 5) == 0)) {
		const char *r = time_end(q + 1, false);

		if (r > q + 1)
			q = r;
	}
	if (*q == ' ' && isdigit((unsigned char)q[1])) {
		e = q + 1;
		while (isdigit((unsigned char)*e))
			e++;
		if (e - q - 1 == 4 || e - q - 1 == 2)
			return e;
	}
	return need_year ? p : q;
}

/*
 * A deadline the text of an item gives, as it writes it: "by April 2014",
 * "by the end of Feb 2023", "in July 2005" (the time only), "in the year",
 * "in due course", "from the end of June", "from September 2019 to
 * December 2019" (the new time). NULL if it gives none.
 */
/* "week 1 to week 46", "weeks 47 – 82": a span of weeks at p; its end, or p. */
static const char *
weeks(const char *p)
{
	const char *q = p;

	if (strncasecmp(q, "weeks ", 6) == 0)
		q += 6;
	else if (strncasecmp(q, "week ", 5) == 0)
		q += 5;
	else
		return p;
	if (!isdigit((unsigned char)*q))
		return p;
	while (isdigit((unsigned char)*q))
		q++;
	if (strncmp(q, " to ", 4) == 0)
		q += 4;
	else if (strncmp(q, " \xE2\x80\x93 ", 5) == 0)
		q += 5;
	else if (strncmp(q, " - ", 3) == 0 || strncmp(q, "-", 1) == 0)
		q += *q == ' ' ? 3 : 1;
	else
		return p;
	if (strncasecmp(q, "week ", 5) == 0)
		q += 5;
	if (!isdigit((unsigned char)*q))
		return p;
	while (isdigit((unsigned char)*q))
		q++;
	return q;
}

/* "1 April 1998": a day, a month and a year at p; the end, or p. */
static const char *
full_date(const char *p)
{
	const char *e = p;

	if (!isdigit((unsigned char)*p))
		return p;
	while (isdigit((unsigned char)*e))
		e++;
	if (e - p > 2 || *e != ' ' || !month_at(e + 1))
		return p;
	e = time_end(e + 1, true);
	return e > p && isdigit((unsigned char)e[-1]) ? e : p;
}

const char *
map_text_timescale(struct mctx *m, const char *s)
{
	for (const char *p = s; *p != '\0'; p++) {
		const char *e;

		if (p > s && (isalnum((unsigned char)p[-1])))
			continue;
		/* "1 April 1998-31 March 2003": a span of two dates */
		if ((e = full_date(p)) > p) {
			const char *q = e;

			if (*q == '-')
				q++;
			else if (strncmp(q, " - ", 3) == 0 || strncmp(q, " to ", 4) == 0)
				q += q[1] == '-' ? 3 : 4;
			else if (strncmp(q, "\xE2\x80\x93", 3) == 0)
				q += 3;
			else if (strncmp(q, " \xE2\x80\x93 ", 5) == 0)
				q += 5;
			if (q > e && full_date(q) > q)
				return arena_strndup(m->a, p, (size_t)(full_date(q) - p));
		}
		if (strncasecmp(p, "by ", 3) == 0 && (e = time_end(p + 3, false)) > p + 3)
			return arena_strndup(m->a, p, (size_t)(e - p));
		if (strncasecmp(p, "from the end of ", 16) == 0 && (e = time_end(p + 16, false)) > p + 16)
			return arena_strndup(m->a, p, (size_t)(e - p));
		if ((e = weeks(p)) > p)
			return arena_strndup(m->a, p, (size_t)(e - p));
		if (strncasecmp(p, "in the year", 11) == 0 && !isalpha((unsigned char)p[11]))
			return arena_strndup(m->a, p, 11);
		if (strncasecmp(p, "in due course", 13) == 0)
			return arena_strndup(m->a, p, 13);
		if (strncasecmp(p, "target date of ", 15) == 0 && (e = time_end(p + 15, false)) > p + 15)
			return arena_strndup(m->a, p, (size_t)(e - p));
		if (strncasecmp(p, "from ", 5) == 0 && (e = time_end(p + 5, true)) > p + 5 &&
		    strncasecmp(e, " to ", 4) == 0) {
			const char *f = time_end(e + 4, true);

			if (f > e + 4)
				return arena_strndup(m->a, e + 4, (size_t)(f - e - 4));
		}
		if ((strncasecmp(p, "in ", 3) == 0 || strncasecmp(p, "for ", 4) == 0 ||
		    strncasecmp(p, "during ", 7) == 0)) {
			const char *t = strchr(p, ' ') + 1;

			if ((e = time_end(t, true)) > t)
				return arena_strndup(m->a, t, (size_t)(e - t));
			/* "in late November/early December": a month qualified is a time without a year */
			if ((strncasecmp(t, "early ", 6) == 0 || strncasecmp(t, "late ", 5) == 0 ||
			    strncasecmp(t, "mid ", 4) == 0) && (e = time_end(t, false)) > t)
				return arena_strndup(m->a, t, (size_t)(e - t));
		}
	}
	return NULL;
}

/* ---- the records of an item ----------------------------------------------- */

static struct mrec *
item_record(struct mctx *m, const struct dm_block *b, enum rec_kind k, int group,
    const char *text, const char *ref, const char *lead)
{
	struct mrec *r;
	const char *lref, *rest, *code, *title = text, *bl;
	enum rec_kind lk = map_label(m, text, &lref, &rest);

	const char *when = NULL;

	if (lk != RK_NONE) {
		k = lk;
		ref = lref;
		title = rest;
	} else if ((code = leading_code(m, text, &rest)) != NULL) {
		ref = code;
		title = rest;
	} else if ((when = map_time_prefix(m, text, &rest)) != NULL) {
		/* "March – May 2021: Public Consultation": the time, then the step */
		title = rest;
	}
	r = map_rec(m, k, b, group);
	r->ref = ref;
	r->lead = lead;
	if (lead == NULL && (bl = lead_in_brackets(m, title, &title)) != NULL)
		r->lead = bl;
	r->title = map_tidy(m, title, true);
	r->marks = b->marks;
	r->timescale = when != NULL ? when : map_text_timescale(m, title);
	return r;
}

/* An item naming who is addressed, for the items after it: "The manager should:". */
static const char *
lead_in(struct mctx *m, const char *s)
{
	size_t n = strlen(s);

	if (n > 8 && n < 120 && strcmp(s + n - 8, " should:") == 0)
		return arena_strndup(m->a, s, n - 8);
	return NULL;
}

/* The item a level above block i's, in the same list (nothing else between), or SIZE_MAX. */
static size_t
item_above(struct mctx *m, size_t i)
{
	int level = map_block(m, i)->level;

	for (size_t j = i; j-- > 0;) {
		const struct dm_block *b = map_block(m, j);

		if (b->flags & DMF_NOISE)
			continue;
		if (b->type != DM_ITEM)
			return SIZE_MAX;
		if (b->level < level)
			return j;
	}
	return SIZE_MAX;
}

/* The kind a heading's words name: "Recommendations", "Key actions for 2019". */
enum rec_kind
map_kind_named(const char *s)
{
	size_t n;

	for (const char *p = s; *p != '\0'; p++)
		if (p == s || !isalnum((unsigned char)p[-1])) {
			enum rec_kind k = vocab_family_at(p, &n);

			if (k != RK_NONE)
				return k;
		}
	return RK_NONE;
}

/* "She drew attention to the following:": a sentence that introduces a list, of whatever. */
static bool
introduces(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < 400 && (s[n - 1] == ':' || vocab_has_word(s, "the following") ||
	    vocab_has_word(s, "as follows"));
}

/* What sort of marker: a bullet, a number, a capital, a small letter, none. */
static char
marker_class(const char *marker)
{
	if (marker == NULL || *marker == '\0')
		return 'e';
	if (*marker == '(')
		marker++;
	if (isdigit((unsigned char)*marker))
		return 'd';
	if (isupper((unsigned char)*marker))
		return 'A';
	if (islower((unsigned char)*marker))
		return 'a';
	return 'b';
}

/* A few words standing between the entries of a contents list: a sidebar's text. */
static bool
fragment(const struct dm_block *b)
{
	return b->type != DM_TABLE && tt_word_count(b->text) <= 3 && !has_digit(b->text);
}

/* A short item with no figures naming a kind and no label: what the items after it are. */
static enum rec_kind
kind_heading(struct mctx *m, const char *s)
{
	const char *ref, *rest;
	size_t n;

	if (strlen(s) > 40 || has_digit(s) || tt_word_count(s) > 4 ||
	    map_label(m, s, &ref, &rest) != RK_NONE)
		return RK_NONE;
	for (const char *at = s; *at != '\0'; at++) {
		enum rec_kind k;

		if ((at == s || at[-1] == ' ') && (k = vocab_family_at(at, &n)) != RK_NONE &&
		    at[n] == '\0')
			return k;
	}
	return RK_NONE;
}

/*
 * "Cabinet Office" over each action: a short name standing over an item
 * (a table's first column, flattened) names who it is for. A repeated one
 * the reader set aside as printed again is one all the same.
 */
static bool
owner_line(struct mctx *m, const struct dm_block *b)
{
	size_t n = strlen(b->text), k;

	if (b->type == DM_TABLE || b->type == DM_ITEM || n == 0 || n > 60 ||
	    ((b->flags & DMF_NOISE) && (b->why == NULL || strncmp(b->why, "printed again", 13) != 0)) ||
	    tt_word_count(b->text) > 8 || strchr(".;:!?", b->text[n - 1]) != NULL ||
	    !isupper((unsigned char)b->text[0]) || has_digit(b->text) || map_is_time(m, b->text) ||
	    vocab_is_column_name(b->text))
		return false;
	for (const char *p = b->text; *p != '\0'; p++)
		if ((p == b->text || p[-1] == ' ') && vocab_family_at(p, &k) != RK_NONE)
			return false;
	return true;
}

/* After the item at i, before the next at its level, a name like the one over it. */
static bool
owner_between(struct mctx *m, size_t i, int level)
{
	size_t j = i + 1;

	while (j < m->d->nblocks && map_block(m, j)->type == DM_ITEM && map_block(m, j)->level > level)
		j++;
	return j + 1 < m->d->nblocks && map_block(m, j)->type != DM_ITEM && owner_line(m, map_block(m, j)) &&
	    map_block(m, j + 1)->type == DM_ITEM && map_block(m, j + 1)->level == level;
}

/* An item like a heading over the items below it: short, not a sentence. */
static bool
heads_items(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i), *n;
	size_t j = map_next(m, i), len = strlen(b->text);

	n = map_block(m, j);
	if (n == NULL || n->type != DM_ITEM || n->level <= b->level || len > 60 ||
	    strchr(".;:,", b->text[len - 1]) != NULL)
		return false;
	/* "2.1" over "2.1a": numbered records and their parts, not a heading over a list */
	if (b->marker != NULL && n->marker != NULL && isalnum((unsigned char)b->marker[0])) {
		size_t pl = strlen(b->marker), cl = strlen(n->marker);

		while (pl > 0 && strchr(".)", b->marker[pl - 1]))
			pl--;
		while (cl > 0 && strchr(".)", n->marker[cl - 1]))
			cl--;
		if (cl > pl && strncmp(n->marker, b->marker, pl) == 0)
			return false;
	}
	return true;
}

/*
 * The items from block i at its level, as records of kind k (children the
 * level below). count is what the introduction promised, or 0.
 */
static size_t
read_items(struct mctx *m, size_t i, enum rec_kind k, int count, int parent, const char *title)
{
	const struct dm_block *first = map_block(m, i);
	int level = first->level, group = map_group(m, k, title, first->pos), last = -1, made = 0;
	int described = 0;	/* items given the paragraph after them */
	size_t j = i, end = i, start_recs = m->nrecs;
	const char *lead = NULL, *owner = NULL;
	int lead_level = -1;
	enum rec_kind sub = RK_NONE;

	/*
	 * A name over the first item and again over the next: who each is for.
	 * One name over the list alone is a heading, not an owner.
	 */
	if (i > 0 && owner_line(m, map_block(m, i - 1)) && owner_between(m, i, level)) {
		owner = map_block(m, i - 1)->text;
		m->used[i - 1] = 1;
	}

	while (j < m->d->nblocks) {
		const struct dm_block *b = map_block(m, j);
		const char *why, *ld;

		/* the name over the next item (perhaps printed again) */
		if (owner != NULL && b->type != DM_ITEM && owner_line(m, b) && j + 1 < m->d->nblocks &&
		    map_block(m, j + 1)->type == DM_ITEM && map_block(m, j + 1)->level == level) {
			owner = b->text;
			m->used[j] = 1;
			j++;
			continue;
		}
		if (b->flags & DMF_NOISE) {
			j++;
			continue;
		}
		/* a word or two between the items (text from a sidebar) does not end the list */
		if (b->type != DM_ITEM && fragment(b)) {
			size_t x = map_next(m, j);

			while (x < m->d->nblocks && map_block(m, x)->type != DM_ITEM &&
			    fragment(map_block(m, x)))
				x = map_next(m, x);
			if (x < m->d->nblocks && map_block(m, x)->type == DM_ITEM &&
			    map_block(m, x)->level == level && (map_block(m, x)->marker == NULL ||
			    map_block(m, x)->marker[0] == '\0')) {
				j = x;
				continue;
			}
		}
		/* "1. Publish the register" then a paragraph, then "2. ...": the item's description */
		if (b->type == DM_PARA && last >= 0 && m->recs[last].desc == NULL && !m->used[j] &&
		    b->text[0] != '\0' && b->text[strlen(b->text) - 1] != ':') {
			size_t x = map_next(m, j);
			const struct dm_block *nb = map_block(m, x);

			if (nb != NULL && nb->type == DM_ITEM && nb->level == level && !m->used[x] &&
			    marker_class(nb->marker) == marker_class(first->marker) &&
			    strchr("dAa", marker_class(first->marker)) != NULL) {
				m->recs[last].desc = b->text;
				m->used[j] = 1;
				described++;
				j = x;
				continue;
			}
		}
		if (b->type != DM_ITEM || b->level < level || m->used[j])
			break;
		/* "B. Supporting information" after items "1." to "4.": another list */
		if (b->level == level && marker_class(b->marker) != marker_class(first->marker))
			break;
		end = j;
		m->used[j] = 1;
		if (b->level > level && lead != NULL && lead_level == level) {
			/* under "The manager should:": the items it addresses */
			if ((why = not_an_item(b->text)) == NULL) {
				struct mrec *r = item_record(m, b, k, group, b->text, marker_ref(m, b->marker),
				    lead);

				r->parent = parent;
				made++;
			} else {
				m->why[j] = why;
				m->used[j] = 0;
			}
			j++;
			continue;
		}
		if (b->level > level) {
			/* the level below: children of the item above */
			if (last >= 0 && (why = not_an_item(b->text)) == NULL) {
				struct mrec *c = item_record(m, b, m->recs[last].kind, group, b->text,
				    marker_ref(m, b->marker), NULL);

				c->parent = last;
			} else {
				m->why[j] = last >= 0 ? why : "an item under no item that was read";
				m->used[j] = 0;
			}
			j++;
			continue;
		}
		if ((ld = lead_in(m, b->text)) != NULL) {
			lead = ld;
			lead_level = b->level;
			last = -1;
			j++;
			continue;
		}
		lead_level = -1;
		/* "Strategic Imperatives" among contents entries: what the entries after it are */
		if ((sub = kind_heading(m, b->text)) != RK_NONE) {
			k = sub;
			m->why[j] = "a heading among the items, naming what those after it are";
			m->used[j] = 0;
			j++;
			continue;
		}
		if (heads_items(m, j)) {
			/* an item over items is a heading for them, not a record */
			m->used[j] = 0;
			break;
		}
		if ((why = not_an_item(b->text)) != NULL) {
			m->why[j] = why;
			m->used[j] = 0;
			j++;
			continue;
		}
		{
			struct mrec *r = item_record(m, b, k, group, b->text, marker_ref(m, b->marker),
			    lead ? lead : owner);

			r->parent = parent;
			/* a section's parenthood gives way to numbering ("2.1" is under 2) */
			r->parent_weak = parent >= 0;
			last = (int)(r - m->recs);
			made++;
		}
		j++;
	}
	/* every item so far had its paragraph: the one after the last item is the last's */
	if (made >= 2 && described == made - 1 && last >= 0 && m->recs[last].desc == NULL) {
		size_t x = map_next(m, end);
		const struct dm_block *p = map_block(m, x);

		if (p != NULL && p->type == DM_PARA && !m->used[x] && p->text[0] != '\0' &&
		    p->text[strlen(p->text) - 1] != ':') {
			m->recs[last].desc = p->text;
			m->used[x] = 1;
			end = x;
		}
	}
	if (made == 0) {
		for (size_t x = i; x <= end; x++)
			m->used[x] = m->used[x] && map_block(m, x)->level > level ? 0 : m->used[x];
		return end - i + 1;
	}
	/* bullets naming several items by number, or only counting them: as the count says */
	if (count > 0 && count != made && map_name_to_count(m, start_recs, count))
		made = count;
	if (count > 0 && count != made && map_tallies_to_count(m, start_recs, count, i, end))
		return end - i + 1;
	if (count > 0 && count != made)
		map_note(m, "%s: the text says %d %s but %d were found; all were read", first->where,
		    count, vocab_kind_plural(k), made);
	/* what the introduction, or the heading over the list, says of their state */
	{
		const char *st = NULL;

		if (title != NULL)
			st = map_intro_status(m, title, false);
		else {
			size_t h = i;

			while (h > 0 && (map_block(m, h - 1)->flags & DMF_NOISE))
				h--;
			for (size_t x = h; x-- > 0;)
				if ((map_block(m, x)->type == DM_HEADING || map_block(m, x)->type == DM_PARA) &&
				    !(owner != NULL && owner_line(m, map_block(m, x))) &&
				    !vocab_is_column_name(map_block(m, x)->text)) {
					if (map_block(m, x)->type == DM_HEADING ||
					    strlen(map_block(m, x)->text) <= 60)
						st = map_intro_status(m, map_block(m, x)->text, true);
					break;
				}
		}
		for (size_t r = start_recs; st != NULL && r < m->nrecs; r++)
			if (m->recs[r].status == NULL && m->recs[r].group == group)
				m->recs[r].status = st;
	}
	m->parent[k] = (int)start_recs;
	return end - i + 1;
}

/*
 * "revitalising the criminal justice system, developing a professional
 * ... and": a list that promises more items than it has bullets holds
 * several in one; split at the commas when that gives the count.
 */
static void
split_to_count(struct mctx *m, size_t from, int count)
{
	size_t n = m->nrecs - from, parts = 0;

	if (count <= (int)n || n == 0)
		return;
	for (size_t i = from; i < m->nrecs; i++) {
		const char *t = m->recs[i].title;

		parts++;
		for (const char *p = t; (p = strstr(p, ", ")) != NULL; p += 2)
			if (p[2] != '\0' && strcmp(p + 2, "and") != 0 && strcmp(p + 2, "or") != 0)
				parts++;
	}
	if ((int)parts != count)
		return;
	{
		struct mrec *old = arena_array(m->a, n, sizeof(*old));

		memcpy(old, m->recs + from, n * sizeof(*old));
		m->nrecs = from;
		for (size_t i = 0; i < n; i++) {
			char *copy = arena_strdup(m->a, old[i].title), *start = copy;

			for (char *p = copy; *p != '\0'; p++)
				if (*p == ',' && p[1] == ' ' && p[2] != '\0' && strcmp(p + 2, "and") != 0 &&
				    strcmp(p + 2, "or") != 0) {
					struct mrec *r = map_rec(m, old[i].kind, NULL, old[i].group);

					*p = '\0';
					*r = old[i];
					r->title = map_tidy(m, start, true);
					start = p + 2;
				}
			{
				struct mrec *r = map_rec(m, old[i].kind, NULL, old[i].group);

				*r = old[i];
				r->title = map_tidy(m, start, true);
			}
		}
	}
}

/* Does a record of kind k with this reference exist (read from a list before)? Its index or -1. */
static int
known_item(struct mctx *m, enum rec_kind k, const char *ref)
{
	int pos = 0;

	if (ref == NULL)
		return -1;
	for (size_t i = 0; i < m->nrecs; i++) {
		const struct mrec *r = &m->recs[i];

		if (r->kind != k || r->parent >= 0)
			continue;
		pos++;
		if ((r->ref != NULL && strcasecmp(r->ref, ref) == 0) ||
		    (r->ref == NULL && isdigit((unsigned char)ref[0]) && strtol(ref, NULL, 10) == pos))
			return (int)i;
	}
	return -1;
}

/*
 * "Responsible for completion:" (value below) or "Status: Open": a field
 * of the record above. A label is a few words: a known column name (its
 * role), or another short capitalised label with its value after it (kept
 * as an extra field, COL_OTHER). COL_NONE if the line is not a field.
 */
static enum col_role
field_label(struct mctx *m, const char *s, const char **value)
{
	const char *colon = strchr(s, ':');
	char *label;
	enum col_role r;
	size_t words;

	*value = NULL;
	if (colon == NULL || colon - s > 40 || colon == s || !isupper((unsigned char)s[0]))
		return COL_NONE;
	label = arena_strndup(m->a, s, (size_t)(colon - s));
	words = tt_word_count(label);
	*value = colon + 1 + strspn(colon + 1, " ");
	for (size_t k = 0; k < m->o->nmap; k++)
		if (strcasecmp(m->o->map[k].header, label) == 0)
			return m->o->map[k].role;
	if (words > 4 || map_is_time(m, label))
		return COL_NONE;
	r = vocab_column(label, NULL);
	if (r > COL_OTHER && (vocab_is_column_name(label) || words <= 3))
		return r;
	return **value != '\0' && words <= 3 ? COL_OTHER : COL_NONE;
}

static const char *code_line(struct mctx *m, const char *s);

/* "Status for London Fire Brigade": a column's name and who it is for. */
static bool
qualified_name(struct mctx *m, const char *s)
{
	const char *f = strstr(s, " for ");

	return f != NULL && tt_word_count(s) <= 7 &&
	    vocab_is_column_name(arena_strndup(m->a, s, (size_t)(f - s)));
}

/*
 * The fields after a record's first line, until the next record: "Label:
 * value" lines and labels over their values; a paragraph is its title if
 * it has none yet, else its description.
 */
static size_t
read_fields(struct mctx *m, size_t j, struct mrec *r, bool stop_at_para)
{
	size_t last = j - 1;

	while (j < m->d->nblocks) {
		const struct dm_block *b = map_block(m, j);
		const char *v, *ref, *rest;
		enum col_role role;

		if (b->flags & DMF_NOISE) {
			j++;
			continue;
		}
		if (b->type == DM_TABLE || m->used[j] || map_label(m, b->text, &ref, &rest) != RK_NONE ||
		    code_line(m, b->text) != NULL)
			break;
		/* a field is a line of its own, not a list's item */
		role = b->type == DM_ITEM ? COL_NONE : field_label(m, b->text, &v);
		if (role == COL_OTHER) {
			map_extra(m, r, arena_strndup(m->a, b->text, (size_t)(strchr(b->text, ':') -
			    b->text)), v);
			m->used[j] = 1;
			last = j;
			j++;
			continue;
		}
		if (role != COL_NONE) {
			const char *label = arena_strndup(m->a, b->text, (size_t)(strchr(b->text, ':') -
			    b->text));

			m->used[j] = 1;
			last = j;
			if (*v == '\0') {
				/* the value is below: a paragraph, or the items of a list */
				size_t k = map_next(m, j);
				const char *val = NULL;

				while (k < m->d->nblocks && map_block(m, k)->type == DM_ITEM) {
					val = val ? arena_printf(m->a, "%s; %s", val, map_block(m, k)->text) :
					    map_block(m, k)->text;
					m->used[k] = 1;
					last = k;
					k = map_next(m, k);
				}
				if (val == NULL && k < m->d->nblocks && map_block(m, k)->type != DM_TABLE &&
				    field_label(m, map_block(m, k)->text, &v) == COL_NONE && strlen(map_block(m, k)->text) <= 60 &&
				    map_label(m, map_block(m, k)->text, &ref, &rest) == RK_NONE &&
				    !(vocab_column(map_block(m, k)->text, NULL) > COL_OTHER)) {
					val = map_block(m, k)->text;
					m->used[k] = 1;
					last = k;
				} else if (val == NULL && k < m->d->nblocks && map_block(m, k)->type == DM_PARA &&
				    role == COL_RESPONSE) {
					val = map_block(m, k)->text;
					m->used[k] = 1;
					last = k;
				}
				j = last + 1;
				if (val != NULL)
					map_field(m, r, role, label, val);
				continue;
			}
			map_field(m, r, role, label, v);
			j++;
			continue;
		}
		/* a label with no value ("Status" over an image) */
		if (vocab_is_column_name(b->text) || qualified_name(m, b->text)) {
			m->used[j] = 1;
			m->why[j] = "a field's label with no value after it";
			m->used[j] = 0;
			last = j;
			j++;
			continue;
		}
		if ((b->type == DM_PARA || b->type == DM_HEADING) && r->title == NULL) {
			r->title = b->text;
			m->used[j] = 1;
			last = j;
			j++;
			continue;
		}
		if (b->type == DM_PARA && r->desc == NULL && !stop_at_para) {
			int count;
			bool partial;

			/* an introduction to a list under the record is not its description */
			if (map_intro(b->text, &count, &partial) != RK_NONE)
				break;
			r->desc = b->text;
			m->used[j] = 1;
			last = j;
			j++;
			continue;
		}
		break;
	}
	return last + 1;
}

/* "GAO-20-560, Aug 7, 2020": a reference code opening a record. */
static const char *
code_line(struct mctx *m, const char *s)
{
	const char *p = s;
	size_t caps = 0, digits = 0;

	while (isupper((unsigned char)*p)) {
		p++;
		caps++;
	}
	if (caps < 2 || caps > 6 || *p != '-')
		return NULL;
	while (*p == '-' || isdigit((unsigned char)*p)) {
		digits += isdigit((unsigned char)*p) != 0;
		p++;
	}
	if (digits < 3 || (*p != ',' && *p != ' ' && *p != '\0'))
		return NULL;
	return arena_strndup(m->a, s, (size_t)(p - s));
}

/* A labelled record, or a code line with fields under it, at block i. */
static size_t
labelled(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);
	const char *ref, *rest, *code;
	enum rec_kind k = map_label(m, b->text, &ref, &rest);
	struct mrec *r;
	int known, group;
	size_t end;

	if (k == RK_NONE && (code = code_line(m, b->text)) != NULL) {
		size_t j = map_next(m, i), fields = 0;
		const char *v;

		for (size_t x = j; x < m->d->nblocks && x < j + 4; x = map_next(m, x))
			fields += field_label(m, map_block(m, x)->text, &v) > COL_OTHER;
		if (fields < 2 || (k = map_context_kind(m, i, NULL)) == RK_NONE)
			return 0;
		group = map_group(m, k, NULL, b->pos);
		r = map_rec(m, k, b, group);
		r->ref = code;
		m->used[i] = 1;
		return read_fields(m, i + 1, r, true) - i;
	}
	if (k == RK_NONE)
		return 0;
	if (m->o->as != RK_NONE)
		k = m->o->as;
	/* a heading repeating an item read before: what follows is under that item */
	if ((known = known_item(m, k, ref)) >= 0) {
		m->parent[k] = known;
		m->section = known;
		m->letter_parent = -2;
		m->used[i] = 1;
		if (k == RK_PRIORITY)
			m->parent[RK_PRIORITY] = known;
		return 1 + map_commentary(m, i + 1, &m->recs[known]);
	}
	/* labelled records one after another ("Stage 1", "Stage 2") are one list */
	group = m->section >= 0 && m->recs[m->section].kind == k ? m->recs[m->section].group :
	    map_group(m, k, NULL, b->pos);
	r = map_rec(m, k, b, group);
	r->ref = ref;
	r->marks = b->marks;
	if (*rest != '\0') {
		const char *t = rest, *bl;

		if ((bl = lead_in_brackets(m, t, &t)) != NULL)
			r->lead = bl;
		r->title = map_tidy(m, t, false);
	}
	m->used[i] = 1;
	end = read_fields(m, i + 1, r, false);
	if (end < m->d->nblocks && map_commentary(m, end, r))
		end++;
	if (r->title != NULL && r->timescale == NULL)
		r->timescale = map_text_timescale(m, r->title);
	m->parent[k] = (int)(r - m->recs);
	m->section = (int)(r - m->recs);
	if (k == RK_PRIORITY)
		m->letter_parent = -2;
	/* "To secure ... through:" then lettered items: its parts */
	{
		size_t j = map_next(m, end - 1);

		const char *nref, *nrest;

		const char *mk = map_block(m, j) ? map_block(m, j)->marker : NULL;

		/* children are the items after it, not its peers in the same list, nor items
		 * numbered under another ("2.1" after "Key Target 3") */
		if (j < m->d->nblocks && map_block(m, j)->type == DM_ITEM && r->title != NULL &&
		    (b->type != DM_ITEM || map_block(m, j)->level > b->level) &&
		    map_label(m, map_block(m, j)->text, &nref, &nrest) != k &&
		    !(mk != NULL && isdigit((unsigned char)mk[0]) && strchr(mk, '.') != NULL &&
		    mk[strspn(mk, "0123456789")] == '.' && mk[strspn(mk, "0123456789") + 1] != '\0' &&
		    (r->ref == NULL || strncmp(mk, r->ref, strlen(r->ref)) != 0))) {
			int self = (int)(r - m->recs);

			end = j + read_items(m, j, k, 0, self, NULL);
			m->parent[k] = self;
		}
	}
	return end - i;
}

/* "Objective 1 Reduce ... Objective 2 Improve ...": labels run together in one paragraph. */
static size_t
run_together(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);
	const char *s = b->text, *ref, *rest, *starts[64];
	size_t n = 0, lablen = 0;
	enum rec_kind k = RK_NONE;
	int group;

	if (b->type != DM_PARA)
		return 0;
	for (const char *p = s; *p != '\0' && n < WM_ARRAY_LEN(starts); p++) {
		enum rec_kind lk;

		if (p > s && isalnum((unsigned char)p[-1]) && !islower((unsigned char)p[-1]))
			continue;
		if (p > s && p[-1] != ' ' && !islower((unsigned char)p[-1]))
			continue;
		if ((lk = map_label(m, p, &ref, &rest)) == RK_NONE || (k != RK_NONE && lk != k))
			continue;
		if (lablen == 0)
			lablen = (size_t)(rest - p);
		k = lk;
		starts[n++] = p;
	}
	if (n < 3 || starts[0] != s)
		return 0;
	group = map_group(m, k, NULL, b->pos);
	for (size_t x = 0; x < n; x++) {
		const char *e = x + 1 < n ? starts[x + 1] : s + strlen(s);
		char *piece = arena_strndup(m->a, starts[x], (size_t)(e - starts[x]));
		struct mrec *r;

		if (map_label(m, piece, &ref, &rest) == RK_NONE || rest == NULL)
			continue;
		r = map_rec(m, k, b, group);
		r->ref = ref;
		r->title = map_tidy(m, rest, false);
	}
	m->used[i] = 1;
	return 1;
}

/* Headings each over a paragraph, under a heading that names what they are. */
static size_t
headed_paragraphs(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);
	size_t j = i, made = 0, last = i;
	enum rec_kind k;
	int group = -1;
	const char *at;
	size_t n;

	if (b->type != DM_HEADING)
		return 0;
	/* the heading above names the kind, and this one does not */
	for (at = b->text; *at != '\0'; at++)
		if ((at == b->text || at[-1] == ' ') && vocab_family_at(at, &n) != RK_NONE)
			return 0;
	{
		size_t p = i;

		while (p > 0 && (map_block(m, p - 1)->flags & DMF_NOISE))
			p--;
		if (p == 0 || map_block(m, p - 1)->type != DM_HEADING)
			return 0;
		if ((k = map_context_kind(m, i, NULL)) == RK_NONE)
			return 0;
	}
	while (j < m->d->nblocks) {
		const struct dm_block *h = map_block(m, j);
		size_t para = map_next(m, j);
		const struct dm_block *p = map_block(m, para);
		struct mrec *r;

		if (h->flags & DMF_NOISE) {
			j++;
			continue;
		}
		if (h->type != DM_HEADING || p == NULL || p->type != DM_PARA || m->used[j])
			break;
		if (group < 0)
			group = map_group(m, k, NULL, h->pos);
		r = map_rec(m, k, h, group);
		r->title = h->text;
		r->desc = p->text;
		m->used[j] = m->used[para] = 1;
		made++;
		last = para;
		j = para + 1;
	}
	if (made < 2) {
		for (size_t x = i; x <= last; x++)
			m->used[x] = 0;
		if (made == 1)
			m->nrecs--;
		return 0;
	}
	return last - i + 1;
}

/*
 * "5. Year three reported action status" with paragraphs before and after
 * it and no item beside it: a section's number and title, which a page
 * saved as text shows as a numbered line. A list of one short line
 * without a sentence's end is not a list.
 */
static bool
lone_heading(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i), *next = map_block(m, map_next(m, i));
	size_t n = strlen(b->text), p = i;

	if (b->type != DM_ITEM || b->level != 0 || b->marker == NULL ||
	    !isdigit((unsigned char)b->marker[0]) || n == 0 || n > 80 || strchr(".;:,", b->text[n - 1]))
		return false;
	if (next == NULL || (next->type != DM_PARA && next->type != DM_HEADING))
		return false;
	while (p > 0 && (map_block(m, p - 1)->flags & DMF_NOISE))
		p--;
	if (p > 0 && map_block(m, p - 1)->type == DM_ITEM)
		return false;
	/* "1. Improve ..." then its paragraph, "2. Review ..." then its: numbered items, each explained */
	{
		long num = strtol(b->marker, NULL, 10);

		for (size_t x = 0; x < m->d->nblocks; x++) {
			const struct dm_block *o = map_block(m, x);
			long on;

			if (x == i || o->type != DM_ITEM || o->level != 0 || o->marker == NULL ||
			    !isdigit((unsigned char)o->marker[0]))
				continue;
			on = strtol(o->marker, NULL, 10);
			if (on == num - 1 || on == num + 1)
				return false;
		}
	}
	return true;
}

size_t
map_list(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);
	size_t n, j;
	int count;
	bool partial;
	enum rec_kind k;

	if (b->type == DM_TABLE)
		return 0;
	if ((n = run_together(m, i)) > 0 || (n = labelled(m, i)) > 0)
		return n;
	/* a heading that opens no record closes the section of the one before */
	if (b->type == DM_HEADING)
		m->section = -1;
	if ((n = headed_paragraphs(m, i)) > 0)
		return n;
	/* a sentence introducing a list, and the list */
	j = map_next(m, i);
	if (j < m->d->nblocks && map_block(m, j)->type == DM_ITEM && (b->type != DM_ITEM ||
	    map_block(m, j)->level > b->level) && ((k = map_intro(b->text, &count, &partial)) !=
	    RK_NONE || (introduces(b->text) && ((k = map_context_kind(m, i, NULL)) != RK_NONE ||
	    (k = map_self_kind(m, j)) != RK_NONE)))) {
		size_t from = m->nrecs, r;
		const char *why;

		if (m->o->as != RK_NONE)
			k = m->o->as;
		if (b->type == DM_ITEM && (why = not_an_item(b->text)) != NULL)
			m->why[i] = why;
		m->used[i] = 1;
		/* a list of another kind under a labelled record belongs to it */
		r = read_items(m, j, k, partial ? 0 : count, m->section, b->text);
		if (!partial && count > 0)
			split_to_count(m, from, count);
		return j - i + r;
	}
	/* an entry naming what the entries after it are ("Strategic Imperatives" in a contents list) */
	if (b->type == DM_ITEM && b->marker != NULL && b->marker[0] == '\0' && j < m->d->nblocks &&
	    (k = kind_heading(m, b->text)) != RK_NONE) {
		size_t x = j;

		while (x < m->d->nblocks && map_block(m, x)->type != DM_ITEM && fragment(map_block(m, x)))
			x = map_next(m, x);
		if (x < m->d->nblocks && map_block(m, x)->type == DM_ITEM &&
		    map_block(m, x)->level == b->level) {
			m->why[i] = "a heading among the items, naming what those after it are";
			return x - i + read_items(m, x, k, 0, -1, b->text);
		}
	}
	/* items under an item: in an outline, the item over them is their heading, and only it */
	if (b->type == DM_ITEM && (j = item_above(m, i)) != SIZE_MAX) {
		const char *h = map_block(m, j)->text;
		size_t hl = strlen(h);

		/* a heading's words name the kind; a sentence's only as an introduction does */
		k = hl <= 60 && !strchr(".;:,", h[hl - 1]) ? map_kind_named(h) :
		    map_intro(h, &count, &partial);
		if (k == RK_NONE)
			return 0;
		return read_items(m, i, k, 0, -1, map_block(m, j)->text);
	}
	if (lone_heading(m, i)) {
		m->why[i] = "a numbered heading standing alone between paragraphs (a section's "
		    "number and title), not an item of a list";
		return 1;
	}
	/* items under a heading that names what they are (under a labelled record's, its children) */
	if (b->type == DM_ITEM && (k = map_context_kind(m, i, &count)) != RK_NONE)
		return read_items(m, i, k, count, m->section, NULL);
	return 0;
}

void
map_footnotes(struct mctx *m)
{
	for (size_t i = 0; i < m->d->nblocks; i++) {
		const struct dm_block *b = map_block(m, i);
		bool found = false;

		if (!(b->flags & DMF_NOTE) || b->marker == NULL)
			continue;
		for (size_t r = 0; r < m->nrecs; r++) {
			const char *marks = m->recs[r].marks;

			if (marks == NULL)
				continue;
			for (const char *p = marks; *p != '\0';) {
				size_t len = strcspn(p, ",");

				if (len == strlen(b->marker) && strncmp(p, b->marker, len) == 0) {
					m->recs[r].desc = arena_printf(m->a, "Note %s: %s", b->marker, b->text);
					found = true;
				}
				p += len;
				if (*p == ',')
					p++;
			}
		}
		if (found)
			m->used[i] = 1;
	}
}
