/*
 * page_framework.c: the framework as a tree, and a page for each plan
 * and each of its goals, aims, outcomes, priorities and key actions.
 *
 *   GET /framework                     every plan, the corporate ones first, as a tree
 *   GET /framework/PLAN                a plan: what it is, what cascades from it, its tree
 *   GET /framework/PLAN/REF            a node: its lead, committee and status, what is
 *                                      under it, the indicators that measure it and how
 *                                      they stand, the plans that underpin it
 *   GET, POST /framework/KEY/edit, /framework/KEY/remove    their forms (page_record.c)
 *
 * How an indicator stands comes from the scorecard (`report performance`)
 * of the node's plan, so it is judged as the scorecard judges it. What the
 * reader may not see (the public sees what is published) is left out by
 * the library's reads, not here.
 */
#include "base/wm.h"

#include "base/mem.h"
#include "base/str.h"
#include "http/form.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/authz.h"
#include "model/ent.h"
#include "report/reports.h"

/* The order plans are shown in: the framework and corporate strategies before the rest. */
static const char *const plan_rank[] = { "framework", "corporate_strategy", "strategy",
	"annual_plan", "business_plan", "ocu_plan", "action_plan", "other" };

static int
rank_of(const char *kind)
{
	for (size_t i = 0; kind != NULL && i < WM_ARRAY_LEN(plan_rank); i++)
		if (strcmp(kind, plan_rank[i]) == 0)
			return (int)i;
	return (int)WM_ARRAY_LEN(plan_rank);
}

struct plan_at {
	const json_t *plan;
	int depth, rank;
};

static int
plan_cmp(const void *a, const void *b)
{
	const struct plan_at *x = a, *y = b;

	if (x->depth != y->depth)
		return x->depth - y->depth;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcmp(json_string_value(json_object_get(x->plan, "ref")),
	    json_string_value(json_object_get(y->plan, "ref")));
}

/* How far down the cascade a plan is: 0 for one that cascades from none. */
static int
plan_depth(const json_t *plans, const json_t *p)
{
	int depth = 0;

	for (const char *parent = json_string_value(json_object_get(p, "parent"));
	    parent != NULL && depth < 16; depth++) {
		const json_t *up = NULL;

		for (size_t i = 0; i < json_array_size(plans) && up == NULL; i++)
			if (strcmp(json_string_value(json_object_get(json_array_get(plans, i), "ref")),
			    parent) == 0)
				up = json_array_get(plans, i);
		parent = up ? json_string_value(json_object_get(up, "parent")) : NULL;
	}
	return depth;
}

/* ---- how the indicators stand ------------------------------------------ */

/* The plan's scorecard as JSON, or NULL when it has none (no indicator measures it). */
static json_t *
scorecard(struct req *rq, const char *plan)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *opts = json_pack("{s:s}", "plan", plan), *data = NULL;
	struct rdoc *d = NULL;

	if (http_run_report(rq, report_find("performance"), opts, &d, NULL, &err) == 0)
		data = rdoc_json(d);
	rdoc_free(d);
	json_decref(opts);
	return data;
}

/* The scorecard's indicators of a node (a goal's or an aim's), or NULL. */
static const json_t *
card_pis(const json_t *card, const char *node)
{
	const json_t *goals = json_object_get(card, "goals");

	for (size_t i = 0; i < json_array_size(goals); i++) {
		const json_t *g = json_array_get(goals, i), *aims = json_object_get(g, "aims");

		if (strcmp(json_string_value(json_object_get(g, "node")), node) == 0)
			return json_object_get(g, "pis");
		for (size_t j = 0; j < json_array_size(aims); j++)
			if (strcmp(json_string_value(json_object_get(json_array_get(aims, j), "node")),
			    node) == 0)
				return json_object_get(json_array_get(aims, j), "pis");
	}
	return NULL;
}

