/*
 * kind.c: finding kinds and fields by name.
 */
#include "base/wm.h"

#include <ctype.h>
#include <math.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/numfmt.h"
#include "base/str.h"
#include "model/kind.h"

/* Compare names treating '-' and '_' alike, ASCII case folded. */
static bool
name_eq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		int x = *a == '-' ? '_' : tolower((unsigned char)*a);
		int y = *b == '-' ? '_' : tolower((unsigned char)*b);

		if (x != y)
			return false;
	}
	return *a == *b;
}

const struct kind *
kind_find(const char *name)
{
	if (name == NULL)
		return NULL;
	for (const struct kind *k = kinds; k->name != NULL; k++)
		if (name_eq(k->name, name) || name_eq(k->one, name))
			return k;
	return NULL;
}

const char *
kind_suggest(const char *name)
{
	const char *names[2 * 64];
	size_t n = 0;

	for (const struct kind *k = kinds; k->name != NULL && n + 2 <= WM_ARRAY_LEN(names); k++) {
		names[n++] = k->name;
		names[n++] = k->one;
	}
	return str_suggest(name, names, n);
}

const struct field *
kind_field(const struct kind *k, const char *name)
{
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		/* A view fixes its column; the field is not the view's to set. */
		if (k->fixed_col != NULL && f->col != NULL && strcmp(f->col, k->fixed_col) == 0)
			continue;
		if (name_eq(f->name, name))
			return f;
	}
	return NULL;
}

size_t
kind_nfields(const struct kind *k)
{
	size_t n = 0;

	while (k->fields[n].name != NULL)
		n++;
	return n;
}

size_t
kind_key_parts(const struct kind *k)
{
	size_t n = 0;

	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (!(f->flags & FF_KEY))
			continue;
		if (f->type == FT_REF)
			n += kind_key_parts(kind_find(f->target));
		else
			n++;
	}
	return n;
}

const struct field *
field_run_first(const struct kind *k, const struct field *f)
{
	while (f > k->fields && (f->flags & FF_ONE_OF) && ((f - 1)->flags & FF_ONE_OF))
		f--;
	return f;
}

bool
field_run_head(const struct kind *k, const struct field *f)
{
	return field_run_first(k, f) == f;
}

const struct field *
field_run_set(const struct field *first, const json_t *row, bool *several)
{
	const struct field *set = NULL;

	*several = false;
	if (!(first->flags & FF_ONE_OF)) {
		const json_t *v = json_object_get(row, first->name);

		return v != NULL && !json_is_null(v) ? first : NULL;
	}
	for (const struct field *f = first; f->name != NULL && (f->flags & FF_ONE_OF); f++) {
		const json_t *v = json_object_get(row, f->name);

		if (v == NULL || json_is_null(v))
			continue;
		if (set != NULL)
			*several = true;
		else
			set = f;
	}
	return set;
}

const struct kind *
kind_base(const struct kind *k)
{
	if (k->fixed_col == NULL)
		return k;
	for (const struct kind *b = kinds; b->name != NULL; b++)
		if (b->fixed_col == NULL && strcmp(b->table, k->table) == 0)
			return b;
	return k;
}

const char *
ftype_name(enum ftype t)
{
	switch (t) {
	case FT_TEXT: return "text";
	case FT_INT: return "integer";
	case FT_REAL: return "number";
	case FT_BOOL: return "yes/no";
	case FT_DATE: return "date";
	case FT_ENUM: return "choice";
	case FT_PERIOD: return "period";
	case FT_FYEAR: return "financial year";
	case FT_REF: return "reference";
	case FT_LINKS: return "references";
	case FT_TIMESCALE: return "timescale";
	}
	return "value";
}

static int
row_cmp(const void *a, const void *b)
{
	const struct kind_row *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

void
kind_rows_sort(struct kind_row *rows, size_t n)
{
	wm_sort(rows, n, sizeof(*rows), row_cmp);
}

struct kind_row *
kind_row_find(const struct kind_row *rows, size_t n, int64_t id)
{
	struct kind_row key = { id, NULL };

	return n == 0 ? NULL : bsearch(&key, rows, n, sizeof(*rows), row_cmp);
}

/* ---- limits ----------------------------------------------------------- */

void
field_range(const struct field *f, double *min, double *max)
{
	if (f->min < f->max) {
		*min = f->min;
		*max = f->max;
	} else {
		*min = -FIELD_NUMBER_MAX;
		*max = FIELD_NUMBER_MAX;
	}
}

size_t
field_max_len(const struct field *f)
{
	if (f->max_len > 0)
		return f->max_len;
	return (f->flags & FF_KEY) ? FIELD_KEY_MAX : FIELD_TEXT_MAX;
}

/* A number as people write it: 100, 0.5, 1e15 (not 1e+15). */
static void
plain_number(char *out, size_t len, double v)
{
	char *e;

	snprintf(out, len, "%.15g", v);
	if ((e = strstr(out, "e+")) != NULL)
		memmove(e + 1, e + 2, strlen(e + 2) + 1);
}

int
field_check_number(const struct kind *k, const struct field *f, double v, struct wm_err *err)
{
	char lo_s[32], hi_s[32], v_s[32];
	double lo, hi;

	field_range(f, &lo, &hi);
	if (isfinite(v) && v >= lo && v <= hi)
		return 0;
	plain_number(lo_s, sizeof(lo_s), lo);
	plain_number(hi_s, sizeof(hi_s), hi);
	plain_number(v_s, sizeof(v_s), v);
	if (hi >= FIELD_NUMBER_MAX && lo > -FIELD_NUMBER_MAX)
		return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_RANGE,
		    "%s %s: %s is not allowed: enter %s or more (up to %s)", k->one, f->name,
		    isfinite(v) ? v_s : "a number that is not finite", lo_s, hi_s);
	return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_RANGE,
	    "%s %s: %s is not allowed: enter a %s from %s to %s", k->one, f->name,
	    isfinite(v) ? v_s : "a number that is not finite",
	    f->type == FT_INT ? "whole number" : "number", lo_s, hi_s);
}

