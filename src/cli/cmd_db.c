/*
 * cmd_db.c: the database as a whole: init, sample, export, import, copy,
 * the audit log and its verification.
 */
#include "base/wm.h"

#include <fcntl.h>
#include <unistd.h>

#include "base/buf.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "import/import.h"
#include "import/sample.h"
#include "model/audit.h"
#include "model/dbx.h"
#include "model/cube.h"
#include "model/measure.h"
#include "model/search.h"
#include "store/migrate.h"
#include "store/store.h"

static const struct optdef no_opts[] = { { NULL, false } };

int
cmd_init(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	struct args a;
	int from, to, rc;

	if ((rc = args_parse(&a, argc, argv, no_opts, false, err)) != 0)
		return rc;
	if (a.npos > 0)
		return wm_error(err, WM_EUSAGE, "init takes no arguments; the database is --db PATH");
	if ((rc = migrate_apply(c->st, &from, &to, err)) != 0)
		return rc;
	c->ctx.st = c->st;
	/* figures written row by row before schema 3 become series */
	if (from > 0 && from < 3) {
		int64_t n;

		if ((rc = meas_fold_staged(&c->ctx, &n, err)) != 0)
			return rc;
		if (n > 0)
			fprintf(c->out, "moved %lld figures into the series store\n", (long long)n);
	}
	/* figures stored oldest first before schema 8 become one block each */
	if (from > 0 && from < 8) {
		int64_t n;

		if ((rc = cube_relayout(&c->ctx, &n, err)) != 0)
			return rc;
		if (n > 0)
			fprintf(c->out, "rewrote %lld series newest first\n", (long long)n);
	}
	/* series stored before schema 15 are given their counts of figures */
	if (from > 0 && from < 15) {
		int64_t n;

		if ((rc = cube_recount(&c->ctx, &n, err)) != 0)
			return rc;
		if (n > 0)
			fprintf(c->out, "counted the figures of %lld series\n", (long long)n);
	}
	/*
	 * Records made before schema 20 are put in the site-wide search; so
	 * are those of any database whose search is empty (emptied by hand,
	 * or copied without it), which a search of records never leaves.
	 */
	if (from > 0) {
		bool empty;
		int64_t n = 0;

		if ((rc = search_empty(&c->ctx, &empty, err)) != 0 ||
		    (empty && (rc = search_rebuild(&c->ctx, &n, err)) != 0))
			return rc;
		if (n > 0)
			fprintf(c->out, "indexed %lld records for search\n", (long long)n);
	}
	/*
	 * What the database holds now, digested into the log: the rows the
	 * schema brings (the grades), and on an upgrade every record written
	 * before entries carried digests, and the series rewritten above.
	 */
	if (from != to) {
		char why[64];

		if (from == 0)
			snprintf(why, sizeof(why), "created at schema %d", to);
		else
			snprintf(why, sizeof(why), "upgraded from schema %d to %d", from, to);
		if ((rc = audit_checkpoint(&c->ctx, why, err)) != 0)
			return rc;
	}
	if (from == 0)
		fprintf(c->out, "created %s (schema %d)\n", store_url(c->st), to);
	else if (from != to)
		fprintf(c->out, "upgraded %s from schema %d to %d\n", store_url(c->st), from, to);
	else
		fprintf(c->out, "%s is up to date (schema %d)\n", store_url(c->st), to);
	return 0;
}

