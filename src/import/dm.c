/*
 * dm.c: the document model's builders, its text dump and format sniffing
 * (see dm.h). The readers live in dm_*.c, one a format.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"
#include "import/text.h"

static const char *const format_names[DM_NFORMATS] = {
	[DM_TEXT] = "text", [DM_HTML] = "html", [DM_DOCX] = "docx", [DM_ODT] = "odt",
	[DM_XLSX] = "xlsx", [DM_ODS] = "ods", [DM_PDF] = "pdf",
};

const char *
dm_format_name(enum dm_format f)
{
	return (unsigned)f < DM_NFORMATS ? format_names[f] : "unknown";
}

const char *
dm_type_name(enum dm_type t)
{
	static const char *const names[] = { "heading", "para", "item", "table" };

	return (unsigned)t < WM_ARRAY_LEN(names) ? names[t] : "unknown";
}

void
dm_init(struct dm_doc *d, struct arena *a, enum dm_format f)
{
	memset(d, 0, sizeof(*d));
	d->a = a;
	d->format = f;
}

struct dm_block *
dm_add(struct dm_doc *d, enum dm_type t, struct wm_err *err)
{
	struct dm_block *b;

	if (d->nblocks >= DM_MAX_BLOCKS) {
		wm_error(err, WM_ETOOBIG, "more than %d blocks of text; Waymark reads documents "
		    "of up to that many paragraphs, items and tables", DM_MAX_BLOCKS);
		return NULL;
	}
	if (d->nblocks == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		struct dm_block *nb = arena_array(d->a, cap, sizeof(*nb));

		if (d->nblocks)
			memcpy(nb, d->blocks, d->nblocks * sizeof(*nb));
		d->blocks = nb;
		d->cap = cap;
	}
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->type = t;
	b->text = "";
	return b;
}

const char *
dm_clean(struct dm_doc *d, const char *text, size_t len, const char **marks)
{
	struct txt_marks m;
	const char *out = txt_clean(d->a, text, len, marks ? &m : NULL);

	if (marks != NULL) {
		struct buf b = BUF_INIT;

		for (size_t i = 0; i < m.n; i++)
			buf_addf(&b, "%s%d", i ? "," : "", m.mark[i]);
		*marks = m.n ? arena_strdup(d->a, buf_str(&b)) : NULL;
		buf_release(&b);
	}
	return out;
}

struct dm_block *
dm_add_text(struct dm_doc *d, enum dm_type t, const char *text, size_t len, struct wm_err *err)
{
	struct dm_block *b = dm_add(d, t, err);

	if (b != NULL && t != DM_TABLE)
		b->text = dm_clean(d, text, len, &b->marks);
	return b;
}

struct dm_table *
dm_table_new(struct dm_doc *d, size_t nrows, size_t ncols, struct wm_err *err)
{
	struct dm_table *t;

	if (nrows == 0 || ncols == 0 || nrows > DM_MAX_CELLS / ncols) {
		wm_error(err, nrows && ncols ? WM_ETOOBIG : WM_EINVAL,
		    "a table of %zu rows and %zu columns; Waymark reads tables of up to %d cells",
		    nrows, ncols, DM_MAX_CELLS);
		return NULL;
	}
	t = arena_alloc(d->a, sizeof(*t));
	t->nrows = nrows;
	t->ncols = ncols;
	t->cells = arena_array(d->a, nrows * ncols, sizeof(*t->cells));
	t->head = arena_array(d->a, nrows, sizeof(*t->head));
	t->row_pos = arena_array(d->a, nrows, sizeof(*t->row_pos));
	for (size_t i = 0; i < nrows * ncols; i++) {
		t->cells[i].text = "";
		t->cells[i].rowspan = 1;
		t->cells[i].colspan = 1;
	}
	return t;
}

void
dm_where(struct dm_doc *d, struct dm_block *b)
{
	static const char *const unit[DM_NFORMATS] = {
		[DM_TEXT] = "line", [DM_HTML] = "paragraph", [DM_DOCX] = "paragraph",
		[DM_ODT] = "paragraph", [DM_XLSX] = "row", [DM_ODS] = "row", [DM_PDF] = "page",
	};
	const char *u = (unsigned)d->format < DM_NFORMATS ? unit[d->format] : "block";

	if (b->type == DM_TABLE && b->table != NULL && b->table->name != NULL &&
	    (d->format == DM_XLSX || d->format == DM_ODS))
		b->where = arena_printf(d->a, "sheet '%s' %s %d", b->table->name, u, b->pos);
	else
		b->where = arena_printf(d->a, "%s %d", u, b->pos);
}

/*
 * Magic bytes first (a zip's own listing tells DOCX from XLSX from ODT);
 * then HTML by its first tag. Everything else is text: the text reader is
 * total, so a file no other reader claims still gets a reading.
 */
static bool
zip_has(const char *data, size_t len, const char *name)
{
	size_t n = strlen(name);

	/* Local file headers name each member in clear: enough to tell the kinds apart. */
	for (size_t i = 0; i + 30 + n <= len && i < (size_t)4 << 20; i++)
		if (memcmp(data + i, "PK\003\004", 4) == 0 &&
		    (size_t)((unsigned char)data[i + 26] | (unsigned char)data[i + 27] << 8) == n &&
		    memcmp(data + i + 30, name, n) == 0)
			return true;
	return false;
}

static bool
starts_ci(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && strncasecmp(s, prefix, n) == 0;
}

