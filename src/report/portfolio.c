/*
 * portfolio.c: the programme office's paper: every project against every
 * aim, the aims left without enough commissioned work (gaps), and projects
 * that look like the same work for the same aim (overlaps).
 *
 * The analysis is analysis/portfolio.h's; this reads the portfolio
 * (pfdata.h), lays the answers out as an rdoc, and draws the matrix as an
 * SVG heat map whose cells carry their numbers, so it reads without colour.
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/portfolio.h"
#include "base/buf.h"
#include "report/pfdata.h"
#include "report/portfolio.h"
#include "report/pounds.h"
#include "report/svg.h"

static const char *const status_names[] = { "proposed", "commissioned", "running", "closed",
	"decommissioned" };
static const char *const status_short[] = { "prop", "comm", "run", "closed", "decom" };

/* A weight as people write it: 0.8, 1, 0.25. */
static void
weight_text(double w, char *out, size_t size)
{
	snprintf(out, size, "%.3g", w);
}

/* ---- the heat map ------------------------------------------------------- */

#define HM_LEFT 112.0
#define HM_TOP 50.0
#define HM_CW 46.0
#define HM_CH 26.0

static void
cell_colour(double w, char *out, size_t size)
{
	/* from light grey (nothing) to GOV.UK blue (1) */
	double t = w < 0 ? 0 : w > 1 ? 1 : w;
	int r = (int)lround(243 + (29 - 243) * t), g = (int)lround(242 + (112 - 242) * t),
	    b = (int)lround(241 + (184 - 241) * t);

	snprintf(out, size, "#%02x%02x%02x", r, g, b);
}

static void
heatmap(const struct pfdata *d, const struct pf_result *r, const struct portfolio_opts *o,
    struct buf *out)
{
	size_t na = d->naims, np = d->nprojects;
	double width = HM_LEFT + (double)np * HM_CW + 120, height = HM_TOP + (double)na * HM_CH + 40;
	bool *gap = calloc(na + 1, sizeof(*gap));
	char desc[512], num[32], colour[16];
	struct svg s;

	if (gap == NULL)
		return;
	for (size_t i = 0; i < r->ngaps; i++)
		gap[r->gaps[i].aim] = true;
	snprintf(desc, sizeof(desc), "One row per aim and one column per project. Each cell gives "
	    "how much the project serves the aim, from 0 to 1, and is darker the more it does. "
	    "The last column adds up the weights of commissioned and running projects; an aim "
	    "they serve less than %.3g is marked gap.", o->threshold);
	svg_begin(&s, out, width, height, "Aims against projects", desc);
	for (size_t p = 0; p < np; p++) {
		double x = HM_LEFT + (double)p * HM_CW + HM_CW / 2;

		svg_text(&s, x, 18, "middle", "hm-head", d->projects[p].key);
		svg_text(&s, x, 34, "middle", "hm-muted", status_short[d->projects[p].status]);
	}
	svg_text(&s, HM_LEFT + (double)np * HM_CW + 10, 18, "start", "hm-head", "Served");
	for (size_t a = 0; a < na; a++) {
		double y = HM_TOP + (double)a * HM_CH;

		svg_text(&s, HM_LEFT - 8, y + HM_CH / 2 + 4, "end", "hm", d->aims[a].key);
		for (size_t p = 0; p < np; p++) {
			double w = r->matrix[a * np + p], x = HM_LEFT + (double)p * HM_CW;
			struct buf title = BUF_INIT;

			weight_text(w, num, sizeof(num));
			buf_addf(&title, "%s (%s) serves %s: %s", d->projects[p].key,
			    status_names[d->projects[p].status], d->aims[a].key, w > 0 ? num : "not at all");
			svg_group_begin(&s, NULL, buf_str(&title));
			cell_colour(w, colour, sizeof(colour));
			svg_rect(&s, x, y, HM_CW, HM_CH, "hm-grid", colour);
			if (w > 0)
				svg_text(&s, x + HM_CW / 2, y + HM_CH / 2 + 4, "middle",
				    w > 0.55 ? "hm-dark" : "hm", num);
			svg_group_end(&s);
			buf_release(&title);
		}
		weight_text(r->served[a], num, sizeof(num));
		svg_text(&s, HM_LEFT + (double)np * HM_CW + 10, y + HM_CH / 2 + 4, "start", "hm", num);
		if (gap[a])
			svg_text(&s, HM_LEFT + (double)np * HM_CW + 50, y + HM_CH / 2 + 4, "start",
			    "hm-gap", "gap");
	}
	svg_text(&s, 8, height - 12, "start", "hm-muted",
	    "prop: proposed; comm: commissioned; run: running; decom: decommissioned");
	svg_end(&s);
	free(gap);
}

