/*
 * dm_text.c: reading plain text into the document model (see dm.h).
 *
 * Text saved from Word, from web pages, from PDFs and from document sites
 * has no markup, only layout. The reader first finds the tables, in the
 * layouts dm_texttab.c knows (tab-separated, pipes, one cell per line,
 * columns aligned by spaces, rows run together), then reads the rest
 * line by line:
 *
 *   - page furniture (site chrome, page numbers, a line printed again as a
 *     page header, image text, links to documents) is kept as noise, with
 *     the reason;
 *   - a line starting with a footnote mark is a footnote;
 *   - a line starting with a list marker (bullets, 1., 2.1, 2.1a, a),
 *     (iv)) is an item; its level comes from which markers enclose it;
 *   - a short line standing alone, or over what it heads, is a heading
 *     (guessed, DMF_GUESS); "# Title" is one for certain;
 *   - everything else is a paragraph, lines wrapped at the width of the
 *     text joined again.
 *
 * Nothing here knows what a recommendation is: the mapper decides what
 * the blocks mean.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/tsc.h"
#include "import/dm_text_impl.h"
#include "import/text.h"
#include "import/vocab.h"

#define MAX_LINES 1000000

/* ---- lines ------------------------------------------------------------ */

/* A literal line break tag in text ("<br />"): its length, or 0. */
static size_t
br_tag(const char *s, size_t n)
{
	size_t i;

	if (n < 4 || s[0] != '<' || strncasecmp(s + 1, "br", 2) != 0)
		return 0;
	for (i = 3; i < n && i < 8 && (s[i] == ' ' || s[i] == '/'); i++)
		;
	return i < n && s[i] == '>' ? i + 1 : 0;
}

static void
add_line(struct tdoc *t, struct arena *a, const char *s, size_t len, int no)
{
	struct tline *l = &t->l[t->n++];
	size_t k = 0;

	while (len > 0 && (s[len - 1] == '\r' || s[len - 1] == ' '))
		len--;
	l->no = no;
	l->raw = arena_strndup(a, s, len);
	l->len = len;
	while (k < len && s[k] == ' ')
		k++;
	l->indent = (int)k;
	for (size_t i = 0; i < len; i++)
		l->tabs += s[i] == '\t';
	l->text = dm_clean(t->d, s, len, &l->marks);
	if ((int)len > t->width)
		t->width = (int)len;
}

/*
 * A line with bullets inside it (a page flattened into one paragraph:
 * "... outcomes which are: • Improved confidence; • Reduced crime; and •
 * Vulnerable people are protected. In setting this Plan ...") is the
 * lines it was: the text before the first bullet, each bullet's item,
 * and, after the last, the sentences that follow it.
 */
static void
add_pieces(struct tdoc *t, const char *s, size_t len, int no)
{
	static const char bullet[] = "\xE2\x80\xA2";
	const char *cuts[64];
	size_t n = 0, k = 0;

	while (k < len && s[k] == ' ')
		k++;
	for (size_t i = k + 1; i + 3 < len && n + 2 < WM_ARRAY_LEN(cuts); i++)
		if (memcmp(s + i, bullet, 3) == 0 && s[i - 1] == ' ')
			cuts[n++] = s + i;
	if (n == 0 || memchr(s, '\t', len) != NULL) {
		add_line(t, t->d->a, s, len, no);
		return;
	}
	/* after the last of several bullets, the paragraph goes on */
	if (n >= 2)
		for (const char *p = cuts[n - 1]; p + 2 < s + len; p++)
			if (p[0] == '.' && p[1] == ' ' && isupper((unsigned char)p[2])) {
				cuts[n++] = p + 2;
				break;
			}
	add_line(t, t->d->a, s, (size_t)(cuts[0] - s), no);
	for (size_t i = 0; i < n; i++) {
		const char *e = i + 1 < n ? cuts[i + 1] : s + len;

		add_line(t, t->d->a, cuts[i], (size_t)(e - cuts[i]), no);
	}
}

