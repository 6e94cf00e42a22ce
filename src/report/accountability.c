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
#include "base/map.h"
#include "base/mem.h"
#include "model/ent.h"
#include "report/accountability.h"
#include "report/pfdata.h"

struct item {
	const char *kind;	/* "goal", "aim", "pi", "project", "recommendation" */
	const char *key, *title;
	const char *committee;	/* key, or NULL */
	const char *through;	/* what the committee was inherited from, or NULL */
	const char *lead_word;	/* "lead", "owner", "manager" */
	const json_t *leads;	/* array of post keys */
	unsigned gaps;
};

struct map {
	json_t *hold;		/* every list read, and every string made */
	struct item *items;
	size_t n, cap;
	struct gov_committee *c;
	const json_t **crow;
	size_t nc;
	struct strmap cindex;
	long board;
};

static const char *
str(const json_t *row, const char *field)
{
	return json_string_value(json_object_get(row, field));
}

/* A string that lives as long as the map. */
static const char *
keep(struct map *m, const char *s)
{
	json_t *j = json_string(s);

	json_array_append_new(json_object_get(m->hold, "_strings"), j);
	return json_string_value(j);
}

static int
list(struct wm_ctx *ctx, struct map *m, const char *kind, json_t **rows, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	int rc;

	if ((rc = ent_list(ctx, kind_find(kind), &q, rows, err)) != 0)
		return rc;
	json_object_set_new(m->hold, kind, *rows);
	return 0;
}

static struct item *
add_item(struct map *m, const char *kind, const char *key, const char *title,
    const char *committee, const char *lead_word, const json_t *leads)
{
	struct item *it;

	WM_GROW(m->items, m->n + 1, m->cap);
	it = &m->items[m->n++];
	*it = (struct item){ kind, key, title, committee, NULL, lead_word, leads, 0 };
	return it;
}

static long
committee_index(const struct map *m, const char *key)
{
	int64_t i;

	return key != NULL && strmap_get(&m->cindex, key, &i) ? (long)i : -1;
}

static int
load_committees(struct wm_ctx *ctx, struct map *m, const char *board, struct wm_err *err)
{
	json_t *rows, *row;
	size_t i;
	int rc;

	if ((rc = list(ctx, m, "committees", &rows, err)) != 0)
		return rc;
	m->nc = json_array_size(rows);
	m->c = wm_calloc(m->nc + 1, sizeof(*m->c));
	m->crow = wm_calloc(m->nc + 1, sizeof(*m->crow));
	json_array_foreach(rows, i, row) {
		m->c[i].key = str(row, "ref");
		m->crow[i] = row;
		strmap_put(&m->cindex, m->c[i].key, (int64_t)i);
	}
	m->board = -1;
	json_array_foreach(rows, i, row) {
		m->c[i].reports_to = committee_index(m, str(row, "reports_to"));
		if (board == NULL && m->board < 0 &&
		    (strcasecmp(str(row, "name"), "Management Board") == 0 ||
		    strcmp(str(row, "ref"), "MB") == 0))
			m->board = (long)i;
	}
	if (board != NULL) {
		int64_t id;
		json_t *b;

		if ((rc = ent_resolve(ctx, kind_find("committees"), board, &id, err)) != 0 ||
		    (rc = ent_get_by_id(ctx, kind_find("committees"), id, true, &b, err)) != 0) {
			wm_error_prefix(err, "--board: ");
			return rc;
		}
		m->board = committee_index(m, str(b, "ref"));
		json_decref(b);
	}
	return 0;
}

static int
load_items(struct wm_ctx *ctx, struct map *m, const char *plan, struct wm_err *err)
{
	json_t *rows, *row, *nodes, *sources, *node_committee = json_object();
	json_t *source_committee = json_object();
	struct buf key = BUF_INIT;
	size_t i;
	int rc;

	json_object_set_new(m->hold, "_node_committee", node_committee);
	json_object_set_new(m->hold, "_source_committee", source_committee);
	if ((rc = list(ctx, m, "nodes", &nodes, err)) != 0)
		goto out;
	json_array_foreach(nodes, i, row) {
		const char *kind = str(row, "kind");

		buf_reset(&key);
		ent_row_key(kind_find("nodes"), row, &key);
		if (str(row, "committee") != NULL)
			json_object_set_new(node_committee, buf_str(&key), json_string(str(row,
			    "committee")));
		if (strcmp(kind, "goal") != 0 && strcmp(kind, "aim") != 0)
			continue;
		if (plan != NULL && strcmp(str(row, "plan"), plan) != 0)
			continue;
		add_item(m, kind, keep(m, buf_str(&key)), str(row, "title"), str(row, "committee"),
		    "lead", json_object_get(row, "leads"));
	}
	if ((rc = list(ctx, m, "pis", &rows, err)) != 0)
		goto out;
	json_array_foreach(rows, i, row) {
		json_t *owner = json_array();
		const json_t *measures = json_object_get(row, "measures");
		struct item *it;

		if (str(row, "owner") != NULL)
			json_array_append_new(owner, json_string(str(row, "owner")));
		json_object_set_new(row, "_owner", owner);
		it = add_item(m, "pi", str(row, "code"), str(row, "title"), str(row, "committee"),
		    "owner", owner);
		for (size_t k = 0; it->committee == NULL && k < json_array_size(measures); k++) {
			const char *node = json_string_value(json_array_get(measures, k));

			it->committee = json_string_value(json_object_get(node_committee, node));
			it->through = it->committee ? node : NULL;
		}
	}
	if ((rc = list(ctx, m, "projects", &rows, err)) != 0)
		goto out;
	json_array_foreach(rows, i, row) {
		json_t *manager;

		if (strcmp(str(row, "status"), "closed") == 0 ||
		    strcmp(str(row, "status"), "decommissioned") == 0)
			continue;
		manager = json_array();
		if (str(row, "manager") != NULL)
			json_array_append_new(manager, json_string(str(row, "manager")));
		json_object_set_new(row, "_manager", manager);
		add_item(m, "project", str(row, "ref"), str(row, "title"), str(row, "committee"),
		    "manager", manager);
	}
	if ((rc = list(ctx, m, "sources", &sources, err)) != 0 ||
	    (rc = list(ctx, m, "recommendations", &rows, err)) != 0)
		goto out;
	json_array_foreach(sources, i, row)
		if (str(row, "committee") != NULL)
			json_object_set_new(source_committee, str(row, "ref"),
			    json_string(str(row, "committee")));
	json_array_foreach(rows, i, row) {
		struct item *it;

		if (strcmp(str(row, "status"), "open") != 0)
			continue;
		buf_reset(&key);
		buf_addf(&key, "%s/%s", str(row, "source"), str(row, "ref"));
		it = add_item(m, "recommendation", keep(m, buf_str(&key)),
		    str(row, "subject") ? str(row, "subject") : str(row, "text"),
		    str(row, "committee"), "lead", json_object_get(row, "leads"));
		if (it->committee == NULL) {
			it->committee = json_string_value(json_object_get(source_committee,
			    str(row, "source")));
			it->through = it->committee ? str(row, "source") : NULL;
		}
	}
out:
	buf_release(&key);
	return rc;
}