/* ---- the document ------------------------------------------------------- */

static void
projects_section(struct rdoc *doc, const struct pfdata *d, const struct pf_result *r)
{
	static const struct rcol cols[] = { { "ref", "Project", 0 }, { "title", "Title", 0 },
		{ "status", "Status", 0 }, { "benefit", "Benefit", RC_NUM },
		{ "cost", "Cost", RC_NUM }, { "aims", "Aims served", RC_NUM },
		{ "last_report", "Latest exception report", RC_DATA },
		{ NULL, "Latest exception report", 0 } };
	struct rtable *t;

	rdoc_heading(doc, 2, "Projects");
	t = rdoc_table_cols(doc, "projects", NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t p = 0; p < d->nprojects; p++) {
		const json_t *rep = d->last_report[p];
		const char *rag = rep ? json_string_value(json_object_get(rep, "rag")) : NULL;
		size_t served = 0;

		for (size_t a = 0; a < d->naims; a++)
			served += r->matrix[a * d->nprojects + p] > 0;
		rtable_cell(t, d->projects[p].key);
		rtable_cell(t, d->projects[p].title);
		rtable_cell(t, status_names[d->projects[p].status]);
		if (d->has_benefit[p]) {
			rtable_num(t, d->benefit[p], NUM_SHORTEST, NULL);
		} else {
			rtable_null(t);
			rtable_show(t, "not estimated");
		}
		if (d->has_cost[p]) {
			rtable_pounds(t, d->cost[p]);
		} else {
			rtable_null(t);
			rtable_show(t, "not costed");
		}
		rtable_int(t, (long long)served);
		rtable_json(t, rep);
		if (rep != NULL) {
			struct buf text = BUF_INIT;

			buf_addf(&text, "%s%s%s: %s", json_string_value(json_object_get(rep, "date")),
			    rag ? " " : "", rag ? rag : "", json_string_value(json_object_get(rep, "text")));
			if (rag != NULL)
				rtable_tag(t, buf_str(&text), rag);
			else
				rtable_cell(t, buf_str(&text));
			buf_release(&text);
		} else {
			rtable_cell(t, "");
		}
		rtable_end_row(t);
	}
}

/* A weight in a cell: the number, shown as people write it (0.8, 1, 0.25). */
static void
weight_cell(struct rtable *t, double w)
{
	char num[32];

	weight_text(w, num, sizeof(num));
	rtable_num(t, w, NUM_SHORTEST, NULL);
	rtable_show(t, num);
}

static void
matrix_section(struct rdoc *doc, const struct pfdata *d, const struct pf_result *r,
    const struct portfolio_opts *o)
{
	size_t np = d->nprojects, ncols = np + 3;
	struct rcol *cols = calloc(ncols, sizeof(*cols));
	char (*keys)[96] = calloc(np + 1, sizeof(*keys));
	struct buf svg = BUF_INIT;
	struct rtable *t;

	if (cols == NULL || keys == NULL) {
		free(cols);
		free(keys);
		return;
	}
	rdoc_heading(doc, 2, "Aims and the projects that serve them");
	rdoc_para(doc, "Each figure is how much a project serves an aim, from 0 (not at all) to 1 "
	    "(wholly). Served adds up the figures of commissioned and running projects only.");
	heatmap(d, r, o, &svg);
	rdoc_figure(doc, buf_str(&svg), "Heat map of the aims against the projects");
	rdoc_add_rendition(doc, "svg", "image/svg+xml", buf_str(&svg));
	cols[0] = (struct rcol){ "aim", "Aim", 0 };
	cols[1] = (struct rcol){ "title", "Title", 0 };
	/* a project's weight is the JSON's weights.PROJECT, there only when it serves the aim */
	for (size_t p = 0; p < np; p++) {
		snprintf(keys[p], sizeof(keys[p]), "weights.%s", d->projects[p].key);
		cols[p + 2] = (struct rcol){ keys[p], d->projects[p].key, RC_NUM };
	}
	cols[np + 2] = (struct rcol){ "served", "Served", RC_NUM };
	t = rdoc_table_cols(doc, "matrix", NULL, ncols, cols);
	for (size_t a = 0; a < d->naims; a++) {
		rtable_cell(t, d->aims[a].key);
		rtable_cell(t, d->aims[a].title);
		for (size_t p = 0; p < np; p++) {
			double w = r->matrix[a * np + p];

			if (w > 0)
				weight_cell(t, w);
			else
				rtable_none(t);
		}
		weight_cell(t, r->served[a]);
		rtable_end_row(t);
	}
	buf_release(&svg);
	free(cols);
	free(keys);
}