enum dm_format
dm_sniff(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return DM_PDF;
	if (len >= 4 && memcmp(data, "PK\003\004", 4) == 0) {
		/* ODF names its type in a first, stored member called mimetype. */
		if (len > 38 + 39 && zip_has(data, len, "mimetype")) {
			for (size_t j = 0; j + 39 < len && j < 200; j++) {
				if (memcmp(data + j, "application/vnd.oasis.opendocument.text", 39) == 0)
					return DM_ODT;
				if (memcmp(data + j, "application/vnd.oasis.opendocument.spreadsheet",
				    46) == 0 && j + 46 < len)
					return DM_ODS;
			}
		}
		if (zip_has(data, len, "word/document.xml"))
			return DM_DOCX;
		if (zip_has(data, len, "xl/workbook.xml"))
			return DM_XLSX;
		return DM_TEXT;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (starts_ci(data + i, len - i, "<!DOCTYPE html") || starts_ci(data + i, len - i, "<html"))
		return DM_HTML;
	/* XHTML: an XML declaration, then <html> within the first kilobyte */
	if (starts_ci(data + i, len - i, "<?xml"))
		for (size_t j = i; j < len && j < i + 1024; j++)
			if (starts_ci(data + j, len - j, "<html"))
				return DM_HTML;
	return DM_TEXT;
}

static void
dump_text(struct buf *out, const char *s, const char *marks)
{
	for (; *s; s++) {
		if (*s == '\n')
			buf_adds(out, "\\n");
		else
			buf_addc(out, *s);
	}
	if (marks != NULL)
		buf_addf(out, " ^%s", marks);
}

int
dm_dump(const struct dm_doc *d, struct buf *out)
{
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct dm_block *b = &d->blocks[i];

		if (b->flags & DMF_NOISE) {
			buf_addf(out, "noise (%s): ", b->why ? b->why : "not content");
			dump_text(out, b->text ? b->text : "", NULL);
			buf_addc(out, '\n');
			continue;
		}
		switch (b->type) {
		case DM_HEADING:
			buf_addf(out, "heading %d%s: ", b->level, b->flags & DMF_GUESS ? "?" : "");
			break;
		case DM_PARA:
			if (b->flags & DMF_NOTE)
				buf_addf(out, "note [%s]: ", b->marker ? b->marker : "");
			else
				buf_addf(out, "para%s: ", b->flags & DMF_BOLD ? " (bold)" : "");
			break;
		case DM_ITEM:
			buf_addf(out, "item %d [%s]: ", b->level, b->marker ? b->marker : "");
			break;
		case DM_TABLE: {
			const struct dm_table *t = b->table;
			size_t nhead = 0;

			for (size_t r = 0; r < t->nrows; r++)
				nhead += t->head[r];
			buf_addf(out, "table %zux%zu head=%zu%s%s\n", t->nrows, t->ncols, nhead,
			    t->name ? " name=" : "", t->name ? t->name : "");
			for (size_t r = 0; r < t->nrows; r++) {
				buf_adds(out, t->head[r] ? "h" : "|");
				for (size_t c = 0; c < t->ncols; c++) {
					const struct dm_cell *cell = dm_cell(t, r, c);

					buf_adds(out, c ? " | " : " ");
					if (cell->rowspan == 0 || cell->colspan == 0) {
						buf_addc(out, '^');
						continue;
					}
					if (cell->rowspan > 1 || cell->colspan > 1)
						buf_addf(out, "<%dx%d> ", cell->rowspan, cell->colspan);
					if (cell->type == DM_CELL_NUMBER)
						buf_adds(out, "#");
					else if (cell->type == DM_CELL_DATE)
						buf_adds(out, "@");
					dump_text(out, cell->text, cell->marks);
				}
				buf_addc(out, '\n');
			}
			continue;
		}
		}
		dump_text(out, b->text, b->marks);
		buf_addc(out, '\n');
	}
	return out->failed ? WM_ETOOBIG : 0;
}

/*
 * The one place a format meets its reader. A format this build has no
 * reader for yet is refused in words, not read as text: its bytes are
 * not its content.
 */
int
dm_read(struct dm_doc *d, struct arena *a, const char *data, size_t len, struct wm_err *err)
{
	enum dm_format f = dm_sniff(data, len);

	dm_init(d, a, f);
	switch (f) {
	case DM_TEXT:
		/* two kinds of file a text reading would only turn into noise */
		if (len >= 4 && memcmp(data, "PK\003\004", 4) == 0)
			return wm_error(err, WM_EINVAL, "it is a zip archive, but not a Word (.docx), "
			    "Excel (.xlsx) or OpenDocument (.odt, .ods) file, or one too damaged to tell");
		if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
			return wm_error(err, WM_EINVAL, "it is an old binary Office file (.doc, .xls) "
			    "or a password-protected one: save it as .docx or .xlsx, without a password, "
			    "and import that");
		return dm_read_text(d, data, len, err);
	case DM_PDF:
		return dm_read_pdf(d, data, len, err);
	case DM_HTML:
		return dm_read_html(d, data, len, err);
	case DM_DOCX:
		return dm_read_docx(d, data, len, err);
	case DM_ODT:
		return dm_read_odt(d, data, len, err);
	case DM_XLSX:
		return dm_read_xlsx(d, data, len, err);
	case DM_ODS:
		return dm_read_ods(d, data, len, err);
	case DM_NFORMATS:
		break;
	}
	return wm_error(err, WM_EINVAL, "it is a %s file, and this build of Waymark cannot read "
	    "%s files yet: save it as text and import that", dm_format_name(f), dm_format_name(f));
}
