/*
 * portfolio.c: the aims x projects matrix, its gaps and its overlaps (see
 * portfolio.h).
 *
 * Overlap detection compares every pair of live projects that serve an
 * aim in common, by the TF-IDF cosine of their titles and descriptions
 * with word weights learnt from all the projects' texts (textsim.h). Only
 * pairs sharing an aim are compared: two projects alike in words but
 * serving different aims are not duplicating each other's work for the
 * programme office's purposes.
 */
#include "base/wm.h"

#include "analysis/portfolio.h"
#include "analysis/textsim.h"
#include "base/buf.h"
#include "base/mem.h"

int
pf_status_parse(const char *name)
{
	static const char *const names[] = { "proposed", "commissioned", "running", "closed",
		"decommissioned" };

	for (size_t i = 0; name != NULL && i < WM_ARRAY_LEN(names); i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

bool
pf_status_commissioned(enum pf_status s)
{
	return s == PF_COMMISSIONED || s == PF_RUNNING;
}

bool
pf_status_live(enum pf_status s)
{
	return s == PF_PROPOSED || s == PF_COMMISSIONED || s == PF_RUNNING;
}

static int
overlap_cmp(const void *a, const void *b)
{
	const struct pf_overlap *x = a, *y = b;

	if (x->similarity != y->similarity)
		return x->similarity > y->similarity ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

static void
find_overlaps(const struct pf_input *in, struct pf_result *out)
{
	size_t np = in->nprojects, na = in->naims, cap = 0;
	struct textsim *ts = textsim_new();

	for (size_t p = 0; p < np; p++) {
		struct buf text = BUF_INIT;

		buf_addf(&text, "%s %s", in->projects[p].title ? in->projects[p].title : "",
		    in->projects[p].description ? in->projects[p].description : "");
		textsim_add(ts, buf_str(&text));
		buf_release(&text);
	}
	for (size_t i = 0; i < in->nbackground; i++)
		textsim_add(ts, in->background[i]);
	out->corpus = ts;
	for (size_t a = 0; a < np; a++) {
		if (!pf_status_live(in->projects[a].status))
			continue;
		for (size_t b = a + 1; b < np; b++) {
			struct pf_overlap o = { a, b, 0, { 0 }, 0, { NULL }, 0 };

			if (!pf_status_live(in->projects[b].status))
				continue;
			for (size_t m = 0; m < na; m++)
				if (out->matrix[m * np + a] > 0 && out->matrix[m * np + b] > 0) {
					if (o.naims < WM_ARRAY_LEN(o.aims))
						o.aims[o.naims] = m;
					o.naims++;
				}
			if (o.naims == 0)
				continue;
			o.similarity = textsim_cosine(ts, a, b);
			if (o.similarity < in->similarity || o.similarity <= 0)
				continue;
			o.nterms = textsim_shared(ts, a, b, o.terms, PF_TERMS_MAX);
			WM_GROW(out->overlaps, out->noverlaps + 1, cap);
			out->overlaps[out->noverlaps++] = o;
		}
	}
	wm_sort(out->overlaps, out->noverlaps, sizeof(*out->overlaps), overlap_cmp);
}

void
pf_analyse(const struct pf_input *in, struct pf_result *out)
{
	size_t np = in->nprojects, na = in->naims;

	memset(out, 0, sizeof(*out));
	out->matrix = wm_calloc(na * np + 1, sizeof(*out->matrix));
	out->served = wm_calloc(na + 1, sizeof(*out->served));
	out->gaps = wm_calloc(na + 1, sizeof(*out->gaps));
	for (size_t i = 0; i < in->ncontribs; i++) {
		const struct pf_contrib *c = &in->contribs[i];

		if (c->aim >= na || c->project >= np)
			continue;
		out->matrix[c->aim * np + c->project] += c->weight;
		if (pf_status_commissioned(in->projects[c->project].status))
			out->served[c->aim] += c->weight;
	}
	for (size_t m = 0; m < na; m++) {
		bool any = false;

		for (size_t p = 0; p < np && !any; p++)
			any = out->matrix[m * np + p] > 0 && pf_status_commissioned(in->projects[p].status);
		if (!any)
			out->gaps[out->ngaps++] = (struct pf_gap){ m, PF_GAP_UNSERVED, 0 };
		/* a small tolerance, so that 0.3 + 0.2 is not "under 0.5" */
		else if (out->served[m] < in->threshold - 1e-9)
			out->gaps[out->ngaps++] = (struct pf_gap){ m, PF_GAP_WEAK, out->served[m] };
	}
	find_overlaps(in, out);
}

void
pf_result_release(struct pf_result *r)
{
	free(r->matrix);
	free(r->served);
	free(r->gaps);
	free(r->overlaps);
	textsim_free(r->corpus);
	memset(r, 0, sizeof(*r));
}
