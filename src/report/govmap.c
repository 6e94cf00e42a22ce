/*
 * govmap.c: the accountability map read from the records (see govmap.h).
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/mem.h"
#include "model/ent.h"
#include "report/govmap.h"

const char *
govmap_str(const json_t *row, const char *field)
{
	return json_string_value(json_object_get(row, field));
}

/* A string that lives as long as the map. */
static const char *
keep(struct govmap *m, const char *s)
{
	json_t *j = json_string(s);

	json_array_append_new(json_object_get(m->hold, "_strings"), j);
	return json_string_value(j);
}

static int
list(struct wm_ctx *ctx, struct govmap *m, const char *kind, json_t **rows, struct wm_err *err)
{
	/* as stored, unless the pack asked for what the engine works out (overdue, slippage) */
	struct ent_query q = { .raw = !(m->what & GM_DECORATED) };
	int rc;

	if ((rc = ent_list(ctx, kind_find(kind), &q, rows, err)) != 0)
		return rc;
	json_object_set_new(m->hold, kind, *rows);
	return 0;
}

static struct gm_item *
add_item(struct govmap *m, const char *kind, const char *key, const char *title,
    const char *committee, const char *lead_word, const json_t *leads, const json_t *row)
{
	struct gm_item *it;

	WM_GROW(m->items, m->n + 1, m->cap);
	it = &m->items[m->n++];
	*it = (struct gm_item){ kind, key, title, committee, NULL, lead_word, leads, row, 0 };
	return it;
}

long
govmap_committee(const struct govmap *m, const char *key)
{
	int64_t i;

	return key != NULL && strmap_get(&m->cindex, key, &i) ? (long)i : -1;
}

static int
load_committees(struct wm_ctx *ctx, struct govmap *m, const char *board, struct wm_err *err)
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
		m->c[i].key = govmap_str(row, "ref");
		m->crow[i] = row;
		strmap_put(&m->cindex, m->c[i].key, (int64_t)i);
	}
	m->board = -1;
	json_array_foreach(rows, i, row) {
		m->c[i].reports_to = govmap_committee(m, govmap_str(row, "reports_to"));
		if (board == NULL && m->board < 0 &&
		    (strcasecmp(govmap_str(row, "name"), "Management Board") == 0 ||
		    strcmp(govmap_str(row, "ref"), "MB") == 0))
			m->board = (long)i;
	}
	if (board != NULL) {
		int64_t id;
		json_t *b;

		if ((rc = ent_resolve(ctx, kind_find("committees"), board, &id, err)) != 0 ||
		    (rc = ent_get_by_id(ctx, kind_find("committees"), id, true, &b, err)) != 0) {
			wm_error_prefix(err, "board: ");
			return rc;
		}
		m->board = govmap_committee(m, govmap_str(b, "ref"));
		json_decref(b);
	}
	return 0;
}

/*
 * A node's committee: its own, else the nearest above it that has one
 * (*through says which); node_committee maps keys to own committees,
 * node_parent keys to the parent's key.
 */
static const char *
node_committee_up(const json_t *node_committee, const json_t *node_parent, const char *key,
    const char **through)
{
	*through = NULL;
	for (int depth = 0; key != NULL && depth < 32; depth++) {
		const char *c = json_string_value(json_object_get(node_committee, key));

		if (c != NULL) {
			*through = depth > 0 ? key : NULL;
			return c;
		}
		key = json_string_value(json_object_get(node_parent, key));
	}
	return NULL;
}

static int
load_nodes(struct wm_ctx *ctx, struct govmap *m, const char *plan, unsigned what,
    json_t *node_committee, struct wm_err *err)
{
	json_t *nodes, *row, *node_parent = json_object();
	struct buf key = BUF_INIT;
	size_t i;
	int rc;

	json_object_set_new(m->hold, "_node_parent", node_parent);
	if ((rc = list(ctx, m, "nodes", &nodes, err)) != 0)
		goto out;
	json_array_foreach(nodes, i, row) {
		buf_reset(&key);
		ent_row_key(kind_find("nodes"), row, &key);
		if (govmap_str(row, "committee") != NULL)
			json_object_set_new(node_committee, buf_str(&key),
			    json_string(govmap_str(row, "committee")));
		if (govmap_str(row, "parent") != NULL)
			json_object_set_new(node_parent, buf_str(&key),
			    json_string(govmap_str(row, "parent")));
	}
	json_array_foreach(nodes, i, row) {
		const char *kind = govmap_str(row, "kind"), *k;
		struct gm_item *it;

		/* a node of kind key_action is the map's "action" */
		if (strcmp(kind, "key_action") == 0)
			kind = "action";
		if (strcmp(kind, "goal") != 0 && strcmp(kind, "aim") != 0 &&
		    !((what & GM_ACTIONS) && strcmp(kind, "action") == 0))
			continue;
		if (plan != NULL && strcmp(govmap_str(row, "plan"), plan) != 0)
			continue;
		buf_reset(&key);
		ent_row_key(kind_find("nodes"), row, &key);
		k = keep(m, buf_str(&key));
		it = add_item(m, kind, k, govmap_str(row, "title"), govmap_str(row, "committee"),
		    "lead", json_object_get(row, "leads"), row);
		/* a key action answers to the committee of what it is under */
		if (it->committee == NULL && strcmp(kind, "action") == 0)
			it->committee = node_committee_up(node_committee, node_parent, k, &it->through);
	}
out:
	buf_release(&key);
	return rc;
}