/* "units: 3 created, 1 changed, 5 unchanged" per kind, from an import report. */
static void
print_counts(FILE *out, const json_t *report)
{
	static const char *const groups[] = { "created", "changed", "unchanged" };
	json_t *seen = json_object();
	const char *kind;
	json_t *v, *unread = json_object_get(report, "unread");
	size_t i;

	for (size_t g = 0; g < WM_ARRAY_LEN(groups); g++)
		json_object_foreach(json_object_get(report, groups[g]), kind, v)
			json_object_set_new(seen, kind, json_true());
	if (json_object_size(seen) == 0 && json_array_size(unread) == 0)
		fprintf(out, "  nothing to import\n");
	json_object_foreach(seen, kind, v) {
		fprintf(out, "  %-18s", kind);
		for (size_t g = 0; g < WM_ARRAY_LEN(groups); g++)
			fprintf(out, "%s%lld %s", g ? ", " : "",
			    (long long)json_integer_value(json_object_get(json_object_get(report,
			    groups[g]), kind)), groups[g]);
		fputc('\n', out);
	}
	json_array_foreach(json_object_get(report, "notes"), i, v)
		fprintf(out, "  note: %s\n", json_string_value(v));
	if (json_array_size(unread) <= 10) {
		json_array_foreach(unread, i, v)
			fprintf(out, "  line %lld not read: %s: %.60s%s\n",
			    (long long)json_integer_value(json_object_get(v, "line")),
			    json_string_value(json_object_get(v, "why")),
			    json_string_value(json_object_get(v, "text")),
			    strlen(json_string_value(json_object_get(v, "text"))) > 60 ? "..." : "");
	} else {
		/* Many lines: how many for each reason; --json lists every one. */
		json_t *why = json_object();
		const char *reason;

		json_array_foreach(unread, i, v) {
			const char *w = json_string_value(json_object_get(v, "why"));

			json_object_set_new(why, w, json_integer(json_integer_value(json_object_get(why,
			    w)) + 1));
		}
		fprintf(out, "  %zu lines not read (--json lists each):\n", json_array_size(unread));
		json_object_foreach(why, reason, v)
			fprintf(out, "    %4lld  %s\n", (long long)json_integer_value(v), reason);
		json_decref(why);
	}
	json_decref(seen);
}

/* A cell of the preview: s cut to width characters (UTF-8 aware), padded. */
static void
preview_cell(FILE *out, const char *s, int width)
{
	int n = 0;
	const char *p = s ? s : "";

	width--;	/* a space between columns */
	for (; *p != '\0' && n < width; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80) {
			if (n == width - 1 && strlen(p) > 1) {
				fputs("~", out);
				n++;
				break;
			}
			n++;
		}
		fputc(*p, out);
	}
	while (((unsigned char)*p & 0xC0) == 0x80)
		fputc(*p++, out);
	for (; n <= width; n++)
		fputc(' ', out);
}

/* What a dry run of a paper would create, one record a line, in its own words. */
static void
print_preview(FILE *out, const json_t *report)
{
	const json_t *recs = json_object_get(report, "records"), *r;
	size_t i;

	if (json_array_size(recs) == 0)
		return;
	fprintf(out, "  %-14s %-8s %-44s %-22s %-16s %s\n", "kind", "ref", "title", "lead",
	    "timescale", "status");
	json_array_foreach(recs, i, r) {
		fputs("  ", out);
		preview_cell(out, json_string_value(json_object_get(r, "kind")), 15);
		preview_cell(out, json_string_value(json_object_get(r, "ref")), 9);
		preview_cell(out, json_string_value(json_object_get(r, "title")), 45);
		preview_cell(out, json_string_value(json_object_get(r, "lead")), 23);
		preview_cell(out, json_string_value(json_object_get(r, "timescale")), 17);
		fprintf(out, "%.40s\n", json_string_value(json_object_get(r, "status")) ?
		    json_string_value(json_object_get(r, "status")) : "");
	}
	if (json_array_size(json_object_get(report, "not_content")) > 0)
		fprintf(out, "  %zu lines set aside as not content (page furniture; --json lists each)\n",
		    json_array_size(json_object_get(report, "not_content")));
}

int
cmd_sample(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "json", false }, { NULL, false } };
	struct args a;
	json_t *report = NULL;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	if (a.npos > 0)
		return wm_error(err, WM_EUSAGE, "sample takes no arguments");
	rc = sample_load(&c->ctx, &report, err);
	if (rc == 0) {
		if (args_has(&a, "json")) {
			rc = out_json(c->out, report);
		} else {
			fprintf(c->out, "loaded the bundled sample into %s\n", store_url(c->st));
			print_counts(c->out, report);
		}
	}
	json_decref(report);
	return rc;
}