static int
split_lines(struct tdoc *t, const char *data, size_t len, struct wm_err *err)
{
	size_t n = 1, start = 0, cap;
	int no = 1;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	size_t bullets = 0;

	for (size_t i = start; i < len; i++) {
		n += data[i] == '\n' || (data[i] == '<' && br_tag(data + i, len - i) > 0);
		bullets += i + 3 <= len && memcmp(data + i, "\xE2\x80\xA2", 3) == 0;
	}
	if (n > MAX_LINES)
		return wm_error(err, WM_ETOOBIG, "%zu lines; Waymark reads documents of up to %d",
		    n, MAX_LINES);
	/* a bullet inside a line may make two lines of it (add_pieces) */
	cap = n + 2 * bullets;
	t->l = arena_array(t->d->a, cap, sizeof(*t->l));
	for (size_t i = start; i <= len; i++) {
		size_t br = 0;

		if (i < len && data[i] == '<')
			br = br_tag(data + i, len - i);
		if (i == len || data[i] == '\n' || br > 0) {
			if (!(i == len && i == start && t->n > 0))
				add_pieces(t, data + start, i - start, no);
			if (i < len && data[i] == '\n')
				no++;
			start = i + (br > 0 ? br : 1);
			if (br > 0)
				i += br - 1;
		}
	}
	return 0;
}

/* ---- markers ---------------------------------------------------------- */

static size_t
bullet(const char *s)
{
	static const char *const glyphs[] = { "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x97\x8F",
		"\xE2\x96\xAA", "\xE2\x97\xA6", "\xE2\x96\xBA", "\xE2\x96\xA0", "\xE2\x9C\x93",
		"\xEF\x82\xB7", "\xEF\x82\xA7", "\xE2\x9E\xA2", "\xE2\x80\xA3" };

	for (size_t i = 0; i < WM_ARRAY_LEN(glyphs); i++)
		if (strncmp(s, glyphs[i], strlen(glyphs[i])) == 0)
			return strlen(glyphs[i]);
	if ((*s == '-' || *s == '*' || *s == '+') && s[1] == ' ')
		return 1;
	/* "o   Timetable ...": a letter o set as a bullet, with room after it */
	if (*s == 'o' && (s[1] == '\t' || (s[1] == ' ' && s[2] == ' ')))
		return 1;
	return 0;
}

static bool
roman_char(char c)
{
	return strchr("ivxlcdm", c) != NULL && c != '\0';
}

size_t
tt_marker(const char *s, bool *plain_number)
{
	size_t i = 0, n;

	*plain_number = false;
	if ((n = bullet(s)) > 0)
		return n;
	if (s[0] == '(') {
		/* (1) (a) (iv) (A) */
		i = 1;
		while (isalnum((unsigned char)s[i]) && i < 7)
			i++;
		if (i > 1 && s[i] == ')' && (s[i + 1] == ' ' || s[i + 1] == '\t') &&
		    (i == 2 || isdigit((unsigned char)s[1]) || strspn(s + 1, "ivxlcdm") >= i - 1 ||
		    strspn(s + 1, "IVXLCDM") >= i - 1))
			return i + 1;
		return 0;
	}
	if (isdigit((unsigned char)s[0])) {
		bool dotted = false;

		while (isdigit((unsigned char)s[i]) && i < 3)
			i++;
		if (isdigit((unsigned char)s[i]))
			return 0;
		/* 2.1, 2.1.3, 5.1.v, 33.10a */
		while (s[i] == '.' && (isdigit((unsigned char)s[i + 1]) ||
		    (islower((unsigned char)s[i + 1]) && (roman_char(s[i + 1]) ||
		    !isalpha((unsigned char)s[i + 2]))))) {
			size_t k = i + 1;

			if (isdigit((unsigned char)s[k])) {
				while (isdigit((unsigned char)s[k]) && k - i <= 3)
					k++;
			} else {
				while (islower((unsigned char)s[k]) && k - i <= 4)
					k++;
			}
			if (isalnum((unsigned char)s[k]) && !(islower((unsigned char)s[k]) &&
			    !isalpha((unsigned char)s[k + 1])))
				break;
			i = k;
			dotted = true;
		}
		if (islower((unsigned char)s[i]) && !isalpha((unsigned char)s[i + 1]))
			i++;
		if (s[i] == '.' || s[i] == ')')
			return s[i + 1] == ' ' || s[i + 1] == '\t' ? i + 1 : 0;
		if (s[i] == ' ' || s[i] == '\t') {
			*plain_number = !dotted;
			return i;
		}
		return 0;
	}
	if (isalpha((unsigned char)s[0])) {
		/* a) a. A) iv. IX) */
		while (isalpha((unsigned char)s[i]) && i < 6)
			i++;
		if (i > 1 && strspn(s, "ivxlcdm") < i && strspn(s, "IVXLCDM") < i)
			return 0;
		if ((s[i] == ')' || s[i] == '.') && (s[i + 1] == ' ' || s[i + 1] == '\t'))
			return i + 1;
	}
	return 0;
}

