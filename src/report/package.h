/*
 * package.h: the zip of XML files a Word or OpenDocument paper is, made
 * in memory (libzip), and the XML in it written with libxml2's writer.
 * Private to src/report/ (rdoc_docx.c, rdoc_odt.c).
 *
 * Everything a writer hands the XML writer goes through xw_text(), which
 * drops what XML cannot hold (control characters, broken UTF-8), so any
 * report makes a file Word and LibreOffice open.
 */
#ifndef WM_PACKAGE_H
#define WM_PACKAGE_H

#include "base/wm.h"

#include <libxml/xmlwriter.h>

#include "base/err.h"

struct buf;
struct pkg;

struct pkg *pkg_new(struct wm_err *err);
/* Add a file (data copied); stored uncompressed when store (OpenDocument's mimetype). */
int pkg_add(struct pkg *p, const char *name, const void *data, size_t len, bool store,
    struct wm_err *err);
/* Finish the zip into out and free p (also on failure). */
int pkg_finish(struct pkg *p, struct buf *out, struct wm_err *err);
void pkg_free(struct pkg *p);

/* An XML document being written into memory: xw_new(), then the calls below, then xw_add(). */
struct xw {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
};

void xw_new(struct xw *x);
/* End it and add it to the package under name. */
int xw_add(struct xw *x, struct pkg *p, const char *name, struct wm_err *err);

void xw_start(struct xw *x, const char *name);
void xw_end(struct xw *x);
void xw_attr(struct xw *x, const char *name, const char *value);
void xw_attrf(struct xw *x, const char *name, const char *fmt, ...) WM_PRINTF(3, 4);
/* Text, escaped, with what XML cannot hold left out. */
void xw_text(struct xw *x, const char *text);
/*
 * Text of several lines: each line through line(), an empty element br
 * between them (a line break within a Word run, an OpenDocument paragraph).
 */
void xw_lines(struct xw *x, const char *text, void (*line)(struct xw *x, const char *text),
    const char *br);
/* <name attr="value"/> in one call: pairs of attribute names and values, ending with NULL. */
void xw_empty(struct xw *x, const char *name, ...);

#endif
