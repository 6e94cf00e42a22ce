/*
 * accountability.c: who answers for what (seed 001, Appendix 2): the
 * committees and their reporting lines up to the board, who is
 * accountable for and who leads every goal, aim, indicator, live project
 * and open recommendation, and what falls through: no committee, no lead,
 * or a committee whose line never reaches the board.
 *
 * Where an item names no committee of its own it answers through what it
 * belongs to, and the map says so: an indicator through the first aim or
 * goal it measures, a recommendation through its source report. Leads are
 * not inherited: an indicator without an owner is a gap.
 */
#include "base/wm.h"

#include "analysis/govern.h"
#include "base/buf.h"
#include "base/mem.h"
#include "report/accountability.h"
#include "report/govmap.h"
#include "report/pfdata.h"

static void
committees_section(struct rdoc *doc, const struct govmap *m, const enum gov_line *lines)
{
	static const struct rcol cols[] = { { "ref", "Committee", 0 }, { "name", "Name", 0 },
		{ "reports_to", "Reports to", 0 }, { "line", "Line", RC_DATA },
		{ NULL, "Line to the board", 0 }, { "chair", "Chair", 0 },
		{ "chain", "Chain", RC_DATA }, { "accountable_for.goal", "Goals", RC_DATA },
		{ "accountable_for.aim", "Aims", RC_DATA }, { "accountable_for.pi", "PIs", RC_DATA },
		{ "accountable_for.project", "Projects", RC_DATA },
		{ "accountable_for.recommendation", "Recommendations", RC_DATA },
		{ NULL, "Accountable for", 0 } };
	static const char *const line_names[] = { "board", "under", "above", "outside", "loop",
		"no_board" };
	static const char *const item_kinds[] = { "goal", "aim", "pi", "project", "recommendation" };
	static const char *const plural[] = { "goals", "aims", "PIs", "projects",
		"recommendations" };
	struct rtable *t;

	rdoc_heading(doc, 2, "Committees and their reporting lines");
	t = rdoc_table_cols(doc, "committees", NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t i = 0; i < m->nc; i++) {
		struct buf chain = BUF_INIT, counts = BUF_INIT;
		const char *keys[64];
		long path[64];
		size_t n = gov_chain(m->c, m->nc, i, path, WM_ARRAY_LEN(path));

		for (size_t k = 0; k < n; k++)
			keys[k] = m->c[path[k]].key;
		govmap_chain_text(m, i, &chain);
		rtable_cell(t, m->c[i].key);
		rtable_cell(t, govmap_str(m->crow[i], "name"));
		rtable_cell(t, govmap_str(m->crow[i], "reports_to"));
		rtable_cell(t, line_names[lines[i]]);
		switch (lines[i]) {
		case GOV_BOARD: rtable_tag(t, "the board", "blue"); break;
		case GOV_UNDER: rtable_tag(t, buf_str(&chain), "green"); break;
		case GOV_ABOVE: rtable_tag(t, "above the board", "grey"); break;
		case GOV_NO_BOARD: rtable_cell(t, buf_str(&chain)); break;
		case GOV_OUTSIDE:
			buf_addf(&chain, ": never reaches %s", m->c[m->board].key);
			rtable_tag(t, buf_str(&chain), "red");
			break;
		case GOV_LOOP:
			buf_adds(&chain, ": goes round in a loop");
			rtable_tag(t, buf_str(&chain), "red");
			break;
		}
		rtable_cell(t, govmap_str(m->crow[i], "chair"));
		rtable_list(t, keys, n, " > ");
		for (size_t k = 0; k < WM_ARRAY_LEN(item_kinds); k++) {
			size_t count = 0;

			for (size_t j = 0; j < m->n; j++)
				count += m->items[j].committee != NULL &&
				    strcmp(m->items[j].committee, m->c[i].key) == 0 &&
				    strcmp(m->items[j].kind, item_kinds[k]) == 0;
			if (count > 0)
				buf_addf(&counts, "%s%zu %s", counts.len ? ", " : "", count,
				    count == 1 ? item_kinds[k] : plural[k]);
			rtable_int(t, (long long)count);
		}
		rtable_cell(t, buf_str(&counts));
		rtable_end_row(t);
		buf_release(&chain);
		buf_release(&counts);
	}
}

static void
leads_text(const json_t *leads, struct buf *out)
{
	for (size_t k = 0; k < json_array_size(leads); k++)
		buf_addf(out, "%s%s", k ? "; " : "", json_string_value(json_array_get(leads, k)));
}

/* What an item lacks, in words; also as the JSON's words for it. */
static size_t
gaps_text(const struct govmap *m, const struct gm_item *it, struct buf *out, const char **words)
{
	size_t n = 0;

	if (it->gaps & GOV_NO_COMMITTEE) {
		buf_adds(out, "no accountable committee");
		words[n++] = "no committee";
	}
	if (it->gaps & GOV_OUT_OF_LINE) {
		long c = govmap_committee(m, it->committee);

		buf_addf(out, "%s%s is outside the line to %s (", out->len ? "; " : "", it->committee,
		    m->c[m->board].key);
		govmap_chain_text(m, (size_t)c, out);
		buf_addc(out, ')');
		words[n++] = "outside the line";
	}
	if (it->gaps & GOV_NO_LEAD) {
		buf_addf(out, "%sno %s", out->len ? "; " : "", it->lead_word);
		words[n++] = "no lead";
	}
	return n;
}

