/*
 * cmd_ent.c: list, show, add, set and remove, for every kind of record.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "model/ent.h"
#include "model/track.h"

static int
find_kind(const char *name, const struct kind **k, struct wm_err *err)
{
	const char *hint;

	if (name == NULL)
		return wm_error(err, WM_EUSAGE, "which kind of record? (`waymark help list` lists them)");
	if ((*k = kind_find(name)) != NULL)
		return 0;
	if ((hint = kind_suggest(name)) != NULL)
		return wm_error(err, WM_EUSAGE, "no kind of record called \"%s\" (did you mean \"%s\"?)",
		    name, hint);
	return wm_error(err, WM_EUSAGE, "no kind of record called \"%s\" (`waymark help list` lists them)",
	    name);
}

/* The key: the positional arguments after the kind, joined by '/'. */
static int
key_of(const struct args *a, const struct kind *k, struct buf *key, struct wm_err *err)
{
	if (a->npos < 2)
		return wm_error(err, WM_EUSAGE, "which %s? give its key", k->one);
	for (size_t i = 1; i < a->npos; i++)
		buf_addf(key, "%s%s", i > 1 ? "/" : "", a->pos[i]);
	return 0;
}

static int
if_version(const struct args *a, int64_t *v, struct wm_err *err)
{
	const char *s = args_get(a, "if-version");

	*v = 0;
	if (s != NULL && (str_to_int64(s, v) != 0 || *v < 1))
		return wm_error(err, WM_EUSAGE, "--if-version: \"%s\" is not a version number", s);
	return 0;
}

int
cmd_list(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "json", false }, { "csv", false }, { "from", true },
		{ "to", true }, { "limit", true }, { "offset", true }, { NULL, false } };
	struct ent_query q = { 0 };
	const struct kind *k;
	struct args a;
	json_t *rows = NULL;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, true, err)) != 0)
		goto out;
	if ((rc = find_kind(a.npos ? a.pos[0] : NULL, &k, err)) != 0)
		goto out;
	if (a.npos > 1) {
		rc = wm_error(err, WM_EUSAGE, "list takes one kind; to see one record use `waymark show %s %s`",
		    k->one, a.pos[1]);
		goto out;
	}
	q.where = a.fields;
	q.from = args_get(&a, "from");
	q.to = args_get(&a, "to");
	if ((rc = args_size(&a, "limit", 0, &q.limit, err)) != 0 ||
	    (rc = args_size(&a, "offset", 0, &q.offset, err)) != 0)
		goto out;
	if ((rc = ent_list(&c->ctx, k, &q, &rows, err)) != 0)
		goto out;
	if (args_has(&a, "json"))
		rc = out_json(c->out, rows);
	else if (args_has(&a, "csv"))
		rc = out_csv(c->out, k, rows);
	else
		rc = out_table(c->out, k, rows);
out:
	json_decref(rows);
	args_release(&a);
	return rc;
}

int
cmd_show(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "json", false }, { NULL, false } };
	struct buf key = BUF_INIT;
	const struct kind *k;
	struct args a;
	json_t *row = NULL;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0 ||
	    (rc = find_kind(a.npos ? a.pos[0] : NULL, &k, err)) != 0 ||
	    (rc = key_of(&a, k, &key, err)) != 0 ||
	    (rc = ent_get(&c->ctx, k, buf_str(&key), &row, err)) != 0)
		goto out;
	rc = args_has(&a, "json") ? out_json(c->out, row) : out_record(c->out, k, row);
out:
	json_decref(row);
	buf_release(&key);
	args_release(&a);
	return rc;
}

static void
say_key(struct cli *c, const char *verb, const struct kind *k, const json_t *row)
{
	struct buf key = BUF_INIT;

	ent_row_key(kind_base(k), row, &key);
	fprintf(c->out, "%s %s %s\n", verb, k->one, buf_str(&key));
	buf_release(&key);
}

int
cmd_add(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "json", false }, { NULL, false } };
	const struct kind *k;
	struct args a;
	json_t *row = NULL;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, true, err)) != 0 ||
	    (rc = find_kind(a.npos ? a.pos[0] : NULL, &k, err)) != 0)
		goto out;
	if (a.npos > 1) {
		rc = wm_error(err, WM_EUSAGE, "give fields as options: `waymark add %s --FIELD VALUE` "
		    "(`waymark help add %s` lists them)", k->one, k->one);
		goto out;
	}
	if ((rc = ent_add(&c->ctx, k, a.fields, &row, err)) != 0)
		goto out;
	if (args_has(&a, "json"))
		rc = out_json(c->out, row);
	else
		say_key(c, "added", k, row);
out:
	json_decref(row);
	args_release(&a);
	return rc;
}

