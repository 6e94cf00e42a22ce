/*
 * ent_write.c: adding, changing and removing records, for every kind.
 *
 * Input is first normalised field by field (types checked, periods and
 * enums made canonical, references left as keys), then the kind's prepare
 * hook may derive more, then references are resolved to ids and the row
 * is written. The audit entry records the record as read back from the
 * database, so it shows exactly what was stored. All SQL text is built
 * from the constant descriptions in kinds.c, never from input.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "base/period.h"
#include "base/str.h"
#include "base/tsc.h"
#include "model/audit.h"
#include "model/authz.h"
#include "model/digest.h"
#include "model/ent.h"
#include "model/ent_impl.h"
#include "model/search.h"
#include "store/store.h"

/* ---- normalising input ------------------------------------------------ */

static int
bad_value(const struct kind *k, const struct field *f, const char *what, struct wm_err *err)
{
	return wm_error(err, WM_EINVAL, "%s %s: %s", k->one, f->name, what);
}

/* A JSON value's text, for fields that accept strings or numbers. */
static const char *
scalar_text(const json_t *in, char *tmp, size_t len)
{
	if (json_is_string(in))
		return json_string_value(in);
	if (json_is_integer(in)) {
		snprintf(tmp, len, "%lld", (long long)json_integer_value(in));
		return tmp;
	}
	if (json_is_real(in)) {
		snprintf(tmp, len, "%.17g", json_real_value(in));
		return tmp;
	}
	return NULL;
}

static int
normalize_enum(const struct kind *k, const struct field *f, const char *s, json_t **out,
    struct wm_err *err)
{
	size_t n = 0;
	const char *pick;

	for (; f->values[n] != NULL; n++)
		if (strcasecmp(f->values[n], s) == 0) {
			*out = json_string(f->values[n]);
			return 0;
		}
	pick = str_suggest(s, f->values, n);
	if (pick != NULL)
		return wm_error(err, WM_EINVAL, "%s %s: \"%s\" is not one of the choices "
		    "(did you mean \"%s\"?)", k->one, f->name, s, pick);
	{
		struct buf b = BUF_INIT;

		for (size_t i = 0; i < n; i++)
			buf_addf(&b, "%s%s", i ? ", " : "", f->values[i]);
		wm_error(err, WM_EINVAL, "%s %s: \"%s\" is not one of: %s", k->one, f->name, s,
		    buf_str(&b));
		buf_release(&b);
	}
	return WM_EINVAL;
}

static int
normalize_bool(const struct kind *k, const struct field *f, const json_t *in, json_t **out,
    struct wm_err *err)
{
	static const char *const yes[] = { "true", "yes", "y", "1", "on" };
	static const char *const no[] = { "false", "no", "n", "0", "off" };
	const char *s;

	if (json_is_boolean(in)) {
		*out = json_boolean(json_is_true(in));
		return 0;
	}
	if (json_is_integer(in) && (json_integer_value(in) == 0 || json_integer_value(in) == 1)) {
		*out = json_boolean(json_integer_value(in));
		return 0;
	}
	s = json_string_value(in);
	for (size_t i = 0; s != NULL && i < WM_ARRAY_LEN(yes); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = json_true();
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = json_false();
			return 0;
		}
	}
	if (s != NULL && (f->flags & FF_NULL) && (strcasecmp(s, "null") == 0 || *s == '\0')) {
		*out = json_null();
		return 0;
	}
	return bad_value(k, f, "expected yes or no", err);
}

static int
normalize_timescale(const struct kind *k, const struct field *f, const json_t *in, json_t **out,
    struct wm_err *err)
{
	json_t *o;

	if (json_is_string(in)) {
		o = json_object();
		json_object_set_new(o, "text", json_string(json_string_value(in)));
		*out = o;
		return 0;
	}
	if (!json_is_object(in) || !json_is_string(json_object_get(in, "text")))
		return bad_value(k, f, "expected the timescale as written", err);
	o = json_object();
	json_object_set_new(o, "text", json_string(json_string_value(json_object_get(in, "text"))));
	/* What the text means is kept only where given in full (an export). */
	if (json_object_get(in, "ongoing") != NULL) {
		static const char *const dates[] = { "earliest", "latest" };
		static const char *const flags[] = { "ongoing", "complete", "uncertain", "conditional" };

		for (size_t i = 0; i < WM_ARRAY_LEN(dates); i++) {
			const char *d = json_string_value(json_object_get(in, dates[i]));
			int day;

			if (d != NULL && date_parse_iso(d, &day) != 0) {
				json_decref(o);
				return bad_value(k, f, "timescale dates must be YYYY-MM-DD", err);
			}
			json_object_set_new(o, dates[i], text_or_null(d));
		}
		for (size_t i = 0; i < WM_ARRAY_LEN(flags); i++)
			json_object_set_new(o, flags[i],
			    json_boolean(json_is_true(json_object_get(in, flags[i]))));
	}
	*out = o;
	return 0;
}

