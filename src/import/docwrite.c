/*
 * docwrite.c: putting what docimp.c read from a paper into the database.
 *
 * The reader knows nothing of the database, so its document names things
 * as the paper does. Before merging it, this matches those names to what
 * the database already holds: a lead officer written "ACPRS" is the post
 * "AC PRS" (by name, case or alias), a source named with --source or by
 * its title is the existing source, a plan or a goal with the same title
 * is the same plan or goal whatever reference the paper implies. What does
 * not exist yet is created. Then dbx_import() merges it all, audited, in
 * the import's one transaction, and the document is logged by its hash.
 */
#include "base/wm.h"

#include <ctype.h>
#include <sodium.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "import/docimp.h"
#include "import/vocab.h"
#include "import/docwrite.h"
#include "model/audit.h"
#include "model/dbx.h"
#include "model/ent.h"
#include "model/implog.h"

/* The key of the record of kind with this id. */
static char *
key_of(struct wm_ctx *ctx, const struct kind *k, int64_t id, struct wm_err *err)
{
	struct buf key = BUF_INIT;
	json_t *row;

	if (ent_get_by_id(ctx, k, id, true, &row, err) != 0)
		return NULL;
	ent_row_key(kind_base(k), row, &key);
	json_decref(row);
	return buf_detach(&key, NULL);
}

static void
add_to(json_t *data, const char *kind, json_t *rec)
{
	if (json_object_get(data, kind) == NULL)
		json_object_set_new(data, kind, json_array());
	json_array_append_new(json_object_get(data, kind), rec);
}

/* "AC PRS", "ACPRS" and "ac prs" are one name: letters and digits, folded. */
static void
fold(const char *name, char *out, size_t size)
{
	size_t n = 0;

	for (; *name != '\0' && n + 1 < size; name++)
		if (isalnum((unsigned char)*name))
			out[n++] = (char)tolower((unsigned char)*name);
	out[n] = '\0';
}

/* An existing post whose folded name is name's: its key, or NULL. */
static char *
folded_post(struct wm_ctx *ctx, const char *name, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	char want[256], have[256];
	json_t *all, *p;
	char *found = NULL;
	size_t i;

	fold(name, want, sizeof(want));
	if (ent_list(ctx, kind_find("posts"), &q, &all, err) != 0)
		return NULL;
	json_array_foreach(all, i, p) {
		fold(json_string_value(json_object_get(p, "ref")), have, sizeof(have));
		if (strcmp(have, want) == 0) {
			found = wm_strdup(json_string_value(json_object_get(p, "ref")));
			break;
		}
	}
	json_decref(all);
	return found;
}

/*
 * Replace every lead name with an existing post's key, or add the post. A
 * name that differs from a known post only in spaces and case ("ACPRS")
 * is that post, and is remembered as its alias.
 */
static int
match_posts(struct wm_ctx *ctx, json_t *data, struct wm_err *err)
{
	static const char *const holders[] = { "recommendations", "nodes" };
	const struct kind *posts = kind_find("posts");
	json_t *seen = json_object();
	int rc = 0;

	for (size_t h = 0; h < WM_ARRAY_LEN(holders) && rc == 0; h++) {
		json_t *recs = json_object_get(data, holders[h]), *rec;
		size_t i;

		json_array_foreach(recs, i, rec) {
			json_t *leads = json_object_get(rec, "leads"), *lead;
			size_t k;

			json_array_foreach(leads, k, lead) {
				const char *name = json_string_value(lead);
				const char *known;
				char folded[256];
				int64_t id;
				char *same;

				fold(name, folded, sizeof(folded));
				known = json_string_value(json_object_get(seen, folded));
				if (known == NULL) {
					struct wm_err quiet = WM_ERR_INIT;

					if (ent_resolve(ctx, posts, name, &id, &quiet) == 0) {
						char *key = key_of(ctx, posts, id, err);

						if (key == NULL) {
							rc = err->code;
							goto out;
						}
						json_object_set_new(seen, folded, json_string(key));
						free(key);
					} else if ((same = folded_post(ctx, name, err)) != NULL) {
						add_to(data, "aliases", json_pack("{s:s, s:s, s:s}", "kind",
						    "posts", "name", name, "target", same));
						json_object_set_new(seen, folded, json_string(same));
						free(same);
					} else {
						json_object_set_new(seen, folded, json_string(name));
						add_to(data, "posts", json_pack("{s:s}", "ref", name));
					}
					known = json_string_value(json_object_get(seen, folded));
				}
				json_array_set_new(leads, k, json_string(known));
			}
		}
	}
out:
	json_decref(seen);
	return rc;
}

