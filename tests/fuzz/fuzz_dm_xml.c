/*
 * fuzz_dm_xml.c: any bytes as the main XML part of each office format:
 * word/document.xml of a .docx, content.xml of an .odt and an .ods, a
 * worksheet (with its shared strings) of an .xlsx, each put in a fresh
 * zip around them. fuzz_dm_zip mutates whole files, whose compressed
 * members libFuzzer can seldom change into other valid XML; this reaches
 * the readers' XML walks directly. The model must be well formed
 * (fuzzdm.h) or the error plain.
 */
#include "fuzzdm.h"

#include "../unit/zipmem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A stored zip of the members named, their texts as given but the NULL one, which is data. */
static char *
make_zip(size_t *len, const char *const *names, const char *const *texts, size_t n,
    const uint8_t *data, size_t size)
{
	const void *d[4];
	size_t l[4];

	for (size_t i = 0; i < n && i < 4; i++) {
		d[i] = texts[i] ? (const void *)texts[i] : (const void *)data;
		l[i] = texts[i] ? strlen(texts[i]) : size;
	}
	return zipmem_make(len, n < 4 ? n : 4, names, d, l, true);
}

typedef int reader(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);

static void
run(reader *r, enum dm_format f, const char *const *names, const char *const *texts, size_t n,
    const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct dm_doc d;
	size_t len;
	char *zip = make_zip(&len, names, texts, n, data, size);

	dm_init(&d, a, f);
	if (r(&d, zip, len, &err) == 0)
		fuzzdm_check(&d);
	else if (err.msg[0] == '\0')
		abort();
	free(zip);
	arena_free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const docx[] = { "word/document.xml" };
	static const char *const odt[] = { "mimetype", "content.xml" };
	static const char *const odt_t[] = { "application/vnd.oasis.opendocument.text", NULL };
	static const char *const xlsx[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
		"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" };
	static const char *const xlsx_t[] = {
		"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
		"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
		"<sheets><sheet name=\"S\" r:id=\"r1\"/></sheets></workbook>",
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
		"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>a</t>"
		"</si><si><t>b</t></si></sst>",
		NULL,
	};
	static const char *const none[] = { NULL };

	run(dm_read_docx, DM_DOCX, docx, none, 1, data, size);
	run(dm_read_odt, DM_ODT, odt, odt_t, 2, data, size);
	run(dm_read_ods, DM_ODS, odt, odt_t, 2, data, size);
	run(dm_read_xlsx, DM_XLSX, xlsx, xlsx_t, 4, data, size);
	return 0;
}
