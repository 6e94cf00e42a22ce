/*
 * dmtest.h: what the document-model reader tests share: reading a file,
 * reading bytes with the reader for a format, and making a zip in memory
 * (so that a test can say exactly which DOCX, ODT or XLSX it reads).
 */
#ifndef WM_DMTEST_H
#define WM_DMTEST_H

#include "testutil.h"

#include "zipmem.h"

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"

#ifndef WM_SRCDIR
#define WM_SRCDIR "."
#endif

/* The whole of a file, or NULL (as a struct buf: release it). */
static inline bool
dmt_slurp(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	buf_init(out, BUF_MAX_DEFAULT);
	if (f == NULL)
		return false;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	fclose(f);
	return true;
}

/* The format a file name's extension says, for tests only (Waymark itself sniffs). */
static inline enum dm_format
dmt_format(const char *path)
{
	static const char *const ext[DM_NFORMATS] = {
		[DM_HTML] = ".html", [DM_DOCX] = ".docx", [DM_ODT] = ".odt", [DM_XLSX] = ".xlsx",
		[DM_ODS] = ".ods", [DM_PDF] = ".pdf",
	};
	size_t n = strlen(path);

	for (int f = 0; f < DM_NFORMATS; f++)
		if (ext[f] && n > strlen(ext[f]) && strcmp(path + n - strlen(ext[f]), ext[f]) == 0)
			return (enum dm_format)f;
	return DM_TEXT;
}

static inline int
dmt_read(struct dm_doc *d, struct arena *a, enum dm_format f, const char *data, size_t len,
    struct wm_err *err)
{
	dm_init(d, a, f);
	switch (f) {
	case DM_HTML: return dm_read_html(d, data, len, err);
	case DM_DOCX: return dm_read_docx(d, data, len, err);
	case DM_ODT: return dm_read_odt(d, data, len, err);
	case DM_XLSX: return dm_read_xlsx(d, data, len, err);
	case DM_ODS: return dm_read_ods(d, data, len, err);
	case DM_PDF: return dm_read_pdf(d, data, len, err);
	default: return wm_error(err, WM_EINVAL, "no reader for this format in the tests");
	}
}

/* The model as text: a "title:" line, then dm_dump's. */
static inline char *
dmt_dump(const struct dm_doc *d)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "title: %s\n", d->title ? d->title : "");
	dm_dump(d, &b);
	return buf_detach(&b, NULL);
}

/* A zip of the members given as name, text, name, text..., NULL (see zipmem_make). */
static inline char *
dmt_zip(size_t *len, ...)
{
	const char *names[16];
	const void *data[16];
	size_t lens[16], n = 0;
	const char *name;
	va_list ap;

	va_start(ap, len);
	while (n < 16 && (name = va_arg(ap, const char *)) != NULL) {
		names[n] = name;
		data[n] = va_arg(ap, const char *);
		lens[n] = strlen(data[n]);
		n++;
	}
	va_end(ap);
	return zipmem_make(len, n, names, data, lens, false);
}

#define DMT_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DMT_S "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define DMT_ODF "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
	"xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
	"xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""

/* Read a zip made by dmt_zip with the reader for f, and give the dump (or NULL, err set). */
static inline char *
dmt_zip_dump(struct arena *a, enum dm_format f, char *zip, size_t len, struct wm_err *err)
{
	struct dm_doc d;
	int rc = dmt_read(&d, a, f, zip, len, err);

	free(zip);
	return rc == 0 ? dmt_dump(&d) : NULL;
}

#endif
