/*
 * perfdata.c: loading the performance analysis's inputs (see perfdata.h).
 */
#include "base/wm.h"

#include <limits.h>
#include <math.h>

#include "base/arena.h"
#include "base/mem.h"
#include "model/authz.h"
#include "model/cube.h"
#include "model/ent.h"
#include "model/perfdata.h"
#include "store/store.h"

int
perfdata_load(struct wm_ctx *ctx, struct perfdata *pd, struct wm_err *err)
{
	struct stmt *s;
	int64_t *parent_ids = NULL;
	size_t n = 0, cap = 0, capp = 0;
	int rc;

	memset(pd, 0, sizeof(*pd));
	pd->a = arena_new();
	rc = store_prepare(ctx->st, "SELECT id, ref, name, parent_id FROM unit ORDER BY id", &s, err);
	if (rc != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct pd_unit *u = arena_array(pd->a, ncap, sizeof(*u));
			struct perf_unit *t = arena_array(pd->a, ncap, sizeof(*t));

			if (n > 0) {
				memcpy(u, pd->units, n * sizeof(*u));
				memcpy(t, pd->tree.units, n * sizeof(*t));
			}
			pd->units = u;
			pd->tree.units = t;
			cap = ncap;
		}
		WM_GROW(parent_ids, n + 1, capp);
		pd->units[n].id = stmt_int(s, 0);
		pd->units[n].ref = arena_strdup(pd->a, stmt_text(s, 1));
		pd->units[n].name = arena_strdup(pd->a, stmt_text(s, 2));
		pd->tree.units[n].id = pd->units[n].id;
		parent_ids[n] = stmt_is_null(s, 3) ? 0 : stmt_int(s, 3);
		intmap_put(&pd->unit_at, pd->units[n].id, (int64_t)n);
		n++;
	}
	if (rc < 0)
		goto out;
	pd->tree.n = n;
	for (size_t i = 0; i < n; i++) {
		int64_t at = -1;

		if (parent_ids[i] != 0 && !intmap_get(&pd->unit_at, parent_ids[i], &at))
			at = -1;
		pd->tree.units[i].parent = (int)at;
	}
	if ((rc = perf_tree_init(&pd->tree)) != 0) {
		rc = wm_error(err, WM_EINVAL, "the unit tree has a cycle");
		goto out;
	}
	rc = store_prepare(ctx->st, "SELECT id, code, title, measure_unit, aggregation, polarity, scale,"
	    " tolerance, tolerance_kind, decimals, committee_id, published FROM pi ORDER BY code",
	    &s, err);
	if (rc != 0)
		goto out;
	cap = 0;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		struct pd_pi *p;

		if (authz_published_only(ctx) && stmt_int(s, 11) == 0)
			continue;
		if (pd->npis == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct pd_pi *np = arena_array(pd->a, ncap, sizeof(*np));

			if (pd->npis > 0)
				memcpy(np, pd->pis, pd->npis * sizeof(*np));
			pd->pis = np;
			cap = ncap;
		}
		p = &pd->pis[pd->npis];
		p->id = stmt_int(s, 0);
		p->code = arena_strdup(pd->a, stmt_text(s, 1));
		p->title = arena_strdup(pd->a, stmt_text(s, 2));
		p->measure_unit = stmt_is_null(s, 3) ? "" : arena_strdup(pd->a, stmt_text(s, 3));
		if (agg_parse(stmt_text(s, 4), &p->rules.agg) != 0)
			p->rules.agg = AGG_NONE;
		if (polarity_parse(stmt_text(s, 5), &p->rules.polarity) != 0)
			p->rules.polarity = POL_NONE;
		p->rules.scale = stmt_double(s, 6);
		p->rules.tolerance = stmt_double(s, 7);
		p->rules.tolerance_percent = strcmp(stmt_text(s, 8), "percent") == 0;
		p->decimals = (int)stmt_int(s, 9);
		p->committee_id = stmt_is_null(s, 10) ? 0 : stmt_int(s, 10);
		p->published = stmt_int(s, 11) != 0;
		p->kinds = 0;	/* filled below */
		intmap_put(&pd->pi_at, p->id, (int64_t)pd->npis);
		pd->npis++;
	}
	if (rc < 0)
		goto out;
	/* every indicator's kinds at once: a report asked for each, 500 statements at 2.5M */
	if ((rc = store_prepare(ctx->st, "SELECT pi_id, period_kind FROM pi_series", &s, err)) != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		int64_t at;

		if (intmap_get(&pd->pi_at, stmt_int(s, 0), &at))
			pd->pis[at].kinds |= 1u << stmt_int(s, 1);
	}
	rc = rc < 0 ? rc : 0;