static void
gaps_section(struct rdoc *doc, const struct pfdata *d, const struct pf_result *r,
    const struct portfolio_opts *o)
{
	static const struct rcol cols[] = { { "aim", "Aim", 0 }, { "title", "Title", 0 },
		{ "served", "Served", RC_NUM }, { "why", "Why", RC_DATA }, { "reason", "Why", 0 },
		{ "proposed", "Proposed for it", RC_DATA }, { NULL, "Proposed for it", 0 } };
	struct rtable *t;

	rdoc_heading(doc, 2, "Gaps");
	if (r->ngaps == 0) {
		rdoc_para(doc, "Every aim is served at least %.3g by commissioned or running projects.",
		    o->threshold);
		rdoc_fact_list(doc, "gaps", NULL, NULL, 0);
		return;
	}
	rdoc_para(doc, "%zu of %zu aims: no commissioned or running project serves them, or those "
	    "that do add up to less than %.3g.", r->ngaps, d->naims, o->threshold);
	t = rdoc_table_cols(doc, "gaps", NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t i = 0; i < r->ngaps; i++) {
		const struct pf_gap *g = &r->gaps[i];
		struct buf why = BUF_INIT, proposed = BUF_INIT;
		const char **props = calloc(d->nprojects + 1, sizeof(*props));
		size_t nprops = 0;
		char num[32];

		weight_text(g->weight, num, sizeof(num));
		if (g->why == PF_GAP_UNSERVED)
			buf_adds(&why, "no commissioned or running project serves it");
		else
			buf_addf(&why, "commissioned projects serve it only %s, under %.3g", num,
			    o->threshold);
		for (size_t p = 0; p < d->nprojects; p++) {
			double w = r->matrix[g->aim * d->nprojects + p];
			char wn[32];

			if (w <= 0 || d->projects[p].status != PF_PROPOSED)
				continue;
			weight_text(w, wn, sizeof(wn));
			buf_addf(&proposed, "%s%s (%s)", proposed.len ? ", " : "", d->projects[p].key, wn);
			if (props != NULL)
				props[nprops++] = d->projects[p].key;
		}
		rtable_cell(t, d->aims[g->aim].key);
		rtable_cell(t, d->aims[g->aim].title);
		weight_cell(t, g->weight);
		rtable_cell(t, g->why == PF_GAP_UNSERVED ? "unserved" : "weak");
		rtable_tag(t, buf_str(&why), g->why == PF_GAP_UNSERVED ? "red" : "amber");
		rtable_list(t, props, nprops, ", ");
		rtable_cell(t, proposed.len ? buf_str(&proposed) : "none");
		rtable_end_row(t);
		free(props);
		buf_release(&why);
		buf_release(&proposed);
	}
}

