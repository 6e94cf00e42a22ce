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
projects_section(struct rdoc *doc, const struct pfdata *d, const struct pf_result *r,
    json_t *data)
{
	static const char *const cols[] = { "Project", "Title", "Status", "Benefit", "Cost",
		"Aims served", "Latest exception report" };
	struct rtable *t;
	json_t *list = json_array();

	rdoc_heading(doc, 2, "Projects");
	t = rdoc_table(doc, NULL, 7, cols);
	rtable_numeric(t, 3);
	rtable_numeric(t, 4);
	rtable_numeric(t, 5);
	for (size_t p = 0; p < d->nprojects; p++) {
		const json_t *rep = d->last_report[p];
		const char *rag = rep ? json_string_value(json_object_get(rep, "rag")) : NULL;
		size_t served = 0;

		for (size_t a = 0; a < d->naims; a++)
			served += r->matrix[a * d->nprojects + p] > 0;
		rtable_cell(t, d->projects[p].key);
		rtable_cell(t, d->projects[p].title);
		rtable_cell(t, status_names[d->projects[p].status]);
		if (d->has_benefit[p])
			rtable_num(t, d->benefit[p], NUM_SHORTEST, NULL);
		else
			rtable_cell(t, "not estimated");
		if (d->has_cost[p])
			rtable_pounds(t, d->cost[p]);
		else
			rtable_cell(t, "not costed");
		rtable_num(t, (double)served, 0, NULL);
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
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:o, s:o, s:I, s:O?}",
		    "ref", d->projects[p].key, "title", d->projects[p].title,
		    "status", status_names[d->projects[p].status],
		    "benefit", d->has_benefit[p] ? json_real(d->benefit[p]) : json_null(),
		    "cost", d->has_cost[p] ? json_real(d->cost[p]) : json_null(),
		    "aims", (json_int_t)served, "last_report", rep));
	}
	json_object_set_new(data, "projects", list);
}

static void
matrix_section(struct rdoc *doc, const struct pfdata *d, const struct pf_result *r,
    const struct portfolio_opts *o, json_t *data)
{
	size_t np = d->nprojects, ncols = np + 3;
	const char **cols = calloc(ncols, sizeof(*cols));
	struct buf svg = BUF_INIT;
	struct rtable *t;
	json_t *rows = json_array();
	char num[32];

	if (cols == NULL)
		return;
	rdoc_heading(doc, 2, "Aims and the projects that serve them");
	rdoc_para(doc, "Each figure is how much a project serves an aim, from 0 (not at all) to 1 "
	    "(wholly). Served adds up the figures of commissioned and running projects only.");
	heatmap(d, r, o, &svg);
	rdoc_figure(doc, buf_str(&svg), "Heat map of the aims against the projects");
	rdoc_add_rendition(doc, "svg", "image/svg+xml", buf_str(&svg));
	cols[0] = "Aim";
	cols[1] = "Title";
	for (size_t p = 0; p < np; p++)
		cols[p + 2] = d->projects[p].key;
	cols[np + 2] = "Served";
	t = rdoc_table(doc, NULL, ncols, cols);
	for (size_t c = 2; c < ncols; c++)
		rtable_numeric(t, c);
	for (size_t a = 0; a < d->naims; a++) {
		json_t *weights = json_object();

		rtable_cell(t, d->aims[a].key);
		rtable_cell(t, d->aims[a].title);
		for (size_t p = 0; p < np; p++) {
			double w = r->matrix[a * np + p];

			weight_text(w, num, sizeof(num));
			rtable_cell(t, w > 0 ? num : "");
			if (w > 0)
				json_object_set_new(weights, d->projects[p].key, json_real(w));
		}
		weight_text(r->served[a], num, sizeof(num));
		rtable_cell(t, num);
		rtable_end_row(t);
		json_array_append_new(rows, json_pack("{s:s, s:s, s:o, s:f}", "aim", d->aims[a].key,
		    "title", d->aims[a].title, "weights", weights, "served", r->served[a]));
	}
	json_object_set_new(data, "matrix", rows);
	buf_release(&svg);
	free(cols);
}

