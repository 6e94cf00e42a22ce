/*
 * dm_pdf.c: the PDF reader (dm_read_pdf in dm.h): poppler opens the file
 * and gives each page's characters with their boxes and fonts; here they
 * become words, then lines, which pdf_layout.c lays out and pdf_doc.c
 * turns into the document model (see pdf.h for the whole road).
 *
 * Hostile files are poppler's to parse and ours to bound: a file poppler
 * cannot open is refused with what it means for the person holding it
 * (damaged, encrypted), not poppler's words; the pages, the characters on
 * a page and in the document are capped, so a page tree claiming a
 * million pages or a content stream of a million glyphs gets a clear
 * error, not minutes and gigabytes.
 */
#include "base/wm.h"

#include <math.h>
#include <poppler.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"
#include "import/pdf.h"
#include "import/text.h"

const struct pdf_limits pdf_default_limits = {
	.max_bytes = (size_t)512 << 20,
	.max_pages = 2000,
	.max_chars = 2000000,
	.max_page_chars = 200000,
	.max_seconds = 60,
};

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Is the font bold by its name ("ABCDEF+LiberationSans-Bold", "Arial,BoldItalic")? */
static bool
font_is_bold(const char *name)
{
	static const char *const weights[] = { "bold", "black", "heavy", "demi", "semibold" };

	if (name == NULL)
		return false;
	for (const char *s = name; *s; s++)
		for (size_t i = 0; i < WM_ARRAY_LEN(weights); i++)
			if (strncasecmp(s, weights[i], strlen(weights[i])) == 0)
				return true;
	return false;
}

/* The character as it should read: ligatures undone, Symbol-font bullets as bullets. */
static const char *
char_text(gunichar c, char *tmp)
{
	switch (c) {
	case 0xFB00: return "ff";
	case 0xFB01: return "fi";
	case 0xFB02: return "fl";
	case 0xFB03: return "ffi";
	case 0xFB04: return "ffl";
	case 0xF0B7: case 0xF0A7: case 0xF0A8: case 0xF0D8: case 0xF0FC: case 0xF076:
		return "\xE2\x80\xA2";
	}
	tmp[g_unichar_to_utf8(c, tmp)] = '\0';
	return tmp;
}

static bool
is_space(gunichar c)
{
	return c <= 0x20 || c == 0x7F || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
	    c == 0x3000 || c == 0xFEFF || c == 0x2028 || c == 0x2029;
}

struct wordbuf {
	struct arena *a;
	struct pdf_word *w;
	size_t n, cap;
	struct buf text;
	struct pdf_word cur;
	bool open;
};

static void
push_word(struct wordbuf *wb, const char *text, size_t len, double x1, double x2)
{
	if (wb->n == wb->cap) {
		size_t cap = wb->cap ? wb->cap * 2 : 256;
		struct pdf_word *nw = arena_array(wb->a, cap, sizeof(*nw));

		if (wb->n)
			memcpy(nw, wb->w, wb->n * sizeof(*nw));
		wb->w = nw;
		wb->cap = cap;
	}
	wb->w[wb->n] = wb->cur;
	wb->w[wb->n].text = arena_strndup(wb->a, text, len);
	wb->w[wb->n].x1 = x1;
	wb->w[wb->n].x2 = x2;
	wb->n++;
}

/*
 * Where a list marker ends that is set against its text with no space
 * ("iv.Review", "•Train": a marker wider than its indent leaves no room
 * for the tab), or 0: a marker ending in '.' or ')' before a capital, or
 * a bullet before a letter.
 */
static size_t
glued_marker(const char *s, size_t len)
{
	char prefix[16];
	const char *next;

	for (size_t i = 2; i < len && i < sizeof(prefix); i++) {
		if ((s[i - 1] != '.' && s[i - 1] != ')') || !(s[i] >= 'A' && s[i] <= 'Z'))
			continue;
		memcpy(prefix, s, i);
		prefix[i] = '\0';
		if (pdf_is_marker(prefix))
			return i;
	}
	next = g_utf8_next_char(s);
	if ((unsigned char)s[0] >= 0x80 && (size_t)(next - s) < len && (size_t)(next - s) < sizeof(prefix) &&
	    g_unichar_isalpha(g_utf8_get_char(next))) {
		memcpy(prefix, s, (size_t)(next - s));
		prefix[next - s] = '\0';
		if (pdf_is_marker(prefix))
			return (size_t)(next - s);
	}
	return 0;
}