out:
	free(parent_ids);
	if (rc != 0)
		perfdata_release(pd);
	return rc;
}

void
perfdata_release(struct perfdata *pd)
{
	perf_tree_release(&pd->tree);
	intmap_release(&pd->unit_at);
	intmap_release(&pd->pi_at);
	arena_free(pd->a);
	memset(pd, 0, sizeof(*pd));
}

int
perfdata_unit(struct wm_ctx *ctx, const struct perfdata *pd, const char *key, int *index,
    struct wm_err *err)
{
	int64_t id, at;
	int rc;

	if ((rc = ent_resolve(ctx, kind_find("units"), key, &id, err)) != 0)
		return rc;
	if (!intmap_get(&pd->unit_at, id, &at))
		return wm_error(err, WM_ENOTFOUND, "unit \"%s\" is not in the tree", key);
	*index = (int)at;
	return 0;
}

int
perfdata_pi(struct wm_ctx *ctx, const struct perfdata *pd, const char *key, size_t *index,
    struct wm_err *err)
{
	int64_t id, at;
	int rc;

	if ((rc = ent_resolve(ctx, kind_find("pis"), key, &id, err)) != 0)
		return rc;
	if (!intmap_get(&pd->pi_at, id, &at))
		return wm_error(err, WM_ENOTFOUND, "no pi \"%s\"", key);
	*index = (size_t)at;
	return 0;
}

int
perfdata_main_unit(struct wm_ctx *ctx, const struct perfdata *pd, int *index, struct wm_err *err)
{
	struct stmt *s;
	int best = -1, rc;
	int64_t most = -1;

	*index = 0;
	rc = store_prepare(ctx->st, "SELECT unit_id, COUNT(*) FROM target GROUP BY unit_id", &s, err);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		int64_t at, n = stmt_int(s, 1);

		if (!intmap_get(&pd->unit_at, stmt_int(s, 0), &at))
			continue;
		if (n > most || (n == most && best >= 0 &&
		    pd->tree.nleaves[at] > pd->tree.nleaves[best])) {
			most = n;
			best = (int)at;
		}
	}
	if (rc < 0)
		return rc;
	if (best < 0) {
		/* no targets: the unit with the most below it */
		for (size_t u = 0; u < pd->tree.n; u++)
			if (best < 0 || pd->tree.nleaves[u] > pd->tree.nleaves[best])
				best = (int)u;
	}
	*index = best < 0 ? 0 : best;
	return 0;
}

int
perfdata_latest(struct wm_ctx *ctx, struct period *out, bool *any, struct wm_err *err)
{
	struct stmt *s;
	int rc, best_kind = 99, best_last = 0;

	*any = false;
	rc = store_prepare(ctx->st, "SELECT period_kind, MAX(first_index + nperiods - 1) FROM pi_series"
	    " GROUP BY period_kind", &s, err);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		int kind = (int)stmt_int(s, 0);

		/* the shortest kind held is the one to report at */
		if (kind < best_kind && kind != PERIOD_FYEAR) {
			best_kind = kind;
			best_last = (int)stmt_int(s, 1);
		} else if (best_kind == 99) {
			best_kind = kind;
			best_last = (int)stmt_int(s, 1);
		}
	}
	if (rc < 0)
		return rc;
	/* the public's latest is the latest they may see: figures awaiting approval aside */
	if (best_kind != 99 && ctx->role == ROLE_PUBLIC) {
		int64_t *pis = NULL;
		size_t n = 0, cap = 0;

		rc = store_prepare(ctx->st, "SELECT DISTINCT s.pi_id FROM pi_series s JOIN figure_review r"
		    " ON r.pi_id = s.pi_id WHERE s.period_kind = ?", &s, err);
		if (rc != 0)
			return rc;
		stmt_bind_int(s, 1, best_kind);
		while ((rc = stmt_step(s, err)) == STORE_ROW) {
			WM_GROW(pis, n + 1, cap);
			pis[n++] = stmt_int(s, 0);
		}
		if (rc >= 0 && n > 0) {
			/* the others' latest, then each of these as the public sees it */
			rc = store_prepare(ctx->st, "SELECT MAX(s.first_index + s.nperiods - 1) FROM pi_series s"
			    " WHERE s.period_kind = ? AND NOT EXISTS (SELECT 1 FROM figure_review r"
			    " WHERE r.pi_id = s.pi_id)", &s, err);
			if (rc == 0) {
				stmt_bind_int(s, 1, best_kind);
				best_last = INT_MIN;
				if ((rc = stmt_step(s, err)) == STORE_ROW && !stmt_is_null(s, 0))
					best_last = (int)stmt_int(s, 0);
				stmt_reset(s);
			}
			for (size_t i = 0; i < n && rc >= 0; i++) {
				int first, last;

				if ((rc = cube_range(ctx, pis[i], (enum period_kind)best_kind, &first, &last,
				    err)) == 0 && first <= last && last > best_last)
					best_last = last;
			}
			if (rc >= 0 && best_last == INT_MIN)
				best_kind = 99;
		}
		free(pis);
		if (rc < 0)
			return rc;
	}
	if (best_kind != 99) {
		*out = period_from_index((enum period_kind)best_kind, best_last);
		*any = true;
	}
	return 0;
}

