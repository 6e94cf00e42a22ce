/*
 * html.h: the one way text reaches markup (after cgit's html_txt/html_attr).
 *
 * Every page, report and chart writes through a struct html: element and
 * attribute names come from the code, everything else is escaped as it is
 * written. The only way to put markup in unescaped is html_trusted(),
 * reserved for markup another of our own writers produced (an SVG chart,
 * cmark-gfm's output with raw HTML disabled).
 */
#ifndef WM_HTML_H
#define WM_HTML_H

#include "base/wm.h"

struct buf;

struct html {
	struct buf *out;
};

void html_init(struct html *h, struct buf *out);

/* Escape text for element content or a quoted attribute value. */
void html_escape(struct buf *out, const char *text);

/*
 * <tag name="value" ...>: attributes as name, value pairs ending with NULL.
 * A NULL value leaves that attribute out; an empty one writes it bare
 * (<input required>).
 */
void html_open(struct html *h, const char *tag, ...);
void html_close(struct html *h, const char *tag);
/* An element with no content: <meta ...>, <br>, <input ...>. */
void html_void(struct html *h, const char *tag, ...);
/*
 * An element with no content written the XML way, <rect ... />, for SVG:
 * a chart must also stand alone as an .svg file, which is XML, and the
 * same markup is valid inside an HTML page.
 */
void html_selfclose(struct html *h, const char *tag, ...);
/* <tag attrs...>text</tag> */
void html_elem(struct html *h, const char *tag, const char *text, ...);

void html_text(struct html *h, const char *text);
void html_textf(struct html *h, const char *fmt, ...) WM_PRINTF(2, 3);
void html_trusted(struct html *h, const char *markup);

#endif
