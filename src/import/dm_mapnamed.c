/*
 * dm_mapnamed.c: items a document names only by their numbers, and counts
 * that are not items.
 *
 * A progress report often says what happened to items without their
 * wording: "15 actions were completed:" then bullets that each name
 * several ("actions 3.5, 3.7 and 3.10 within ..."), or a sentence "four
 * actions (actions 2.3 and ...) missed their date". And a list under
 * "Of the remaining 26 actions:" may only count them ("ten are on
 * track", "eight have not started"). Both are read only when the numbers
 * agree: the references named add up to the count the introduction (or
 * the sentence) states, or the counts in the bullets add up to it. What
 * does not add up is left as it was, read or reported.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/str.h"
#include "import/dm_map_impl.h"

#define MAX_NAMED 64

struct named {
	enum rec_kind kind;
	size_t n;
	const char *ref[MAX_NAMED];
	const char *rest;	/* what follows the last reference */
};

/* "3.10", "12", "4a": a reference's length at s, or 0. */
static size_t
ref_len(const char *s)
{
	size_t i = 0;

	if (!isdigit((unsigned char)s[0]))
		return 0;
	while (isdigit((unsigned char)s[i]) || (s[i] == '.' && isdigit((unsigned char)s[i + 1])))
		i++;
	if (islower((unsigned char)s[i]) && !isalpha((unsigned char)s[i + 1]))
		i++;
	return isalnum((unsigned char)s[i]) ? 0 : i;
}

/*
 * "actions 1.2 and 1.5 within ...", "recommendations 4, 7, and 9": a
 * family noun, then one or more references; the kind, or RK_NONE.
 */
static enum rec_kind
named_refs(struct mctx *m, const char *s, struct named *out)
{
	size_t len;
	enum rec_kind k;
	const char *p = s;

	out->n = 0;
	while (*p == ' ' || *p == '(')
		p++;
	if ((k = vocab_family_at(p, &len)) == RK_NONE)
		return RK_NONE;
	p += len;
	for (;;) {
		size_t rl;

		while (*p == ' ')
			p++;
		if ((rl = ref_len(p)) == 0 || out->n == MAX_NAMED)
			break;
		out->ref[out->n++] = arena_strndup(m->a, p, rl);
		p += rl;
		/* ", ", " and ", ", and ", " & " */
		{
			const char *q = p;

			if (*q == ',')
				q++;
			while (*q == ' ')
				q++;
			if (strncmp(q, "and ", 4) == 0)
				q += 4;
			else if (strncmp(q, "& ", 2) == 0)
				q += 2;
			else if (q == p || *p != ',')
				break;
			if (ref_len(q) == 0)
				break;
			p = q;
		}
	}
	if (out->n == 0)
		return RK_NONE;
	out->kind = k;
	out->rest = p;
	return k;
}

/* A record of kind k with this reference read before: its index, or -1. */
static int
read_before(const struct mctx *m, enum rec_kind k, const char *ref, size_t below)
{
	for (size_t i = 0; i < below; i++)
		if (m->recs[i].kind == k && m->recs[i].ref != NULL && strcmp(m->recs[i].ref, ref) == 0)
			return (int)i;
	return -1;
}

bool
map_name_to_count(struct mctx *m, size_t from, int count)
{
	size_t n = m->nrecs - from, total = 0;
	struct named *nm;
	struct mrec *old;

	if (count <= 0 || n == 0 || (size_t)count <= n)
		return false;
	nm = arena_array(m->a, n, sizeof(*nm));
	for (size_t i = 0; i < n; i++) {
		const struct mrec *r = &m->recs[from + i];

		if (r->title == NULL || named_refs(m, r->title, &nm[i]) != r->kind)
			return false;
		total += nm[i].n;
	}
	if (total != (size_t)count)
		return false;
	old = arena_array(m->a, n, sizeof(*old));
	memcpy(old, m->recs + from, n * sizeof(*old));
	m->nrecs = from;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < nm[i].n; j++) {
			struct mrec *r = map_rec(m, old[i].kind, NULL, old[i].group);

			*r = old[i];
			r->ref = nm[i].ref[j];
			/* the document gives only the number; the line it was named in is kept */
			r->title = arena_printf(m->a, "%s %s", vocab_kind_name(old[i].kind), r->ref);
			r->title = map_tidy(m, r->title, true);
			r->desc = old[i].title;
		}
	return true;
}

/* "ten are ...", "3 have not started": a number, then a verb: the count of some items. */
static int
tally_of(const char *s)
{
	static const char *const verbs[] = { "are ", "is ", "have ", "has ", "were ", "was ", "had ",
		"remain ", "remains " };
	size_t w = 0;
	int v;

	while (isalnum((unsigned char)s[w]))
		w++;
	if (w == 0 || s[w] != ' ' || (v = map_number_word(s, w)) <= 0)
		return 0;
	for (size_t i = 0; i < WM_ARRAY_LEN(verbs); i++)
		if (str_has_prefix_nocase(s + w + 1, verbs[i]))
			return v;
	return 0;
}

