/*
 * text.c: turning document bytes into clean text (see text.h).
 *
 * One pass over the bytes: decode UTF-8 (falling back to Windows-1252 for
 * a byte that is not valid UTF-8), drop HTML tags and decode entities,
 * lift footnote marks out, and collapse white space.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/buf.h"
#include "import/text.h"

/* Windows-1252's printable characters at 0x80-0x9F. */
static const uint16_t cp1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178
};

static void
put_utf8(struct buf *b, uint32_t cp)
{
	char s[4];

	if (cp < 0x80) {
		buf_addc(b, (int)cp);
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, s, 2);
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, s, 4);
	}
}

/* Decode one character at p (of n bytes left); *used gets its length. */
static uint32_t
decode(const unsigned char *p, size_t n, size_t *used)
{
	uint32_t cp;
	size_t len;

	if (p[0] < 0x80) {
		*used = 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) {
		len = 2;
		cp = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		len = 3;
		cp = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		len = 4;
		cp = p[0] & 0x07;
	} else {
		len = 0;
	}
	if (len > 0 && len <= n) {
		size_t k;

		for (k = 1; k < len && (p[k] & 0xC0) == 0x80; k++)
			cp = (cp << 6) | (p[k] & 0x3F);
		if (k == len && !((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
			*used = len;
			return cp;
		}
	}
	/* Not UTF-8: read the byte as Windows-1252, which is what Word wrote. */
	*used = 1;
	return p[0] >= 0x80 && p[0] < 0xA0 ? cp1252[p[0] - 0x80] : p[0];
}

static int
superscript_digit(uint32_t cp)
{
	switch (cp) {
	case 0x00B9: return 1;
	case 0x00B2: return 2;
	case 0x00B3: return 3;
	case 0x2070: return 0;
	default:
		if (cp >= 0x2074 && cp <= 0x2079)
			return (int)(cp - 0x2070);
		return -1;
	}
}

/* "$^{2}$", "$^{^{2}}$", "$^2$": a TeX-style footnote mark in n bytes; its length or 0. */
static size_t
tex_mark(const char *s, size_t n, int *num)
{
	size_t i = 0;
	int v = 0, digits = 0;

	if (i >= n || s[i++] != '$')
		return 0;
	while (i < n && (s[i] == '^' || s[i] == '{'))
		i++;
	while (i < n && isdigit((unsigned char)s[i]) && digits < 3) {
		v = v * 10 + (s[i++] - '0');
		digits++;
	}
	if (digits == 0)
		return 0;
	while (i < n && s[i] == '}')
		i++;
	if (i >= n || s[i] != '$')
		return 0;
	*num = v;
	return i + 1;
}

int
txt_footnote_mark(const char *s, size_t *mark_len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used;
	int v = 0, d, num;

	while (*p == ' ')
		p++;
	if ((used = tex_mark((const char *)p, strlen((const char *)p), &num)) != 0) {
		*mark_len = (size_t)((const char *)p - s) + used;
		return num;
	}
	{
		const unsigned char *q = p;
		int found = 0;

		while (*q != '\0' && found < 6 &&
		    (d = superscript_digit(decode(q, strlen((const char *)q), &used))) >= 0) {
			v = v * 10 + d;
			q += used;
			found++;
		}
		if (found > 0) {
			*mark_len = (size_t)((const char *)q - s);
			return v;
		}
	}
	return 0;
}

static void
add_mark(struct txt_marks *m, int v)
{
	if (m != NULL && m->n < TXT_MAX_MARKS)
		m->mark[m->n++] = v;
}

/* An HTML entity in the n bytes at s ("&amp;", "&#8217;"); *cp gets it. Its length or 0. */
static size_t
entity(const char *s, size_t n, uint32_t *cp)
{
	static const struct { const char *name; uint32_t cp; } names[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
		{ "nbsp", ' ' }, { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "lsquo", 0x2018 },
		{ "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "bull", 0x2022 },
		{ "pound", 0xA3 }, { "hellip", 0x2026 },
	};
	const char *end = memchr(s, ';', n < 12 ? n : 12);
	char num[12];
	size_t len;

	if (end == NULL || end - s < 2)
		return 0;
	len = (size_t)(end - s - 1);
	if (s[1] == '#') {
		char *e;
		unsigned long v;

		/* copy out: strtoul must not read past the entity */
		memcpy(num, s + 2, len - 1);
		num[len - 1] = '\0';
		if (num[0] == 'x' || num[0] == 'X')
			v = strtoul(num + 1, &e, 16);
		else
			v = strtoul(num, &e, 10);
		if (*e != '\0' || e == num || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = (uint32_t)v;
		return (size_t)(end - s) + 1;
	}
	for (size_t i = 0; i < WM_ARRAY_LEN(names); i++)
		if (strlen(names[i].name) == len && strncmp(s + 1, names[i].name, len) == 0) {
			*cp = names[i].cp;
			return len + 2;
		}
	return 0;
}

/*
 * An HTML tag at s: its length, whether it is a list item or a superscript,
 * and whether it is inline (<i>, <b>, <sup>...: no space where it was).
 */
static size_t
tag(const char *s, size_t n, bool *li, bool *sup_open, bool *sup_close, bool *inl)
{
	static const char *const inline_tags[] = { "i", "b", "em", "strong", "sup", "sub", "span",
		"u", "a", "font", "small" };
	size_t i = 1, name;

	*li = *sup_open = *sup_close = *inl = false;
	if (n < 3 || !(isalpha((unsigned char)s[1]) || s[1] == '/'))
		return 0;
	while (i < n && i < 200 && s[i] != '>' && s[i] != '<')
		i++;
	if (i >= n || s[i] != '>')
		return 0;
	/*
	 * The tag is s[0..i], '>' at i, and s need not end in a NUL: compare
	 * nothing past the '>' (strncasecmp may read all the bytes it is given).
	 */
	name = s[1] == '/' ? 2 : 1;
	for (size_t k = 0; k < WM_ARRAY_LEN(inline_tags); k++) {
		size_t len = strlen(inline_tags[k]);

		if (name + len <= i && strncasecmp(s + name, inline_tags[k], len) == 0 &&
		    (s[name + len] == '>' || s[name + len] == ' '))
			*inl = true;
	}
	if (i >= 3 && strncasecmp(s, "<li", 3) == 0 && (s[3] == '>' || s[3] == ' '))
		*li = true;
	if (i == 4 && strncasecmp(s, "<sup>", 5) == 0)
		*sup_open = true;
	if (i == 5 && strncasecmp(s, "</sup>", 6) == 0)
		*sup_close = true;
	return i + 1;
}

char *
txt_clean(struct arena *a, const char *in, size_t len, struct txt_marks *marks)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)in;
	size_t i = 0;
	bool space = true, in_sup = false;
	int sup_num = 0, sup_digits = 0;
	char *out;

	if (marks != NULL)
		marks->n = 0;
	while (i < len) {
		uint32_t cp;
		size_t used;

		if (p[i] == '\0') {
			i++;
			continue;
		}
		if (p[i] == '<') {
			bool li, so, sc, inl;
			size_t t = tag(in + i, len - i, &li, &so, &sc, &inl);

			if (t > 0) {
				if (so) {
					in_sup = true;
					sup_num = sup_digits = 0;
				} else if (sc) {
					/* "31<sup>st</sup>" is an ordinal, "<sup>2</sup>" a mark */
					if (sup_digits > 0)
						add_mark(marks, sup_num);
					in_sup = false;
				}
				if (li && !space && b.len > 0) {
					buf_adds(&b, "; ");
					space = true;
				} else if (!space && !inl) {
					buf_addc(&b, ' ');
					space = true;
				}
				i += t;
				continue;
			}
		}
		if (p[i] == '$') {
			int num;
			size_t t = tex_mark(in + i, len - i, &num);

			if (t > 0) {
				add_mark(marks, num);
				i += t;
				continue;
			}
		}
		if (p[i] == '&') {
			size_t t = entity(in + i, len - i, &cp);

			if (t > 0) {
				i += t;
				goto put;
			}
		}
		cp = decode(p + i, len - i, &used);
		i += used;
		if (superscript_digit(cp) >= 0) {
			add_mark(marks, superscript_digit(cp));
			continue;
		}
		if (in_sup && cp >= '0' && cp <= '9') {
			/* no footnote runs to ten digits: stop before int overflows */
			if (sup_digits < 9)
				sup_num = sup_num * 10 + (int)(cp - '0');
			sup_digits++;
			continue;
		}
put:
		if (cp == 0xA0 || cp == 0x2007 || cp == 0x202F)
			cp = ' ';
		if (cp < 0x20 || cp == 0x7F || cp == ' ' || (cp >= 0x2000 && cp <= 0x200B) ||
		    cp == 0xFEFF) {
			if (!space) {
				buf_addc(&b, ' ');
				space = true;
			}
			continue;
		}
		put_utf8(&b, cp);
		space = false;
	}
	while (b.len > 0 && buf_str(&b)[b.len - 1] == ' ')
		buf_truncate(&b, b.len - 1);
	out = arena_strdup(a, buf_str(&b));
	buf_release(&b);
	return out;
}

int
txt_count_bullets(const char *s)
{
	int n = 0;

	for (const char *p = s; (p = strstr(p, "\xE2\x80\xA2")) != NULL; p += 3)
		n++;
	return n;
}

bool
txt_bullet(const char *s, const char **rest)
{
	while (*s == ' ')
		s++;
	if (strncmp(s, "\xE2\x80\xA2", 3) == 0 || strncmp(s, "\xC2\xB7", 2) == 0 ||
	    strncmp(s, "\xE2\x97\x8F", 3) == 0) {
		s += s[0] == '\xC2' ? 2 : 3;
	} else if ((*s == '-' || *s == '*') && s[1] == ' ') {
		s++;
	} else {
		return false;
	}
	while (*s == ' ')
		s++;
	if (*s == '\0')
		return false;
	*rest = s;
	return true;
}
