/*
 * buf.h: a growable byte string with a cap (git's strbuf, curl's dynbuf).
 *
 * The bytes are always NUL-terminated. A buffer refuses to grow past its
 * cap: the add fails with WM_ETOOBIG, the buffer is marked failed and later
 * adds do nothing, so a caller may add many pieces and check once at the end.
 */
#ifndef WM_BUF_H
#define WM_BUF_H

#include "base/wm.h"

#define BUF_MAX_DEFAULT ((size_t)256 * 1024 * 1024)

struct buf {
	char *s;	/* NULL until the first add; use buf_str() to read */
	size_t len;
	size_t cap;
	size_t max;	/* most bytes it may hold, not counting the NUL */
	int failed;	/* an add was refused; the contents are incomplete */
};

#define BUF_INIT { NULL, 0, 0, BUF_MAX_DEFAULT, 0 }

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);

int buf_add(struct buf *b, const void *data, size_t len);
int buf_adds(struct buf *b, const char *s);
int buf_addc(struct buf *b, int c);
int buf_addf(struct buf *b, const char *fmt, ...) WM_PRINTF(2, 3);
int buf_vaddf(struct buf *b, const char *fmt, va_list ap);

/*
 * Add s percent-encoded for a URL: every byte but RFC 3986's unreserved
 * characters (letters, digits, "-._~"), and '/' too unless keep_slash.
 */
int buf_add_url_escaped(struct buf *b, const char *s, bool keep_slash);
/* data as base64 (RFC 4648, with padding), as a data: URL or an XML file holds it. */
int buf_add_base64(struct buf *b, const void *data, size_t len);
/* Decode base64 text (white space ignored) onto b; WM_EINVAL if it is not base64. */
int buf_add_unbase64(struct buf *b, const char *text);
/* The contents as a C string: "" when empty, never NULL. */
const char *buf_str(const struct buf *b);

/* Hand the malloc'd string to the caller and leave the buffer empty. */
char *buf_detach(struct buf *b, size_t *len);

/* Drop n bytes from the end (or all of them, if there are fewer). */
void buf_truncate(struct buf *b, size_t len);

#endif
