/*
 * pfdata.c: reading the portfolio for the analysis (see pfdata.h).
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/mem.h"
#include "base/period.h"
#include "model/ent.h"
#include "report/pfdata.h"

static const char *
str(const json_t *row, const char *field)
{
	return json_string_value(json_object_get(row, field));
}

static int
list(struct wm_ctx *ctx, struct pfdata *d, const char *kind, json_t **rows, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	int rc;

	if ((rc = ent_list(ctx, kind_find(kind), &q, rows, err)) != 0)
		return rc;
	json_object_set_new(d->hold, kind, *rows);
	return 0;
}

long
pfdata_node(const struct pfdata *d, const char *key)
{
	int64_t i;

	return key != NULL && strmap_get(&d->node_index, key, &i) ? (long)i : -1;
}

long
pfdata_goal(const struct pfdata *d, long node)
{
	long at = node;

	/* a tree deeper than it has nodes has a loop: stop */
	for (size_t steps = 0; at >= 0 && steps <= d->nnodes; steps++) {
		if (strcmp(d->nodes[at].kind, "goal") == 0 || d->nodes[at].parent < 0)
			return at;
		at = d->nodes[at].parent;
	}
	return node;
}

static int
load_nodes(struct wm_ctx *ctx, struct pfdata *d, struct wm_err *err)
{
	json_t *rows, *row;
	size_t i;
	int rc;

	if ((rc = list(ctx, d, "nodes", &rows, err)) != 0)
		return rc;
	d->nodes = wm_calloc(json_array_size(rows) + 1, sizeof(*d->nodes));
	json_array_foreach(rows, i, row) {
		struct buf key = BUF_INIT;

		ent_row_key(kind_find("nodes"), row, &key);
		strmap_put(&d->node_index, buf_str(&key), (int64_t)i);
		/* the key outlives the buffer: keep it with the rows */
		json_object_set_new(row, "_key", json_string(buf_str(&key)));
		buf_reset(&key);
		buf_addf(&key, "%s %s", str(row, "title") ? str(row, "title") : "",
		    str(row, "description") ? str(row, "description") : "");
		json_object_set_new(row, "_text", json_string(buf_str(&key)));
		buf_release(&key);
		d->nodes[i].text = str(row, "_text");
		d->nodes[i].key = str(row, "_key");
		d->nodes[i].title = str(row, "title");
		d->nodes[i].kind = str(row, "kind");
		d->nodes[i].plan = str(row, "plan");
	}
	d->nnodes = json_array_size(rows);
	json_array_foreach(rows, i, row)
		d->nodes[i].parent = pfdata_node(d, str(row, "parent"));
	return 0;
}

static int
load_projects(struct wm_ctx *ctx, struct pfdata *d, struct wm_err *err)
{
	json_t *rows, *row, *costs, *reports;
	size_t i, n;
	int rc;

	if ((rc = list(ctx, d, "projects", &rows, err)) != 0 ||
	    (rc = list(ctx, d, "costs", &costs, err)) != 0 ||
	    (rc = list(ctx, d, "project_reports", &reports, err)) != 0)
		return rc;
	n = json_array_size(rows);
	d->projects = wm_calloc(n + 1, sizeof(*d->projects));
	d->project_rows = wm_calloc(n + 1, sizeof(*d->project_rows));
	d->benefit = wm_calloc(n + 1, sizeof(*d->benefit));
	d->has_benefit = wm_calloc(n + 1, sizeof(*d->has_benefit));
	d->cost = wm_calloc(n + 1, sizeof(*d->cost));
	d->has_cost = wm_calloc(n + 1, sizeof(*d->has_cost));
	d->last_report = wm_calloc(n + 1, sizeof(*d->last_report));
	json_array_foreach(rows, i, row) {
		const json_t *b = json_object_get(row, "benefit");
		int st = pf_status_parse(str(row, "status"));

		d->projects[i].key = str(row, "ref");
		d->projects[i].title = str(row, "title");
		d->projects[i].description = str(row, "description");
		d->projects[i].status = st < 0 ? PF_PROPOSED : (enum pf_status)st;
		d->project_rows[i] = row;
		d->has_benefit[i] = json_is_number(b);
		d->benefit[i] = json_is_number(b) ? json_number_value(b) : 0;
		strmap_put(&d->project_index, d->projects[i].key, (int64_t)i);
	}
	d->nprojects = n;
	json_array_foreach(costs, i, row) {
		int64_t p;

		if (!strmap_get(&d->project_index, str(row, "project"), &p))
			continue;
		if (d->year[0] != '\0' && strcmp(str(row, "year"), d->year) != 0)
			continue;
		d->cost[p] += json_number_value(json_object_get(row, "one_off")) +
		    json_number_value(json_object_get(row, "recurring"));
		d->has_cost[p] = true;
	}
	json_array_foreach(reports, i, row) {
		const json_t *old;
		int64_t p;

		if (!strmap_get(&d->project_index, str(row, "project"), &p))
			continue;
		old = d->last_report[p];
		if (old == NULL || strcmp(str(row, "date"), str(old, "date")) > 0)
			d->last_report[p] = row;
	}
	return 0;
}

