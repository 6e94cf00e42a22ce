/*
 * md.c: Markdown through cmark-gfm (see md.h).
 */
#include "base/wm.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "report/md.h"

static void
attach(cmark_parser *p, const char *name)
{
	cmark_syntax_extension *ext = cmark_find_syntax_extension(name);

	if (ext != NULL)
		cmark_parser_attach_syntax_extension(p, ext);
}

void
md_init(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

void
md_html(struct html *h, const char *text)
{
	/* CMARK_OPT_UNSAFE is not given: raw HTML and dangerous links are left out. */
	const int opts = CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS;
	cmark_parser *p;
	cmark_node *doc;
	char *out;

	html_open(h, "div", "class", "wm-md govuk-body", NULL);
	if (text != NULL && *text != '\0') {
		md_init();
		p = cmark_parser_new(opts);
		attach(p, "table");
		attach(p, "strikethrough");
		attach(p, "autolink");
		attach(p, "tagfilter");
		cmark_parser_feed(p, text, strlen(text));
		doc = cmark_parser_finish(p);
		out = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(p));
		html_trusted(h, out);
		free(out);
		cmark_node_free(doc);
		cmark_parser_free(p);
	}
	html_close(h, "div");
}
