/*
 * kind.c: finding kinds and fields by name.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/mem.h"
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
