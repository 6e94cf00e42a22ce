/*
 * jsonw.c: JSON text from a jansson tree (see jsonw.h).
 *
 * Each rule below is one of jansson 2.14's dump.c, which the unit test
 * holds it to on random trees: two spaces a level, ", " never (a newline
 * and the indent after each comma), ": " after a key, nothing between the
 * brackets of an empty container, reals as "%.15g" (or more digits where
 * 15 do not read back as the same double: jsonw_real_text) with ".0" added
 * to what would read back as an integer and the exponent's "+" and leading zeros
 * dropped, and in strings only '"', '\\' and the control characters
 * escaped, with \uXXXX in capitals for those without a short form.
 */
#include "base/wm.h"

#include <math.h>

#include "base/jsonw.h"
#include "base/err.h"
#include "base/str.h"

/*
 * Pieces gather in a block on the stack and go to the buffer a block at a
 * time: most pieces are a few bytes, and buf_add's checks cost more than
 * the copy.
 */
struct jw {
	struct buf *out;
	FILE *f;	/* instead of out: written as it goes, for an export of any size */
	bool failed;
	size_t n;
	char block[4096];
};

static void
emit(struct jw *w, const char *p, size_t len)
{
	if (w->f != NULL)
		w->failed = w->failed || fwrite(p, 1, len, w->f) != len;
	else
		buf_add(w->out, p, len);
}

static void
flush(struct jw *w)
{
	emit(w, w->block, w->n);
	w->n = 0;
}

static inline void
put(struct jw *w, const char *p, size_t len)
{
	if (w->n + len > sizeof(w->block)) {
		flush(w);
		if (len > sizeof(w->block)) {
			emit(w, p, len);
			return;
		}
	}
	memcpy(w->block + w->n, p, len);
	w->n += len;
}

static inline void
putc1(struct jw *w, char c)
{
	if (w->n == sizeof(w->block))
		flush(w);
	w->block[w->n++] = c;
}

static const char spaces[] = "                                                                ";

static void
indent(struct jw *w, int depth)
{
	size_t n = (size_t)depth * 2;

	putc1(w, '\n');
	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		put(w, spaces, k);
		n -= k;
	}
}

/* 1: a byte that is escaped; 2: one of a multi-byte UTF-8 sequence, checked. */
static const unsigned char byte_class[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

static int
string(struct jw *w, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0, i = 0;
	bool multibyte = false;

	putc1(w, '"');
	for (;;) {
		unsigned char c;
		char esc[6];
		size_t n = 2;

		while (i < len && byte_class[u[i]] == 0)
			i++;
		if (i == len)
			break;
		c = u[i++];
		if (byte_class[c] == 2) {
			multibyte = true;
			continue;
		}
		put(w, s + run, i - 1 - run);
		run = i;
		esc[0] = '\\';
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
			break;
		}
		put(w, esc, n);
	}
	/* Most strings are ASCII: check the UTF-8 only of those that are not. */
	if (multibyte && !utf8_valid(s, len))
		return WM_EINVAL;
	put(w, s + run, len - run);
	putc1(w, '"');
	return 0;
}

static void
integer(struct jw *w, json_int_t v)
{
	char tmp[24];
	size_t i = sizeof(tmp);
	/* In unsigned arithmetic, so that the most negative value has a magnitude. */
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		tmp[--i] = '-';
	put(w, tmp + i, sizeof(tmp) - i);
}

/*
 * The fewest of 15, 16 or 17 significant digits that read back as v
 * (17 always do): 0.1 stays "0.1" and 0.1 + 0.2 is "0.30000000000000004",
 * so an export read back holds the same doubles. Where 15 read back, that
 * is the shortest text there is, and what jansson writes at precision 15.
 */
int
jsonw_real_text(double v, char *tmp, size_t size)
{
	int n = 0;

	for (int prec = 15; prec <= 17; prec++) {
		n = snprintf(tmp, size, "%.*g", prec, v);
		if (n < 0 || (size_t)n >= size)
			return -1;
		if (strtod(tmp, NULL) == v)
			break;
	}
	return n;
}

static int
real(struct jw *w, double v)
{
	char tmp[48];
	int n = jsonw_real_text(v, tmp, sizeof(tmp) - 3);
	char *e;

	if (n < 0 || !isfinite(v))
		return WM_EINVAL;
	if (strchr(tmp, '.') == NULL && strchr(tmp, 'e') == NULL) {
		memcpy(tmp + n, ".0", 3);
		n += 2;
	}
	if ((e = strchr(tmp, 'e')) != NULL) {
		char *from = e + 1, *to = e + 1;

		if (*from == '-')
			from++, to++;
		else if (*from == '+')
			from++;
		while (*from == '0' && from[1] != '\0')
			from++;
		memmove(to, from, strlen(from) + 1);
		n = (int)strlen(tmp);
	}
	put(w, tmp, (size_t)n);
	return 0;
}

static int
value(struct jw *w, const json_t *j, int depth)
{
	int rc;

	if (depth > JSONW_MAX_DEPTH)
		return WM_EINVAL;
	switch (json_typeof(j)) {
	case JSON_NULL: put(w, "null", 4); return 0;
	case JSON_TRUE: put(w, "true", 4); return 0;
	case JSON_FALSE: put(w, "false", 5); return 0;
	case JSON_INTEGER: integer(w, json_integer_value(j)); return 0;
	case JSON_REAL: return real(w, json_real_value(j));
	case JSON_STRING: return string(w, json_string_value(j), json_string_length(j));
	case JSON_ARRAY: {
		size_t n = json_array_size(j);

		putc1(w, '[');
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				putc1(w, ',');
			indent(w, depth + 1);
			if ((rc = value(w, json_array_get(j, i), depth + 1)) != 0)
				return rc;
		}
		if (n > 0)
			indent(w, depth);
		putc1(w, ']');
		return 0;
	}
	case JSON_OBJECT: {
		void *it = json_object_iter((json_t *)j);

		putc1(w, '{');
		for (bool first = true; it != NULL; it = json_object_iter_next((json_t *)j, it)) {
			if (!first)
				putc1(w, ',');
			first = false;
			indent(w, depth + 1);
			if ((rc = string(w, json_object_iter_key(it),
			    json_object_iter_key_len(it))) != 0)
				return rc;
			put(w, ": ", 2);
			if ((rc = value(w, json_object_iter_value(it), depth + 1)) != 0)
				return rc;
		}
		if (json_object_size(j) > 0)
			indent(w, depth);
		putc1(w, '}');
		return 0;
	}
	}
	return WM_EINVAL;
}

int
jsonw_dump(struct buf *out, const json_t *j)
{
	struct jw w;
	int rc;

	if (j == NULL || (!json_is_object(j) && !json_is_array(j)))
		return WM_EINVAL;
	w.out = out;
	w.f = NULL;
	w.failed = false;
	w.n = 0;
	rc = value(&w, j, 0);
	flush(&w);
	if (rc != 0)
		return rc;
	return out->failed ? WM_ETOOBIG : 0;
}

int
jsonw_dumpf(FILE *f, const json_t *j)
{
	struct jw w;
	int rc;

	if (j == NULL || (!json_is_object(j) && !json_is_array(j)))
		return WM_EINVAL;
	w.out = NULL;
	w.f = f;
	w.failed = false;
	w.n = 0;
	rc = value(&w, j, 0);
	flush(&w);
	if (rc != 0)
		return rc;
	return w.failed ? WM_EIO : 0;
}