int
cmd_export(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "json", false }, { NULL, false } };
	struct buf tmp = BUF_INIT;
	const char *path;
	struct args a;
	json_t *doc = NULL;
	FILE *f = NULL;
	int fd = -1, rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	if (a.npos != 1)
		return wm_error(err, WM_EUSAGE, "export writes one file: waymark export [--json] FILE "
		    "(- for standard output)");
	path = a.pos[0];
	if ((rc = dbx_export(&c->ctx, &doc, err)) != 0)
		goto out;
	if (strcmp(path, "-") == 0) {
		rc = out_json(c->out, doc);
		goto out;
	}
	/* Write beside the target and rename, so a failed export leaves no half file. */
	buf_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	unlink(buf_str(&tmp));
	/* it holds password hashes and unpublished records: its owner's only (0600) */
	if ((fd = open(buf_str(&tmp), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0 ||
	    (f = fdopen(fd, "w")) == NULL) {
		if (fd >= 0)
			close(fd);
		rc = wm_error(err, WM_EIO, "%s: %s", buf_str(&tmp), strerror(errno));
		goto out;
	}
	rc = out_json(f, doc);
	if (fclose(f) != 0 || rc != 0) {
		rc = wm_error(err, WM_EIO, "%s: could not write: %s", path, strerror(errno));
		remove(buf_str(&tmp));
		goto out;
	}
	if (rename(buf_str(&tmp), path) != 0) {
		rc = wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
		remove(buf_str(&tmp));
		goto out;
	}
	fprintf(stderr, "exported %s to %s\n", store_url(c->st), path);
out:
	buf_release(&tmp);
	json_decref(doc);
	return rc;
}

static void
progress_bar(void *arg, uint64_t done, uint64_t total)
{
	const char *name = arg;
	int pct = total ? (int)(done * 100 / total) : 0, bar = pct / 4;

	fprintf(stderr, "\r%s [%-25.*s] %3d%%", name, bar, "#########################", pct);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

int
cmd_import(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "dry-run", false }, { "json", false },
		{ "partial", false }, { "source", true }, { "date", true }, { "as", true },
		{ "model", false }, { "map", true }, { NULL, false } };
	struct import_opts opts = { 0 };
	json_t *reports = json_array();
	struct args a;
	int rc = 0;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		goto out;
	if (a.npos == 0) {
		rc = wm_error(err, WM_EUSAGE, "which file? waymark import FILE...");
		goto out;
	}
	if (args_has(&a, "model")) {
		for (size_t i = 0; i < a.npos && rc == 0; i++) {
			struct buf b = BUF_INIT;
			char *data;
			size_t len;

			if ((rc = import_read_file(a.pos[i], &data, &len, err)) != 0)
				break;
			if ((rc = import_model(data, len, &b, err)) == 0)
				fputs(buf_str(&b), c->out);
			else
				wm_error_prefix(err, "%s: ", a.pos[i]);
			buf_release(&b);
			free(data);
		}
		goto out;
	}
	opts.dry_run = args_has(&a, "dry-run");
	opts.partial = args_has(&a, "partial");
	opts.source = args_get(&a, "source");
	opts.date = args_get(&a, "date");
	opts.as_targets = -1;
	opts.map = args_get(&a, "map");
	if (args_get(&a, "as") != NULL) {
		if (strcmp(args_get(&a, "as"), "targets") == 0)
			opts.as_targets = 1;
		else if (strcmp(args_get(&a, "as"), "measurements") == 0)
			opts.as_targets = 0;
		else
			opts.as_kind = args_get(&a, "as");
	}
	for (size_t i = 0; i < a.npos && rc == 0; i++) {
		json_t *report = NULL;

		if (c->err_tty && !args_has(&a, "json")) {
			opts.progress = progress_bar;
			opts.progress_arg = (void *)a.pos[i];
		}
		rc = import_file(&c->ctx, a.pos[i], &opts, &report, err);
		if (report != NULL)
			json_array_append_new(reports, report);
		if (rc != 0 && args_has(&a, "json") && report != NULL)
			json_object_set_new(report, "error", json_string(err->msg));
		if (!args_has(&a, "json") && report != NULL && (rc == 0 ||
		    json_array_size(json_object_get(report, "unread")) > 0)) {
			fprintf(c->out, "%s %s\n", opts.dry_run ? "would import" : rc ? "could not import" :
			    "imported", a.pos[i]);
			if (opts.dry_run)
				print_preview(c->out, report);
			print_counts(c->out, report);
		}
	}
	if (args_has(&a, "json"))
		out_json(c->out, a.npos == 1 ? json_array_get(reports, 0) : reports);
out:
	json_decref(reports);
	args_release(&a);
	return rc;
}