/* An indicator's status as the scorecard gives it, as a tag. */
static void
status_tag(struct page *p, const char *status)
{
	const char *cls = status == NULL ? "govuk-tag govuk-tag--grey" :
	    strcmp(status, "green") == 0 ? "govuk-tag govuk-tag--green" :
	    strcmp(status, "amber") == 0 ? "govuk-tag govuk-tag--orange" :
	    strcmp(status, "red") == 0 ? "govuk-tag govuk-tag--red" : "govuk-tag govuk-tag--grey";

	html_elem(&p->h, "strong", status ? form_choice_text(p->rq, status) : "Not judged", "class",
	    cls, NULL);
}

/* The status of indicator code among a node's scorecard indicators, or NULL. */
static const json_t *
card_pi(const json_t *pis, const char *code)
{
	for (size_t i = 0; i < json_array_size(pis); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(pis, i), "pi")), code) == 0)
			return json_array_get(pis, i);
	return NULL;
}

/* The indicators that measure node (all of them, from the pis' own "measures"). */
static json_t *
measured_by(const json_t *pis, const char *node)
{
	json_t *out = json_array();

	for (size_t i = 0; i < json_array_size(pis); i++) {
		const json_t *pi = json_array_get(pis, i), *m = json_object_get(pi, "measures");

		for (size_t j = 0; j < json_array_size(m); j++)
			if (strcmp(json_string_value(json_array_get(m, j)), node) == 0)
				json_array_append(out, (json_t *)pi);
	}
	return out;
}

/* ---- the tree ----------------------------------------------------------- */

struct tree {
	struct page *p;
	const json_t *nodes;	/* a plan's */
	const json_t *pis;	/* every indicator */
	const json_t *card;	/* the plan's scorecard, or NULL */
	struct pages_names *posts;
};

static const char *
node_title(struct req *rq, const json_t *n)
{
	return arena_printf(rq->a, "%s: %s", pages_text(rq, n, "ref"), pages_text(rq, n, "title"));
}

/* The nodes under parent (NULL: the plan's top level) as a nested list, with their indicators. */
static void
tree_list(struct tree *t, const char *parent, int depth)
{
	struct req *rq = t->p->rq;
	struct html *h = &t->p->h;
	bool open = false;

	for (size_t i = 0; i < json_array_size(t->nodes) && depth < 16; i++) {
		const json_t *n = json_array_get(t->nodes, i);
		const char *par = json_string_value(json_object_get(n, "parent"));
		const char *key;
		json_t *pis;

		if ((parent == NULL) != (par == NULL) || (parent != NULL && strcmp(par, parent) != 0))
			continue;
		if (!open)
			html_open(h, "ul", "class", depth == 0 ? "govuk-list wm-tree" :
			    "govuk-list wm-tree wm-tree__under", NULL);
		open = true;
		key = pages_key(rq, "nodes", n);
		html_open(h, "li", NULL);
		html_elem(h, "span", form_choice_text(rq, pages_text(rq, n, "kind")), "class",
		    "wm-tree__level", NULL);
		html_text(h, " ");
		html_elem(h, "a", node_title(rq, n), "class", "govuk-link", "href",
		    pages_record_url(rq, "nodes", key), NULL);
		pis = measured_by(t->pis, key);
		if (json_array_size(pis) > 0) {
			const json_t *card = card_pis(t->card, key);

			html_open(h, "ul", "class", "govuk-list wm-tree wm-tree__under", NULL);
			for (size_t j = 0; j < json_array_size(pis); j++) {
				const char *code = pages_text(rq, json_array_get(pis, j), "code");
				const json_t *c = card_pi(card, code);

				html_open(h, "li", NULL);
				html_elem(h, "span", "Indicator", "class", "wm-tree__level", NULL);
				html_text(h, " ");
				html_elem(h, "a", arena_printf(rq->a, "%s: %s", code, pages_text(rq,
				    json_array_get(pis, j), "title")), "class", "govuk-link", "href",
				    req_key_url(rq, "/pis/", code), NULL);
				html_text(h, " ");
				status_tag(t->p, json_string_value(json_object_get(c, "status")));
				html_close(h, "li");
			}
			html_close(h, "ul");
		}
		json_decref(pis);
		tree_list(t, key, depth + 1);
		html_close(h, "li");
	}
	if (open)
		html_close(h, "ul");
}

