/*
 * implog.c: recording imported documents.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "model/audit.h"
#include "model/implog.h"
#include "store/store.h"

int
implog_record(struct wm_ctx *ctx, const char *sha256, const char *file, const json_t *kinds,
    const char *doc_date, const char *source, struct wm_err *err)
{
	struct buf names = BUF_INIT;
	char at[TIMESTAMP_LEN];
	struct stmt *s;
	json_t *v, *after;
	size_t i;
	int rc;

	json_array_foreach(kinds, i, v)
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
	if (rc == 0 && stmt_changes(s) > 0) {
		after = json_pack("{s:s, s:s, s:s?, s:s?}", "file", file, "kinds", buf_str(&names),
		    "doc_date", doc_date, "source", source);
		rc = audit_record(ctx, "import", "imports", sha256, NULL, after, err);
		json_decref(after);
	}
	buf_release(&names);
	return rc;
}