size_t
tt_words(const char *s)
{
	size_t n = 0, len;

	while (tt_next_word(&s, &len) != NULL)
		n++;
	return n;
}

/* "16 September", "13 January 2003", "Early - mid December": the line names a time. */
static bool
date_start(const char *s)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul",
		"aug", "sep", "oct", "nov", "dec" };
	const char *p = s;

	while (isdigit((unsigned char)*p))
		p++;
	while (*p == ' ' || (isalpha((unsigned char)*p) && p - s < 6 && p > s &&
	    (strncasecmp(p, "st", 2) == 0 || strncasecmp(p, "nd", 2) == 0 ||
	    strncasecmp(p, "rd", 2) == 0 || strncasecmp(p, "th", 2) == 0)))
		p += *p == ' ' ? 1 : 2;
	for (size_t i = 0; i < WM_ARRAY_LEN(months); i++)
		if (strncasecmp(p, months[i], 3) == 0)
			return true;
	return false;
}

/* Marker styles, to nest items: the same style is the same level. */
static int
marker_style(const char *m, size_t n, int prev_style)
{
	char c = m[0];

	if (bullet(m) > 0)
		return 100 + (unsigned char)m[n - 1];
	if (c == '(')
		return 10 + marker_style(m + 1, n - 1, prev_style);
	if (isdigit((unsigned char)c)) {
		int dots = 0;

		for (size_t i = 0; i < n; i++)
			dots += (m[i] == '.' && i + 1 < n) ||
			    (isalpha((unsigned char)m[i]) && i > 0 && isdigit((unsigned char)m[i - 1]));
		return 20 + dots;
	}
	/* one letter that is also a roman numeral follows the list it is in */
	if (n <= 2 && roman_char((char)tolower((unsigned char)c)) && (prev_style == 40 ||
	    prev_style == 41) && c != 'i' && c != 'I')
		return prev_style;
	if (n <= 2 && (c == 'i' || c == 'I') && (prev_style == 40 || prev_style == 41))
		return prev_style;
	if (strspn(m, "ivxlcdm") == n - 1 && n >= 2)
		return 30;
	if (strspn(m, "IVXLCDM") == n - 1 && n >= 2)
		return 31;
	return islower((unsigned char)c) ? 40 : 41;
}

/* ---- what a line is --------------------------------------------------- */

static bool
is_page_number(const char *s)
{
	size_t n = strlen(s), d = strspn(s, "0123456789");
	int a, b;
	char tail;

	if (d == n && n > 0 && n <= 15) {
		long v = n <= 4 ? strtol(s, NULL, 10) : 0;

		return !(n == 4 && v >= 1900 && v <= 2100);
	}
	if (sscanf(s, "%d of %d%c", &a, &b, &tail) == 2 || sscanf(s, "%dof %d%c", &a, &b, &tail) == 2)
		return a <= b;
	if (strncasecmp(s, "page ", 5) == 0 && isdigit((unsigned char)s[5])) {
		const char *p = s + 5;

		while (isdigit((unsigned char)*p))
			p++;
		return *p == '\0' || strncasecmp(p, " of ", 4) == 0 || *p == ':';
	}
	if (s[0] == '-' && s[1] == ' ' && isdigit((unsigned char)s[2])) {
		const char *p = s + 2;

		while (isdigit((unsigned char)*p))
			p++;
		return strcmp(p, " -") == 0;
	}
	return false;
}

/* "a t t a c h m e n t 1": display text set letter by letter. */
static bool
letter_spaced(const char *s)
{
	size_t words = 0, single = 0, len;
	const char *w;

	while ((w = tt_next_word(&s, &len)) != NULL) {
		words++;
		single += len == 1 && isalpha((unsigned char)*w);
	}
	return words >= 5 && single * 10 >= words * 7;
}

static bool
ends_sentence(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && strchr(".,;:!", s[n - 1]) != NULL;
}

