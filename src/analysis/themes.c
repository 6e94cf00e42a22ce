/*
 * themes.c: matching theme rules against issue texts (see themes.h).
 *
 * Both pattern and text are cut into lower-case words (runs of letters,
 * digits and non-ASCII bytes) with plural endings folded as textsim.h
 * folds them; matching compares word lists, so the punctuation, spacing
 * and plurals people type make no difference.
 */
#include "base/wm.h"

#include <ctype.h>

#include "analysis/textsim.h"
#include "analysis/themes.h"
#include "base/mem.h"

struct words {
	char *text;		/* lower-cased copy, words NUL-terminated in place */
	const char **w;
	size_t n;
};

static bool
word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

static void
words_split(struct words *ws, const char *s)
{
	size_t len = strlen(s), cap = len / 2 + 1;
	char *p;

	ws->text = wm_malloc(len + 1);
	ws->w = wm_calloc(cap, sizeof(*ws->w));
	ws->n = 0;
	for (size_t i = 0; i <= len; i++)
		ws->text[i] = (char)tolower((unsigned char)s[i]);
	p = ws->text;
	while (*p != '\0') {
		char *start;

		while (*p != '\0' && !word_byte((unsigned char)*p))
			*p++ = '\0';
		if (*p == '\0')
			break;
		start = p;
		while (*p != '\0' && word_byte((unsigned char)*p))
			p++;
		/*
		 * Fold plurals as the similarity measure does. The folded word is
		 * never longer; the separator at p is cut off on the next round.
		 */
		{
			size_t n = (size_t)(p - start), flen;
			char *folded = wm_malloc(n + 1);

			textsim_fold(start, n, folded, n + 1);
			flen = strlen(folded);
			memcpy(start, folded, flen);
			if (flen < n)
				start[flen] = '\0';
			free(folded);
		}
		ws->w[ws->n++] = start;
	}
}

static void
words_release(struct words *ws)
{
	free(ws->text);
	free(ws->w);
}

static bool
match_words(const struct words *pat, const struct words *text)
{
	if (pat->n == 0)
		return false;
	for (size_t i = 0; i + pat->n <= text->n; i++) {
		size_t j = 0;

		for (; j + 1 < pat->n; j++)
			if (strcmp(pat->w[j], text->w[i + j]) != 0)
				break;
		if (j + 1 == pat->n &&
		    strncmp(pat->w[j], text->w[i + j], strlen(pat->w[j])) == 0)
			return true;
	}
	return false;
}

bool
theme_matches(const char *pattern, const char *text)
{
	struct words p, t;
	bool m;

	if (pattern == NULL || text == NULL)
		return false;
	words_split(&p, pattern);
	words_split(&t, text);
	m = match_words(&p, &t);
	words_release(&p);
	words_release(&t);
	return m;
}

void
theme_tag(const char *text, const struct theme_rule_in *rules, size_t nrules,
    const size_t *hand, size_t nhand, size_t nthemes, unsigned *how, long *rule)
{
	struct words t;

	for (size_t i = 0; i < nthemes; i++) {
		how[i] = 0;
		rule[i] = -1;
	}
	for (size_t i = 0; i < nhand; i++)
		if (hand[i] < nthemes)
			how[hand[i]] |= THEME_HAND;
	words_split(&t, text ? text : "");
	for (size_t r = 0; r < nrules; r++) {
		struct words p;
		size_t th = rules[r].theme;

		if (th >= nthemes || rules[r].pattern == NULL)
			continue;
		words_split(&p, rules[r].pattern);
		if (match_words(&p, &t)) {
			how[th] |= THEME_RULE;
			if (rule[th] < 0)
				rule[th] = (long)r;
		}
		words_release(&p);
	}
	words_release(&t);
}