static int
normalize_typed(struct wm_ctx *ctx, const struct kind *k, const struct field *f, const json_t *in,
    json_t **out, struct wm_err *err)
{
	char tmp[64];
	const char *s;
	int rc;

	*out = NULL;
	(void)ctx;
	if (json_is_null(in) || (json_is_string(in) && *json_string_value(in) == '\0' &&
	    (f->type != FT_BOOL || (f->flags & FF_NULL)))) {
		*out = f->type == FT_LINKS ? json_array() : json_null();
		return 0;
	}
	switch (f->type) {
	case FT_TEXT:
		if (!json_is_string(in))
			return bad_value(k, f, "expected text", err);
		s = json_string_value(in);
		if ((rc = field_check_text(k, f, s, err)) != 0)
			return rc;
		*out = json_string(s);
		return 0;
	case FT_INT: {
		int64_t v;

		s = scalar_text(in, tmp, sizeof(tmp));
		if (s == NULL || str_to_int64(s, &v) != 0) {
			return wm_error(err, WM_EINVAL, "%s %s: \"%s\" is not a whole number", k->one,
			    f->name, s ? s : "?");
		}
		if ((rc = field_check_number(k, f, (double)v, err)) != 0)
			return rc;
		*out = json_integer(v);
		return 0;
	}
	case FT_REAL: {
		double v;

		if (json_is_number(in)) {
			v = json_number_value(in);
		} else {
			s = json_string_value(in);
			if (s == NULL || str_to_double(s, &v) != 0)
				return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_TYPE,
				    "%s %s: \"%s\" is not a number", k->one, f->name, s ? s : "?");
		}
		if ((rc = field_check_number(k, f, v, err)) != 0)
			return rc;
		*out = json_real(v);
		return 0;
	}
	case FT_BOOL:
		return normalize_bool(k, f, in, out, err);
	case FT_DATE: {
		int d;

		s = json_string_value(in);
		if (s == NULL || date_parse_iso(s, &d) != 0)
			return wm_error(err, WM_EINVAL, "%s %s: \"%s\" is not a date (YYYY-MM-DD)",
			    k->one, f->name, s ? s : "?");
		if ((f->flags & FF_PAST) && ctx != NULL && ctx->role != ROLE_SYSTEM &&
		    d > date_from_time(ctx->now))
			return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_RANGE,
			    "%s %s: %s is in the future: it says what had happened by then, so it is "
			    "today or before", k->one, f->name, s);
		*out = json_string(s);
		return 0;
	}
	case FT_ENUM:
		if ((s = json_string_value(in)) == NULL)
			return bad_value(k, f, "expected one of the choices", err);
		return normalize_enum(k, f, s, out, err);
	case FT_PERIOD: {
		struct period p;
		char canon[PERIOD_LEN];

		s = scalar_text(in, tmp, sizeof(tmp));
		if (s == NULL || period_parse(s, &p) != 0)
			return wm_error(err, WM_EINVAL, "%s %s: \"%s\" is not a period "
			    "(2003-04 a month, 2003-Q2 a quarter, 2003/04 a financial year, 2003 a year)",
			    k->one, f->name, s ? s : "?");
		period_format(&p, canon);
		*out = json_string(canon);
		return 0;
	}
	case FT_FYEAR: {
		struct period p;
		char canon[PERIOD_LEN];
		int y;

		s = json_string_value(in);
		if (s == NULL || fyear_parse(s, &y) != 0)
			return wm_error(err, WM_EINVAL, "%s %s: \"%s\" is not a financial year (2003/04)",
			    k->one, f->name, s ? s : "?");
		p = (struct period){ PERIOD_FYEAR, y, 0 };
		period_format(&p, canon);
		*out = json_string(canon);
		return 0;
	}
	case FT_REF:
		if (!json_is_string(in))
			return bad_value(k, f, "expected the key of what it refers to", err);
		*out = json_string(json_string_value(in));
		return 0;
	case FT_LINKS: {
		json_t *arr = json_array(), *v;
		size_t i;

		if (json_is_string(in)) {
			json_array_append_new(arr, json_string(json_string_value(in)));
		} else if (json_is_array(in)) {
			json_array_foreach(in, i, v) {
				if (!json_is_string(v)) {
					json_decref(arr);
					return bad_value(k, f, "expected a list of keys", err);
				}
				json_array_append_new(arr, json_string(json_string_value(v)));
			}
		} else {
			json_decref(arr);
			return bad_value(k, f, "expected a list of keys", err);
		}
		*out = arr;
		return 0;
	}
	case FT_TIMESCALE:
		rc = normalize_timescale(k, f, in, out, err);
		return rc;
	}
	return wm_error(err, WM_EINTERNAL, "%s %s: unknown field type", k->one, f->name);
}

/* Every refusal names its field, and says why in a word: a wrong type unless it said. */
int
normalize_value(struct wm_ctx *ctx, const struct kind *k, const struct field *f, const json_t *in,
    json_t **out, struct wm_err *err)
{
	int rc = normalize_typed(ctx, k, f, in, out, err);

	if (rc != 0 && err != NULL && err->reason == NULL) {
		snprintf(err->field, sizeof(err->field), "%s", f->name);
		err->reason = FIELD_BAD_TYPE;
	}
	return rc;
}

static int
unknown_field(const struct kind *k, const char *name, struct wm_err *err)
{
	const char *names[64];
	size_t n = 0;
	const char *pick;
	struct buf b = BUF_INIT;

	FOR_FIELDS(k, f) {
		if ((f->flags & (FF_DERIVED | FF_SECRET)) || n >= WM_ARRAY_LEN(names))
			continue;
		names[n++] = f->name;
		buf_addf(&b, "%s%s", b.len ? ", " : "", f->name);
	}
	pick = str_suggest(name, names, n);
	if (pick != NULL)
		wm_error(err, WM_EINVAL, "%s has no field \"%s\" (did you mean \"%s\"?)", k->one,
		    name, pick);
	else
		wm_error(err, WM_EINVAL, "%s has no field \"%s\"; its fields are: %s", k->one, name,
		    buf_str(&b));
	buf_release(&b);
	return WM_EINVAL;
}