int
perfdata_targets(struct wm_ctx *ctx, const struct perfdata *pd, const char *const *periods,
    size_t nperiods, struct pd_target **out, size_t *n, struct wm_err *err)
{
	static const char *const by_period[] = {
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target",
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target WHERE period IN (?)",
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target WHERE period IN (?, ?)",
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target WHERE period IN (?, ?, ?)",
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target WHERE period IN (?, ?, ?, ?)",
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target WHERE period IN (?, ?, ?, ?, ?)",
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target WHERE period IN"
		" (?, ?, ?, ?, ?, ?)",
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target WHERE period IN"
		" (?, ?, ?, ?, ?, ?, ?)",
		"SELECT pi_id, unit_id, period, value, tolerance, numerator, denominator FROM target WHERE period IN"
		" (?, ?, ?, ?, ?, ?, ?, ?)",
	};
	struct pd_target *list = NULL;
	size_t cap = 0, count = 0;
	/* the targets of a report share one or two periods: each text is parsed once */
	char last_text[PERIOD_LEN] = "";
	struct period last = { 0 };
	bool have_last = false;
	struct stmt *s;
	int rc;

	*out = NULL;
	*n = 0;
	if (nperiods >= WM_ARRAY_LEN(by_period))
		return wm_error(err, WM_EINTERNAL, "too many target periods at once");
	if ((rc = store_prepare(ctx->st, by_period[nperiods], &s, err)) != 0)
		return rc;
	for (size_t i = 0; i < nperiods; i++)
		stmt_bind_text(s, (int)i + 1, periods[i]);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		int64_t pi, unit;
		struct pd_target *t;
		const char *text;
		bool counts;

		if (!intmap_get(&pd->pi_at, stmt_int(s, 0), &pi) ||
		    !intmap_get(&pd->unit_at, stmt_int(s, 1), &unit))
			continue;
		/* grown by realloc, into the arena once whole: each doubling there was zeroed and kept */
		WM_GROW(list, count + 1, cap);
		t = &list[count];
		t->pi = (size_t)pi;
		t->unit = (int)unit;
		text = stmt_text(s, 2);
		if (!have_last || strcmp(text, last_text) != 0) {
			size_t len = strlen(text);

			have_last = false;
			if (period_parse(text, &last) != 0)
				continue;
			if (len < sizeof(last_text)) {
				memcpy(last_text, text, len + 1);
				have_last = true;
			}
		}
		t->period = last;
		t->value = stmt_double(s, 3);
		t->tolerance = stmt_is_null(s, 4) ? NAN : stmt_double(s, 4);
		counts = !stmt_is_null(s, 5) && !stmt_is_null(s, 6);
		t->num = counts ? stmt_double(s, 5) : NAN;
		t->den = counts ? stmt_double(s, 6) : NAN;
		count++;
	}
	if (rc >= 0 && count > 0) {
		*out = arena_array(pd->a, count, sizeof(**out));
		memcpy(*out, list, count * sizeof(**out));
		*n = count;
	}
	free(list);
	return rc < 0 ? rc : 0;
}