int
cmd_audit(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "json", false }, { "kind", true }, { "ref", true },
		{ "actor", true }, { "since", true }, { "limit", true }, { "offset", true },
		{ NULL, false } };
	struct audit_query q = { .newest_first = true };
	struct args a;
	json_t *rows = NULL, *e;
	size_t i;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	q.kind = args_get(&a, "kind");
	q.key = args_get(&a, "ref");
	q.actor = args_get(&a, "actor");
	q.since = args_get(&a, "since");
	if ((rc = args_size(&a, "limit", 50, &q.limit, err)) != 0 ||
	    (rc = args_size(&a, "offset", 0, &q.offset, err)) != 0)
		return rc;
	if (q.kind != NULL && kind_find(q.kind) != NULL)
		q.kind = kind_base(kind_find(q.kind))->name;
	if ((rc = audit_list(&c->ctx, &q, &rows, err)) != 0)
		return rc;
	if (args_has(&a, "json")) {
		rc = out_json(c->out, rows);
	} else {
		json_array_foreach(rows, i, e)
			fprintf(c->out, "%5lld  %s  %-16s %-6s %s %s\n",
			    (long long)json_integer_value(json_object_get(e, "id")),
			    json_string_value(json_object_get(e, "at")),
			    json_string_value(json_object_get(e, "actor")),
			    json_string_value(json_object_get(e, "action")),
			    json_string_value(json_object_get(e, "kind")),
			    json_string_value(json_object_get(e, "ref")));
	}
	json_decref(rows);
	return rc;
}

/*
 * Does the log hold the whole of the log of the backup at path? Its last
 * entry's hash at the same id is enough: each hash covers all before it.
 */
static int
verify_against(struct cli *c, const char *path, struct wm_err *err)
{
	char theirs[AUDIT_HASH_LEN], ours[AUDIT_HASH_LEN];
	struct wm_ctx other = { 0 };
	struct store *st = NULL;
	int64_t id, n;
	bool found;
	int rc;

	if ((rc = store_open(&st, path, STORE_READONLY, err)) != 0)
		return rc;
	other.st = st;
	if ((rc = migrate_check(st, err)) != 0 || (rc = audit_verify(&other, &n, err)) != 0 ||
	    (rc = audit_head(&other, &id, theirs, err)) != 0) {
		wm_error_prefix(err, "the backup to compare with: ");
		goto out;
	}
	if ((rc = audit_hash_of(&c->ctx, id, ours, &found, err)) != 0)
		goto out;
	if (id > 0 && !found)
		rc = wm_error(err, WM_EINVAL, "the audit log stops before entry %lld, which %s holds: "
		    "entries were removed from the end", (long long)id, path);
	else if (id > 0 && strcmp(ours, theirs) != 0)
		rc = wm_error(err, WM_EINVAL, "audit entry %lld is not the one %s holds: the history "
		    "up to it has been rewritten since that backup", (long long)id, path);
	else
		fprintf(c->out, "audit log holds all %lld entries of %s, unchanged\n", (long long)id,
		    path);
out:
	store_close(st);
	return rc;
}

