/*
 * textsim.c: TF-IDF cosine similarity over a corpus of short texts (see
 * textsim.h).
 *
 * Each text is kept as its distinct words (as term numbers, sorted) with
 * their counts. Weights depend on the whole corpus, so they are worked out
 * when first asked for after the corpus last changed.
 */
#include "base/wm.h"

#include <ctype.h>
#include <math.h>

#include "analysis/textsim.h"
#include "base/map.h"
#include "base/mem.h"

#define WORD_MAX 64

struct posting {
	size_t term;
	unsigned count;
	double weight;
};

struct doc {
	struct posting *p;
	size_t n;
	double norm;
};

struct textsim {
	struct strmap ids;	/* folded word -> term number */
	char **terms;
	size_t *df;		/* texts containing each term */
	size_t nterms, capterms;
	struct doc *docs;
	size_t ndocs, capdocs;
	bool weighed;		/* weights are up to date */
};

struct textsim *
textsim_new(void)
{
	struct textsim *ts = wm_calloc(1, sizeof(*ts));
	struct strmap empty = STRMAP_INIT;

	ts->ids = empty;
	return ts;
}

void
textsim_free(struct textsim *ts)
{
	if (ts == NULL)
		return;
	for (size_t i = 0; i < ts->nterms; i++)
		free(ts->terms[i]);
	for (size_t i = 0; i < ts->ndocs; i++)
		free(ts->docs[i].p);
	free(ts->terms);
	free(ts->df);
	free(ts->docs);
	strmap_release(&ts->ids);
	free(ts);
}

static bool
word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

static bool
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

void
textsim_fold(const char *word, size_t len, char *out, size_t size)
{
	size_t n = 0;

	if (size == 0)
		return;
	for (size_t i = 0; i < len && n + 1 < size; i++)
		out[n++] = (char)tolower((unsigned char)word[i]);
	out[n] = '\0';
	/* plural endings: burglaries, witnesses, patrols (but not "business", "bus") */
	if (n > 4 && ends_with(out, n, "ies")) {
		out[n - 3] = 'y';
		out[n - 2] = '\0';
	} else if (n > 4 && (ends_with(out, n, "sses") || ends_with(out, n, "ches") ||
	    ends_with(out, n, "shes") || ends_with(out, n, "xes"))) {
		out[n - 2] = '\0';
	} else if (n > 3 && out[n - 1] == 's' && !ends_with(out, n, "ss") &&
	    !ends_with(out, n, "us") && !ends_with(out, n, "is")) {
		out[n - 1] = '\0';
	}
}

static size_t
term_id(struct textsim *ts, const char *word)
{
	int64_t id;
	size_t old;

	if (strmap_get(&ts->ids, word, &id))
		return (size_t)id;
	old = ts->capterms;

	WM_GROW(ts->terms, ts->nterms + 1, ts->capterms);
	if (ts->capterms != old)
		ts->df = wm_reallocarray(ts->df, ts->capterms, sizeof(*ts->df));
	ts->terms[ts->nterms] = wm_strdup(word);
	ts->df[ts->nterms] = 0;
	strmap_put(&ts->ids, word, (int64_t)ts->nterms);
	return ts->nterms++;
}

static int
posting_cmp(const void *a, const void *b)
{
	const struct posting *x = a, *y = b;

	return x->term < y->term ? -1 : x->term > y->term;
}

size_t
textsim_add(struct textsim *ts, const char *text)
{
	struct doc d = { NULL, 0, 0 };
	size_t cap = 0, kept = 0;
	const char *p = text ? text : "";

	while (*p != '\0') {
		const char *start;
		char word[WORD_MAX];

		while (*p != '\0' && !word_byte((unsigned char)*p))
			p++;
		start = p;
		while (*p != '\0' && word_byte((unsigned char)*p))
			p++;
		if (p - start < 2)
			continue;	/* "a", and the "s" of "framework's" */
		textsim_fold(start, (size_t)(p - start), word, sizeof(word));
		WM_GROW(d.p, d.n + 1, cap);
		d.p[d.n].term = term_id(ts, word);
		d.p[d.n].count = 1;
		d.p[d.n].weight = 0;
		d.n++;
	}
	/* one posting per distinct term, with its count */
	wm_sort(d.p, d.n, sizeof(*d.p), posting_cmp);
	for (size_t i = 0; i < d.n; i++) {
		if (kept > 0 && d.p[kept - 1].term == d.p[i].term) {
			d.p[kept - 1].count++;
			continue;
		}
		d.p[kept++] = d.p[i];
		ts->df[d.p[i].term]++;
	}
	d.n = kept;
	WM_GROW(ts->docs, ts->ndocs + 1, ts->capdocs);
	ts->docs[ts->ndocs] = d;
	ts->weighed = false;
	return ts->ndocs++;
}