int
perfdata_committee_pis(struct wm_ctx *ctx, const struct perfdata *pd, const char *committee,
    bool *mask, struct wm_err *err)
{
	struct stmt *s;
	int64_t cid;
	int rc;

	if ((rc = ent_resolve(ctx, kind_find("committees"), committee, &cid, err)) != 0)
		return rc;
	/*
	 * The committee and those that report to it, however far down; a node
	 * they answer for brings the indicators of everything under it.
	 */
	rc = store_prepare(ctx->st,
	    "WITH RECURSIVE below(id) AS (SELECT CAST(? AS BIGINT) UNION SELECT c.id FROM committee c"
	    " JOIN below b ON c.reports_to_id = b.id),"
	    " up(node_id, anc_id) AS (SELECT id, id FROM plan_node UNION SELECT up.node_id,"
	    " n.parent_id FROM up JOIN plan_node n ON n.id = up.anc_id WHERE n.parent_id IS NOT NULL)"
	    " SELECT p.id FROM pi p WHERE p.committee_id IN (SELECT id FROM below)"
	    " UNION SELECT pn.pi_id FROM pi_node pn JOIN up ON up.node_id = pn.node_id"
	    " JOIN plan_node a ON a.id = up.anc_id WHERE a.committee_id IN (SELECT id FROM below)",
	    &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, cid);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		int64_t at;

		if (intmap_get(&pd->pi_at, stmt_int(s, 0), &at))
			mask[at] = true;
	}
	return rc < 0 ? rc : 0;
}

/* Room for one more element in an arena-held array (old copies stay in the arena). */
static void *
arena_grow(struct arena *a, void *p, size_t n, size_t *cap, size_t size)
{
	void *np;

	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 64;
	np = arena_array(a, *cap, size);
	if (n > 0)
		memcpy(np, p, n * size);
	return np;
}

/*
 * Depth first from each root, children in the order loaded (plan,
 * sequence); nodes in a parent cycle (no root above them) are left out.
 */
static size_t
node_order(const struct pd_node *in, size_t n, struct pd_node *out)
{
	size_t *stack = wm_calloc(n + 1, sizeof(*stack)), top = 0, k = 0;
	int64_t *map = wm_calloc(n + 1, sizeof(*map));

	for (size_t r = n; r-- > 0;)
		if (in[r].parent < 0)
			stack[top++] = r;
	while (top > 0) {
		size_t i = stack[--top];

		map[i] = (int64_t)k;
		out[k++] = in[i];
		for (size_t c = n; c-- > 0;)
			if (in[c].parent == (int)i)
				stack[top++] = c;
	}
	for (size_t i = 0; i < k; i++)
		if (out[i].parent >= 0)
			out[i].parent = (int)map[out[i].parent];
	free(stack);
	free(map);
	return k;
}