/* Every plan, ordered as the framework cascades: the corporate plans first. */
static struct plan_at *
ordered_plans(struct req *rq, const json_t *plans)
{
	size_t n = json_array_size(plans);
	struct plan_at *at = arena_array(rq->a, n + 1, sizeof(*at));

	for (size_t i = 0; i < n; i++) {
		at[i].plan = json_array_get(plans, i);
		at[i].depth = plan_depth(plans, at[i].plan);
		at[i].rank = rank_of(json_string_value(json_object_get(at[i].plan, "kind")));
	}
	wm_sort(at, n, sizeof(*at), plan_cmp);
	return at;
}

/* A plan's tree: its goals, aims... with their indicators and how they stand. */
static int
plan_tree(struct page *p, const char *ref, const json_t *pis, struct wm_err *err)
{
	struct tree t = { p, NULL, pis, NULL, NULL };
	json_t *nodes = NULL;
	int rc;

	if ((rc = pages_list(p->rq, "nodes", pages_where("plan", ref), &nodes, err)) != 0)
		return rc;
	t.nodes = nodes;
	if (json_array_size(nodes) == 0) {
		html_elem(&p->h, "p", "It has no goals, aims or actions yet.", "class", "govuk-body",
		    NULL);
	} else {
		json_t *card = scorecard(p->rq, ref);

		t.card = card;
		tree_list(&t, NULL, 0);
		json_decref(card);
	}
	json_decref(nodes);
	return 0;
}