/* Point every member `field` of the records of `kind` that says from at to. */
static void
rename_refs(json_t *data, const char *kind, const char *field, const char *from, const char *to)
{
	json_t *recs = json_object_get(data, kind), *rec;
	size_t i;

	json_array_foreach(recs, i, rec) {
		const char *v = json_string_value(json_object_get(rec, field));

		if (v != NULL && strcmp(v, from) == 0)
			json_object_set_new(rec, field, json_string(to));
	}
}

/* Keys that start "from/" (a recommendation's, "SRC/R1") start "to/" instead. */
static void
rename_prefix(json_t *data, const char *kind, const char *field, const char *from, const char *to)
{
	json_t *recs = json_object_get(data, kind), *rec;
	size_t i, n = strlen(from);

	json_array_foreach(recs, i, rec) {
		const char *v = json_string_value(json_object_get(rec, field));

		if (v != NULL && strncmp(v, from, n) == 0 && v[n] == '/') {
			struct buf b = BUF_INIT;

			buf_addf(&b, "%s%s", to, v + n);
			json_object_set_new(rec, field, json_string(buf_str(&b)));
			buf_release(&b);
		}
	}
}

/*
 * A record the paper describes that the database already has (by key, or
 * by its name field when name_field is given) is not added again: its
 * member is dropped and the records that refer to it are pointed at the
 * existing key.
 */
static int
match_existing(struct wm_ctx *ctx, json_t *data, const char *kind, const char *name_field,
    const char *const *referrers, struct wm_err *err)
{
	const struct kind *k = kind_find(kind);
	json_t *recs = json_object_get(data, kind);
	size_t i = 0;

	while (i < json_array_size(recs)) {
		json_t *rec = json_array_get(recs, i);
		const char *ref = json_string_value(json_object_get(rec, "ref"));
		const char *name = name_field ? json_string_value(json_object_get(rec, name_field)) :
		    NULL;
		struct wm_err quiet = WM_ERR_INIT;
		int64_t id;
		char *key;

		if (ent_resolve(ctx, k, ref, &id, &quiet) != 0 &&
		    (name == NULL || ent_resolve(ctx, k, name, &id, &quiet) != 0)) {
			i++;
			continue;
		}
		if ((key = key_of(ctx, k, id, err)) == NULL)
			return err->code;
		for (size_t r = 0; referrers[r] != NULL; r += 2)
			rename_refs(data, referrers[r], referrers[r + 1], ref, key);
		if (strcmp(kind, "sources") == 0)
			rename_prefix(data, "progress", "recommendation", ref, key);
		free(key);
		json_array_remove(recs, i);
	}
	return 0;
}

/* A node with the title of one its plan already has takes that node's reference. */
static int
match_nodes(struct wm_ctx *ctx, json_t *data, struct wm_err *err)
{
	json_t *nodes = json_object_get(data, "nodes"), *node;
	size_t i;
	int rc;

	json_array_foreach(nodes, i, node) {
		struct ent_query q = { .raw = true };
		json_t *where, *found;
		const char *plan = json_string_value(json_object_get(node, "plan"));
		const char *ref = json_string_value(json_object_get(node, "ref"));
		struct wm_err quiet = WM_ERR_INIT;
		int64_t id;

		if (ent_resolve(ctx, kind_find("plans"), plan, &id, &quiet) != 0)
			continue;
		where = json_pack("{s:s, s:s, s:O}", "plan", plan, "kind",
		    json_string_value(json_object_get(node, "kind")), "title",
		    json_object_get(node, "title"));
		q.where = where;
		rc = ent_list(ctx, kind_find("nodes"), &q, &found, err);
		json_decref(where);
		if (rc != 0)
			return rc;
		if (json_array_size(found) == 1) {
			const char *have = json_string_value(json_object_get(json_array_get(found, 0), "ref"));

			if (strcmp(have, ref) != 0) {
				char *old = wm_strdup(ref);

				rename_refs(data, "nodes", "parent", old, have);
				json_object_set_new(node, "ref", json_string(have));
				free(old);
			}
		}
		json_decref(found);
	}
	return 0;
}