/* Few words, most of them capitalised (or all capitals): a title's look. */
static bool
title_look(const char *s)
{
	size_t words = 0, caps = 0, small = 0, len;
	const char *w;

	while ((w = tt_next_word(&s, &len)) != NULL) {
		words++;
		if (isupper((unsigned char)*w) || isdigit((unsigned char)*w) || (unsigned char)*w >= 0x80)
			caps++;
		else if (len <= 4)
			small++;	/* of, and, the, for */
	}
	return words > 0 && (words <= 4 || caps * 2 >= words - small);
}

/* Could the line be a heading, by its look alone? */
static bool
heading_look(const struct tline *l)
{
	const char *s = l->text;
	size_t n = strlen(s);

	if (n == 0 || n > 90 || tt_words(s) > 12 || ends_sentence(s))
		return false;
	/* a time alone ("September 2024") is a line of a timetable, not its heading */
	if (date_start(s) && tt_words(s) <= 4)
		return false;
	if (!(isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0]) ||
	    (unsigned char)s[0] >= 0x80))
		return false;
	if ((unsigned char)s[0] >= 0x80 && !isalpha((unsigned char)s[1]) && s[1] != '\0' &&
	    (unsigned char)s[1] < 0x80)
		return false;
	return title_look(s);
}

enum lkind { LK_SKIP, LK_NOISE, LK_NOTE, LK_ITEM, LK_HEADING, LK_PARA };

struct lclass {
	enum lkind kind;
	const char *why;	/* LK_NOISE */
	size_t mlen;		/* LK_ITEM: marker length in text */
	int level;		/* LK_HEADING */
	const char *text;	/* what the block holds */
	const char *marker;
};

static void
classify(struct tdoc *t, size_t i, struct lclass *c)
{
	const struct tline *l = &t->l[i];
	const char *s = l->text;
	size_t mlen;
	bool plain;

	memset(c, 0, sizeof(*c));
	c->text = s;
	if (l->used || *s == '\0') {
		c->kind = LK_SKIP;
		return;
	}
	if (vocab_furniture(s, &c->why)) {
		c->kind = LK_NOISE;
		return;
	}
	/* a contents entry: "Vision ........ 4" is "Vision" */
	{
		const char *dots = strstr(s, "....");

		const char *after = dots ? dots + strspn(dots, ". ") : NULL;

		/* the leader runs to the page number, or to the end of the line */
		if (dots != NULL && dots > s && after[strspn(after, "0123456789ivxlc ")] == '\0') {
			while (dots > s && dots[-1] == ' ')
				dots--;
			/* a list of the document's parts: each entry an item */
			c->kind = LK_ITEM;
			c->marker = "";
			c->text = arena_strndup(t->d->a, s, (size_t)(dots - s));
			return;
		}
	}
	if (is_page_number(s)) {
		c->kind = LK_NOISE;
		c->why = "a page number";
		return;
	}
	if (letter_spaced(s)) {
		c->kind = LK_NOISE;
		c->why = "display text set letter by letter";
		return;
	}
	if (vocab_image_text(s)) {
		c->kind = LK_NOISE;
		c->why = "the text of an image";
		return;
	}
	{
		size_t ml = 0;
		int mark = txt_footnote_mark(l->raw + l->indent, &ml);

		if (mark > 0 && ml < l->len && l->text[0] != '\0') {
			c->kind = LK_NOTE;
			c->marker = arena_printf(t->d->a, "%d", mark);
			c->text = dm_clean(t->d, l->raw + l->indent + ml, l->len - l->indent - ml, NULL);
			if (*c->text != '\0')
				return;
		}
	}
	if (s[0] == '#') {
		size_t h = strspn(s, "#");

		if (h <= 6 && s[h] == ' ' && s[h + 1] != '\0') {
			c->kind = LK_HEADING;
			c->level = (int)h;
			c->text = s + h + 1;
			return;
		}
	}
	/* "o   Timetable...": a letter o set as a bullet, known by the room after it as written */
	if (l->raw[l->indent] == 'o' && (l->raw[l->indent + 1] == '\t' ||
	    (l->raw[l->indent + 1] == ' ' && l->raw[l->indent + 2] == ' ')) && s[0] == 'o' &&
	    s[1] == ' ' && s[2] != '\0') {
		c->kind = LK_ITEM;
		c->mlen = 1;
		c->marker = "o";
		c->text = s + 2;
		return;
	}
	if ((mlen = tt_marker(s, &plain)) > 0) {
		const char *rest = s + mlen;

		while (*rest == ' ')
			rest++;
		/* "16 September" is a date, "2 Recommendation" a numbered heading */
		if (*rest != '\0' && !(plain && (date_start(s) || !isupper((unsigned char)*rest)))) {
			c->kind = LK_ITEM;
			c->mlen = mlen;
			c->marker = arena_strndup(t->d->a, s, mlen);
			c->text = rest;
			return;
		}
	}
	c->kind = heading_look(l) ? LK_HEADING : LK_PARA;
	c->level = 2;
}