static bool
in_plan(const struct pfdata *d, long node)
{
	return d->plan == NULL || strcmp(d->nodes[node].plan, d->plan) == 0;
}

static int
load_aims(struct wm_ctx *ctx, struct pfdata *d, struct wm_err *err)
{
	json_t *rows, *row;
	long *aim_of = wm_calloc(d->nnodes + 1, sizeof(*aim_of));
	bool *wanted = wm_calloc(d->nnodes + 1, sizeof(*wanted));
	size_t i, cap = 0;
	int rc;

	if ((rc = list(ctx, d, "contributions", &rows, err)) != 0)
		goto out;
	for (i = 0; i < d->nnodes; i++)
		wanted[i] = strcmp(d->nodes[i].kind, "aim") == 0 && in_plan(d, (long)i);
	json_array_foreach(rows, i, row) {
		long n = pfdata_node(d, str(row, "aim"));

		if (n >= 0 && in_plan(d, n))
			wanted[n] = true;
	}
	d->aims = wm_calloc(d->nnodes + 1, sizeof(*d->aims));
	d->aim_node = wm_calloc(d->nnodes + 1, sizeof(*d->aim_node));
	for (i = 0; i < d->nnodes; i++) {
		aim_of[i] = -1;
		if (!wanted[i])
			continue;
		aim_of[i] = (long)d->naims;
		d->aims[d->naims].key = d->nodes[i].key;
		d->aims[d->naims].title = d->nodes[i].title;
		d->aim_node[d->naims++] = (long)i;
	}
	json_array_foreach(rows, i, row) {
		long n = pfdata_node(d, str(row, "aim"));
		int64_t p;

		if (n < 0 || aim_of[n] < 0 || !strmap_get(&d->project_index, str(row, "project"), &p))
			continue;
		WM_GROW(d->contribs, d->ncontribs + 1, cap);
		d->contribs[d->ncontribs++] = (struct pf_contrib){ (size_t)p, (size_t)aim_of[n],
			json_number_value(json_object_get(row, "weight")) };
	}
out:
	free(aim_of);
	free(wanted);
	return rc;
}

int
pfdata_plan_key(struct wm_ctx *ctx, const char *name, char *key, size_t size, struct wm_err *err)
{
	json_t *row;
	int64_t id;
	int rc;

	if ((rc = ent_resolve(ctx, kind_find("plans"), name, &id, err)) != 0 ||
	    (rc = ent_get_by_id(ctx, kind_find("plans"), id, true, &row, err)) != 0) {
		wm_error_prefix(err, "--plan: ");
		return rc;
	}
	snprintf(key, size, "%s", json_string_value(json_object_get(row, "ref")));
	json_decref(row);
	return 0;
}

int
pfdata_load(struct wm_ctx *ctx, const char *plan, const char *year, struct pfdata *d,
    struct wm_err *err)
{
	struct strmap empty = STRMAP_INIT;
	int y, rc;

	memset(d, 0, sizeof(*d));
	d->node_index = empty;
	d->project_index = empty;
	d->hold = json_object();
	if (year != NULL) {
		if (fyear_parse(year, &y) != 0)
			return wm_error(err, WM_EUSAGE, "year: \"%s\" is not a financial year (2004/05)",
			    year);
		snprintf(d->year, sizeof(d->year), "%d/%02d", y, (y + 1) % 100);
	}
	if (plan != NULL) {
		char key[256];

		if ((rc = pfdata_plan_key(ctx, plan, key, sizeof(key), err)) != 0)
			return rc;
		json_object_set_new(d->hold, "_plan", json_string(key));
		d->plan = json_string_value(json_object_get(d->hold, "_plan"));
	}
	if ((rc = load_nodes(ctx, d, err)) != 0 || (rc = load_projects(ctx, d, err)) != 0)
		return rc;
	return load_aims(ctx, d, err);
}

void
pfdata_release(struct pfdata *d)
{
	free(d->nodes);
	free(d->aims);
	free(d->aim_node);
	free(d->projects);
	free(d->project_rows);
	free(d->benefit);
	free(d->has_benefit);
	free(d->cost);
	free(d->has_cost);
	free(d->last_report);
	free(d->contribs);
	strmap_release(&d->node_index);
	strmap_release(&d->project_index);
	json_decref(d->hold);
	memset(d, 0, sizeof(*d));
}
