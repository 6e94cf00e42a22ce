/*
 * buf.c: the capped growable string.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/err.h"
#include "base/mem.h"

void
buf_init(struct buf *b, size_t max)
{
	b->s = NULL;
	b->len = b->cap = 0;
	b->max = max;
	b->failed = 0;
}

void
buf_release(struct buf *b)
{
	free(b->s);
	buf_init(b, b->max);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

static int
buf_reserve(struct buf *b, size_t more)
{
	size_t need, ncap;

	if (b->failed)
		return WM_ETOOBIG;
	if (more > b->max || b->len > b->max - more) {
		b->failed = 1;
		return WM_ETOOBIG;
	}
	need = b->len + more + 1;
	if (need <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap *= 2;
	b->s = wm_realloc(b->s, ncap);
	b->cap = ncap;
	return 0;
}

int
buf_add(struct buf *b, const void *data, size_t len)
{
	int rc;

	if ((rc = buf_reserve(b, len)) != 0)
		return rc;
	if (len > 0)
		memcpy(b->s + b->len, data, len);
	b->len += len;
	b->s[b->len] = '\0';
	return 0;
}

int
buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int
buf_addc(struct buf *b, int c)
{
	char ch = (char)c;

	return buf_add(b, &ch, 1);
}

int
buf_add_url_escaped(struct buf *b, const char *s, bool keep_slash)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((keep_slash && c == '/') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
			buf_addc(b, c);
		} else {
			char esc[3] = { '%', hex[c >> 4], hex[c & 15] };

			buf_add(b, esc, 3);
		}
	}
	return b->failed ? WM_ETOOBIG : 0;
}

int
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n, rc;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return WM_EINVAL;
	if ((rc = buf_reserve(b, (size_t)n)) != 0)
		return rc;
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

const char *
buf_str(const struct buf *b)
{
	return b->s != NULL ? b->s : "";
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char *s = b->s != NULL ? b->s : wm_strdup("");

	if (len != NULL)
		*len = b->len;
	buf_init(b, b->max);
	return s;
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->s[len] = '\0';
	}
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int
buf_add_base64(struct buf *b, const void *data, size_t len)
{
	const unsigned char *p = data;
	int rc = 0;

	for (size_t i = 0; i < len && rc == 0; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < len ? (unsigned)p[i + 1] << 8 : 0) |
		    (i + 2 < len ? p[i + 2] : 0);
		char q[4] = { b64[(v >> 18) & 63], b64[(v >> 12) & 63],
			i + 1 < len ? b64[(v >> 6) & 63] : '=', i + 2 < len ? b64[v & 63] : '=' };

		rc = buf_add(b, q, 4);
	}
	return rc;
}

int
buf_add_unbase64(struct buf *b, const char *text)
{
	unsigned v = 0, n = 0, pad = 0;

	for (const char *s = text; *s != '\0'; s++) {
		const char *at;

		if (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
			continue;
		if (*s == '=') {
			pad++;
			v <<= 6;
		} else if (pad > 0 || (at = strchr(b64, *s)) == NULL) {
			return WM_EINVAL;
		} else {
			v = v << 6 | (unsigned)(at - b64);
		}
		if (++n % 4 == 0) {
			unsigned char q[3] = { (unsigned char)(v >> 16), (unsigned char)(v >> 8),
				(unsigned char)v };

			if (pad > 2 || buf_add(b, q, 3 - pad) != 0)
				return WM_EINVAL;
			v = 0;
		}
	}
	return n % 4 == 0 ? 0 : WM_EINVAL;
}
