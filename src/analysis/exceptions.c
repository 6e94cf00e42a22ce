/*
 * exceptions.c: choosing and ordering exceptions (see exceptions.h).
 */
#include "base/wm.h"

#include "analysis/exceptions.h"

unsigned
exc_reasons(const struct perf_eval *e, int min_worsening)
{
	unsigned r = 0;

	if (e->rag == RAG_RED)
		r |= EXC_RED;
	if (min_worsening > 0 && e->worsening >= min_worsening)
		r |= EXC_WORSENING;
	/* missing from any period the figure covers, not only the last */
	if (!e->basis.has || e->basis.complete < e->basis.expected || !e->now.has ||
	    e->now.reported < e->now.expected)
		r |= EXC_MISSING;
	if (e->now.estimated > 0 || e->basis.estimated > 0)
		r |= EXC_ESTIMATED;
	return r;
}

static int
rank(unsigned reasons)
{
	if (reasons & EXC_RED)
		return 0;
	if (reasons & EXC_WORSENING)
		return 1;
	if (reasons & EXC_MISSING)
		return 2;
	return 3;
}

int
exc_cmp(const void *a, const void *b)
{
	const struct exc_item *x = a, *y = b;

	if (rank(x->reasons) != rank(y->reasons))
		return rank(x->reasons) - rank(y->reasons);
	if (x->eval.off != y->eval.off)
		return x->eval.off > y->eval.off ? -1 : 1;
	if (x->eval.worsening != y->eval.worsening)
		return y->eval.worsening - x->eval.worsening;
	if (x->pi != y->pi)
		return x->pi < y->pi ? -1 : 1;
	return x->unit - y->unit;
}

void
exc_describe(unsigned reasons, int worsening, char *out, size_t len)
{
	size_t n = 0;

	out[0] = '\0';
	if (reasons & EXC_RED)
		n += (size_t)snprintf(out + n, len - n, "red");
	if ((reasons & EXC_WORSENING) && n < len)
		n += (size_t)snprintf(out + n, len - n, "%sworse %d periods running", n ? ", " : "",
		    worsening);
	if ((reasons & EXC_MISSING) && n < len)
		n += (size_t)snprintf(out + n, len - n, "%sfigures missing", n ? ", " : "");
	if ((reasons & EXC_ESTIMATED) && n < len)
		snprintf(out + n, len - n, "%sestimated", n ? ", " : "");
}