/* Merge the fields of in, normalised, into row. */
static int
normalize_into(struct wm_ctx *ctx, const struct kind *k, const json_t *in, json_t *row,
    bool restore, struct wm_err *err)
{
	const char *name;
	json_t *val;
	int rc;

	if (!json_is_object(in))
		return wm_error(err, WM_EINVAL, "%s: expected an object of fields", k->one);
	json_object_foreach((json_t *)in, name, val) {
		const struct field *f;
		json_t *norm;

		if (strcmp(name, "version") == 0) {
			if (restore)
				json_object_set(row, name, val);
			continue;
		}
		f = kind_field(k, name);
		if (f == NULL) {
			/* Decorations a list adds are not fields; an export has none. */
			if (restore)
				continue;
			return unknown_field(k, name, err);
		}
		if ((f->flags & FF_DERIVED) && !restore)
			return wm_error(err, WM_EINVAL, "%s %s is worked out by Waymark and cannot be set",
			    k->one, f->name);
		if ((rc = normalize_value(ctx, k, f, val, &norm, err)) != 0)
			return rc;
		json_object_set_new(row, f->name, norm);
	}
	return 0;
}

/*
 * A key is its parts joined by '/', and a record's key may itself be a part
 * of another's ("TTSC" in "TTSC/G1"), so text in a key may not contain one.
 * Only periods, financial years and FF_REST fields do, and kinds put those
 * last, where the last part takes the rest of the key.
 */
static int
check_key_parts(const struct kind *k, const json_t *row, struct wm_err *err)
{
	int rc;

	/* again after the hooks, which may have made a key part */
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const char *v = json_string_value(json_object_get(row, f->name));

		if ((f->flags & FF_KEY) && f->type == FT_TEXT && v != NULL &&
		    (rc = field_check_text(k, f, v, err)) != 0)
			return rc;
	}
	return 0;
}

/* "recommendation or node or milestone": the fields of the run first heads. */
static void
run_names(const struct kind *k, const struct field *first, const char *sep, struct buf *b)
{
	(void)k;
	for (const struct field *f = first; f->name != NULL && (f->flags & FF_ONE_OF); f++)
		buf_addf(b, "%s%s", f == first ? "" : sep, f->name);
}

static int
check_required(const struct kind *k, const json_t *row, struct wm_err *err)
{
	struct buf b = BUF_INIT;
	const char *first = NULL;
	int rc = 0;

	FOR_FIELDS(k, f) {
		const json_t *v = json_object_get(row, f->name);
		bool several = false;

		if ((f->flags & FF_ONE_OF) && field_run_head(k, f)) {
			const struct field *set = field_run_set(f, row, &several);

			if (several) {
				run_names(k, f, " or ", &b);
				rc = wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_TYPE,
				    "a %s is on one %s, not several: give only one", k->one,
				    buf_str(&b));
				buf_release(&b);
				return rc;
			}
			if (set == NULL) {
				buf_addf(&b, "%s", b.len ? ", " : "");
				run_names(k, f, " or ", &b);
				if (first == NULL)
					first = f->name;
			}
			continue;
		}
		if ((f->flags & FF_REQ) && (v == NULL || json_is_null(v))) {
			buf_addf(&b, "%s%s", b.len ? ", " : "", f->name);
			if (first == NULL)
				first = f->name;
		}
	}
	if (b.len > 0)
		rc = wm_error_field(err, WM_EINVAL, first, FIELD_MISSING, "%s needs %s", k->one,
		    buf_str(&b));
	buf_release(&b);
	return rc;
}

static void
add_problem(json_t *problems, const char *field, const struct wm_err *e)
{
	json_array_append_new(problems, json_pack("{s:s, s:s, s:s}", "field", field, "reason",
	    e->reason != NULL ? e->reason : FIELD_BAD_TYPE, "message", e->msg));
}

/* Does every key a reference or links field names exist? A problem for the first that does not. */
static int
check_refs(struct wm_ctx *ctx, const struct kind *k, const struct field *f, const json_t *v,
    json_t *problems, struct wm_err *err)
{
	size_t n = json_is_array(v) ? json_array_size(v) : 1;
	int64_t id;
	int rc;

	for (size_t i = 0; i < n; i++) {
		const char *key = json_string_value(json_is_array(v) ? json_array_get(v, i) : v);
		struct wm_err e = WM_ERR_INIT;

		if (key == NULL)
			continue;
		rc = resolve(ctx, target_kind(f), key, false, &id, &e);
		if (rc == WM_ENOTFOUND || rc == WM_EINVAL) {
			wm_error_prefix(&e, "%s %s: ", k->one, f->name);
			json_array_append_new(problems, json_pack("{s:s, s:s, s:s}", "field", f->name,
			    "reason", "reference", "message", e.msg));
			return 0;
		}
		if (rc != 0) {
			*err = e;
			return rc;
		}
	}
	return 0;
}

int
ent_normalize_field(struct wm_ctx *ctx, const struct kind *k, const struct field *f,
    const json_t *in, json_t **out, struct wm_err *err)
{
	return normalize_value(ctx, k, f, in, out, err);
}

