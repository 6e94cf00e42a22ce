/*
 * dm_odf.h: what the ODT and ODS readers share (private to them): the
 * OpenDocument styles a reader needs (bold, font size, outline level,
 * list styles) and the text of a paragraph.
 *
 * Styles come from two places: styles.xml's common styles, and the
 * automatic styles at the top of content.xml, read as the content is
 * streamed. Lookups go by family and name along style:parent-style-name.
 */
#ifndef WM_DM_ODF_H
#define WM_DM_ODF_H

#include "base/wm.h"

#include <libxml/tree.h>

#include "base/buf.h"
#include "import/dm_build.h"
#include "import/dm_zip.h"

#define ODF_LEVELS 10

struct odf_style {
	const char *family;	/* "paragraph", "text", "table-cell"... */
	const char *name;
	const char *display;	/* style:display-name, or NULL */
	const char *parent;
	int bold;		/* -1 not said */
	float size;		/* points; 0 not said */
	int outline;		/* style:default-outline-level; 0 none */
	bool hidden;		/* a table style saying table:display="false" (a hidden sheet) */
};

struct odf_level {
	bool set;
	bool bullet;
	enum dmb_numfmt fmt;
	const char *prefix, *suffix, *bullet_char;
	int display;		/* text:display-levels */
	long start;
};

struct odf_list {
	const char *name;
	struct odf_level lvl[ODF_LEVELS];
};

struct odf_styles {
	struct arena *a;
	struct odf_style *s;
	size_t n, cap;
	struct odf_list *l;
	size_t nl, lcap;
	bool sorted;
	float cell_size;	/* the default cell style's font size (ODS), 0 if not said */
	int cell_bold;
};

void odf_styles_init(struct odf_styles *st, struct arena *a);
/*
 * Read an OpenDocument file: the zip, its common styles (into st), its
 * title, then content.xml streamed through fn; what ("the .odt") and
 * holds ("text", "sheets") say which in errors.
 */
int odf_read(struct dm_doc *d, const char *data, size_t len, const char *what, const char *holds,
    struct odf_styles *st, dmz_fn *fn, void *ctx, struct wm_err *err);
/* Read the styles and list styles under n (office:styles, office:automatic-styles). */
int odf_styles_add(struct odf_styles *st, const xmlNode *n, struct wm_err *err);

const struct odf_style *odf_style(struct odf_styles *st, const char *family, const char *name);
/* Along the parents: bold (-1 not said), size (0 not said), outline level, a style named Title. */
int odf_bold(struct odf_styles *st, const char *family, const char *name);
float odf_size(struct odf_styles *st, const char *family, const char *name);
int odf_heading(struct odf_styles *st, const char *name);
const struct odf_list *odf_list_style(struct odf_styles *st, const char *name);

/* The text of a paragraph (text:p, text:h), raw, and how much of it is bold. */
struct odf_text {
	struct buf raw;
	size_t chars, bold_chars;
};

void odf_para_text(struct odf_styles *st, const xmlNode *p, struct odf_text *t);
/* A cell's paragraphs as lines (every text:p and text:h below n), and their footnote marks. */
void odf_lines(struct odf_styles *st, const xmlNode *n, struct arena *a, struct buf *out,
    struct buf *marks, bool *bold);

#endif