/* Characters in UTF-8 text (valid text: the caller has checked). */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A control character: C0, DEL, or C1 (U+0080-U+009F, 0xC2 0x80-0x9F in UTF-8). */
static bool
has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
			return true;
	return false;
}

int
field_check_text(const struct kind *k, const struct field *f, const char *s, struct wm_err *err)
{
	size_t len = strlen(s), max = field_max_len(f), n;

	if (!utf8_valid(s, len))
		return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_TEXT,
		    "%s %s: the text is not valid UTF-8: save the file as UTF-8 and try again",
		    k->one, f->name);
	if ((n = utf8_chars(s)) > max)
		return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_LENGTH,
		    "%s %s: %zu characters is too long: enter at most %zu", k->one, f->name, n, max);
	if (!(f->flags & FF_KEY))
		return 0;
	/* A key is typed, written in addresses and files, and joined with '/': plain words only. */
	if (str_is_blank(s))
		return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_KEY,
		    "%s %s: enter something other than spaces", k->one, f->name);
	if (has_control(s))
		return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_KEY,
		    "%s %s: a key may not contain line breaks, tabs or other control characters",
		    k->one, f->name);
	if (isspace((unsigned char)s[0]) || isspace((unsigned char)s[len - 1]))
		return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_KEY,
		    "%s %s: \"%s\" may not begin or end with a space", k->one, f->name, s);
	if (!(f->flags & FF_REST) && strchr(s, '/') != NULL)
		return wm_error_field(err, WM_EINVAL, f->name, FIELD_BAD_KEY,
		    "%s %s: \"%s\" may not contain '/', which separates the parts of a key",
		    k->one, f->name, s);
	return 0;
}

void
field_limits_text(const struct field *f, char *out, size_t len)
{
	char lo[32], hi[32];

	out[0] = '\0';
	if ((f->type == FT_INT || f->type == FT_REAL) && f->min < f->max) {
		plain_number(lo, sizeof(lo), f->min);
		plain_number(hi, sizeof(hi), f->max);
		if (f->max >= FIELD_NUMBER_MAX)
			snprintf(out, len, "%s or more", lo);
		else
			snprintf(out, len, "%s to %s", lo, hi);
	} else if (f->type == FT_TEXT && f->max_len > 0) {
		snprintf(out, len, "at most %u characters", f->max_len);
	}
}

/*
 * One value as text: for a person numbers are grouped, "1,764,000", and
 * reals shown to six significant figures; for a program (CSV) "1764000"
 * and every digit a double holds. Never 2.6195e+07 below 1e15.
 */
static char *
value_text(const json_t *v, bool person)
{
	struct buf b = BUF_INIT;
	char n[NUM_LEN];
	size_t i;
	json_t *e;

	if (v == NULL || json_is_null(v))
		return wm_strdup("");
	if (json_is_string(v))
		return wm_strdup(json_string_value(v));
	if (json_is_true(v))
		return wm_strdup("yes");
	if (json_is_false(v))
		return wm_strdup("no");
	if (json_is_number(v) && person) {
		num_format(json_number_value(v), json_is_integer(v) ? 0 : NUM_SHORTEST, true, n,
		    sizeof(n));
		buf_adds(&b, n);
	} else if (json_is_integer(v)) {
		buf_addf(&b, "%lld", (long long)json_integer_value(v));
	} else if (json_is_real(v)) {
		double d = json_real_value(v);

		if (fabs(d) < 1e15 && d == floor(d))
			num_format(d, 0, false, n, sizeof(n));
		else
			snprintf(n, sizeof(n), "%.15g", d);
		buf_adds(&b, n);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e) {
			char *t = value_text(e, person);

			buf_addf(&b, "%s%s", i ? "; " : "", t);
			free(t);
		}
	} else if (json_is_object(v) && json_object_get(v, "text") != NULL) {
		return value_text(json_object_get(v, "text"), person);
	} else {
		char *s = json_dumps(v, JSON_COMPACT);

		buf_adds(&b, s ? s : "");
		free(s);
	}
	return buf_detach(&b, NULL);
}

char *
kind_value_text(const json_t *v)
{
	return value_text(v, true);
}

char *
kind_value_plain(const json_t *v)
{
	return value_text(v, false);
}