int
ent_check(struct wm_ctx *ctx, const struct kind *k, const json_t *fields, bool adding,
    json_t **problems, struct wm_err *err)
{
	int rc;

	const char *name;
	json_t *val, *out = json_array();

	*problems = out;
	if (!json_is_object(fields))
		return 0;
	json_object_foreach((json_t *)fields, name, val) {
		const struct field *f = kind_field(k, name);
		struct wm_err e = WM_ERR_INIT;
		json_t *norm = NULL;

		if (strcmp(name, "version") == 0)
			continue;
		if (f == NULL) {
			unknown_field(k, name, &e);
			json_array_append_new(out, json_pack("{s:s, s:s, s:s}", "field", name,
			    "reason", "unknown", "message", e.msg));
			continue;
		}
		if (f->flags & FF_DERIVED) {
			json_array_append_new(out, json_pack("{s:s, s:s, s:s}", "field", name,
			    "reason", "derived", "message", "worked out by Waymark: it cannot be set"));
			continue;
		}
		/* a required field emptied is missing whether adding or changing */
		if (normalize_value(ctx, k, f, val, &norm, &e) != 0)
			add_problem(out, f->name, &e);
		else if ((f->flags & FF_REQ) && json_is_null(norm))
			json_array_append_new(out, json_pack("{s:s, s:s, s:s}", "field", f->name,
			    "reason", FIELD_MISSING, "message", "this must be given"));
		else if ((f->type == FT_REF || f->type == FT_LINKS) && !json_is_null(norm) &&
		    (rc = check_refs(ctx, k, f, norm, out, err)) != 0) {
			json_decref(norm);
			return rc;
		}
		json_decref(norm);
	}
	if (adding)
		FOR_FIELDS(k, f) {
			bool several;

			/* a run is given when one of its fields is */
			if ((f->flags & FF_ONE_OF) && field_run_head(k, f) &&
			    field_run_set(f, fields, &several) == NULL)
				json_array_append_new(out, json_pack("{s:s, s:s, s:s}", "field", f->name,
				    "reason", FIELD_MISSING, "message", "this must be given, or one of "
				    "the fields beside it"));
			else if ((f->flags & FF_REQ) && json_object_get(fields, f->name) == NULL)
				json_array_append_new(out, json_pack("{s:s, s:s, s:s}", "field", f->name,
				    "reason", FIELD_MISSING, "message", "this must be given"));
		}
	return 0;
}

/* ---- writing ---------------------------------------------------------- */

static void
param_json(struct params *ps, const struct field *f, const json_t *v)
{
	if (v == NULL || json_is_null(v))
		param_null(ps);
	else if (json_is_boolean(v))
		param_int(ps, json_is_true(v));
	else if (json_is_integer(v) && f->type != FT_REAL)
		param_int(ps, json_integer_value(v));
	else if (json_is_number(v))
		param_real(ps, json_number_value(v));
	else
		param_text(ps, json_string_value(v));
}

static void
param_timescale(struct params *ps, const json_t *ts)
{
	static const char *const flags[] = { "ongoing", "complete", "uncertain", "conditional" };

	if (!json_is_object(ts)) {
		for (size_t i = 0; i < 3; i++)
			param_null(ps);
		for (size_t i = 0; i < WM_ARRAY_LEN(flags); i++)
			param_int(ps, 0);
		return;
	}
	param_text(ps, json_string_value(json_object_get(ts, "text")));
	param_text(ps, json_string_value(json_object_get(ts, "earliest")));
	param_text(ps, json_string_value(json_object_get(ts, "latest")));
	for (size_t i = 0; i < WM_ARRAY_LEN(flags); i++)
		param_int(ps, json_is_true(json_object_get(ts, flags[i])));
}

/*
 * Resolve every reference in row to an id (kept in ids[], by field index)
 * and put the canonical key back into row.
 */
static int
resolve_refs(struct wm_ctx *ctx, const struct kind *k, json_t *row, int64_t *ids,
    struct wm_err *err)
{
	size_t i = 0;
	int rc;

	for (const struct field *f = k->fields; f->name != NULL; f++, i++) {
		const char *key;

		ids[i] = 0;
		if (f->type != FT_REF || is_fixed(k, f))
			continue;
		key = json_string_value(json_object_get(row, f->name));
		if (key == NULL)
			continue;
		if ((rc = resolve(ctx, target_kind(f), key, false, &ids[i], err)) != 0) {
			wm_error_prefix(err, "%s %s: ", k->one, f->name);
			return rc;
		}
	}
	return 0;
}

/* A record may not be its own ancestor. */
static int
check_cycle(struct wm_ctx *ctx, const struct kind *k, const struct field *f, int64_t self,
    int64_t parent, struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	int64_t at = parent;
	int rc = 0;

	buf_addf(&sql, "SELECT %s FROM %s WHERE id = ?", f->col, k->table);
	for (int depth = 0; at != 0 && depth < 10000; depth++) {
		struct stmt *s;

		if (at == self) {
			rc = wm_error(err, WM_EINVAL, "%s %s: that would make it its own ancestor",
			    k->one, f->name);
			break;
		}
		if ((rc = store_prepare(ctx->st, buf_str(&sql), &s, err)) != 0)
			break;
		stmt_bind_int(s, 1, at);
		rc = stmt_step(s, err);
		at = rc == STORE_ROW && !stmt_is_null(s, 0) ? stmt_int(s, 0) : 0;
		stmt_reset(s);
		if (rc < 0)
			break;
		rc = 0;
	}
	buf_release(&sql);
	return rc;
}

static int
write_links(struct wm_ctx *ctx, const struct kind *k, int64_t id, const json_t *row,
    struct wm_err *err)
{
	int rc;

