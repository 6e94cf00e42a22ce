/*
 * package.c: zip packages of XML, in memory (see package.h).
 */
#include "base/wm.h"

#include <zip.h>

#include "base/buf.h"
#include "base/str.h"
#include "report/package.h"

struct pkg {
	zip_source_t *src;	/* the zip's bytes, kept after the archive closes */
	zip_t *zip;
};

struct pkg *
pkg_new(struct wm_err *err)
{
	struct pkg *p = calloc(1, sizeof(*p));
	zip_error_t ze;

	zip_error_init(&ze);
	if (p == NULL || (p->src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL) {
		free(p);
		zip_error_fini(&ze);
		wm_error(err, WM_EINTERNAL, "could not start a zip in memory");
		return NULL;
	}
	zip_source_keep(p->src);
	if ((p->zip = zip_open_from_source(p->src, ZIP_TRUNCATE, &ze)) == NULL) {
		wm_error(err, WM_EINTERNAL, "could not start a zip: %s", zip_error_strerror(&ze));
		zip_source_free(p->src);
		free(p);
		p = NULL;
	}
	zip_error_fini(&ze);
	return p;
}

int
pkg_add(struct pkg *p, const char *name, const void *data, size_t len, bool store,
    struct wm_err *err)
{
	void *copy = malloc(len > 0 ? len : 1);
	zip_source_t *s;
	zip_int64_t i;

	if (copy == NULL)
		return wm_error(err, WM_EINTERNAL, "out of memory");
	memcpy(copy, data, len);
	/* the source frees the copy when the archive is written */
	if ((s = zip_source_buffer(p->zip, copy, len, 1)) == NULL) {
		free(copy);
		return wm_error(err, WM_EINTERNAL, "could not add %s to the zip", name);
	}
	if ((i = zip_file_add(p->zip, name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		return wm_error(err, WM_EINTERNAL, "could not add %s to the zip: %s", name,
		    zip_strerror(p->zip));
	}
	if (store)
		zip_set_file_compression(p->zip, (zip_uint64_t)i, ZIP_CM_STORE, 0);
	return 0;
}

int
pkg_finish(struct pkg *p, struct buf *out, struct wm_err *err)
{
	zip_stat_t st;
	char chunk[65536];
	zip_int64_t n;
	int rc = 0;

	if (zip_close(p->zip) != 0) {
		rc = wm_error(err, WM_EINTERNAL, "could not write the zip: %s", zip_strerror(p->zip));
		zip_discard(p->zip);
		goto out;
	}
	p->zip = NULL;
	if (zip_source_stat(p->src, &st) != 0 || zip_source_open(p->src) != 0) {
		rc = wm_error(err, WM_EINTERNAL, "could not read the zip back");
		goto out;
	}
	while ((n = zip_source_read(p->src, chunk, sizeof(chunk))) > 0)
		buf_add(out, chunk, (size_t)n);
	zip_source_close(p->src);
	if (n < 0)
		rc = wm_error(err, WM_EINTERNAL, "could not read the zip back");
	else if (out->failed)
		rc = wm_error(err, WM_ETOOBIG, "the paper is too large");
out:
	zip_source_free(p->src);
	free(p);
	return rc;
}

void
pkg_free(struct pkg *p)
{
	if (p == NULL)
		return;
	if (p->zip != NULL)
		zip_discard(p->zip);
	zip_source_free(p->src);
	free(p);
}

void
xw_new(struct xw *x)
{
	x->buf = xmlBufferCreate();
	x->w = xmlNewTextWriterMemory(x->buf, 0);
	xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes");
}

int
xw_add(struct xw *x, struct pkg *p, const char *name, struct wm_err *err)
{
	int rc;

	xmlTextWriterEndDocument(x->w);
	xmlFreeTextWriter(x->w);
	rc = pkg_add(p, name, xmlBufferContent(x->buf), (size_t)xmlBufferLength(x->buf), false,
	    err);
	xmlBufferFree(x->buf);
	x->w = NULL;
	x->buf = NULL;
	return rc;
}

void
xw_start(struct xw *x, const char *name)
{
	xmlTextWriterStartElement(x->w, (const xmlChar *)name);
}

void
xw_end(struct xw *x)
{
	xmlTextWriterEndElement(x->w);
}

void
xw_attr(struct xw *x, const char *name, const char *value)
{
	struct buf c = BUF_INIT;

	utf8_clean(value, &c);
	xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name, (const xmlChar *)buf_str(&c));
	buf_release(&c);
}

void
xw_attrf(struct xw *x, const char *name, const char *fmt, ...)
{
	char v[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v, sizeof(v), fmt, ap);
	va_end(ap);
	xw_attr(x, name, v);
}

void
xw_text(struct xw *x, const char *text)
{
	struct buf c = BUF_INIT;

	utf8_clean(text, &c);
	xmlTextWriterWriteString(x->w, (const xmlChar *)buf_str(&c));
	buf_release(&c);
}

void
xw_empty(struct xw *x, const char *name, ...)
{
	va_list ap;
	const char *a;

	xw_start(x, name);
	va_start(ap, name);
	while ((a = va_arg(ap, const char *)) != NULL)
		xw_attr(x, a, va_arg(ap, const char *));
	va_end(ap);
	xw_end(x);
}

void
xw_lines(struct xw *x, const char *text, void (*line)(struct xw *x, const char *text),
    const char *br)
{
	for (const char *s = text ? text : ""; ; ) {
		size_t n = strcspn(s, "\n");
		char *piece = strndup(s, n);

		line(x, piece ? piece : "");
		free(piece);
		if (s[n] == '\0')
			break;
		xw_empty(x, br, NULL);
		s += n + 1;
	}
}
