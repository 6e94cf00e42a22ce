/*
 * str.c: string helpers.
 */
#include "base/wm.h"

#include <ctype.h>
#include <math.h>

#include "base/err.h"
#include "base/mem.h"
#include "base/buf.h"
#include "base/str.h"

size_t
wm_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

bool
str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool
str_has_prefix_nocase(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

bool
str_is_blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

char *
str_trim(char *s)
{
	char *start = s, *end;

	while (isspace((unsigned char)*start))
		start++;
	end = start + strlen(start);
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	if (start != s)
		memmove(s, start, (size_t)(end - start) + 1);
	return s;
}

int
str_to_int64(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s == NULL)
		return WM_EINVAL;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return WM_EINVAL;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s)
		return WM_EINVAL;
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0')
		return WM_EINVAL;
	*out = (int64_t)v;
	return 0;
}

/*
 * A plain decimal ("-12.5", "141") of at most 15 digits: the digits make an
 * integer below 2^53 and ten to the number of decimals is at most 10^15,
 * both exact as doubles, so one division rounds once and gives the very
 * double strtod would (Clinger's fast path). Figures files are millions of
 * such numbers; anything else goes to strtod.
 */
static bool
plain_decimal(const char *s, double *out)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
		1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char *p = s;
	uint64_t m = 0;
	int digits = 0, decimals = 0;
	bool neg = false, point = false;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > 15)
				return false;
			m = m * 10 + (uint64_t)(*p - '0');
			decimals += point;
		} else if (*p == '.' && !point) {
			point = true;
		} else {
			break;
		}
	}
	if (digits == 0 || *p != '\0')
		return false;
	*out = (double)m / pow10[decimals];
	if (neg)
		*out = -*out;
	return true;
}

int
str_to_double(const char *s, double *out)
{
	char *end;
	double v;

	if (s == NULL)
		return WM_EINVAL;
	if (plain_decimal(s, out))
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	/* strtod accepts hex, inf and nan; a figure in a report is none of those. */
	if (*s == '\0' || strpbrk(s, "xXnNiI") != NULL)
		return WM_EINVAL;
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || !isfinite(v))
		return WM_EINVAL;
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0')
		return WM_EINVAL;
	*out = v;
	return 0;
}

/*
 * Optimal string alignment distance: Levenshtein, plus a swap of two
 * neighbouring letters counting as one slip ("nmae" for "name").
 */
size_t
str_edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best = 0, d;
	size_t *prev2, *prev, *row, *tmp;

	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	prev2 = wm_calloc(lb + 1, sizeof(*prev2));
	prev = wm_calloc(lb + 1, sizeof(*prev));
	row = wm_calloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		int ca = tolower((unsigned char)a[i - 1]);

		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			int cb = tolower((unsigned char)b[j - 1]);

			d = prev[j - 1] + (ca == cb ? 0 : 1);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			row[j] = d;
			if (d < best)
				best = d;
		}
		tmp = prev2;
		prev2 = prev;
		prev = row;
		row = tmp;
		if (best > limit)
			break;
	}
	d = best > limit ? limit + 1 : prev[lb];
	free(prev2);
	free(prev);
	free(row);
	return d > limit ? limit + 1 : d;
}

const char *
str_suggest(const char *word, const char *const *candidates, size_t n)
{
	size_t len = strlen(word), limit, i, best = SIZE_MAX, d;
	const char *pick = NULL;

	/* A third of the word may be wrong, but always allow one slip. */
	limit = len / 3 > 1 ? len / 3 : 1;
	for (i = 0; i < n; i++) {
		if (candidates[i] == NULL)
			continue;
		d = str_edit_distance(word, candidates[i], limit);
		if (d <= limit && d < best) {
			best = d;
			pick = candidates[i];
		}
	}
	return pick;
}

bool
utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (len - i <= n)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		    (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

size_t
utf8_width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* The length of the valid UTF-8 sequence at s, or 0. */
static size_t
utf8_seq(const unsigned char *s)
{
	size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 && s[0] >= 0xC2 ? 2 :
	    (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 && s[0] <= 0xF4 ? 4 : 0;

	for (size_t k = 1; k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	/* no surrogates, no overlong three-byte forms */
	if (n == 3 && ((s[0] == 0xED && s[1] >= 0xA0) || (s[0] == 0xE0 && s[1] < 0xA0)))
		return 0;
	if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
		return 0;
	return n;
}

void
utf8_clean(const char *text, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");

	while (*s != '\0') {
		size_t n = utf8_seq(s);

		if (n == 0) {
			buf_adds(out, "\xEF\xBF\xBD");	/* U+FFFD */
			s++;
			continue;
		}
		/* XML 1.0 holds no control characters but tab, line feed and return */
		if (n > 1 || *s >= 0x20 || *s == '\t' || *s == '\n' || *s == '\r')
			buf_add(out, s, n);
		s += n;
	}
}