static void
word_end(struct wordbuf *wb)
{
	const char *t = buf_str(&wb->text);
	size_t len = wb->text.len, k;

	if (!wb->open)
		return;
	wb->open = false;
	if (len == 0)
		return;
	if ((k = glued_marker(t, len)) != 0) {
		/* the box shared out by characters */
		double split = wb->cur.x1 + (wb->cur.x2 - wb->cur.x1) *
		    (double)g_utf8_strlen(t, (gssize)k) / (double)g_utf8_strlen(t, (gssize)len);

		push_word(wb, t, k, wb->cur.x1, split);
		push_word(wb, t + k, len - k, split, wb->cur.x2);
	} else {
		push_word(wb, t, len, wb->cur.x1, wb->cur.x2);
	}
	buf_reset(&wb->text);
}

/*
 * Words from the page's characters in poppler's order. Poppler puts a
 * space where it sees one, but it also runs together characters of two
 * cells it happened to read one after the other ("55%R↑Sara"), so a word
 * also ends where the next character is not beside the last one on the
 * same baseline, or changes size.
 */
static void
page_words(struct wordbuf *wb, const char *text, const PopplerRectangle *r, size_t nr,
    GList *attrs)
{
	const char *s = text;
	GList *at = attrs;
	const PopplerRectangle *prev = NULL;

	for (size_t i = 0; *s && i < nr; s = g_utf8_next_char(s), i++) {
		gunichar c = g_utf8_get_char(s);
		const PopplerTextAttributes *ta;
		double size = 0, h = r[i].y2 - r[i].y1;
		bool bold = false;
		char tmp[8];

		while (at != NULL && ((PopplerTextAttributes *)at->data)->end_index < (int)i)
			at = at->next;
		ta = at != NULL ? at->data : NULL;
		if (ta != NULL && ta->start_index <= (int)i) {
			size = ta->font_size;
			bold = font_is_bold(ta->font_name);
		}
		if (is_space(c) || !isfinite(r[i].x1) || !isfinite(r[i].y1) || !isfinite(r[i].x2) ||
		    !isfinite(r[i].y2) || fabs(r[i].x1) > 1e5 || fabs(r[i].y1) > 1e5 ||
		    fabs(r[i].x2) > 1e5 || fabs(r[i].y2) > 1e5 || h <= 0) {
			word_end(wb);
			prev = NULL;
			continue;
		}
		if (!(size > 0 && size < 1e4))
			size = h / 1.2;
		if (wb->open && prev != NULL) {
			double ph = prev->y2 - prev->y1;

			if (fabs(r[i].y2 - prev->y2) > 0.3 * fmin(h, ph) ||
			    r[i].x1 - prev->x2 > 0.25 * size || r[i].x1 < prev->x1 - 0.1 * size ||
			    fabs(size - wb->cur.size) > 0.2 * wb->cur.size)
				word_end(wb);
		}
		if (!wb->open) {
			wb->open = true;
			wb->cur.x1 = r[i].x1;
			wb->cur.y1 = r[i].y1;
			wb->cur.x2 = r[i].x2;
			wb->cur.y2 = r[i].y2;
			wb->cur.size = size;
			wb->cur.bold = bold;
		} else {
			wb->cur.x1 = fmin(wb->cur.x1, r[i].x1);
			wb->cur.y1 = fmin(wb->cur.y1, r[i].y1);
			wb->cur.x2 = fmax(wb->cur.x2, r[i].x2);
			wb->cur.y2 = fmax(wb->cur.y2, r[i].y2);
			wb->cur.bold = wb->cur.bold && bold;
		}
		buf_adds(&wb->text, char_text(c, tmp));
		prev = &r[i];
	}
	word_end(wb);
}

/* Read one page's words into pg; counts its characters into *total. */
static int
read_page(struct arena *a, PopplerPage *page, struct pdf_page *pg, const struct pdf_limits *lim,
    size_t *total, struct wm_err *err)
{
	struct wordbuf wb = { .a = a, .text = BUF_INIT };
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	GList *attrs = NULL;
	char *text;
	const char *end;
	size_t nchars;
	int rc = 0;

	poppler_page_get_size(page, &pg->width, &pg->height);
	text = poppler_page_get_text(page);
	if (text == NULL)
		return 0;
	/* poppler's text is UTF-8; should it not be, read up to the fault */
	if (!g_utf8_validate(text, -1, &end))
		text[end - text] = '\0';
	nchars = (size_t)g_utf8_strlen(text, -1);
	if (nchars > lim->max_page_chars) {
		rc = wm_error(err, WM_ETOOBIG, "page %d of the PDF holds more than %zu characters "
		    "of text; Waymark reads pages of up to that many (is it a drawing or a scan "
		    "turned into text?)", pg->number, lim->max_page_chars);
		goto out;
	}
	*total += nchars;
	if (*total > lim->max_chars) {
		rc = wm_error(err, WM_ETOOBIG, "the PDF holds more than %zu characters of text "
		    "by page %d; Waymark reads documents of up to that many: split it and import "
		    "the parts", lim->max_chars, pg->number);
		goto out;
	}
	if (nchars == 0 || !poppler_page_get_text_layout(page, &rects, &nrects))
		goto out;
	attrs = poppler_page_get_text_attributes(page);
	page_words(&wb, text, rects, nrects, attrs);
	pg->words = wb.w;
	pg->nwords = wb.n;
out:
	buf_release(&wb.text);
	poppler_page_free_text_attributes(attrs);
	g_free(rects);
	g_free(text);
	return rc;
}