static void
overlaps_section(struct rdoc *doc, const struct pfdata *d, const struct pf_result *r,
    const struct portfolio_opts *o)
{
	static const struct rcol cols[] = { { "projects", "Projects", 0 },
		{ "similarity", "Alike", RC_NUM }, { "aims", "Aims both serve", 0 },
		{ "shared_terms", "Words in common", RC_DATA }, { "why", "Why paired", 0 } };
	struct rtable *t;

	rdoc_heading(doc, 2, "Overlaps");
	rdoc_para(doc, "Live projects (proposed, commissioned or running) that serve an aim in "
	    "common and whose titles and descriptions are at least %.0f%% alike. Likeness is the "
	    "cosine of their TF-IDF word weights: words are weighed by how few of these %zu "
	    "projects' and %zu plan entries' texts use them, so words they all use count for "
	    "nothing.", o->similarity * 100, d->nprojects, d->nnodes);
	if (r->noverlaps == 0) {
		rdoc_para(doc, "No two projects overlap.");
		rdoc_fact_list(doc, "overlaps", NULL, NULL, 0);
		return;
	}
	t = rdoc_table_cols(doc, "overlaps", NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t i = 0; i < r->noverlaps; i++) {
		const struct pf_overlap *ov = &r->overlaps[i];
		const char *pair[2] = { d->projects[ov->a].key, d->projects[ov->b].key };
		const char *aims[WM_ARRAY_LEN(ov->aims)];
		size_t naims = 0;
		struct buf why = BUF_INIT, shown = BUF_INIT;
		char pct[16];

		for (size_t k = 0; k < ov->naims && k < WM_ARRAY_LEN(ov->aims); k++)
			aims[naims++] = d->aims[ov->aims[k]].key;
		rtable_list(t, pair, 2, " and ");
		rtable_num(t, round(ov->similarity * 1000) / 1000, NUM_SHORTEST, NULL);
		snprintf(pct, sizeof(pct), "%.0f%%", ov->similarity * 100);
		rtable_show(t, pct);
		rtable_list(t, aims, naims, ", ");
		rtable_list(t, (const char *const *)ov->terms, ov->nterms, ", ");
		buf_addf(&why, "both serve ");
		for (size_t k = 0; k < naims; k++)
			buf_addf(&why, "%s%s", k ? ", " : "", aims[k]);
		buf_adds(&why, "; words in common: ");
		for (size_t k = 0; k < ov->nterms; k++)
			buf_addf(&why, "%s%s", k ? ", " : "", ov->terms[k]);
		rtable_cell(t, buf_str(&why));
		rtable_end_row(t);
		buf_release(&why);
		buf_release(&shown);
	}
}

int
report_portfolio(struct wm_ctx *ctx, const struct portfolio_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	struct pf_input in = { 0 };
	const char **background;
	struct pf_result r;
	struct pfdata d;
	struct rdoc *doc;
	char num[32];
	int rc;

	*out = NULL;
	if ((rc = pfdata_load(ctx, o->plan, NULL, &d, err)) != 0) {
		pfdata_release(&d);
		return rc;
	}
	in.aims = d.aims;
	in.naims = d.naims;
	in.projects = d.projects;
	in.nprojects = d.nprojects;
	in.contribs = d.contribs;
	in.ncontribs = d.ncontribs;
	in.threshold = o->threshold;
	in.similarity = o->similarity;
	/* every node's title and description teaches the corpus which words are common */
	background = calloc(d.nnodes + 1, sizeof(*background));
	for (size_t i = 0; background != NULL && i < d.nnodes; i++)
		background[in.nbackground++] = d.nodes[i].text;
	in.background = background;
	pf_analyse(&in, &r);
	free(background);
	doc = rdoc_new("Portfolio: projects against aims");
	rdoc_meta(doc, "Plan", d.plan ? d.plan : "every plan");
	rdoc_fact(doc, "plan", NULL, d.plan);
	rdoc_fact_num(doc, "threshold", NULL, o->threshold, NUM_SHORTEST, NULL);
	rdoc_fact_num(doc, "similarity", NULL, o->similarity, NUM_SHORTEST, NULL);
	snprintf(num, sizeof(num), "%zu", d.nprojects);
	rdoc_meta(doc, "Projects", num);
	snprintf(num, sizeof(num), "%zu", d.naims);
	rdoc_meta(doc, "Aims", num);
	rdoc_para(doc, "%zu projects against %zu aims: %zu %s, %zu %s.", d.nprojects, d.naims,
	    r.ngaps, r.ngaps == 1 ? "gap" : "gaps", r.noverlaps,
	    r.noverlaps == 1 ? "overlap" : "overlaps");
	matrix_section(doc, &d, &r, o);
	gaps_section(doc, &d, &r, o);
	overlaps_section(doc, &d, &r, o);
	projects_section(doc, &d, &r);
	pf_result_release(&r);
	pfdata_release(&d);
	*out = doc;
	return 0;
}