	FOR_FIELDS(k, f) {
		const json_t *arr = json_object_get(row, f->name);
		const struct kind *t;
		struct buf sql = BUF_INIT;
		struct stmt *s;
		size_t i;
		json_t *v;

		if (f->type != FT_LINKS || !json_is_array(arr))
			continue;
		t = target_kind(f);
		buf_addf(&sql, "DELETE FROM %s WHERE %s = ?", f->link_table, f->link_self);
		rc = store_prepare(ctx->st, buf_str(&sql), &s, err);
		if (rc == 0) {
			stmt_bind_int(s, 1, id);
			rc = stmt_exec(s, err);
		}
		buf_reset(&sql);
		buf_addf(&sql, "INSERT INTO %s (%s, %s, seq) VALUES (?, ?, ?)", f->link_table,
		    f->link_self, f->link_other);
		json_array_foreach(arr, i, v) {
			int64_t other;

			if (rc != 0)
				break;
			rc = resolve(ctx, t, json_string_value(v), false, &other, err);
			if (rc != 0) {
				wm_error_prefix(err, "%s %s: ", k->one, f->name);
				break;
			}
			if ((rc = store_prepare(ctx->st, buf_str(&sql), &s, err)) != 0)
				break;
			stmt_bind_int(s, 1, id);
			stmt_bind_int(s, 2, other);
			stmt_bind_int(s, 3, (int64_t)i);
			if ((rc = stmt_exec(s, err)) == WM_EEXIST)
				rc = wm_error_field(err, WM_EINVAL, f->name, "duplicate",
				    "%s %s: \"%s\" is listed twice", k->one, f->name,
				    json_string_value(v));
		}
		buf_release(&sql);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/*
 * INSERT (id == 0) or UPDATE the row. For an update, expect_version > 0
 * makes it conditional; restore writes the given version.
 */
static int
write_row(struct wm_ctx *ctx, const struct kind *k, json_t *row, int64_t id,
    int64_t expect_version, bool restore, int64_t *out_id, struct wm_err *err)
{
	int64_t ids[64];
	struct buf sql = BUF_INIT;
	struct params ps = { 0 };
	struct stmt *s;
	size_t i;
	int rc, ncols = 0;

	if (kind_nfields(k) > WM_ARRAY_LEN(ids))
		return wm_error(err, WM_EINTERNAL, "%s: too many fields", k->name);
	if ((rc = resolve_refs(ctx, k, row, ids, err)) != 0)
		return rc;
	if (id != 0) {
		i = 0;
		for (const struct field *f = k->fields; f->name != NULL; f++, i++)
			if (f->type == FT_REF && ids[i] != 0 && strcmp(target_kind(f)->table, k->table) == 0 &&
			    (rc = check_cycle(ctx, k, f, id, ids[i], err)) != 0)
				return rc;
	}
	if (id == 0) {
		struct buf vals = BUF_INIT;

		buf_addf(&sql, "INSERT INTO %s (", k->table);
		if (k->fixed_col != NULL) {
			buf_addf(&sql, "%s", k->fixed_col);
			buf_addf(&vals, "'%s'", k->fixed_val);
			ncols++;
		}
		i = 0;
		for (const struct field *f = k->fields; f->name != NULL; f++, i++) {
			const json_t *v = json_object_get(row, f->name);

			if (is_fixed(k, f) || !has_column(f) || v == NULL || json_is_null(v))
				continue;
			if (f->type == FT_TIMESCALE) {
				for (size_t c = 0; c < TS_NCOLS; c++) {
					buf_addf(&sql, "%s%s", ncols++ ? ", " : "", ts_cols[c]);
					buf_addf(&vals, "%s?", vals.len ? ", " : "");
				}
				param_timescale(&ps, v);
				continue;
			}
			buf_addf(&sql, "%s%s", ncols++ ? ", " : "", f->col);
			buf_addf(&vals, "%s?", vals.len ? ", " : "");
			if (f->type == FT_REF)
				param_int(&ps, ids[i]);
			else
				param_json(&ps, f, v);
		}
		if (restore && json_is_integer(json_object_get(row, "version"))) {
			buf_addf(&sql, "%sversion", ncols++ ? ", " : "");
			buf_addf(&vals, "%s?", vals.len ? ", " : "");
			param_int(&ps, json_integer_value(json_object_get(row, "version")));
		}
		if (ncols == 0)
			buf_addf(&sql, ") DEFAULT VALUES RETURNING id");
		else
			buf_addf(&sql, ") VALUES (%s) RETURNING id", buf_str(&vals));
		buf_release(&vals);
	} else {
		buf_addf(&sql, "UPDATE %s SET ", k->table);
		i = 0;
		for (const struct field *f = k->fields; f->name != NULL; f++, i++) {
			const json_t *v = json_object_get(row, f->name);

			if (is_fixed(k, f) || !has_column(f))
				continue;
			if (f->type == FT_TIMESCALE) {
				for (size_t c = 0; c < TS_NCOLS; c++)
					buf_addf(&sql, "%s%s = ?", ncols++ ? ", " : "", ts_cols[c]);
				param_timescale(&ps, v);
				continue;
			}
			buf_addf(&sql, "%s%s = ?", ncols++ ? ", " : "", f->col);
			if (f->type == FT_REF) {
				if (ids[i] != 0)
					param_int(&ps, ids[i]);
				else
					param_null(&ps);
			} else {
				param_json(&ps, f, v);
			}
		}
		if (restore && json_is_integer(json_object_get(row, "version"))) {
			buf_addf(&sql, "%sversion = ?", ncols++ ? ", " : "");
			param_int(&ps, json_integer_value(json_object_get(row, "version")));
		} else {
			buf_addf(&sql, "%sversion = version + 1", ncols++ ? ", " : "");
		}
		buf_adds(&sql, " WHERE id = ?");
		param_int(&ps, id);
		if (expect_version > 0) {
			buf_adds(&sql, " AND version = ?");
			param_int(&ps, expect_version);
		}
	}
	rc = prepare_bound(ctx->st, &sql, &ps, &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	if (id == 0) {
		rc = stmt_step(s, err);
		if (rc == STORE_ROW) {
			*out_id = stmt_int(s, 0);
			stmt_reset(s);
			rc = 0;
		} else if (rc == STORE_DONE) {
			rc = wm_error(err, WM_EINTERNAL, "%s: insert returned no id", k->name);
		}
	} else {
		if ((rc = stmt_exec(s, err)) == 0 && stmt_changes(s) == 0)
			rc = wm_error(err, WM_ECONFLICT,
			    "the %s was changed by someone else after version %lld; "
			    "reload it and make the change again", k->one, (long long)expect_version);
		*out_id = id;
	}
	if (rc == WM_EEXIST) {
		/* a change of key onto another record's: say whose */
		struct buf key = BUF_INIT;

		ent_row_key(k, row, &key);
		rc = wm_error(err, WM_EEXIST, "%s \"%s\" already exists", k->one, buf_str(&key));
		buf_release(&key);
	} else if (rc == WM_EINVAL && err != NULL) {
		wm_error_prefix(err, "%s: ", k->one);
	}
	if (rc != 0)
		return rc;
	return write_links(ctx, k, *out_id, row, err);
}

/* Read back a record as the audit log and callers see it. */
int
stored(struct wm_ctx *ctx, const struct kind *k, int64_t id, json_t **out, struct wm_err *err)
{
	return read_one(ctx, kind_base(k), id, READ_RAW | READ_SECRETS, out, err);
}

/* A copy of the record without its secret fields, for the audit log. */
static json_t *
without_secrets(const struct kind *k, const json_t *row)
{
	json_t *o;

	if (row == NULL)
		return NULL;
	o = json_deep_copy(row);
	FOR_FIELDS(k, f)
		if (f->flags & FF_SECRET)
			json_object_del(o, f->name);
	return o;
}

/*
 * The audit entry of a change to record id: before and after without
 * secrets, and the digest of the row as it now is (secrets included, so a
 * password hash swapped in SQL is caught too; digest.h).
 */
int
audit_change(struct wm_ctx *ctx, const struct kind *k, int64_t id, const char *action,
    const json_t *before, const json_t *after, struct wm_err *err)
{
	const struct kind *base = kind_base(k);
	struct buf key = BUF_INIT;
	json_t *b = without_secrets(base, before), *a = without_secrets(base, after);
	json_t *state = json_object();
	int rc;

	ent_row_key(base, after != NULL ? after : before, &key);
	if ((rc = digest_record(ctx, base, id, state, err)) == 0)
		rc = audit_record_state(ctx, action, base->name, buf_str(&key), b, a, state, err);
	buf_release(&key);
	json_decref(b);
	json_decref(a);
	json_decref(state);
	return rc;
}

/*
 * After a row is written: read it back, let the kind's hook follow it up,
 * audit it, and hand the caller the record as lists show it.
 */
static int
written(struct wm_ctx *ctx, const struct kind *k, int64_t id, const json_t *before,
    const char *action, bool restore, json_t **out, struct wm_err *err)
{
	json_t *after = NULL;
	int rc;

	if ((rc = stored(ctx, k, id, &after, err)) != 0)
		goto out;
	/* the site-wide search keeps the record's name and texts with it */
	if ((rc = search_put(ctx, k, id, after, err)) != 0)
		goto out;
	if (!restore && k->hooks != NULL && k->hooks->after != NULL &&
	    (rc = k->hooks->after(ctx, id, before, after, err)) != 0)
		goto out;
	if (!restore && (rc = audit_change(ctx, k, id, action, before, after, err)) != 0)
		goto out;
	if (out != NULL)
		rc = read_one(ctx, k, id, 0, out, err);
out:
	json_decref(after);
	return rc;
}

/* Who added the record, and when, where the kind keeps them (FF_ADDED_BY, FF_ADDED_AT). */
static void
mark_added(const struct wm_ctx *ctx, const struct kind *k, json_t *row)
{
	char now[TIMESTAMP_LEN];

	timestamp_format(ctx->now, now);
	FOR_FIELDS(k, f) {
		if (f->flags & FF_ADDED_BY)
			json_object_set_new(row, f->name, json_string(ctx->actor ? ctx->actor : "unknown"));
		if (f->flags & FF_ADDED_AT)
			json_object_set_new(row, f->name, json_string(now));
	}
}

static int
add_row(struct wm_ctx *ctx, const struct kind *k, json_t *row, bool restore, json_t **created,
    struct wm_err *err)
{
	struct buf key = BUF_INIT;
	int64_t id, existing;
	int rc;

	if (!restore && k->hooks != NULL && k->hooks->prepare != NULL &&
	    (rc = k->hooks->prepare(ctx, row, NULL, err)) != 0)
		goto out;
	if (!restore)
		mark_added(ctx, k, row);
	if ((rc = check_required(k, row, err)) != 0 || (rc = check_key_parts(k, row, err)) != 0)
		goto out;
	if ((rc = authz_write(ctx, k, NULL, row, err)) != 0)
		goto out;
	if (ent_row_key(k, row, &key) == 0) {
		rc = resolve_exact(ctx, k, buf_str(&key), &existing, err);
		if (rc == 0) {
			rc = wm_error(err, WM_EEXIST, "%s \"%s\" already exists", k->one, buf_str(&key));
			goto out;
		}
		if (rc != WM_ENOTFOUND)
			goto out;
	}
	if ((rc = write_row(ctx, k, row, 0, 0, restore, &id, err)) != 0)
		goto out;
	rc = written(ctx, k, id, NULL, "add", restore, created, err);
out:
	buf_release(&key);
	return rc;
}

/* A kind with its own storage: check the row, permit it, and hand it over. */
static int
store_put(struct wm_ctx *ctx, const struct kind *k, json_t *row, int mode, bool restore,
    int64_t if_version, int *changed, json_t **out, struct wm_err *err)
{
	struct buf key = BUF_INIT;
	int did, rc;

	if ((rc = check_required(k, row, err)) != 0 || (rc = check_key_parts(k, row, err)) != 0 ||
	    (rc = authz_write(ctx, k, mode == PUT_ADD ? NULL : row, row, err)) != 0)
		return rc;
	if ((rc = k->store->put(ctx, k, row, mode, restore, if_version, &did, err)) != 0)
		return rc;
	if (changed != NULL)
		*changed = did;
	if (out != NULL) {
		ent_row_key(k, row, &key);
		rc = k->store->get(ctx, k, buf_str(&key), out, err);
		buf_release(&key);
	}
	return rc;
}

int
ent_add(struct wm_ctx *ctx, const struct kind *k, const json_t *fields, json_t **created,
    struct wm_err *err)
{
	json_t *row = json_object();
	int rc;

	if (created != NULL)
		*created = NULL;
	if (k->flags & KF_READONLY) {
		json_decref(row);
		return wm_error(err, WM_EPERM, "%s are recorded by Waymark itself", k->name);
	}
	if ((rc = normalize_into(ctx, k, fields, row, false, err)) != 0) {
		json_decref(row);
		return rc;
	}
	if (k->store != NULL) {
		rc = store_put(ctx, k, row, PUT_ADD, false, 0, NULL, created, err);
		json_decref(row);
		return rc;
	}
	if ((rc = store_begin(ctx->st, err)) != 0) {
		json_decref(row);
		return rc;
	}
	rc = add_row(ctx, k, row, false, created, err);
	json_decref(row);
	if (rc != 0) {
		if (created != NULL && *created != NULL) {
			json_decref(*created);
			*created = NULL;
		}
		return store_rollback(ctx->st, rc);
	}
	return store_commit(ctx->st, err);
}

/* Only the stored fields of a record, for comparing. */
static json_t *
stored_fields(const struct kind *k, const json_t *row)
{
	json_t *o = json_object();

	FOR_FIELDS(k, f) {
		json_t *v = json_object_get(row, f->name);

		if (v != NULL)
			json_object_set(o, f->name, v);
	}
	return o;
}

int
set_row(struct wm_ctx *ctx, const struct kind *k, int64_t id, const json_t *changes,
    int64_t if_version, bool restore, bool *changed, json_t **updated, struct wm_err *err)
{
	json_t *before = NULL, *row = NULL, *a = NULL, *b = NULL;
	int64_t out_id;
	int rc;

	*changed = false;
	if ((rc = stored(ctx, k, id, &before, err)) != 0)
		goto out;
	if (if_version > 0 &&
	    json_integer_value(json_object_get(before, "version")) != if_version) {
		rc = wm_error(err, WM_ECONFLICT,
		    "the %s is at version %lld, not %lld: someone else changed it; "
		    "reload it and make the change again", k->one,
		    (long long)json_integer_value(json_object_get(before, "version")),
		    (long long)if_version);
		goto out;
	}
	row = json_deep_copy(before);
	json_object_del(row, "version");
	if ((rc = normalize_into(ctx, k, changes, row, restore, err)) != 0)
		goto out;
	if (!restore && k->hooks != NULL && k->hooks->prepare != NULL &&
	    (rc = k->hooks->prepare(ctx, row, before, err)) != 0)
		goto out;
	if ((rc = check_required(k, row, err)) != 0 || (rc = check_key_parts(k, row, err)) != 0)
		goto out;
	/* before the no-op test: a change that alters nothing is refused as any other */
	if ((rc = authz_write(ctx, k, before, row, err)) != 0)
		goto out;
	a = stored_fields(k, row);
	b = stored_fields(k, before);
	if (json_equal(a, b) && (!restore || json_equal(json_object_get(row, "version"),
	    json_object_get(before, "version")))) {
		rc = 0;
		if (updated != NULL)
			rc = read_one(ctx, k, id, 0, updated, err);
		goto out;
	}
	if ((rc = write_row(ctx, k, row, id, if_version, restore, &out_id, err)) != 0)
		goto out;
	*changed = true;
	rc = written(ctx, k, id, before, "set", restore, updated, err);
out:
	json_decref(before);
	json_decref(row);
	json_decref(a);
	json_decref(b);
	return rc;
}

int
ent_set(struct wm_ctx *ctx, const struct kind *k, const char *key, const json_t *changes,
    int64_t if_version, json_t **updated, struct wm_err *err)
{
	int64_t id;
	bool changed;
	int rc;

	if (updated != NULL)
		*updated = NULL;
	if (k->flags & KF_READONLY)
		return wm_error(err, WM_EPERM, "%s are recorded by Waymark itself", k->name);
	if ((rc = authz_read(ctx, k, err)) != 0)
		return rc;
	if (k->store != NULL) {
		json_t *row = NULL;

		if ((rc = k->store->get(ctx, k, key, &row, err)) == 0) {
			json_object_del(row, "version");
			if ((rc = normalize_into(ctx, k, changes, row, false, err)) == 0)
				rc = store_put(ctx, k, row, PUT_SET, false, if_version, NULL, updated, err);
		}
		json_decref(row);
		return rc;
	}
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = resolve(ctx, k, key, false, &id, err)) == 0)
		rc = set_row(ctx, k, id, changes, if_version, false, &changed, updated, err);
	if (rc != 0) {
		if (updated != NULL && *updated != NULL) {
			json_decref(*updated);
			*updated = NULL;
		}
		return store_rollback(ctx->st, rc);
	}
	return store_commit(ctx->st, err);
}

/*
 * The one record of k whose stored fields equal every scalar field given in
 * row; WM_ENOTFOUND if none (or, since it cannot tell which, several).
 */
static int
find_by_content(struct wm_ctx *ctx, const struct kind *k, json_t *row, int64_t *id,
    struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	struct params ps = { 0 };
	struct stmt *s;
	int found = 0, rc;

	buf_addf(&sql, "SELECT t.id FROM %s t WHERE 1 = 1", k->table);
	if (k->fixed_col != NULL)
		buf_addf(&sql, " AND t.%s = '%s'", k->fixed_col, k->fixed_val);
	FOR_FIELDS(k, f) {
		const json_t *v = json_object_get(row, f->name);
		int64_t ref;

		if (v == NULL || json_is_null(v) || !has_column(f) || f->type == FT_TIMESCALE)
			continue;
		if (f->type == FT_REF) {
			rc = resolve(ctx, target_kind(f), json_string_value(v), true, &ref, err);
			if (rc != 0) {
				buf_release(&sql);
				return rc == WM_ENOTFOUND ? WM_ENOTFOUND : rc;
			}
			param_int(&ps, ref);
		} else {
			param_json(&ps, f, v);
		}
		buf_addf(&sql, " AND t.%s = ?", f->col);
	}
	buf_adds(&sql, " LIMIT 2");
	rc = prepare_bound(ctx->st, &sql, &ps, &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW)
		if (found++ == 0)
			*id = stmt_int(s, 0);
	if (rc < 0)
		return rc;
	return found == 1 ? 0 : WM_ENOTFOUND;
}

int
ent_upsert(struct wm_ctx *ctx, const struct kind *k, const json_t *in, bool restore,
    int *changed, struct wm_err *err)
{
	struct buf key = BUF_INIT;
	json_t *row = json_object();
	int64_t id;
	bool did = false;
	int rc;

	*changed = ENT_UNCHANGED;
	if ((rc = normalize_into(ctx, k, in, row, restore, err)) != 0)
		goto out;
	if (k->store != NULL) {
		json_object_del(row, "version");
		rc = store_put(ctx, k, row, PUT_UPSERT, restore, 0, changed, NULL, err);
		goto out;
	}
	if (ent_row_key(k, row, &key) != 0) {
		/*
		 * Part of the key is worked out when the record is added (a
		 * sequence number): the record is the one that matches all else.
		 */
		rc = find_by_content(ctx, k, row, &id, err);
	} else {
		rc = resolve_exact(ctx, k, buf_str(&key), &id, err);
	}
	if (rc == WM_ENOTFOUND) {
		if ((rc = add_row(ctx, k, row, restore, NULL, err)) == 0)
			*changed = ENT_ADDED;
	} else if (rc == 0) {
		rc = set_row(ctx, k, id, in, 0, restore, &did, NULL, err);
		if (rc == 0 && did)
			*changed = ENT_CHANGED;
	}
out:
	if (rc != 0 && key.len > 0)
		wm_error_prefix(err, "%s \"%s\": ", k->one, buf_str(&key));
	buf_release(&key);
	json_decref(row);
	return rc;
}

/* ---- helpers for hooks ------------------------------------------------ */

void
ent_fill_timescale(json_t *row, int doc_date)
{
	json_t *ts = json_object_get(row, "timescale");
	struct timescale t;
	char d[DATE_ISO_LEN];
	const char *text;

	if (json_is_string(ts)) {
		json_t *o = json_object();

		json_object_set_new(o, "text", json_string(json_string_value(ts)));
		json_object_set_new(row, "timescale", o);
		ts = o;
	}
	/* Already read (by an importer that knew more, or unchanged from before): keep it. */
	if (!json_is_object(ts) || json_object_get(ts, "ongoing") != NULL)
		return;
	text = json_string_value(json_object_get(ts, "text"));
	tsc_parse(text, doc_date, &t);
	date_format_iso(t.earliest, d);
	json_object_set_new(ts, "earliest", t.earliest == DATE_NONE ? json_null() : json_string(d));
	date_format_iso(t.latest, d);
	json_object_set_new(ts, "latest", t.latest == DATE_NONE ? json_null() : json_string(d));
	json_object_set_new(ts, "ongoing", json_boolean(t.ongoing));
	json_object_set_new(ts, "complete", json_boolean(t.complete));
	json_object_set_new(ts, "uncertain", json_boolean(t.uncertain));
	json_object_set_new(ts, "conditional", json_boolean(t.conditional));
}

int
ent_ref_date(struct wm_ctx *ctx, const char *kind, const char *key, const char *field,
    int *date, struct wm_err *err)
{
	const struct kind *k = kind_find(kind);
	json_t *row;
	int64_t id;
	const char *v;
	int rc;

	*date = DATE_NONE;
	if (key == NULL)
		return 0;
	if ((rc = resolve(ctx, k, key, false, &id, err)) != 0)
		return rc;
	if ((rc = read_one(ctx, k, id, READ_RAW, &row, err)) != 0)
		return rc;
	v = json_string_value(json_object_get(row, field));
	if (v != NULL)
		date_parse_iso(v, date);
	json_decref(row);
	return 0;
}

int
ent_next_seq(struct wm_ctx *ctx, const char *table, const char *col, int64_t id, int64_t *seq,
    struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	struct stmt *s;
	int rc;

	buf_addf(&sql, "SELECT COALESCE(MAX(seq), 0) + 1 FROM %s WHERE %s = ?", table, col);
	rc = store_prepare(ctx->st, buf_str(&sql), &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	rc = stmt_step(s, err);
	*seq = rc == STORE_ROW ? stmt_int(s, 0) : 1;
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}