bool
map_tallies_to_count(struct mctx *m, size_t from, int count, size_t first, size_t last)
{
	int sum = 0;

	if (count <= 0 || m->nrecs == from)
		return false;
	for (size_t i = from; i < m->nrecs; i++) {
		int v = m->recs[i].title != NULL ? tally_of(m->recs[i].title) : 0;

		if (v == 0)
			return false;
		sum += v;
	}
	if (sum != count)
		return false;
	m->nrecs = from;
	for (size_t x = first; x <= last && x < m->d->nblocks; x++)
		if (m->used[x] && map_block(m, x)->type == DM_ITEM) {
			m->used[x] = 0;
			m->why[x] = "a count of items the list does not name (its counts add up to "
			    "the total above it), not an item";
		}
	return true;
}

/*
 * Where a predicate ends: the sentence's end, or a participle starting a
 * clause about its object ("their date [set out in the plan]").
 */
static size_t
predicate_len(const char *s)
{
	static const char *const participles[] = { " detailed ", " described ", " set out ",
		" listed ", " shown ", " stated ", " given ", " outlined ", " specified ", " agreed in " };
	size_t n = strcspn(s, ".;,:(");

	for (size_t i = 0; i < WM_ARRAY_LEN(participles); i++) {
		const char *p = strstr(s, participles[i]);

		if (p != NULL && (size_t)(p - s) < n)
			n = (size_t)(p - s);
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

/* The text of block i if it is a paragraph not read yet, else NULL. */
static const char *
para_text(const struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);

	return b != NULL && b->type == DM_PARA && !m->used[i] ? b->text : NULL;
}

size_t
map_named_prose(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);
	const char *s = para_text(m, i);
	int made = 0, group = -1;

	if (s == NULL)
		return 0;
	/* "four actions (actions 2.3, 3.6 and 5.1) did not ...": the number, the noun, the names */
	for (const char *p = strchr(s, '('); p != NULL; p = strchr(p + 1, '(')) {
		struct named nm;
		const char *q = p, *close, *w;
		size_t len;
		int count;
		enum rec_kind k;

		/* the noun before the bracket, and the number before it */
		while (q > s && q[-1] == ' ')
			q--;
		w = q;
		while (w > s && isalpha((unsigned char)w[-1]))
			w--;
		if (w == q || (k = vocab_family_at(w, &len)) == RK_NONE || w + len != q || w == s ||
		    w[-1] != ' ')
			continue;
		{
			const char *e = w - 1, *nb = e;

			while (nb > s && isalnum((unsigned char)nb[-1]))
				nb--;
			if ((count = map_number_word(nb, (size_t)(e - nb))) <= 0)
				continue;
		}
		if (named_refs(m, p + 1, &nm) != k || nm.rest[0] != ')')
			continue;
		if ((int)nm.n != count) {
			/* the numbers disagree: which items it means is not certain */
			map_unread(m, b, b->pos, w, arena_printf(m->a, "it says %d %s but names %zu: "
			    "not read, since which it means is not certain", count,
			    vocab_kind_plural(k), nm.n));
			continue;
		}
		close = nm.rest + 1;
		while (*close == ' ')
			close++;
		{
			size_t pl = predicate_len(close);
			const char *status = pl > 0 ? arena_strndup(m->a, close, pl) : NULL;

			for (size_t j = 0; j < nm.n; j++) {
				int known = read_before(m, k, nm.ref[j], m->nrecs);
				struct mrec *r;

				if (known >= 0) {
					/* a record read already: what the sentence says is its state */
					if (m->recs[known].status == NULL)
						m->recs[known].status = status;
					made++;
					continue;
				}
				if (group < 0)
					group = map_group(m, k, NULL, b->pos);
				r = map_rec(m, k, b, group);
				r->ref = nm.ref[j];
				r->title = map_tidy(m, arena_printf(m->a, "%s %s", vocab_kind_name(k),
				    nm.ref[j]), true);
				r->desc = s;
				r->status = status;
				made++;
			}
		}
	}
	if (made == 0)
		return 0;
	m->used[i] = 1;
	return 1;
}

/* ---- lists whose items name what they are ---------------------------- */

