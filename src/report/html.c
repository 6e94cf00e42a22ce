/*
 * html.c: escaping and element writing.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "report/html.h"

void
html_init(struct html *h, struct buf *out)
{
	h->out = out;
}

void
html_escape(struct buf *out, const char *text)
{
	const char *p, *run;

	if (text == NULL)
		return;
	for (run = p = text; *p != '\0'; p++) {
		const char *rep;

		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(out, run, (size_t)(p - run));
		buf_adds(out, rep);
		run = p + 1;
	}
	buf_add(out, run, (size_t)(p - run));
}

static void
attrs(struct html *h, va_list ap)
{
	const char *name, *value;

	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		if (value == NULL)
			continue;
		buf_addf(h->out, " %s", name);
		if (*value != '\0') {
			buf_adds(h->out, "=\"");
			html_escape(h->out, value);
			buf_addc(h->out, '"');
		}
	}
}

void
html_open(struct html *h, const char *tag, ...)
{
	va_list ap;

	buf_addf(h->out, "<%s", tag);
	va_start(ap, tag);
	attrs(h, ap);
	va_end(ap);
	buf_addc(h->out, '>');
}

void
html_close(struct html *h, const char *tag)
{
	buf_addf(h->out, "</%s>", tag);
}

/* <tag attrs...> or <tag attrs.../>: an element with no content. */
static void
empty_elem(struct html *h, const char *tag, va_list ap, const char *end)
{
	buf_addf(h->out, "<%s", tag);
	attrs(h, ap);
	buf_adds(h->out, end);
}

void
html_void(struct html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	empty_elem(h, tag, ap, ">");
	va_end(ap);
}

void
html_selfclose(struct html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	empty_elem(h, tag, ap, "/>");
	va_end(ap);
}

void
html_elem(struct html *h, const char *tag, const char *text, ...)
{
	va_list ap;

	buf_addf(h->out, "<%s", tag);
	va_start(ap, text);
	attrs(h, ap);
	va_end(ap);
	buf_addc(h->out, '>');
	html_escape(h->out, text);
	buf_addf(h->out, "</%s>", tag);
}

void
html_text(struct html *h, const char *text)
{
	html_escape(h->out, text);
}

void
html_textf(struct html *h, const char *fmt, ...)
{
	struct buf tmp = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&tmp, fmt, ap);
	va_end(ap);
	html_escape(h->out, buf_str(&tmp));
	buf_release(&tmp);
}

void
html_trusted(struct html *h, const char *markup)
{
	buf_adds(h->out, markup);
}