/* Poppler's refusal, in words that say what to do. */
static int
open_error(const GError *ge, struct wm_err *err)
{
	if (ge != NULL && ge->domain == POPPLER_ERROR && ge->code == POPPLER_ERROR_ENCRYPTED)
		return wm_error(err, WM_EINVAL, "the PDF is protected by a password, so its text "
		    "cannot be read; save or print it to a new PDF without the password and "
		    "import that");
	return wm_error(err, WM_EINVAL, "the PDF is damaged: its table of objects and its "
	    "pages could not be found (%s); a file cut short in a download or a broken export "
	    "does this: fetch it again, or open it in a PDF viewer and print it to a new PDF",
	    ge != NULL && ge->domain == POPPLER_ERROR && ge->code == POPPLER_ERROR_BAD_CATALOG ?
	    "no catalog" : "no readable structure");
}

int
pdf_read(struct dm_doc *d, const char *data, size_t len, const struct pdf_limits *lim,
    struct wm_err *err)
{
	struct arena *a = arena_new();
	PopplerDocument *doc = NULL;
	struct pdf_page *pages = NULL;
	GError *ge = NULL;
	GBytes *bytes;
	size_t total = 0;
	double start = seconds();
	int npages, rc = 0;
	char *title;

	if (len > lim->max_bytes) {
		rc = wm_error(err, WM_ETOOBIG, "the PDF is %zu MB; Waymark reads PDFs of up to "
		    "%zu MB", len >> 20, lim->max_bytes >> 20);
		goto out;
	}
	/* poppler keeps the bytes, not a copy: they outlive the document here */
	bytes = g_bytes_new_static(data, len);
	doc = poppler_document_new_from_bytes(bytes, NULL, &ge);
	g_bytes_unref(bytes);
	if (doc == NULL) {
		rc = open_error(ge, err);
		goto out;
	}
	npages = poppler_document_get_n_pages(doc);
	if (npages <= 0) {
		rc = wm_error(err, WM_EINVAL, "the PDF has no pages that can be read (its page "
		    "tree is empty or damaged)");
		goto out;
	}
	if (npages > lim->max_pages) {
		rc = wm_error(err, WM_ETOOBIG, "the PDF has %d pages; Waymark reads PDFs of up to "
		    "%d pages: split it and import the parts", npages, lim->max_pages);
		goto out;
	}
	title = poppler_document_get_title(doc);
	if (title != NULL) {
		const char *t = txt_clean(d->a, title, strlen(title), NULL);

		d->title = t[0] != '\0' ? t : NULL;
		g_free(title);
	}
	pages = arena_array(a, (size_t)npages, sizeof(*pages));
	for (int p = 0; p < npages; p++) {
		PopplerPage *page;

		if (seconds() - start > lim->max_seconds) {
			rc = wm_error(err, WM_ETOOBIG, "reading the PDF took more than %g seconds by "
			    "page %d of %d; its pages hold more drawing than text can be read from in "
			    "that time: save the pages that matter as a new PDF and import that",
			    lim->max_seconds, p + 1, npages);
			goto out;
		}
		page = poppler_document_get_page(doc, p);

		pages[p].number = p + 1;
		if (page == NULL)
			continue;	/* a page poppler cannot find reads as empty */
		rc = read_page(a, page, &pages[p], lim, &total, err);
		g_object_unref(page);
		if (rc != 0)
			goto out;
	}
	rc = pdf_model(d, a, pages, (size_t)npages, err);
out:
	if (ge != NULL)
		g_error_free(ge);
	if (doc != NULL)
		g_object_unref(doc);
	arena_free(a);
	return rc;
}

int
dm_read_pdf(struct dm_doc *d, const char *data, size_t len, struct wm_err *err)
{
	return pdf_read(d, data, len, &pdf_default_limits, err);
}