/* The next line after i that is not blank and not read into a table, or t->n. */
static size_t
next_line(const struct tdoc *t, size_t i)
{
	for (i++; i < t->n; i++)
		if (!t->l[i].used && t->l[i].text[0] != '\0')
			return i;
	return t->n;
}

/*
 * A line that looks like a heading is one if it stands alone, or heads
 * something unlike itself: a sentence, a list. Runs of short lines alike
 * ("Submission December 2012" / "Hearings April 2013") are a list's
 * lines, not headings.
 */
static bool
heads_something(struct tdoc *t, size_t i, const struct lclass *cls)
{
	size_t j = next_line(t, i);
	bool blank_before = i == 0 || tt_blank(t, i - 1) || t->l[i - 1].used;
	bool blank_after = i + 1 >= t->n || tt_blank(t, i + 1) || t->l[i + 1].used;
	struct lclass nc;
	const char *next;

	if (j >= t->n)
		return blank_before;
	classify(t, j, &nc);
	next = t->l[j].text;
	if (nc.kind == LK_ITEM)
		return true;
	if (blank_before && blank_after)
		return true;
	if (nc.kind == LK_HEADING || nc.kind == LK_NOISE || nc.kind == LK_NOTE)
		return blank_after && blank_before;
	/* over a sentence or a long line */
	return ends_sentence(next) || strlen(next) > 90 || tt_words(next) > 12 ||
	    strlen(next) > strlen(cls->text) * 2;
}