void
page_framework(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *plans = NULL, *pis = NULL;
	struct plan_at *at;
	struct page p;

	if (pages_list(rq, "plans", NULL, &plans, &err) != 0 ||
	    pages_list(rq, "pis", NULL, &pis, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	at = ordered_plans(rq, plans);
	page_begin(&p, rq, rs, "Framework - Waymark", "/framework");
	html_elem(&p.h, "h1", "The framework", "class", "govuk-heading-l", NULL);
	html_elem(&p.h, "p", "Each plan, the corporate ones first, with its goals, aims, "
	    "outcomes, priorities and key actions, the indicators that measure them and how they "
	    "stand. Each is a page with its lead, its committee and the plans that underpin it.",
	    "class", "govuk-body", NULL);
	page_record_add_link(&p, kind_find("plans"), NULL, NULL);
	if (json_array_size(plans) == 0)
		html_elem(&p.h, "p", "There are no plans yet.", "class", "govuk-body", NULL);
	for (size_t i = 0; i < json_array_size(plans); i++) {
		const char *ref = pages_text(rq, at[i].plan, "ref");
		const char *parent = json_string_value(json_object_get(at[i].plan, "parent"));

		html_open(&p.h, "h2", "class", "govuk-heading-m", NULL);
		html_elem(&p.h, "a", pages_text(rq, at[i].plan, "title"), "class", "govuk-link",
		    "href", pages_record_url(rq, "plans", ref), NULL);
		html_close(&p.h, "h2");
		html_elem(&p.h, "p", arena_printf(rq->a, "%s%s%s", form_choice_text(rq,
		    pages_text(rq, at[i].plan, "kind")), parent ? ", under " : "", parent ?
		    pages_name(rq, "plans", parent) : ""), "class", "govuk-body wm-meta", NULL);
		if (plan_tree(&p, ref, pis, &err) != 0) {
			page_fail_err(rq, rs, &err);
			goto out;
		}
	}
	page_end(&p);
out:
	json_decref(plans);
	json_decref(pis);
}

/* ---- a plan ------------------------------------------------------------- */

static void
summary_link(struct page *p, const char *label, const char *text, const char *href)
{
	if (text == NULL || *text == '\0')
		return;
	html_open(&p->h, "div", "class", "govuk-summary-list__row", NULL);
	html_elem(&p->h, "dt", label, "class", "govuk-summary-list__key", NULL);
	html_open(&p->h, "dd", "class", "govuk-summary-list__value", NULL);
	if (href != NULL)
		html_elem(&p->h, "a", text, "class", "govuk-link", "href", href, NULL);
	else
		html_text(&p->h, text);
	html_close(&p->h, "dd");
	html_close(&p->h, "div");
}

/* A reference field of rec as a summary row linking to what it names, by its name. */
static void
summary_ref(struct page *p, const char *label, const json_t *rec, const char *field,
    const char *kind)
{
	const char *key = json_string_value(json_object_get(rec, field));

	if (key != NULL)
		summary_link(p, label, pages_name(p->rq, kind, key), pages_record_url(p->rq, kind, key));
}

static void
summary_text(struct page *p, const char *label, const json_t *rec, const char *field,
    const char *kind)
{
	const struct field *f = kind_field(kind_find(kind), field);

	page_summary_row(p, label, form_value_text(p->rq, f, json_object_get(rec, field)));
}

/* The leads' posts by title, as one row. */
static void
summary_leads(struct page *p, const json_t *rec)
{
	const json_t *leads = json_object_get(rec, "leads");
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < json_array_size(leads); i++)
		buf_addf(&b, "%s%s", i ? "; " : "", pages_name(p->rq, "posts",
		    json_string_value(json_array_get(leads, i))));
	page_summary_row(p, json_array_size(leads) > 1 ? "Leads" : "Lead", buf_str(&b));
	buf_release(&b);
}

static void
plan_page(struct req *rq, struct resp *rs, const char *ref)
{
	static const char *const texts[][2] = { { "Mission", "mission" }, { "Vision", "vision" },
		{ "Description", "description" } };
	struct wm_err err = WM_ERR_INIT;
	const struct kind *k = kind_find("plans");
	json_t *plan = NULL, *children = NULL, *pis = NULL;
	const char *saved = req_query(rq, "saved");
	struct page p;

	if (ent_get(&rq->ctx, k, ref, &plan, &err) != 0 ||
	    pages_list(rq, "plans", pages_where("parent", pages_text(rq, plan, "ref")), &children,
	    &err) != 0 || pages_list(rq, "pis", NULL, &pis, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	ref = pages_text(rq, plan, "ref");
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", pages_text(rq, plan, "title")),
	    "/framework");
	html_elem(&p.h, "span", form_choice_text(rq, pages_text(rq, plan, "kind")), "class",
	    "govuk-caption-l", NULL);
	html_elem(&p.h, "h1", pages_text(rq, plan, "title"), "class", "govuk-heading-l", NULL);
	if (saved != NULL)
		page_saved(&p, k, saved);
	html_open(&p.h, "dl", "class", "govuk-summary-list", NULL);
	page_summary_row(&p, "Reference", ref);
	summary_ref(&p, "Unit", plan, "unit", "units");
	summary_ref(&p, "Cascades from", plan, "parent", "plans");
	summary_text(&p, "Starts", plan, "period_start", "plans");
	summary_text(&p, "Ends", plan, "period_end", "plans");
	summary_text(&p, "Status", plan, "status", "plans");
	html_close(&p.h, "dl");
	for (size_t i = 0; i < WM_ARRAY_LEN(texts); i++) {
		const char *v = pages_text(rq, plan, texts[i][1]);

		if (*v == '\0')
			continue;
		html_elem(&p.h, "h2", texts[i][0], "class", "govuk-heading-s", NULL);
		page_md(&p, v);
	}
	page_record_actions(&p, k, plan);
	if (json_array_size(children) > 0) {
		html_elem(&p.h, "h2", "Plans that cascade from it", "class", "govuk-heading-m", NULL);
		html_open(&p.h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
		for (size_t i = 0; i < json_array_size(children); i++) {
			const json_t *c = json_array_get(children, i);

			html_open(&p.h, "li", NULL);
			html_elem(&p.h, "a", pages_text(rq, c, "title"), "class", "govuk-link", "href",
			    pages_record_url(rq, "plans", pages_text(rq, c, "ref")), NULL);
			html_close(&p.h, "li");
		}
		html_close(&p.h, "ul");
	}
	html_elem(&p.h, "h2", "Its goals, aims and actions", "class", "govuk-heading-m", NULL);
	if (plan_tree(&p, ref, pis, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	{
		json_t *d = json_pack("{s:s}", "plan", ref);

		page_record_add_link(&p, kind_find("nodes"), d, pages_record_url(rq, "plans", ref));
		json_decref(d);
	}
	page_end(&p);
out:
	json_decref(plan);
	json_decref(children);
	json_decref(pis);
}

/* ---- a goal, aim, outcome, priority or action -------------------------- */

/* A table of nodes (the children, or what underpins): ref, level, title, lead, due, status. */
static void
node_table(struct page *p, const char *caption, const json_t *nodes, bool plans)
{
	static const char *const cols[] = { "Ref", "Level", "Title", "Due", "Status" };
	static const char *const with_plan[] = { "Plan", "Ref", "Level", "Title", "Status" };
	struct req *rq = p->rq;
	struct rdoc *d = rdoc_new(caption);
	struct rtable *t = rdoc_table(d, caption, 5, plans ? with_plan : cols);

	for (size_t i = 0; i < json_array_size(nodes); i++) {
		const json_t *n = json_array_get(nodes, i);
		const char *key = pages_key(rq, "nodes", n);
		const char *st = json_string_value(json_object_get(n, "status"));

		if (plans)
			rtable_link(t, pages_name(rq, "plans", pages_text(rq, n, "plan")),
			    pages_record_url(rq, "plans", pages_text(rq, n, "plan")));
		rtable_link(t, pages_text(rq, n, "ref"), pages_record_url(rq, "nodes", key));
		rtable_cell(t, form_choice_text(rq, pages_text(rq, n, "kind")));
		rtable_cell(t, pages_text(rq, n, "title"));
		if (!plans)
			rtable_cell(t, form_value_text(rq, kind_field(kind_find("nodes"), "timescale"),
			    json_object_get(n, "timescale")));
		if (st != NULL)
			rtable_tag(t, form_choice_text(rq, st), strcmp(st, "done") == 0 ? "green" :
			    strcmp(st, "dropped") == 0 ? "grey" : "blue");
		else
			rtable_cell(t, "");
		rtable_end_row(t);
	}
	page_rdoc_untitled(p, d);
	rdoc_free(d);
}

/* The nodes a link list names on its other side (lower -> higher, or higher -> lower). */
static json_t *
linked(struct req *rq, const char *key, const char *mine, const char *theirs)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *links = NULL, *out = json_array();

	if (authz_read_quiet(&rq->ctx, "links") &&
	    pages_list(rq, "links", pages_where(mine, key), &links, &err) == 0)
		for (size_t i = 0; i < json_array_size(links); i++) {
			json_t *n = NULL;

			if (ent_get(&rq->ctx, kind_find("nodes"), pages_text(rq, json_array_get(links, i),
			    theirs), &n, &err) == 0)
				json_array_append_new(out, n);
		}
	json_decref(links);
	return out;
}

/* The indicators that measure the node, and how they stand on its plan's scorecard. */
static void
indicators_section(struct page *p, const char *key, const char *plan)
{
	static const char *const cols[] = { "Indicator", "Title", "Figure", "Target", "Status" };
	struct req *rq = p->rq;
	struct wm_err err = WM_ERR_INIT;
	json_t *all = NULL, *pis, *card;
	const json_t *cpis;
	struct rdoc *d;
	struct rtable *t;

	if (pages_list(rq, "pis", NULL, &all, &err) != 0)
		return;
	pis = measured_by(all, key);
	html_elem(&p->h, "h2", "Indicators that measure it", "class", "govuk-heading-m", "id",
	    "indicators", NULL);
	if (json_array_size(pis) == 0) {
		html_elem(&p->h, "p", "No indicator measures it.", "class", "govuk-body", NULL);
		goto out;
	}
	card = scorecard(rq, plan);
	cpis = card_pis(card, key);
	d = rdoc_new("Indicators");
	t = rdoc_table(d, NULL, 5, cols);
	rtable_numeric(t, 2);
	rtable_numeric(t, 3);
	for (size_t i = 0; i < json_array_size(pis); i++) {
		const json_t *pi = json_array_get(pis, i);
		const char *code = pages_text(rq, pi, "code");
		const json_t *c = card_pi(cpis, code), *v = json_object_get(c, "value_to_date");
		const json_t *tg = json_object_get(c, "target");
		const char *st = json_string_value(json_object_get(c, "status"));
		int dec = json_is_integer(json_object_get(pi, "decimals")) ?
		    (int)json_integer_value(json_object_get(pi, "decimals")) : 1;

		/* the scorecard's figure: to date where the target is the year's */
		if (!json_is_number(v))
			v = json_object_get(c, "value");
		rtable_link(t, code, req_key_url(rq, "/pis/", code));
		rtable_cell(t, pages_text(rq, pi, "title"));
		if (json_is_number(v))
			rtable_num(t, json_number_value(v), dec, NULL);
		else
			rtable_cell(t, "");
		if (json_is_number(tg))
			rtable_num(t, json_number_value(tg), dec, NULL);
		else
			rtable_cell(t, "");
		rtable_tag(t, st ? form_choice_text(rq, st) : "Not judged", st == NULL ? "grey" :
		    strcmp(st, "green") == 0 || strcmp(st, "amber") == 0 || strcmp(st, "red") == 0 ?
		    st : "grey");
		rtable_end_row(t);
	}
	if (card != NULL)
		rdoc_para(d, "As the scorecard judges them as of %s, for %s: the figure to date where "
		    "the target is the year's.", pages_text(rq, card, "as_of"), pages_name(rq, "units",
		    pages_text(rq, card, "unit")));
	page_rdoc_untitled(p, d);
	rdoc_free(d);
	json_decref(card);
out:
	json_decref(pis);
	json_decref(all);
}

static void
node_page(struct req *rq, struct resp *rs, const char *key)
{
	struct wm_err err = WM_ERR_INIT;
	const struct kind *k = kind_find("nodes");
	json_t *n = NULL, *children = NULL, *below = NULL, *above = NULL, *projects = NULL;
	const char *saved = req_query(rq, "saved"), *plan;
	struct page p;

	if (ent_get(&rq->ctx, k, key, &n, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	key = pages_key(rq, "nodes", n);
	plan = pages_text(rq, n, "plan");
	/* what the reader may not read (the public: which projects serve it) is left out */
	if (pages_list(rq, "nodes", json_pack("{s:s, s:s}", "plan", plan, "parent", key),
	    &children, &err) != 0 || (authz_read_quiet(&rq->ctx, "contributions") &&
	    pages_list(rq, "contributions", pages_where("aim", key), &projects, &err) != 0)) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	below = linked(rq, key, "higher", "lower");
	above = linked(rq, key, "lower", "higher");
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", node_title(rq, n)),
	    "/framework");
	html_elem(&p.h, "span", arena_printf(rq->a, "%s of %s", form_choice_text(rq,
	    pages_text(rq, n, "kind")), pages_name(rq, "plans", plan)), "class", "govuk-caption-l",
	    NULL);
	html_elem(&p.h, "h1", node_title(rq, n), "class", "govuk-heading-l", NULL);
	if (saved != NULL)
		page_saved(&p, k, saved);
	html_open(&p.h, "dl", "class", "govuk-summary-list", NULL);
	summary_ref(&p, "Plan", n, "plan", "plans");
	summary_ref(&p, "Under", n, "parent", "nodes");
	summary_leads(&p, n);
	summary_ref(&p, "Committee", n, "committee", "committees");
	summary_text(&p, "Due", n, "timescale", "nodes");
	summary_text(&p, "Target date", n, "due", "nodes");
	summary_text(&p, "Status", n, "status", "nodes");
	summary_text(&p, "Degree met", n, "degree_met", "nodes");
	html_close(&p.h, "dl");
	if (*pages_text(rq, n, "description") != '\0')
		page_md(&p, pages_text(rq, n, "description"));
	if (*pages_text(rq, n, "measure") != '\0') {
		html_elem(&p.h, "h2", "How success is measured", "class", "govuk-heading-s", NULL);
		page_md(&p, pages_text(rq, n, "measure"));
	}
	page_record_actions(&p, k, n);
	page_tracked(&p, k, n);
	indicators_section(&p, key, plan);
	html_elem(&p.h, "h2", "Under it", "class", "govuk-heading-m", NULL);
	if (json_array_size(children) > 0)
		node_table(&p, "Under it", children, false);
	else
		html_elem(&p.h, "p", "Nothing is under it.", "class", "govuk-body", NULL);
	{
		json_t *d = json_pack("{s:s, s:s}", "plan", plan, "parent", key);

		page_record_add_link(&p, k, d, pages_record_url(rq, "nodes", key));
		json_decref(d);
	}
	if (authz_read_quiet(&rq->ctx, "links"))
		html_elem(&p.h, "h2", "Plans that underpin it", "class", "govuk-heading-m", NULL);
	if (json_array_size(below) > 0)
		node_table(&p, "Objectives of lower plans that underpin it", below, true);
	else if (authz_read_quiet(&rq->ctx, "links"))
		html_elem(&p.h, "p", "No lower plan's objective says it underpins this.", "class",
		    "govuk-body", NULL);
	if (json_array_size(above) > 0) {
		html_elem(&p.h, "h2", "What it underpins", "class", "govuk-heading-m", NULL);
		node_table(&p, "Objectives of higher plans it underpins", above, true);
	}
	if (json_array_size(projects) > 0) {
		html_elem(&p.h, "h2", "Projects that serve it", "class", "govuk-heading-m", NULL);
		html_open(&p.h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
		for (size_t i = 0; i < json_array_size(projects); i++) {
			const char *pj = pages_text(rq, json_array_get(projects, i), "project");

			html_open(&p.h, "li", NULL);
			html_elem(&p.h, "a", pages_name(rq, "projects", pj), "class", "govuk-link", "href",
			    pages_record_url(rq, "projects", pj), NULL);
			html_textf(&p.h, " (serves it %s)", pages_text(rq, json_array_get(projects, i),
			    "weight"));
			html_close(&p.h, "li");
		}
		html_close(&p.h, "ul");
	}
	page_end(&p);
out:
	json_decref(n);
	json_decref(children);
	json_decref(below);
	json_decref(above);
	json_decref(projects);
}

/* /framework/...: a plan, a node, or the forms of either. */
void
page_framework_under(struct req *rq, struct resp *rs, const char *rest)
{
	const char *slash = strchr(rest, '/');
	const char *end = strrchr(rest, '/');

	/* PLAN/edit is the plan's form; PLAN/REF/edit a node's */
	if (end != NULL && page_record_forms(rq, rs, kind_find(slash != end ? "nodes" : "plans"),
	    rest))
		return;
	if (strcmp(rq->method, "GET") != 0) {
		page_fail(rq, rs, 405, "That cannot be done here", "This address can only be read.");
		resp_header(rs, "Allow", "GET");
		return;
	}
	if (slash == NULL)
		plan_page(rq, rs, rest);
	else
		node_page(rq, rs, rest);
}