static int
load_items(struct wm_ctx *ctx, struct govmap *m, const char *plan, unsigned what,
    struct wm_err *err)
{
	json_t *rows, *row, *sources, *node_committee = json_object();
	json_t *source_committee = json_object();
	struct buf key = BUF_INIT;
	size_t i;
	int rc;

	json_object_set_new(m->hold, "_node_committee", node_committee);
	json_object_set_new(m->hold, "_source_committee", source_committee);
	if ((rc = load_nodes(ctx, m, plan, what, node_committee, err)) != 0 ||
	    (rc = list(ctx, m, "pis", &rows, err)) != 0)
		goto out;
	json_array_foreach(rows, i, row) {
		json_t *owner = json_array();
		const json_t *measures = json_object_get(row, "measures");
		struct gm_item *it;

		if (govmap_str(row, "owner") != NULL)
			json_array_append_new(owner, json_string(govmap_str(row, "owner")));
		json_object_set_new(row, "_owner", owner);
		it = add_item(m, "pi", govmap_str(row, "code"), govmap_str(row, "title"),
		    govmap_str(row, "committee"), "owner", owner, row);
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

		if (strcmp(govmap_str(row, "status"), "closed") == 0 ||
		    strcmp(govmap_str(row, "status"), "decommissioned") == 0)
			continue;
		manager = json_array();
		if (govmap_str(row, "manager") != NULL)
			json_array_append_new(manager, json_string(govmap_str(row, "manager")));
		json_object_set_new(row, "_manager", manager);
		add_item(m, "project", govmap_str(row, "ref"), govmap_str(row, "title"),
		    govmap_str(row, "committee"), "manager", manager, row);
	}
	if ((rc = list(ctx, m, "sources", &sources, err)) != 0 ||
	    (rc = list(ctx, m, "recommendations", &rows, err)) != 0)
		goto out;
	json_array_foreach(sources, i, row)
		if (govmap_str(row, "committee") != NULL)
			json_object_set_new(source_committee, govmap_str(row, "ref"),
			    json_string(govmap_str(row, "committee")));
	json_array_foreach(rows, i, row) {
		struct gm_item *it;

		if (strcmp(govmap_str(row, "status"), "open") != 0)
			continue;
		buf_reset(&key);
		buf_addf(&key, "%s/%s", govmap_str(row, "source"), govmap_str(row, "ref"));
		it = add_item(m, "recommendation", keep(m, buf_str(&key)),
		    govmap_str(row, "subject") ? govmap_str(row, "subject") : govmap_str(row, "text"),
		    govmap_str(row, "committee"), "lead", json_object_get(row, "leads"), row);
		if (it->committee == NULL) {
			it->committee = json_string_value(json_object_get(source_committee,
			    govmap_str(row, "source")));
			it->through = it->committee ? govmap_str(row, "source") : NULL;
		}
	}
	if (what & GM_MILESTONES) {
		if ((rc = list(ctx, m, "milestones", &rows, err)) != 0)
			goto out;
		json_array_foreach(rows, i, row) {
			json_t *post;

			if (strcmp(govmap_str(row, "status"), "done") == 0 ||
			    strcmp(govmap_str(row, "status"), "cancelled") == 0)
				continue;
			post = json_array();
			if (govmap_str(row, "post") != NULL)
				json_array_append_new(post, json_string(govmap_str(row, "post")));
			json_object_set_new(row, "_post", post);
			buf_reset(&key);
			buf_addf(&key, "%s/%s", govmap_str(row, "timetable"), govmap_str(row, "ref"));
			add_item(m, "milestone", keep(m, buf_str(&key)), govmap_str(row, "title"),
			    govmap_str(row, "committee"), "lead", post, row);
		}
	}
out:
	buf_release(&key);
	return rc;
}

int
govmap_load(struct wm_ctx *ctx, struct govmap *m, const char *board, const char *plan,
    unsigned what, struct wm_err *err)
{
	struct strmap empty = STRMAP_INIT;
	int rc;

	memset(m, 0, sizeof(*m));
	m->what = what;
	m->cindex = empty;
	m->hold = json_pack("{s:[]}", "_strings");
	if ((rc = load_committees(ctx, m, board, err)) != 0)
		return rc;
	return load_items(ctx, m, plan, what, err);
}

void
govmap_release(struct govmap *m)
{
	free(m->items);
	free(m->c);
	free(m->crow);
	strmap_release(&m->cindex);
	json_decref(m->hold);
	memset(m, 0, sizeof(*m));
}

void
govmap_chain_text(const struct govmap *m, size_t from, struct buf *out)
{
	long path[64];
	size_t n = gov_chain(m->c, m->nc, from, path, WM_ARRAY_LEN(path));

	for (size_t i = 0; i < n; i++) {
		buf_addf(out, "%s%s", i ? " \u2192 " : "", m->c[path[i]].key);
		if (path[i] == m->board)
			break;
	}
}