/* "COUNT:HASH", as `verify --head` prints it. */
static int
parse_anchor(const char *text, int64_t *id, char *hash, struct wm_err *err)
{
	const char *colon = text != NULL ? strchr(text, ':') : NULL;
	char *end;
	long long n;

	if (colon == NULL || colon == text)
		return wm_error(err, WM_EUSAGE, "--expect-head: \"%s\" is not COUNT:HASH as "
		    "`waymark verify --head` prints it", text ? text : "");
	errno = 0;
	n = strtoll(text, &end, 10);
	if (errno != 0 || end != colon || n < 0 || strlen(colon + 1) != AUDIT_HASH_LEN - 1 ||
	    strspn(colon + 1, "0123456789abcdef") != AUDIT_HASH_LEN - 1)
		return wm_error(err, WM_EUSAGE, "--expect-head: \"%s\" is not COUNT:HASH (a count "
		    "of entries, a colon, and 64 hexadecimal digits)", text);
	*id = n;
	snprintf(hash, AUDIT_HASH_LEN, "%s", colon + 1);
	return 0;
}

/*
 * Is the log still all it was when the anchor was taken? The entry at the
 * anchor's count must be there with the anchor's hash; since each hash
 * covers every entry before it, that vouches for all of them.
 */
static int
expect_head(struct cli *c, const char *anchor, struct wm_err *err)
{
	char want[AUDIT_HASH_LEN], have[AUDIT_HASH_LEN], head_hash[AUDIT_HASH_LEN];
	int64_t id = 0, head = 0;
	bool found;
	int rc;

	if ((rc = parse_anchor(anchor, &id, want, err)) != 0 ||
	    (rc = audit_head(&c->ctx, &head, head_hash, err)) != 0)
		return rc;
	if (id == 0) {
		fprintf(c->out, "the anchor is of an empty log: nothing to compare\n");
		return 0;
	}
	if ((rc = audit_hash_of(&c->ctx, id, have, &found, err)) != 0)
		return rc;
	if (!found)
		return wm_error(err, WM_EINVAL, "the audit log ends at entry %lld, but the anchor was "
		    "taken at entry %lld: the last %lld entries have been removed", (long long)head,
		    (long long)id, (long long)(id - head));
	if (strcmp(have, want) != 0)
		return wm_error(err, WM_EINVAL, "audit entry %lld is not the one the anchor was taken "
		    "at: the history up to it has been rewritten", (long long)id);
	fprintf(c->out, "audit log holds the anchored %lld entries unchanged, and %lld after them\n",
	    (long long)id, (long long)(head - id));
	return 0;
}

/* Every record against the log's digests; each that differs is named. */
static int
verify_records(struct cli *c, struct wm_err *err)
{
	json_t *diffs = NULL, *d;
	int64_t n;
	size_t i;
	int rc;

	if ((rc = audit_verify_records(&c->ctx, &diffs, &n, err)) != 0)
		return rc;
	if (json_array_size(diffs) == 0) {
		fprintf(c->out, "records match the audit log: %lld records and figure blocks, each as "
		    "its last entry left it\n", (long long)n);
		json_decref(diffs);
		return 0;
	}
	json_array_foreach(diffs, i, d) {
		if (i == 20) {
			fprintf(c->out, "  ... and %zu more\n", json_array_size(diffs) - i);
			break;
		}
		fprintf(c->out, "  %s: %s", json_string_value(json_object_get(d, "record")),
		    json_string_value(json_object_get(d, "what")));
		if (json_is_integer(json_object_get(d, "entry")))
			fprintf(c->out, " (entry %lld, %s)",
			    (long long)json_integer_value(json_object_get(d, "entry")),
			    json_string_value(json_object_get(d, "entry_of")));
		fputc('\n', c->out);
	}
	rc = wm_error(err, WM_EINVAL, "%zu of %lld records differ from what the audit log says "
	    "they hold (listed above): they were written behind Waymark's back", json_array_size(diffs),
	    (long long)n);
	json_decref(diffs);
	return rc;
}