int
cmd_set(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "json", false }, { "if-version", true },
		{ NULL, false } };
	struct buf key = BUF_INIT;
	const struct kind *k;
	struct args a;
	json_t *row = NULL;
	int64_t version;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, true, err)) != 0 ||
	    (rc = find_kind(a.npos ? a.pos[0] : NULL, &k, err)) != 0 ||
	    (rc = key_of(&a, k, &key, err)) != 0 ||
	    (rc = if_version(&a, &version, err)) != 0)
		goto out;
	if (json_object_size(a.fields) == 0) {
		rc = wm_error(err, WM_EUSAGE, "nothing to change: give fields as --FIELD VALUE");
		goto out;
	}
	if ((rc = ent_set(&c->ctx, k, buf_str(&key), a.fields, version, &row, err)) != 0)
		goto out;
	if (args_has(&a, "json"))
		rc = out_json(c->out, row);
	else
		say_key(c, "set", k, row);
out:
	json_decref(row);
	buf_release(&key);
	args_release(&a);
	return rc;
}

int
cmd_remove(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "if-version", true }, { "cascade", false },
		{ NULL, false } };
	struct buf key = BUF_INIT;
	const struct kind *k;
	struct args a;
	int64_t version;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0 ||
	    (rc = find_kind(a.npos ? a.pos[0] : NULL, &k, err)) != 0 ||
	    (rc = key_of(&a, k, &key, err)) != 0 ||
	    (rc = if_version(&a, &version, err)) != 0)
		goto out;
	rc = args_has(&a, "cascade") ? ent_remove_cascade(&c->ctx, k, buf_str(&key), version, err) :
	    ent_remove(&c->ctx, k, buf_str(&key), version, err);
	if (rc == WM_EINUSE && err != NULL) {
		char said[sizeof(err->msg)];

		memcpy(said, err->msg, sizeof(said));
		wm_error(err, rc, "%.900s (--cascade)", said);
	}
	if (rc != 0)
		goto out;
	fprintf(c->out, "removed %s %s\n", k->one, buf_str(&key));
out:
	buf_release(&key);
	args_release(&a);
	return rc;
}

/*
 * update KIND KEY... --progress TEXT: a dated progress update on a
 * recommendation, a plan item or a milestone (anything tracked, track.h),
 * which regrades it when it is the latest.
 */
int
cmd_update(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "progress", true }, { "degree", true },
		{ "percent", true }, { "date", true }, { "author", true }, { "json", false },
		{ NULL, false } };
	struct buf key = BUF_INIT;
	const struct track_kind *t;
	const struct kind *k;
	struct args a;
	json_t *fields = NULL, *row = NULL;
	char today[DATE_ISO_LEN];
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0 ||
	    (rc = find_kind(a.npos ? a.pos[0] : NULL, &k, err)) != 0)
		goto out;
	if ((t = track_kind_of(k)) == NULL) {
		rc = wm_error(err, WM_EUSAGE, "update records progress on recommendations, plan "
		    "items (actions, objectives...) and milestones; to change a %s use `waymark set "
		    "%s`", k->one, k->one);
		goto out;
	}
	if ((rc = key_of(&a, k, &key, err)) != 0)
		goto out;
	if (args_get(&a, "progress") == NULL) {
		rc = wm_error(err, WM_EUSAGE, "what progress? --progress TEXT");
		goto out;
	}
	date_format_iso(date_from_time(c->ctx.now), today);
	fields = json_pack("{s:s, s:s, s:s, s:s}", t->on, buf_str(&key), "text",
	    args_get(&a, "progress"), "date", args_get(&a, "date") ? args_get(&a, "date") : today,
	    "author", args_get(&a, "author") ? args_get(&a, "author") : c->ctx.actor);
	if (args_get(&a, "degree") != NULL)
		json_object_set_new(fields, "degree_met", json_string(args_get(&a, "degree")));
	if (args_get(&a, "percent") != NULL)
		json_object_set_new(fields, "percent_complete", json_string(args_get(&a, "percent")));
	if ((rc = ent_add(&c->ctx, kind_find("progress"), fields, &row, err)) != 0)
		goto out;
	json_decref(row);
	row = NULL;
	if ((rc = ent_get(&c->ctx, k, buf_str(&key), &row, err)) != 0)
		goto out;
	if (args_has(&a, "json")) {
		rc = out_json(c->out, row);
	} else {
		fprintf(c->out, "updated %s %s: %s, degree met %s\n", k->one, buf_str(&key),
		    json_string_value(json_object_get(row, "status")),
		    json_is_string(json_object_get(row, "degree_met")) ?
		    json_string_value(json_object_get(row, "degree_met")) : "not graded");
	}
out:
	json_decref(fields);
	json_decref(row);
	buf_release(&key);
	args_release(&a);
	return rc;
}