static void
weigh(struct textsim *ts)
{
	double n = (double)ts->ndocs;

	for (size_t i = 0; i < ts->ndocs; i++) {
		struct doc *d = &ts->docs[i];
		double sum = 0;

		for (size_t k = 0; k < d->n; k++) {
			struct posting *p = &d->p[k];
			double idf = log(n / (double)ts->df[p->term]);

			p->weight = (1 + log((double)p->count)) * idf;
			sum += p->weight * p->weight;
		}
		d->norm = sqrt(sum);
	}
	ts->weighed = true;
}

/*
 * The terms texts a and b share, as pairs of their postings: *xs and *ys
 * (malloc'd) hold the matching postings' places. Returns how many.
 */
static size_t
common(const struct doc *x, const struct doc *y, size_t **xs, size_t **ys)
{
	size_t i = 0, j = 0, n = 0, cap = x->n < y->n ? x->n : y->n;

	*xs = wm_calloc(cap + 1, sizeof(**xs));
	*ys = wm_calloc(cap + 1, sizeof(**ys));
	while (i < x->n && j < y->n) {
		if (x->p[i].term < y->p[j].term) {
			i++;
		} else if (x->p[i].term > y->p[j].term) {
			j++;
		} else {
			(*xs)[n] = i++;
			(*ys)[n++] = j++;
		}
	}
	return n;
}

/* Texts a and b, weighed; false if either is not there. */
static bool
pair(struct textsim *ts, size_t a, size_t b, const struct doc **x, const struct doc **y)
{
	if (a >= ts->ndocs || b >= ts->ndocs)
		return false;
	if (!ts->weighed)
		weigh(ts);
	*x = &ts->docs[a];
	*y = &ts->docs[b];
	return true;
}

double
textsim_cosine(struct textsim *ts, size_t a, size_t b)
{
	const struct doc *x, *y;
	size_t *xs, *ys, n;
	double dot = 0;

	if (!pair(ts, a, b, &x, &y) || x->norm <= 0 || y->norm <= 0)
		return 0;
	n = common(x, y, &xs, &ys);
	for (size_t k = 0; k < n; k++)
		dot += x->p[xs[k]].weight * y->p[ys[k]].weight;
	free(xs);
	free(ys);
	dot /= x->norm * y->norm;
	return dot > 1 ? 1 : dot;
}

struct shared {
	size_t term;
	double weight;
};

static int
shared_cmp(const void *a, const void *b)
{
	const struct shared *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->term < y->term ? -1 : x->term > y->term;
}

size_t
textsim_shared(struct textsim *ts, size_t a, size_t b, const char **terms, size_t max)
{
	struct shared *sh;
	const struct doc *x, *y;
	size_t *xs, *ys, n, kept = 0;

	if (!pair(ts, a, b, &x, &y))
		return 0;
	n = common(x, y, &xs, &ys);
	sh = wm_calloc(n + 1, sizeof(*sh));
	for (size_t k = 0; k < n; k++) {
		const struct posting *p = &x->p[xs[k]], *q = &y->p[ys[k]];

		if (p->weight > 0 && q->weight > 0)
			sh[kept++] = (struct shared){ p->term, p->weight * q->weight };
	}
	wm_sort(sh, kept, sizeof(*sh), shared_cmp);
	if (kept > max)
		kept = max;
	for (size_t k = 0; k < kept; k++)
		terms[k] = ts->terms[sh[k].term];
	free(sh);
	free(xs);
	free(ys);
	return kept;
}