int
perfdata_plans(struct wm_ctx *ctx, const struct perfdata *pd, struct pd_plans *out,
    struct wm_err *err)
{
	bool pub = authz_published_only(ctx);
	struct intmap plan_at = { 0 }, node_at = { 0 };
	struct pd_node *loaded = NULL;
	int64_t *parents = NULL;
	size_t cap = 0, capp = 0, n = 0;
	struct stmt *s;
	int64_t at, at2;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = store_prepare(ctx->st, "SELECT p.id, p.ref, p.title, p.parent_id, p.unit_id, p.published"
	    " FROM plan p ORDER BY p.ref", &s, err);
	if (rc != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		struct pd_plan *p;

		if (pub && stmt_int(s, 5) == 0)
			continue;
		out->plans = arena_grow(pd->a, out->plans, out->nplans, &cap, sizeof(*out->plans));
		p = &out->plans[out->nplans];
		p->id = stmt_int(s, 0);
		p->ref = arena_strdup(pd->a, stmt_text(s, 1));
		p->title = arena_strdup(pd->a, stmt_text(s, 2));
		p->lower = !stmt_is_null(s, 3);
		p->unit = !stmt_is_null(s, 4) && intmap_get(&pd->unit_at, stmt_int(s, 4), &at) ?
		    (int)at : -1;
		intmap_put(&plan_at, p->id, (int64_t)out->nplans++);
	}
	if (rc < 0)
		goto out;
	cap = 0;
	rc = store_prepare(ctx->st, "SELECT n.id, n.plan_id, n.ref, n.kind, n.title, n.parent_id,"
	    " n.published, EXISTS (SELECT 1 FROM node_link l WHERE l.lower_id = n.id)"
	    " FROM plan_node n ORDER BY n.plan_id, n.seq, n.id", &s, err);
	if (rc != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		struct pd_node *nd;

		if ((pub && stmt_int(s, 6) == 0) || !intmap_get(&plan_at, stmt_int(s, 1), &at))
			continue;
		loaded = arena_grow(pd->a, loaded, n, &cap, sizeof(*loaded));
		WM_GROW(parents, n + 1, capp);
		nd = &loaded[n];
		nd->id = stmt_int(s, 0);
		nd->plan = (int)at;
		nd->ref = arena_strdup(pd->a, stmt_text(s, 2));
		nd->key = arena_printf(pd->a, "%s/%s", out->plans[at].ref, nd->ref);
		nd->kind = arena_strdup(pd->a, stmt_text(s, 3));
		nd->title = arena_strdup(pd->a, stmt_text(s, 4));
		nd->underpins = stmt_int(s, 7) != 0;
		parents[n] = stmt_is_null(s, 5) ? 0 : stmt_int(s, 5);
		intmap_put(&node_at, nd->id, (int64_t)n++);
	}
	if (rc < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		loaded[i].parent = parents[i] != 0 && intmap_get(&node_at, parents[i], &at) ?
		    (int)at : -1;
	out->nodes = arena_array(pd->a, n + 1, sizeof(*out->nodes));
	out->nnodes = node_order(loaded, n, out->nodes);
	intmap_release(&node_at);
	for (size_t i = 0; i < out->nnodes; i++)
		intmap_put(&node_at, out->nodes[i].id, (int64_t)i);
	cap = 0;
	rc = store_prepare(ctx->st, "SELECT pi_id, node_id FROM pi_node ORDER BY pi_id, seq", &s, err);
	if (rc != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		if (!intmap_get(&pd->pi_at, stmt_int(s, 0), &at) ||
		    !intmap_get(&node_at, stmt_int(s, 1), &at2))
			continue;
		out->measures = arena_grow(pd->a, out->measures, out->nmeasures, &cap,
		    sizeof(*out->measures));
		out->measures[out->nmeasures++] = (struct pd_measure){ (size_t)at, (size_t)at2 };
	}
	if (rc < 0)
		goto out;
	cap = 0;
	rc = store_prepare(ctx->st, "SELECT pi_id, member_id, weight FROM pi_basket ORDER BY id", &s,
	    err);
	if (rc != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		if (!intmap_get(&pd->pi_at, stmt_int(s, 0), &at) ||
		    !intmap_get(&pd->pi_at, stmt_int(s, 1), &at2))
			continue;
		out->baskets = arena_grow(pd->a, out->baskets, out->nbaskets, &cap,
		    sizeof(*out->baskets));
		out->baskets[out->nbaskets++] = (struct pd_basket){ (size_t)at, (size_t)at2,
			stmt_double(s, 2) };
	}
	rc = rc < 0 ? rc : 0;
out:
	free(parents);
	intmap_release(&plan_at);
	intmap_release(&node_at);
	return rc;
}

int
perfdata_commentary(struct wm_ctx *ctx, json_t **out, struct wm_err *err)
{
	static const char *const cols[] = { "why", "action", "by_whom", "by_when", "author", "at" };
	struct stmt *s;
	int rc;

	*out = json_object();
	if (authz_read(ctx, kind_find("commentaries"), NULL) != 0)
		return 0;
	if ((rc = store_prepare(ctx->st, "SELECT p.code, c.period, c.why, c.action, c.by_whom,"
	    " c.by_when, c.author, c.at FROM commentary c JOIN pi p ON p.id = c.pi_id", &s, err)) != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		json_t *o = json_object();
		char key[160];

		for (size_t i = 0; i < WM_ARRAY_LEN(cols); i++)
			json_object_set_new(o, cols[i], stmt_is_null(s, (int)i + 2) ? json_null() :
			    json_string(stmt_text(s, (int)i + 2)));
		snprintf(key, sizeof(key), "%s/%s", stmt_text(s, 0), stmt_text(s, 1));
		json_object_set_new(*out, key, o);
	}
	return rc < 0 ? rc : 0;
}