static void
gaps_section(struct rdoc *doc, const struct pfdata *d, const struct pf_result *r,
    const struct portfolio_opts *o, json_t *data)
{
	static const char *const cols[] = { "Aim", "Title", "Served", "Why", "Proposed for it" };
	json_t *list = json_array();
	struct rtable *t;

	rdoc_heading(doc, 2, "Gaps");
	if (r->ngaps == 0) {
		rdoc_para(doc, "Every aim is served at least %.3g by commissioned or running projects.",
		    o->threshold);
		json_object_set_new(data, "gaps", list);
		return;
	}
	rdoc_para(doc, "%zu of %zu aims: no commissioned or running project serves them, or those "
	    "that do add up to less than %.3g.", r->ngaps, d->naims, o->threshold);
	t = rdoc_table(doc, NULL, 5, cols);
	rtable_numeric(t, 2);
	for (size_t i = 0; i < r->ngaps; i++) {
		const struct pf_gap *g = &r->gaps[i];
		struct buf why = BUF_INIT, proposed = BUF_INIT;
		json_t *props = json_array();
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
			json_array_append_new(props, json_string(d->projects[p].key));
		}
		rtable_cell(t, d->aims[g->aim].key);
		rtable_cell(t, d->aims[g->aim].title);
		rtable_cell(t, num);
		rtable_tag(t, buf_str(&why), g->why == PF_GAP_UNSERVED ? "red" : "amber");
		rtable_cell(t, proposed.len ? buf_str(&proposed) : "none");
		rtable_end_row(t);
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:f, s:s, s:o}",
		    "aim", d->aims[g->aim].key, "title", d->aims[g->aim].title,
		    "why", g->why == PF_GAP_UNSERVED ? "unserved" : "weak", "served", g->weight,
		    "reason", buf_str(&why), "proposed", props));
		buf_release(&why);
		buf_release(&proposed);
	}
	json_object_set_new(data, "gaps", list);
}

static void
overlaps_section(struct rdoc *doc, const struct pfdata *d, const struct pf_result *r,
    const struct portfolio_opts *o, json_t *data)
{
	static const char *const cols[] = { "Projects", "Alike", "Aims both serve", "Why paired" };
	json_t *list = json_array();
	struct rtable *t;

	rdoc_heading(doc, 2, "Overlaps");
	rdoc_para(doc, "Live projects (proposed, commissioned or running) that serve an aim in "
	    "common and whose titles and descriptions are at least %.0f%% alike. Likeness is the "
	    "cosine of their TF-IDF word weights: words are weighed by how few of these %zu "
	    "projects' and %zu plan entries' texts use them, so words they all use count for "
	    "nothing.", o->similarity * 100, d->nprojects, d->nnodes);
	if (r->noverlaps == 0) {
		rdoc_para(doc, "No two projects overlap.");
		json_object_set_new(data, "overlaps", list);
		return;
	}
	t = rdoc_table(doc, NULL, 4, cols);
	rtable_numeric(t, 1);
	for (size_t i = 0; i < r->noverlaps; i++) {
		const struct pf_overlap *ov = &r->overlaps[i];
		struct buf aims = BUF_INIT, why = BUF_INIT, pair = BUF_INIT;
		json_t *ja = json_array(), *jt = json_array();

		for (size_t k = 0; k < ov->naims && k < WM_ARRAY_LEN(ov->aims); k++) {
			buf_addf(&aims, "%s%s", k ? ", " : "", d->aims[ov->aims[k]].key);
			json_array_append_new(ja, json_string(d->aims[ov->aims[k]].key));
		}
		buf_addf(&why, "both serve %s; words in common: ", buf_str(&aims));
		for (size_t k = 0; k < ov->nterms; k++) {
			buf_addf(&why, "%s%s", k ? ", " : "", ov->terms[k]);
			json_array_append_new(jt, json_string(ov->terms[k]));
		}
		buf_addf(&pair, "%s and %s", d->projects[ov->a].key, d->projects[ov->b].key);
		rtable_cell(t, buf_str(&pair));
		rtable_cellf(t, "%.0f%%", ov->similarity * 100);
		rtable_cell(t, buf_str(&aims));
		rtable_cell(t, buf_str(&why));
		rtable_end_row(t);
		json_array_append_new(list, json_pack("{s:[s,s], s:f, s:o, s:o, s:s}",
		    "projects", d->projects[ov->a].key, d->projects[ov->b].key,
		    "similarity", round(ov->similarity * 1000) / 1000, "aims", ja, "shared_terms", jt,
		    "why", buf_str(&why)));
		buf_release(&aims);
		buf_release(&why);
		buf_release(&pair);
	}
	json_object_set_new(data, "overlaps", list);
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
	json_t *data;
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
	data = json_pack("{s:s?, s:f, s:f}", "plan", d.plan, "threshold", o->threshold,
	    "similarity", o->similarity);
	rdoc_meta(doc, "Plan", d.plan ? d.plan : "every plan");
	snprintf(num, sizeof(num), "%zu", d.nprojects);
	rdoc_meta(doc, "Projects", num);
	snprintf(num, sizeof(num), "%zu", d.naims);
	rdoc_meta(doc, "Aims", num);
	rdoc_para(doc, "%zu projects against %zu aims: %zu %s, %zu %s.", d.nprojects, d.naims,
	    r.ngaps, r.ngaps == 1 ? "gap" : "gaps", r.noverlaps,
	    r.noverlaps == 1 ? "overlap" : "overlaps");
	matrix_section(doc, &d, &r, o, data);
	gaps_section(doc, &d, &r, o, data);
	overlaps_section(doc, &d, &r, o, data);
	projects_section(doc, &d, &r, data);
	rdoc_set_data(doc, data);
	pf_result_release(&r);
	pfdata_release(&d);
	*out = doc;
	return 0;
}