/* "SC-COMM → MB": the line up to the board, or as far as it goes. */
static void
chain_text(const struct map *m, size_t from, struct buf *out)
{
	long path[64];
	size_t n = gov_chain(m->c, m->nc, from, path, WM_ARRAY_LEN(path));

	for (size_t i = 0; i < n; i++) {
		buf_addf(out, "%s%s", i ? " \u2192 " : "", m->c[path[i]].key);
		if (path[i] == m->board)
			break;
	}
}

static void
committees_section(struct rdoc *doc, const struct map *m, const enum gov_line *lines)
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
		chain_text(m, i, &chain);
		rtable_cell(t, m->c[i].key);
		rtable_cell(t, str(m->crow[i], "name"));
		rtable_cell(t, str(m->crow[i], "reports_to"));
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
		rtable_cell(t, str(m->crow[i], "chair"));
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
gaps_text(const struct map *m, const struct item *it, struct buf *out, const char **words)
{
	size_t n = 0;

	if (it->gaps & GOV_NO_COMMITTEE) {
		buf_adds(out, "no accountable committee");
		words[n++] = "no committee";
	}
	if (it->gaps & GOV_OUT_OF_LINE) {
		long c = committee_index(m, it->committee);

		buf_addf(out, "%s%s is outside the line to %s (", out->len ? "; " : "", it->committee,
		    m->c[m->board].key);
		chain_text(m, (size_t)c, out);
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
committee_text(const struct item *it, struct buf *out)
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
items_sections(struct rdoc *doc, struct map *m, const enum gov_line *lines)
{
	static const struct rcol cols[] = { { "kind", "Kind", 0 }, { "ref", "Item", 0 },
		{ "title", "Title", 0 }, { "committee", "Committee", RC_DATA },
		{ "through", "Through", RC_DATA }, { NULL, "Committee", 0 },
		{ "leads", "Leads", RC_DATA }, { NULL, "Lead", 0 }, { "gaps", "Gaps", RC_DATA },
		{ NULL, "What is missing", 0 } };
	struct rtable *t = NULL;
	size_t ngaps = 0;

	for (size_t i = 0; i < m->n; i++) {
		struct gov_item gi = { committee_index(m, m->items[i].committee),
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
			const struct item *it = &m->items[i];
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
	struct map m = { 0 };
	struct strmap empty = STRMAP_INIT;
	enum gov_line *lines = NULL;
	struct rdoc *doc = NULL;
	char board[160], plan[256];
	int rc;

	*out = NULL;
	m.cindex = empty;
	m.hold = json_pack("{s:[]}", "_strings");
	if (o->plan != NULL && (rc = pfdata_plan_key(ctx, o->plan, plan, sizeof(plan), err)) != 0)
		goto out;
	if ((rc = load_committees(ctx, &m, o->board, err)) != 0 ||
	    (rc = load_items(ctx, &m, o->plan ? plan : NULL, err)) != 0)
		goto out;
	lines = wm_calloc(m.nc + 1, sizeof(*lines));
	gov_lines(m.c, m.nc, m.board, lines);
	doc = rdoc_new("Accountability");
	if (m.board >= 0)
		snprintf(board, sizeof(board), "%s (%s)", m.c[m.board].key, str(m.crow[m.board], "name"));
	else
		snprintf(board, sizeof(board), "none: name it with --board");
	rdoc_meta(doc, "Board", board);
	rdoc_meta(doc, "Goals and aims of", o->plan ? plan : "every plan");
	rdoc_fact(doc, "board", NULL, m.board >= 0 ? m.c[m.board].key : NULL);
	if (m.board < 0)
		rdoc_para(doc, "No committee is called the Management Board, so reporting lines are "
		    "shown but not checked; name the board with --board COMMITTEE.");
	committees_section(doc, &m, lines);
	items_sections(doc, &m, lines);
	*out = doc;
out:
	free(lines);
	free(m.items);
	free(m.c);
	free(m.crow);
	strmap_release(&m.cindex);
	json_decref(m.hold);
	return rc;
}
