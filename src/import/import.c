/*
 * import.c: choosing the reader for a file by its content.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"
#include "import/csvimp.h"
#include "import/figcsv.h"
#include "import/dm.h"
#include "import/docwrite.h"
#include "import/import.h"
#include "model/dbx.h"
#include "store/store.h"

int
import_read_file(const char *path, char **data, size_t *len, struct wm_err *err)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	FILE *f;
	size_t n;

	*data = NULL;
	*len = 0;
	buf_init(&b, IMPORT_MAX_WHOLE);
	if ((f = fopen(path, "rb")) == NULL)
		return wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(&b, chunk, n) != 0)
			break;
	if (ferror(f) || b.failed) {
		int rc = b.failed ?
		    wm_error(err, WM_ETOOBIG, "%s: larger than %zu MB", path, IMPORT_MAX_WHOLE >> 20) :
		    wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));

		fclose(f);
		buf_release(&b);
		return rc;
	}
	fclose(f);
	*data = buf_detach(&b, len);
	return 0;
}

json_t *
import_report_new(const char *file)
{
	return json_pack("{s:s, s:[], s:{}, s:{}, s:{}, s:[]}", "file", file, "kinds",
	    "created", "changed", "unchanged", "unread");
}

void
import_report_counts(json_t *report, const json_t *summary)
{
	static const char *const from[] = { "added", "changed", "unchanged" };
	static const char *const to[] = { "created", "changed", "unchanged" };
	const char *kind;
	json_t *c;

	json_object_foreach((json_t *)summary, kind, c) {
		for (size_t i = 0; i < WM_ARRAY_LEN(from); i++) {
			json_int_t n = json_integer_value(json_object_get(c, from[i]));
			json_t *dst = json_object_get(report, to[i]);

			if (n > 0)
				json_object_set_new(dst, kind, json_integer(n +
				    json_integer_value(json_object_get(dst, kind))));
		}
	}
}

static bool
looks_like_json(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	return i < len && data[i] == '{';
}

static int
import_json(struct wm_ctx *ctx, const char *name, const char *data, size_t len, json_t *report,
    struct wm_err *err)
{
	json_error_t jerr;
	json_t *doc, *summary = NULL;
	const char *format;
	int rc;

	doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (doc == NULL)
		return wm_error(err, WM_EINVAL, "%s:%d:%d: %s", name, jerr.line, jerr.column, jerr.text);
	format = json_string_value(json_object_get(doc, "format"));
	json_array_append_new(json_object_get(report, "kinds"),
	    json_string(format ? format : "json"));
	rc = dbx_import(ctx, doc, &summary, err);
	if (rc == 0)
		import_report_counts(report, summary);
	else
		wm_error_prefix(err, "%s: ", name);
	json_decref(summary);
	json_decref(doc);
	return rc;
}

int
import_data(struct wm_ctx *ctx, const char *name, const char *data, size_t len,
    const struct import_opts *opts, json_t **report, struct wm_err *err)
{
	json_t *rep = import_report_new(name);
	enum csvimp_kind csv;
	int rc;

	*report = rep;
	if (opts->dry_run && (rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if (looks_like_json(data, len))
		rc = import_json(ctx, name, data, len, rep, err);
	else if ((csv = csvimp_detect(data, len)) != CSVIMP_NONE)
		rc = csvimp_import(ctx, name, data, len, csv, opts, rep, err);
	else
		rc = docwrite(ctx, name, data, len, opts, rep, err);
	if (opts->dry_run)
		store_rollback(ctx->st, 0);
	return rc;
}

/* A figures or targets CSV, streamed from f, in a transaction of its own. */
static int
import_figures(struct wm_ctx *ctx, const char *name, FILE *f, uint64_t size, bool targets,
    const struct import_opts *opts, json_t *report, struct wm_err *err)
{
	int rc;

	if (opts->as_targets == 1)
		targets = true;
	else if (opts->as_targets == 0)
		targets = false;
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	rc = figcsv_read(ctx, name, f, size, opts, targets, report, err);
	if (rc != 0 || opts->dry_run)
		store_rollback(ctx->st, rc);
	else
		rc = store_commit(ctx->st, err);
	return rc;
}

int
import_bytes(struct wm_ctx *ctx, const char *name, const char *data, size_t len,
    const struct import_opts *opts, json_t **report, struct wm_err *err)
{
	bool targets;
	FILE *f;
	int rc;

	if (!figcsv_claims(data, len < 4096 ? len : 4096, &targets))
		return import_data(ctx, name, data, len, opts, report, err);
	*report = import_report_new(name);
	if (len == 0 || (f = fmemopen((void *)data, len, "rb")) == NULL)
		return wm_error(err, WM_EIO, "%s: %s", name, strerror(errno));
	rc = import_figures(ctx, name, f, len, targets, opts, *report, err);
	fclose(f);
	return rc;
}

int
import_file(struct wm_ctx *ctx, const char *path, const struct import_opts *opts,
    json_t **report, struct wm_err *err)
{
	char head[4096];
	size_t n;
	char *data;
	size_t len;
	bool targets;
	FILE *f;
	int rc;

	*report = import_report_new(path);
	if ((f = fopen(path, "rb")) == NULL)
		return wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
	n = fread(head, 1, sizeof(head), f);
	/* figures come by the million: stream them rather than read the file whole */
	if (figcsv_claims(head, n, &targets)) {
		uint64_t size = 0;

		if (fseek(f, 0, SEEK_END) == 0) {
			long end = ftell(f);

			size = end > 0 ? (uint64_t)end : 0;
		}
		rewind(f);
		rc = import_figures(ctx, path, f, size, targets, opts, *report, err);
		fclose(f);
		return rc;
	}
	fclose(f);
	if ((rc = import_read_file(path, &data, &len, err)) != 0)
		return rc;
	json_decref(*report);
	rc = import_data(ctx, path, data, len, opts, report, err);
	free(data);
	return rc;
}

int
import_model(const char *data, size_t len, struct buf *out, struct wm_err *err)
{
	struct arena *a = arena_new();
	struct dm_doc d;
	int rc;

	if ((rc = dm_read(&d, a, data, len, err)) == 0)
		rc = dm_dump(&d, out);
	arena_free(a);
	return rc;
}