static void
hash_hex(const char *data, size_t len, char *out)
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)data, len);
	sodium_bin2hex(out, crypto_hash_sha256_BYTES * 2 + 1, h, sizeof(h));
}

int
docwrite(struct wm_ctx *ctx, const char *name, const char *data, size_t len,
    const struct import_opts *opts, json_t *report, struct wm_err *err)
{
	static const char *const source_refs[] = { "recommendations", "source", NULL, NULL };
	static const char *const plan_refs[] = { "nodes", "plan", "timetables", "plan", NULL, NULL };
	struct map_opts dopts = { .file = name, .source = opts->source, .date = DATE_NONE };
	json_t *read = NULL, *data_doc, *summary = NULL, *v;
	struct audit_span span;
	const char *key;
	char sha[crypto_hash_sha256_BYTES * 2 + 1];
	char *map = NULL;
	int rc;

	if (opts->date != NULL && date_parse_iso(opts->date, &dopts.date) != 0)
		return wm_error(err, WM_EUSAGE, "--date: \"%s\" is not a date (YYYY-MM-DD)", opts->date);
	if (opts->as_kind != NULL && (dopts.as = vocab_kind_by_name(opts->as_kind)) == RK_NONE)
		return wm_error(err, WM_EUSAGE, "--as: \"%s\" is not a kind a paper's records can be: "
		    "recommendations, actions, priorities, goals, aims, objectives, outcomes or "
		    "milestones (or, for CSV, measurements or targets)", opts->as_kind);
	if (opts->map != NULL) {
		map = wm_strdup(opts->map);
		if ((rc = dm_map_parse_overrides(&dopts, map, err)) != 0) {
			free(map);
			return rc;
		}
	}
	rc = docimp_read(data, len, &dopts, &read, err);
	if (read != NULL) {
		/* the report says what was found and what was not read, even on failure */
		json_object_foreach(read, key, v)
			if (strcmp(key, "data") != 0)
				json_object_set(report, key, v);
		json_object_set_new(report, "file", json_string(name));
	}
	if (rc != 0) {
		wm_error_prefix(err, "%s: ", name);
		goto out;
	}
	if (json_is_true(json_object_get(read, "needs_date")) && !opts->dry_run) {
		rc = wm_error(err, WM_EINVAL, "%s: it is a progress summary but gives no date, and "
		    "progress updates must be dated: give --date YYYY-MM-DD", name);
		goto out;
	}
	data_doc = json_object_get(read, "data");
	if ((rc = match_posts(ctx, data_doc, err)) != 0 ||
	    /* a source the user named is that source or a new one, never one with its title */
	    (rc = match_existing(ctx, data_doc, "sources", opts->source ? NULL : "title",
	    source_refs, err)) != 0 ||
	    (rc = match_existing(ctx, data_doc, "plans", "title", plan_refs, err)) != 0 ||
	    (rc = match_nodes(ctx, data_doc, err)) != 0)
		goto out;
	/* every record the merge adds or changes is audited with its old values; the import's entry names them */
	if ((rc = audit_span_begin(ctx, &span, err)) != 0)
		goto out;
	if ((rc = dbx_import(ctx, data_doc, &summary, err)) != 0) {
		wm_error_prefix(err, "%s: ", name);
		goto out;
	}
	import_report_counts(report, summary);
	hash_hex(data, len, sha);
	rc = implog_record(ctx, sha, name, json_object_get(read, "kinds"),
	    json_string_value(json_object_get(read, "date")),
	    json_string_value(json_object_get(read, "source")), &span, err);
out:
	free(map);
	json_decref(summary);
	json_decref(read);
	return rc;
}