/* A short line over a line that starts with a dash: a heading over its description. */
static bool
over_dash(const struct tdoc *t, size_t i)
{
	const char *s = t->l[i].text, *n;
	size_t j = next_line(t, i), len = strlen(s);

	if (j >= t->n || len == 0 || len > 90 || tt_words(s) > 12 || ends_sentence(s) ||
	    !(isupper((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80))
		return false;
	n = t->l[j].text;
	return strncmp(n, "\xE2\x80\x93 ", 4) == 0 || strncmp(n, "\xE2\x80\x94 ", 4) == 0;
}

/* Join line i to the paragraph before it: it goes on from a line wrapped at the width. */
static bool
wrapped(const struct tdoc *t, const struct dm_block *prev, size_t i)
{
	const struct tline *l = &t->l[i], *above;
	size_t n;

	if (prev == NULL || prev->type != DM_PARA || (prev->flags & (DMF_NOISE | DMF_NOTE)) ||
	    i == 0 || prev->pos_end != t->l[i - 1].no || t->l[i - 1].used)
		return false;
	above = &t->l[i - 1];
	n = strlen(above->text);
	if (n < 50 || (int)above->len * 4 < t->width * 3 || strchr(".!?:;", above->text[n - 1]))
		return false;
	return islower((unsigned char)l->text[0]) || l->text[0] == '(' || l->text[0] == '&';
}

/* A marker that starts a list: 1, a, i, A, I. */
static bool
restarts(const char *m)
{
	if (*m == '(')
		m++;
	return (m[0] == '1' && !isdigit((unsigned char)m[1])) || ((m[0] == 'a' || m[0] == 'A' ||
	    m[0] == 'i' || m[0] == 'I') && !isalpha((unsigned char)m[1]));
}

/* Set each item's level from the markers around it. */
struct level_stack {
	struct { int style, indent; } s[16];
	int n;
	int prev_style;
};

static int
item_level(struct level_stack *st, const char *marker, size_t mlen, int indent)
{
	int style = marker_style(marker, mlen, st->prev_style);

	st->prev_style = style;
	/* the same style at the same indent first: an outline's levels by where they stand */
	for (int k = st->n - 1; k >= 0; k--)
		if (st->s[k].style == style && abs(st->s[k].indent - indent) <= 1) {
			st->n = k + 1;
			return k;
		}
	for (int k = st->n - 1; k >= 0; k--)
		if (st->s[k].style == style) {
			/* "1." again, set further in: a list that starts anew under the item above */
			if (indent > st->s[k].indent + 1 && restarts(marker) && k == st->n - 1)
				break;
			st->n = k + 1;
			st->s[k].indent = indent;
			return k;
		}
	while (st->n > 0 && st->s[st->n - 1].indent > indent)
		st->n--;
	if (st->n < (int)WM_ARRAY_LEN(st->s)) {
		st->s[st->n].style = style;
		st->s[st->n].indent = indent;
		st->n++;
	}
	return st->n - 1;
}

/* The block being joined gets its whole text (once: joining line by line would be quadratic). */
static void
end_join(struct tdoc *t)
{
	if (t->joining != SIZE_MAX)
		t->d->blocks[t->joining].text = arena_strdup(t->d->a, buf_str(t->join));
	t->joining = SIZE_MAX;
	buf_reset(t->join);
}

static void
join_line(struct tdoc *t, struct dm_block *prev, const char *text, int no)
{
	size_t k = (size_t)(prev - t->d->blocks);

	if (t->joining != k) {
		end_join(t);
		buf_adds(t->join, prev->text);
		t->joining = k;
	}
	buf_addc(t->join, ' ');
	buf_adds(t->join, text);
	prev->pos_end = no;
}

/* The last character of a block's text, as joined so far. */
static char
last_char(const struct tdoc *t, const struct dm_block *b)
{
	const char *s = t->joining == (size_t)(b - t->d->blocks) ? buf_str(t->join) : b->text;
	size_t n = strlen(s);

	return n ? s[n - 1] : '\0';
}

static int
add_block(struct tdoc *t, size_t i, const struct lclass *c, struct level_stack *st,
    struct wm_err *err)
{
	struct dm_doc *d = t->d;
	const struct tline *l = &t->l[i];
	struct dm_block *b, *prev = d->nblocks ? &d->blocks[d->nblocks - 1] : NULL;
	enum dm_type type = c->kind == LK_HEADING ? DM_HEADING : c->kind == LK_ITEM ? DM_ITEM :
	    DM_PARA;

	/* a contents entry wrapped: "To ensure that ... is a well-led and" / "well-managed ... 14" */
	if (c->kind == LK_ITEM && c->marker[0] == '\0' && islower((unsigned char)c->text[0]) &&
	    prev != NULL && (prev->type == DM_PARA || prev->type == DM_HEADING) &&
	    !(prev->flags & (DMF_NOISE | DMF_NOTE)) && prev->pos_end == l->no - 1) {
		end_join(t);
		prev->type = DM_ITEM;
		prev->flags &= ~(unsigned)DMF_GUESS;
		prev->marker = "";
		prev->level = 0;
		prev->text = arena_printf(d->a, "%s %s", prev->text, c->text);
		prev->pos_end = l->no;
		return 0;
	}
	if (c->kind == LK_PARA && wrapped(t, prev, i)) {
		join_line(t, prev, c->text, l->no);
		return 0;
	}
	/*
	 * An item's line wrapped, or indented under it, or its last word or two
	 * on a line, ending its sentence: "Council." goes on from "... for the
	 * Town", but "Status" or "Theme 3" under an item is a label of its own.
	 */
	if (c->kind == LK_PARA && prev != NULL && prev->type == DM_ITEM &&
	    (prev->pos_end == l->no - 1 || prev->pos_end == l->no) &&
	    i > 0 && !t->l[i - 1].used && ((l->indent > t->l[i - 1].indent && !heading_look(l) &&
	    !(date_start(c->text) && tt_words(c->text) <= 3 && strchr(".;!?", last_char(t, prev)))) ||
	    (!strchr(".;:!?", last_char(t, prev)) && strstr(c->text, ": ") == NULL &&
	    !date_start(c->text) && (islower((unsigned char)c->text[0]) || (tt_words(c->text) <= 2 &&
	    strchr(".;!", c->text[strlen(c->text) - 1]) != NULL))))) {
		join_line(t, prev, c->text, l->no);
		return 0;
	}
	end_join(t);
	if ((b = dm_add(d, type, err)) == NULL)
		return err->code;
	b->text = c->text;
	b->marks = l->marks;
	b->pos = b->pos_end = l->no;
	switch (c->kind) {
	case LK_NOISE:
		b->flags |= DMF_NOISE;
		b->why = c->why;
		break;
	case LK_NOTE:
		b->flags |= DMF_NOTE;
		b->marker = c->marker;
		b->marks = NULL;
		break;
	case LK_ITEM:
		b->marker = c->marker;
		b->level = item_level(st, c->marker, c->mlen, l->indent);
		break;
	case LK_HEADING:
		b->level = c->level;
		if (l->text[0] != '#')
			b->flags |= DMF_GUESS;
		st->n = 0;
		break;
	default:
		if (l->indent == 0)
			st->n = 0;
		break;
	}
	dm_where(d, b);
	return 0;
}

/*
 * A short line printed again (a title block on every page, a theme heading
 * twice) is a page header the second time: labels ("Status", "Lead:") and
 * times ("January") are not, however often they come.
 */
static uint64_t
fold_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) * 1099511628211ULL;
	return h;
}

