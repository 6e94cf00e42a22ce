/*
 * dm_mapprose.c: items written as paragraphs, one sentence each.
 *
 * A web page of a body's objectives often has lost its list: a heading
 * naming the kind ("Strategic objectives"), a paragraph or two saying
 * what they are ("We have agreed a set of objectives ..."), then each
 * objective a paragraph of one sentence ("We will provide ..."), perhaps
 * one under a heading of its own (the heading is the item, the paragraph
 * its description). That is read as a list when all of it holds: the
 * heading names the kind, an introduction under it names the kind again,
 * and three or more one-sentence paragraphs run to the end of the section
 * with nothing else between them. Prose of several sentences is not read.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/str.h"
#include "import/dm_map_impl.h"

#define PROSE_MIN 3
#define SENTENCE_MAX 250

/* One sentence: no full stop inside, not too long, not a question or a label. */
static bool
one_sentence(const char *s)
{
	size_t n = strlen(s);

	if (n < 20 || n > SENTENCE_MAX || strchr(s, '?') != NULL || strstr(s, ": ") != NULL)
		return false;
	for (const char *p = s; (p = strstr(p, ". ")) != NULL; p += 2)
		if (isupper((unsigned char)p[2]))
			return false;
	return true;
}

/* A short title over a paragraph: a few words, a capital, no sentence's end. */
static bool
title_line(const struct dm_block *b)
{
	size_t n = strlen(b->text);

	return (b->type == DM_HEADING || b->type == DM_PARA) && n > 0 && n <= 60 &&
	    isupper((unsigned char)b->text[0]) && !strchr(".;:,", b->text[n - 1]);
}

size_t
map_prose_items(struct mctx *m, size_t i)
{
	const struct dm_block *h;
	size_t j, start, end, items = 0, hi = i;
	enum rec_kind k;
	bool intro = false;
	int group;

	/* block i is the introduction's first paragraph; the heading above it (perhaps the title) */
	if (map_block(m, i)->type != DM_PARA)
		return 0;
	while (hi > 0 && (map_block(m, hi - 1)->flags & DMF_NOISE))
		hi--;
	if (hi == 0)
		return 0;
	h = map_block(m, hi - 1);
	if (h->type != DM_HEADING || strlen(h->text) > 60 ||
	    (k = map_kind_named(h->text)) == RK_NONE)
		return 0;
	/* the introduction: paragraphs naming the kind */
	for (j = i; j < m->d->nblocks; j = map_next(m, j)) {
		const struct dm_block *b = map_block(m, j);

		if (b->type != DM_PARA || m->used[j] || map_kind_named(b->text) != k)
			break;
		intro = true;
	}
	if (!intro)
		return 0;
	/* the items: one sentence each, a title line over one, to the section's end */
	start = j;
	for (end = j; end < m->d->nblocks; end = map_next(m, end)) {
		const struct dm_block *b = map_block(m, end);
		size_t nx = map_next(m, end);

		if (m->used[end])
			return 0;
		if (title_line(b) && nx < m->d->nblocks && map_block(m, nx)->type == DM_PARA &&
		    one_sentence(map_block(m, nx)->text) && !m->used[nx]) {
			items++;
			end = nx;
			continue;
		}
		if (b->type == DM_HEADING)
			break;
		if (b->type != DM_PARA || !one_sentence(b->text))
			return 0;
		items++;
	}
	if (items < PROSE_MIN)
		return 0;
	if (m->o->as != RK_NONE)
		k = m->o->as;
	group = map_group(m, k, h->text, h->pos);
	for (j = start; j < end; j = map_next(m, j)) {
		const struct dm_block *b = map_block(m, j);
		size_t nx = map_next(m, j);
		struct mrec *r = map_rec(m, k, b, group);

		m->used[j] = 1;
		r->title = map_tidy(m, b->text, false);
		r->timescale = map_text_timescale(m, b->text);
		if (title_line(b) && nx < end && map_block(m, nx)->type == DM_PARA &&
		    one_sentence(map_block(m, nx)->text)) {
			r->desc = map_block(m, nx)->text;
			m->used[nx] = 1;
			j = nx;
		}
	}
	return end - i;
}