int
cmd_verify(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "against", true }, { "head", false },
		{ "expect-head", true }, { NULL, false } };
	struct wm_err why = WM_ERR_INIT;
	struct args a;
	int64_t n;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	if (a.npos > 0)
		return wm_error(err, WM_EUSAGE, "verify takes no arguments; the database is --db PATH");
	if (args_has(&a, "head")) {
		char hash[AUDIT_HASH_LEN];
		int64_t id;

		/* an anchor is worth keeping only of a chain that holds */
		if ((rc = audit_verify(&c->ctx, &n, err)) != 0 ||
		    (rc = audit_head(&c->ctx, &id, hash, err)) != 0)
			return rc;
		fprintf(c->out, "%lld:%s\n", (long long)id, hash);
		return 0;
	}
	/* An engine that cannot check itself here is said to, and the audit log still is. */
	rc = store_check(c->st, &why);
	if (rc != 0 && rc != WM_EUSAGE) {
		*err = why;
		return rc;
	}
	if (rc == 0)
		fprintf(c->out, "database structure intact (%s integrity check)\n",
		    store_engine_name(c->st));
	else
		fprintf(c->out, "database structure not checked: %s\n", why.msg);
	if ((rc = audit_verify(&c->ctx, &n, err)) != 0)
		return rc;
	fprintf(c->out, "audit log intact: %lld entries, each chained to the one before\n",
	    (long long)n);
	/* the anchors first: a log cut short would make records look changed */
	if (args_has(&a, "expect-head") &&
	    (rc = expect_head(c, args_get(&a, "expect-head"), err)) != 0)
		return rc;
	if (args_has(&a, "against") &&
	    (rc = verify_against(c, args_get(&a, "against"), err)) != 0)
		return rc;
	return verify_records(c, err);
}

/* Open a copy's source, which must be a Waymark database of this version. */
static int
open_source(const char *url, struct store **st, struct wm_err *err)
{
	int rc;

	if ((rc = store_open(st, url, 0, err)) == 0 && (rc = migrate_check(*st, err)) != 0) {
		store_close(*st);
		*st = NULL;
	}
	if (rc != 0)
		wm_error_prefix(err, "from: ");
	return rc;
}

/* Open a copy's destination, creating (SQLite) and initialising it as needed. */
static int
open_destination(const char *url, struct store **st, struct wm_err *err)
{
	int from, to, rc;

	if ((rc = store_open(st, url, STORE_CREATE, err)) == 0 &&
	    (rc = migrate_apply(*st, &from, &to, err)) != 0) {
		store_close(*st);
		*st = NULL;
	}
	if (rc != 0)
		wm_error_prefix(err, "to: ");
	return rc;
}

int
cmd_copy(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "from", true }, { "to", true }, { "json", false },
		{ NULL, false } };
	struct store *src = NULL, *dst = NULL;
	struct wm_ctx from = c->ctx, to = c->ctx;
	const char *from_url, *to_url, *kind;
	json_t *summary = NULL, *v;
	struct args a;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	from_url = args_get(&a, "from") != NULL ? args_get(&a, "from") : c->db;
	to_url = args_get(&a, "to");
	if (a.npos > 0 || to_url == NULL || *to_url == '\0') {
		rc = wm_error(err, WM_EUSAGE, "where to? waymark copy [--from DB] --to DB");
		goto out;
	}
	if (strcmp(from_url, to_url) == 0) {
		char *shown = store_url_redact(to_url);

		rc = wm_error(err, WM_EUSAGE, "--from and --to are the same database: %s", shown);
		free(shown);
		goto out;
	}
	if ((rc = open_source(from_url, &src, err)) != 0 ||
	    (rc = open_destination(to_url, &dst, err)) != 0)
		goto out;
	from.st = src;
	to.st = dst;
	if ((rc = dbx_copy(&from, &to, &summary, err)) != 0)
		goto out;
	if (args_has(&a, "json")) {
		rc = out_json(c->out, summary);
		goto out;
	}
	fprintf(c->out, "copied %s to %s\n", store_url(src), store_url(dst));
	/* records the destination had already (a new database's grades) count too */
	json_object_foreach(summary, kind, v)
		fprintf(c->out, "  %-18s%lld\n", kind,
		    (long long)(json_integer_value(json_object_get(v, "added")) +
		    json_integer_value(json_object_get(v, "changed")) +
		    json_integer_value(json_object_get(v, "unchanged"))));
out:
	json_decref(summary);
	store_close(src);
	store_close(dst);
	args_release(&a);
	return rc;
}