enum rec_kind
map_self_kind(struct mctx *m, size_t j)
{
	const struct dm_block *first = map_block(m, j);
	int counts[RK__MAX] = { 0 }, items = 0;

	if (first == NULL || first->type != DM_ITEM)
		return RK_NONE;
	/* "... This recommendation had arisen ...": an item speaking of itself */
	for (; j < m->d->nblocks; j = map_next(m, j)) {
		const struct dm_block *b = map_block(m, j);
		bool seen[RK__MAX] = { false };

		if (b->type != DM_ITEM || b->level < first->level)
			break;
		if (b->level > first->level)
			continue;
		items++;
		for (const char *p = b->text; (p = strstr(p, "his ")) != NULL; p += 4) {
			size_t n;
			enum rec_kind k;

			if (p == b->text || (p[-1] != 't' && p[-1] != 'T') ||
			    (p - 1 > b->text && isalpha((unsigned char)p[-2])))
				continue;
			k = vocab_family_at(p + 4, &n);
			/* the singular: "this recommendation", not "this recommendations'..." */
			if (k != RK_NONE && p[3 + n] != 's' && !seen[k]) {
				seen[k] = true;
				counts[k]++;
			}
		}
	}
	if (items < 2)
		return RK_NONE;
	for (int k = 0; k < RK__MAX; k++)
		if (counts[k] * 2 > items)
			return (enum rec_kind)k;
	return RK_NONE;
}

const char *
map_counted_status(struct mctx *m, const char *text)
{
	/* "five Red responses which included the following:": a count, a status, what they are */
	static const char *const after[] = { " which ", " that ", ", including", " including",
		":" };

	for (const char *p = text; *p != '\0'; p++) {
		size_t w = 0, st, nw;
		const char *q;

		if (p > text && isalnum((unsigned char)p[-1]))
			continue;
		while (isalnum((unsigned char)p[w]))
			w++;
		if (w == 0 || p[w] != ' ' || map_number_word(p, w) <= 0)
			continue;
		q = p + w + 1;
		if ((st = vocab_status_at(q)) == 0 || (st == 1 && q[1] != '\0' && q[1] != ' ') ||
		    q[st] != ' ')
			continue;
		nw = 0;
		while (isalpha((unsigned char)q[st + 1 + nw]))
			nw++;
		if (nw < 3 || q[st + nw] != 's')
			continue;
		for (size_t i = 0; i < WM_ARRAY_LEN(after); i++)
			if (strncmp(q + st + 1 + nw, after[i], strlen(after[i])) == 0)
				return arena_strndup(m->a, q, st);
	}
	return NULL;
}

/* ---- what a paragraph says of a record -------------------------------- */

bool
map_commentary(struct mctx *m, size_t x, struct mrec *r)
{
	const char *noun = vocab_kind_name(r->kind), *t = para_text(m, x), *p;

	if (t == NULL || r->desc != NULL)
		return false;
	/* "... in addressing this recommendation": the paragraph is about the record above */
	for (p = t; *p != '\0'; p++)
		if ((p == t || !isalpha((unsigned char)p[-1])) && str_has_prefix_nocase(p, "this ") &&
		    str_has_prefix_nocase(p + 5, noun) && !isalpha((unsigned char)p[5 + strlen(noun)])) {
			r->desc = t;
			m->used[x] = 1;
			return true;
		}
	return false;
}

/*
 * "... progress against Recommendation 2 – Improve the rigour ... and also
 * recommendation 6 – Strengthen ...": labelled items named inside a
 * sentence, each a label, its number, a dash and a title with a capital.
 * Items read before are not made again.
 */
size_t
map_labels_in_prose(struct mctx *m, size_t i)
{
	const struct dm_block *b = map_block(m, i);
	const char *s = para_text(m, i);
	int made = 0, group = -1;

	if (s == NULL)
		return 0;
	for (const char *p = s; *p != '\0'; p++) {
		size_t len, rl;
		enum rec_kind k;
		const char *q, *title, *e;

		if ((p > s && isalnum((unsigned char)p[-1])) || (k = vocab_family_at(p, &len)) == RK_NONE ||
		    p[len] != ' ' || (rl = ref_len(p + len + 1)) == 0)
			continue;
		q = p + len + 1 + rl;
		if (strncmp(q, " \xE2\x80\x93 ", 5) == 0)
			title = q + 5;
		else if (strncmp(q, " - ", 3) == 0)
			title = q + 3;
		else
			continue;
		if (!isupper((unsigned char)*title))
			continue;
		/* the title runs to the sentence's end, or to the next label joined by "and" */
		e = title;
		while (*e != '\0' && !(*e == '.' && (e[1] == ' ' || e[1] == '\0'))) {
			size_t l2, skip = strncmp(e, " and also ", 10) == 0 ? 10 :
			    strncmp(e, " and ", 5) == 0 ? 5 : 0;

			if (skip > 0 && vocab_family_at(e + skip, &l2) == k)
				break;
			e++;
		}
		{
			const char *ref = arena_strndup(m->a, p + len + 1, rl);
			struct mrec *r;

			if (read_before(m, k, ref, m->nrecs) >= 0)
				continue;
			if (group < 0)
				group = map_group(m, k, NULL, b->pos);
			r = map_rec(m, k, b, group);
			r->ref = ref;
			r->title = map_tidy(m, arena_strndup(m->a, title, (size_t)(e - title)), true);
			made++;
		}
		p = e - 1;
	}
	if (made == 0)
		return 0;
	m->used[i] = 1;
	return 1;
}