static bool
repeat_candidate(const struct dm_block *b)
{
	size_t n;

	if (b->type == DM_TABLE || b->type == DM_ITEM || (b->flags & (DMF_NOISE | DMF_NOTE)))
		return false;
	n = strlen(b->text);
	/* a field ("Status: Open") repeats for every record that has it */
	{
		const char *colon = strstr(b->text, ": ");

		if (colon != NULL && colon - b->text < 40)
			return false;
	}
	return n > 0 && n <= 80 && b->text[n - 1] != ':' && !vocab_is_column_name(b->text) &&
	    !date_start(b->text);
}

static void
mark_repeats(struct dm_doc *d)
{
	size_t cap = 64;
	const char **seen;

	while (cap < d->nblocks * 2)
		cap *= 2;
	seen = arena_array(d->a, cap, sizeof(*seen));
	for (size_t i = 0; i < d->nblocks; i++) {
		struct dm_block *b = &d->blocks[i];
		size_t k;

		if (!repeat_candidate(b))
			continue;
		for (k = fold_hash(b->text) & (cap - 1); seen[k] != NULL; k = (k + 1) & (cap - 1))
			if (strcasecmp(seen[k], b->text) == 0)
				break;
		if (seen[k] != NULL) {
			b->flags |= DMF_NOISE;
			b->why = "printed again, as a page header or title is";
		} else {
			seen[k] = b->text;
		}
	}
}

/* Lines into blocks: the tables first, then what is left, which is prose. */
static int
read_lines(struct tdoc *t, struct level_stack *st, struct wm_err *err)
{
	struct dm_doc *d = t->d;
	struct dm_table **tables = arena_array(d->a, t->n + 1, sizeof(*tables));
	int rc;

	for (size_t i = 0; i < t->n;) {
		long n;

		if (t->l[i].used || tt_blank(t, i)) {
			i++;
			continue;
		}
		if ((n = tt_table(t, i, &tables[i], err)) < 0)
			return (int)n;
		i += n > 0 ? (size_t)n : 1;
	}
	for (size_t i = 0; i < t->n; i++) {
		struct lclass c;

		if (tables[i] != NULL) {
			struct dm_block *b;
			const struct dm_table *tb = tables[i];

			end_join(t);
			if ((b = dm_add(d, DM_TABLE, err)) == NULL)
				return err->code;
			b->table = tables[i];
			b->pos = tb->row_pos[0];
			b->pos_end = tb->row_pos[tb->nrows - 1];
			dm_where(d, b);
			st->n = 0;
			continue;
		}
		classify(t, i, &c);
		if (c.kind == LK_SKIP)
			continue;
		if (c.kind == LK_HEADING && t->l[i].text[0] != '#' && !heads_something(t, i, &c))
			c.kind = LK_PARA;
		/* "Tackling crime" over "– our objective is to...": a heading in sentence case */
		if (c.kind == LK_PARA && over_dash(t, i))
			c.kind = LK_HEADING;
		if ((rc = add_block(t, i, &c, st, err)) != 0)
			return rc;
	}
	return 0;
}

int
dm_read_text(struct dm_doc *d, const char *data, size_t len, struct wm_err *err)
{
	struct buf join = BUF_INIT;
	struct tdoc t = { .d = d, .join = &join, .joining = SIZE_MAX };
	struct level_stack st = { .n = 0 };
	int rc;

	if ((rc = split_lines(&t, data, len, err)) == 0)
		rc = read_lines(&t, &st, err);
	end_join(&t);
	buf_release(&join);
	if (rc == 0)
		mark_repeats(d);
	return rc;
}
