/*
 * implog.c: recording imported documents.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "model/audit.h"
#include "model/digest.h"
#include "model/implog.h"
#include "model/kind.h"
#include "store/store.h"

/* The digest of the import's own record (digest.h). */
static int
record_id(struct wm_ctx *ctx, const char *sha256, json_t *state, struct wm_err *err)
{
	struct stmt *s;
	int64_t id = 0;
	int rc;

	if ((rc = store_prepare(ctx->st, "SELECT id FROM import_doc WHERE sha256 = ?", &s, err)) != 0)
		return rc;
	stmt_bind_text(s, 1, sha256);
	if ((rc = stmt_step(s, err)) == STORE_ROW)
		id = stmt_int(s, 0);
	stmt_reset(s);
	if (rc < 0)
		return rc;
	return digest_record(ctx, kind_find("imports"), id, state, err);
}

int
implog_record(struct wm_ctx *ctx, const char *sha256, const char *file, const json_t *read,
    const char *doc_date, const char *source, const struct audit_span *span,
    struct wm_err *err)
{
	struct buf names = BUF_INIT;
	char at[TIMESTAMP_LEN];
	struct stmt *s;
	json_t *v, *after, *entries = NULL, *state = NULL;
	size_t i;
	int rc;

	json_array_foreach(read, i, v)
		buf_addf(&names, "%s%s", i ? ", " : "", json_string_value(v));
	timestamp_format(ctx->now, at);
	rc = store_prepare(ctx->st,
	    "INSERT INTO import_doc (sha256, file, kinds, doc_date, source, at)"
	    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING", &s, err);
	if (rc == 0) {
		stmt_bind_text(s, 1, sha256);
		stmt_bind_text(s, 2, file);
		stmt_bind_text(s, 3, buf_str(&names));
		stmt_bind_text(s, 4, doc_date);
		stmt_bind_text(s, 5, source);
		stmt_bind_text(s, 6, at);
		rc = stmt_exec(s, err);
	}
	if (rc == 0 && stmt_changes(s) > 0 && (rc = audit_span_json(ctx, span, &entries, err)) == 0) {
		after = json_pack("{s:s, s:s, s:s?, s:s?}", "file", file, "kinds", buf_str(&names),
		    "doc_date", doc_date, "source", source);
		if (entries != NULL)
			json_object_set(after, "entries", entries);
		state = json_object();
		if ((rc = record_id(ctx, sha256, state, err)) == 0)
			rc = audit_record_state(ctx, "import", "imports", sha256, NULL, after, state, err);
		json_decref(after);
	}
	json_decref(entries);
	json_decref(state);
	buf_release(&names);
	return rc;
}