static void
committee_text(const struct gm_item *it, struct buf *out)
{
	if (it->committee != NULL)
		buf_adds(out, it->committee);
	if (it->through != NULL)
		buf_addf(out, " (through %s)", it->through);
}

/*
 * The items with what they lack (the JSON's "gaps", when there are any),
 * then every item ("items"): the same columns, the first table with what
 * is missing in words.
 */
static void
items_sections(struct rdoc *doc, struct govmap *m, const enum gov_line *lines)
{
	static const struct rcol cols[] = { { "kind", "Kind", 0 }, { "ref", "Item", 0 },
		{ "title", "Title", 0 }, { "committee", "Committee", RC_DATA },
		{ "through", "Through", RC_DATA }, { NULL, "Committee", 0 },
		{ "leads", "Leads", RC_DATA }, { NULL, "Lead", 0 }, { "gaps", "Gaps", RC_DATA },
		{ NULL, "What is missing", 0 } };
	struct rtable *t = NULL;
	size_t ngaps = 0;

	for (size_t i = 0; i < m->n; i++) {
		struct gov_item gi = { govmap_committee(m, m->items[i].committee),
			json_array_size(m->items[i].leads) };

		m->items[i].gaps = gov_item_gaps(&gi, lines);
		ngaps += m->items[i].gaps != 0;
	}
	rdoc_heading(doc, 2, "What has no one to answer for it");
	if (ngaps == 0) {
		rdoc_para(doc, "Every item has an accountable committee in the line to the board, "
		    "and a lead.");
		rdoc_fact_list(doc, "gaps", NULL, NULL, 0);
	} else {
		rdoc_para(doc, "%zu of %zu items have no accountable committee, no lead, or a "
		    "committee whose reporting line does not reach the board.", ngaps, m->n);
	}
	for (size_t pass = 0; pass < 2; pass++) {
		if (pass == 0 && ngaps > 0) {
			t = rdoc_table_cols(doc, "gaps", NULL, WM_ARRAY_LEN(cols), cols);
		} else if (pass == 1) {
			rdoc_heading(doc, 2, "Who is accountable for what");
			t = rdoc_table_cols(doc, "items", NULL, WM_ARRAY_LEN(cols) - 1, cols);
		} else {
			continue;
		}
		for (size_t i = 0; i < m->n; i++) {
			const struct gm_item *it = &m->items[i];
			struct buf c = BUF_INIT, l = BUF_INIT, g = BUF_INIT;
			const char *words[4];
			size_t nwords;

			if (pass == 0 && it->gaps == 0)
				continue;
			committee_text(it, &c);
			leads_text(it->leads, &l);
			nwords = gaps_text(m, it, &g, words);
			rtable_cell(t, it->kind);
			rtable_cell(t, it->key);
			rtable_cell(t, it->title);
			rtable_cell(t, it->committee);
			rtable_cell(t, it->through);
			rtable_cell(t, buf_str(&c));
			if (it->leads != NULL)
				rtable_json(t, it->leads);
			else
				rtable_list(t, NULL, 0, "; ");
			rtable_cell(t, buf_str(&l));
			rtable_list(t, words, nwords, "; ");
			if (pass == 0)
				rtable_tag(t, buf_str(&g), "red");
			rtable_end_row(t);
			buf_release(&c);
			buf_release(&l);
			buf_release(&g);
		}
	}
}

int
report_accountability(struct wm_ctx *ctx, const struct accountability_opts *o,
    struct rdoc **out, struct wm_err *err)
{
	struct govmap m = { 0 };
	enum gov_line *lines = NULL;
	struct rdoc *doc = NULL;
	char board[160], plan[256];
	int rc;

	*out = NULL;
	if (o->plan != NULL && (rc = pfdata_plan_key(ctx, o->plan, plan, sizeof(plan), err)) != 0)
		return rc;
	if ((rc = govmap_load(ctx, &m, o->board, o->plan ? plan : NULL, 0, err)) != 0)
		goto out;
	lines = wm_calloc(m.nc + 1, sizeof(*lines));
	gov_lines(m.c, m.nc, m.board, lines);
	doc = rdoc_new("Accountability");
	if (m.board >= 0)
		snprintf(board, sizeof(board), "%s (%s)", m.c[m.board].key,
		    govmap_str(m.crow[m.board], "name"));
	else
		snprintf(board, sizeof(board), "none chosen: choose the committee that is the board");
	rdoc_meta(doc, "Board", board);
	rdoc_meta(doc, "Goals and aims of", o->plan ? plan : "every plan");
	rdoc_fact(doc, "board", NULL, m.board >= 0 ? m.c[m.board].key : NULL);
	if (m.board < 0)
		rdoc_para(doc, "No committee is called the Management Board, so reporting lines are "
		    "shown but not checked; choose the committee that is the board.");
	committees_section(doc, &m, lines);
	items_sections(doc, &m, lines);
	*out = doc;
out:
	free(lines);
	govmap_release(&m);
	return rc;
}
