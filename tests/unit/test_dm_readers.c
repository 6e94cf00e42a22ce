/*
 * test_dm_readers.c: the structured readers on files made here, part by
 * part, so that each test says exactly what it reads: Word numbering and
 * its restarts, merged cells, ODF list counting, dates in both of Excel's
 * calendars, number formats, a shared string that is not there, empty
 * sheets, web page chrome, and the errors for files that are not what
 * they claim.
 */
#include "dmtest.h"

/* A .docx of a body (and optional styles and numbering parts), read and dumped. */
static char *
docx(struct arena *a, const char *body, const char *styles, const char *numbering,
    struct wm_err *err)
{
	char *doc = arena_printf(a, "<?xml version=\"1.0\"?><w:document " DMT_W "><w:body>%s"
	    "</w:body></w:document>", body);
	char *st = arena_printf(a, "<?xml version=\"1.0\"?><w:styles " DMT_W ">%s</w:styles>",
	    styles ? styles : "");
	char *nu = arena_printf(a, "<?xml version=\"1.0\"?><w:numbering " DMT_W ">%s</w:numbering>",
	    numbering ? numbering : "");
	size_t len;
	char *zip = dmt_zip(&len, "word/document.xml", doc, "word/styles.xml", st,
	    "word/numbering.xml", nu, NULL);

	return dmt_zip_dump(a, DM_DOCX, zip, len, err);
}

/* A numbered paragraph of list num at level ilvl. */
#define NP(num, ilvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #ilvl "\"/><w:numId w:val=\"" \
	#num "\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define LVL(i, fmt, text, extra) "<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"1\"/><w:numFmt " \
	"w:val=\"" fmt "\"/><w:lvlText w:val=\"" text "\"/>" extra "</w:lvl>"

static void
test_docx_numbering_counts_levels_and_restarts(void **state)
{
	static const char numbering[] =
	    "<w:abstractNum w:abstractNumId=\"0\">" LVL(0, "decimal", "%1.", "")
	    LVL(1, "decimal", "%1.%2.", "") LVL(2, "lowerLetter", "%3)", "")
	    LVL(3, "lowerRoman", "(%4)", "") LVL(4, "bullet", "\xEF\x82\xB7", "") "</w:abstractNum>"
	    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/>"
	    "<w:numFmt w:val=\"upperLetter\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
	    "<w:abstractNum w:abstractNumId=\"2\">" LVL(0, "decimal", "%1.", "")
	    LVL(1, "decimal", "%2.", "<w:lvlRestart w:val=\"0\"/>") "</w:abstractNum>"
	    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
	    "<w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
	    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
	    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/></w:num>";
	static const char styles[] =
	    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
	    "<w:rPr><w:b/></w:rPr></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"ListLetter\"><w:name w:val=\"List Letter\"/>"
	    "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>";
	static const char body[] =
	    "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Plan</w:t></w:r></w:p>"
	    NP(1, 0, "Governance") NP(1, 1, "Terms of reference") NP(1, 1, "Membership")
	    NP(1, 2, "quorum") NP(1, 2, "deputies") NP(1, 3, "first") NP(1, 3, "second")
	    NP(1, 0, "Finance") NP(1, 1, "Budget") NP(1, 2, "capital") NP(1, 4, "a bullet")
	    NP(2, 0, "A list that starts again") NP(2, 1, "under it")
	    NP(3, 0, "Lettered from C")
	    "<w:p><w:pPr><w:pStyle w:val=\"ListLetter\"/></w:pPr><w:r><w:t>by its style</w:t></w:r></w:p>"
	    NP(4, 0, "one") NP(4, 1, "never restarts") NP(4, 0, "two") NP(4, 1, "still counting")
	    "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Risks</w:t></w:r></w:p>"
	    "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>By outline</w:t></w:r></w:p>"
	    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>All bold</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr>"
	    "<w:t>hidden</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
	    "<w:ins><w:r><w:rPr><w:b/></w:rPr><w:t> and added</w:t></w:r></w:ins>"
	    "<w:r><w:footnoteReference w:id=\"2\"/></w:r></w:p>";
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got;

	(void)state;
	got = docx(a, body, styles, numbering, &err);
	assert_non_null(got);
	assert_string_equal(got, "title: \n"
	    "heading 1: Plan\n"
	    "item 0 [1.]: Governance\n"
	    "item 1 [1.1.]: Terms of reference\n"
	    "item 1 [1.2.]: Membership\n"
	    "item 2 [a)]: quorum\n"
	    "item 2 [b)]: deputies\n"
	    "item 3 [(i)]: first\n"
	    "item 3 [(ii)]: second\n"
	    "item 0 [2.]: Finance\n"
	    "item 1 [2.1.]: Budget\n"
	    "item 2 [a)]: capital\n"
	    "item 4 [\xE2\x80\xA2]: a bullet\n"
	    "item 0 [1.]: A list that starts again\n"
	    "item 1 [1.1.]: under it\n"
	    "item 0 [C.]: Lettered from C\n"
	    "item 0 [D.]: by its style\n"
	    "item 0 [1.]: one\n"
	    "item 1 [1.]: never restarts\n"
	    "item 0 [2.]: two\n"
	    "item 1 [2.]: still counting\n"
	    "heading 2: Risks\n"
	    "heading 3: By outline\n"
	    "para (bold): All bold and added ^1\n");
	free(got);
	arena_free(a);
}

#define TC(props, text) "<w:tc><w:tcPr>" props "</w:tcPr><w:p><w:r><w:t>" text \
	"</w:t></w:r></w:p></w:tc>"

static void
test_docx_tables_keep_merged_cells_and_cell_paragraphs(void **state)
{
	static const char numbering[] =
	    "<w:abstractNum w:abstractNumId=\"0\">" LVL(0, "decimal", "%1.", "") "</w:abstractNum>"
	    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
	static const char body[] =
	    "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>" TC("", "Area") TC("", "Ref")
	    TC("", "Action") "</w:tr>"
	    "<w:tr>" TC("<w:vMerge w:val=\"restart\"/>", "Governance") TC("", "1")
	    TC("", "Publish a register") "</w:tr>"
	    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" TC("", "2")
	    "<w:tc><w:p><w:r><w:t>Name a manager</w:t></w:r></w:p><w:p/>"
	    "<w:p><w:r><w:t>for each contract</w:t></w:r></w:p></w:tc></w:tr>"
	    "<w:tr>" TC("<w:gridSpan w:val=\"3\"/>", "FINANCE") "</w:tr>"
	    "<w:tr>" TC("", "Budgets") TC("", "3") "<w:tc>" NP(1, 0, "set it") NP(1, 0, "report it")
	    "</w:tc></w:tr>"
	    "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" TC("", "4") TC("", "Late") "</w:tr>"
	    "<w:tr>" TC("", "Data") "<w:sdt><w:sdtContent>" TC("", "5") "</w:sdtContent></w:sdt>"
	    TC("", "after the control") "</w:tr>"
	    "</w:tbl>";
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got;

	(void)state;
	got = docx(a, body, NULL, numbering, &err);
	assert_non_null(got);
	assert_string_equal(got, "title: \n"
	    "table 7x3 head=1\n"
	    "h Area | Ref | Action\n"
	    "| <2x1> Governance | 1 | Publish a register\n"
	    "| ^ | 2 | Name a manager\\nfor each contract\n"
	    "| <1x3> FINANCE | ^ | ^\n"
	    "| Budgets | 3 | 1. set it\\n2. report it\n"
	    "|  | 4 | Late\n"
	    "| Data | 5 | after the control\n");
	free(got);
	arena_free(a);
}

static void
test_docx_first_row_in_bold_is_a_header(void **state)
{
	static const char styles[] =
	    "<w:style w:type=\"table\" w:styleId=\"Grid\"><w:name w:val=\"Table Grid\"/></w:style>"
	    "<w:style w:type=\"table\" w:styleId=\"Plain\"><w:name w:val=\"Plain Table 1\"/>"
	    "<w:basedOn w:val=\"Grid\"/><w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr>"
	    "</w:tblStylePr></w:style>";
	/* a table style setting the first row apart, and the table using it (0x20 of tblLook) */
	static const char styled[] =
	    "<w:tbl><w:tblPr><w:tblStyle w:val=\"Plain\"/><w:tblLook w:val=\"04A0\"/></w:tblPr>"
	    "<w:tr>" TC("", "Ref") TC("", "Action") "</w:tr><w:tr>" TC("", "1") TC("", "Act")
	    "</w:tr></w:tbl>"
	    "<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblLook w:firstRow=\"1\"/></w:tblPr>"
	    "<w:tr>" TC("", "not") TC("", "a header") "</w:tr><w:tr>" TC("", "1") TC("", "Act")
	    "</w:tr></w:tbl>"
	    "<w:tbl><w:tblPr><w:tblStyle w:val=\"Plain\"/><w:tblLook w:firstRow=\"0\"/></w:tblPr>"
	    "<w:tr>" TC("", "nor") TC("", "this") "</w:tr><w:tr>" TC("", "1") TC("", "Act")
	    "</w:tr></w:tbl>";
	static const char body[] =
	    "<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Ref</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Action</w:t></w:r></w:p></w:tc></w:tr>"
	    "<w:tr>" TC("", "1") TC("", "Act") "</w:tr></w:tbl>";
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got = docx(a, body, NULL, NULL, &err);

	(void)state;
	assert_non_null(got);
	assert_string_equal(got, "title: \ntable 2x2 head=1\nh Ref | Action\n| 1 | Act\n");
	free(got);
	got = docx(a, styled, styles, NULL, &err);
	assert_non_null(got);
	assert_string_equal(got, "title: \ntable 2x2 head=1\nh Ref | Action\n| 1 | Act\n"
	    "table 2x2 head=0\n| not | a header\n| 1 | Act\n"
	    "table 2x2 head=0\n| nor | this\n| 1 | Act\n");
	free(got);
	arena_free(a);
}

/* An .odt of a body, with automatic styles. */
static char *
odt(struct arena *a, const char *styles, const char *body, struct wm_err *err)
{
	char *content = arena_printf(a, "<?xml version=\"1.0\"?><office:document-content " DMT_ODF
	    "><office:automatic-styles>%s</office:automatic-styles><office:body><office:text>%s"
	    "</office:text></office:body></office:document-content>", styles, body);
	size_t len;
	char *zip = dmt_zip(&len, "mimetype", "application/vnd.oasis.opendocument.text",
	    "content.xml", content, NULL);

	return dmt_zip_dump(a, DM_ODT, zip, len, err);
}

#define LI(text) "<text:list-item><text:p>" text "</text:p></text:list-item>"

static void
test_odt_lists_count_as_their_style_says(void **state)
{
	static const char styles[] =
	    "<text:list-style style:name=\"L1\">"
	    "<text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/>"
	    "<text:list-level-style-number text:level=\"2\" style:num-format=\"1\" text:display-levels=\"2\"/>"
	    "<text:list-level-style-number text:level=\"3\" style:num-format=\"a\" style:num-prefix=\"(\" style:num-suffix=\")\"/>"
	    "</text:list-style>"
	    "<text:list-style style:name=\"L2\"><text:list-level-style-bullet text:level=\"1\" "
	    "text:bullet-char=\"\xEF\x82\xA7\"/><text:list-level-style-number text:level=\"2\" "
	    "style:num-format=\"I\" text:start-value=\"4\" style:num-suffix=\".\"/></text:list-style>";
	static const char body[] =
	    "<text:h text:outline-level=\"2\">Priorities</text:h>"
	    "<text:list text:style-name=\"L1\" xml:id=\"a\">"
	    "<text:list-item><text:p>Safer streets</text:p><text:list>" LI("lighting")
	    "<text:list-item><text:p>patrols</text:p><text:list>" LI("nights") LI("weekends")
	    "</text:list></text:list-item></text:list></text:list-item>" LI("Cleaner air")
	    "</text:list>"
	    "<text:p>Between the lists.</text:p>"
	    "<text:list text:style-name=\"L1\">" LI("A new list starts at one") "</text:list>"
	    "<text:list text:style-name=\"L1\" text:continue-numbering=\"true\">"
	    LI("this one continues") "<text:list-item text:start-value=\"10\"><text:p>and jumps</text:p>"
	    "</text:list-item><text:list-header><text:p>a header, not counted</text:p></text:list-header>"
	    "</text:list>"
	    "<text:list text:style-name=\"L1\" text:continue-list=\"a\">" LI("back to the first")
	    "</text:list>"
	    "<text:list text:style-name=\"L2\"><text:list-item><text:p>bullet</text:p><text:list>"
	    LI("four") LI("five") "</text:list></text:list-item></text:list>";
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got = odt(a, styles, body, &err);

	(void)state;
	assert_non_null(got);
	assert_string_equal(got, "title: \n"
	    "heading 2: Priorities\n"
	    "item 0 [1.]: Safer streets\n"
	    "item 1 [1.1]: lighting\n"
	    "item 1 [1.2]: patrols\n"
	    "item 2 [(a)]: nights\n"
	    "item 2 [(b)]: weekends\n"
	    "item 0 [2.]: Cleaner air\n"
	    "para: Between the lists.\n"
	    "item 0 [1.]: A new list starts at one\n"
	    "item 0 [2.]: this one continues\n"
	    "item 0 [10.]: and jumps\n"
	    "para: a header, not counted\n"
	    "item 0 [3.]: back to the first\n"
	    "item 0 [\xE2\x80\xA2]: bullet\n"
	    "item 1 [IV.]: four\n"
	    "item 1 [V.]: five\n");
	free(got);
	arena_free(a);
}

static void
test_odt_tables_keep_spans_and_header_rows(void **state)
{
	static const char body[] =
	    "<table:table><table:table-column table:number-columns-repeated=\"3\"/>"
	    "<table:table-header-rows><table:table-row><table:table-cell><text:p>Theme</text:p>"
	    "</table:table-cell><table:table-cell><text:p>Ref</text:p></table:table-cell>"
	    "<table:table-cell><text:p>Action</text:p></table:table-cell></table:table-row>"
	    "</table:table-header-rows>"
	    "<table:table-row><table:table-cell table:number-rows-spanned=\"2\"><text:p>Homes"
	    "</text:p></table:table-cell><table:table-cell><text:p>1</text:p></table:table-cell>"
	    "<table:table-cell><text:p>Build</text:p><text:p>and <text:span>let</text:span>"
	    "<text:s text:c=\"3\"/><text:note><text:note-citation>4</text:note-citation>"
	    "<text:note-body><text:p>a note</text:p></text:note-body>"
	    "</text:note></text:p></table:table-cell></table:table-row>"
	    "<table:table-row><table:covered-table-cell/><table:table-cell><text:p>2</text:p>"
	    "</table:table-cell><table:table-cell><text:list>" LI("repair") LI("insulate")
	    "</text:list></table:table-cell></table:table-row>"
	    "<table:table-row><table:table-cell table:number-columns-spanned=\"3\"><text:p>Jobs</text:p>"
	    "</table:table-cell><table:covered-table-cell table:number-columns-repeated=\"2\"/>"
	    "</table:table-row></table:table>";
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got = odt(a, "", body, &err);

	(void)state;
	assert_non_null(got);
	assert_string_equal(got, "title: \n"
	    "table 4x3 head=1\n"
	    "h Theme | Ref | Action\n"
	    "| <2x1> Homes | 1 | Build\\nand let ^4\n"
	    "| ^ | 2 | \xE2\x80\xA2 repair\\n\xE2\x80\xA2 insulate\n"
	    "| <1x3> Jobs | ^ | ^\n");
	free(got);
	arena_free(a);
}

/* An .xlsx of one sheet's rows, with styles and shared strings, in the 1900 or 1904 calendar. */
static char *
xlsx(struct arena *a, const char *sheet, const char *sst, const char *xfs, bool date1904,
    struct wm_err *err)
{
	char *wb = arena_printf(a, "<?xml version=\"1.0\"?><workbook " DMT_S "><workbookPr "
	    "date1904=\"%s\"/><sheets><sheet name=\"Tracker\" sheetId=\"1\" r:id=\"rId1\"/>"
	    "<sheet name=\"Lists\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>",
	    date1904 ? "true" : "false");
	const char *rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
	    "schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target="
	    "\"worksheets/sheet1.xml\"/></Relationships>";
	char *ws = arena_printf(a, "<?xml version=\"1.0\"?><worksheet " DMT_S "><sheetData>%s"
	    "</sheetData></worksheet>", sheet);
	char *ss = arena_printf(a, "<?xml version=\"1.0\"?><sst " DMT_S ">%s</sst>", sst);
	char *st = arena_printf(a, "<?xml version=\"1.0\"?><styleSheet " DMT_S "><numFmts>"
	    "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
	    "<numFmt numFmtId=\"165\" formatCode=\"#,##0\"/>"
	    "<numFmt numFmtId=\"166\" formatCode=\"0.0%%\"/>"
	    "<numFmt numFmtId=\"167\" formatCode=\"&quot;\xC2\xA3&quot;#,##0.00\"/>"
	    "<numFmt numFmtId=\"168\" formatCode=\"#,##0.00;(#,##0.00)\"/>"
	    "<numFmt numFmtId=\"169\" formatCode=\"[h]:mm\"/>"
	    "<numFmt numFmtId=\"170\" formatCode=\"[$-809]d mmmm yyyy;@\"/>"
	    "</numFmts><fonts><font><sz val=\"11\"/></font><font><b/><sz val=\"20\"/></font>"
	    "<font><b/><sz val=\"11\"/></font></fonts><cellXfs>%s</cellXfs></styleSheet>", xfs);
	size_t len;
	char *zip = dmt_zip(&len, "xl/workbook.xml", wb, "xl/_rels/workbook.xml.rels", rels,
	    "xl/worksheets/sheet1.xml", ws, "xl/sharedStrings.xml", ss, "xl/styles.xml", st, NULL);

	return dmt_zip_dump(a, DM_XLSX, zip, len, err);
}

/* An .ods of the sheets given (table:table elements), read and dumped. */
static char *
ods(struct arena *a, const char *tables, struct wm_err *err)
{
	char *content = arena_printf(a, "<?xml version=\"1.0\"?><office:document-content " DMT_ODF
	    "><office:body><office:spreadsheet>%s</office:spreadsheet></office:body>"
	    "</office:document-content>", tables);
	size_t len;
	char *zip = dmt_zip(&len, "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
	    "content.xml", content, NULL);

	return dmt_zip_dump(a, DM_ODS, zip, len, err);
}

/* Cell styles: 0 plain, 1 a heading, 2 bold, then one for each number format 164-170 and 14. */
static const char xfs[] =
    "<xf numFmtId=\"0\" fontId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\"/><xf numFmtId=\"0\" fontId=\"2\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
    "<xf numFmtId=\"168\"/><xf numFmtId=\"169\"/><xf numFmtId=\"170\"/><xf numFmtId=\"14\"/>";

static void
test_xlsx_reads_dates_in_both_calendars(void **state)
{
	static const char sst[] = "<si><t>Due</t></si><si><r><t>Ne</t></r><r><t>xt</t></r>"
	    "<rPh><t>phonetic</t></rPh></si>";
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *in1900, *in1904;

	(void)state;
	/* 1 April 2024 is serial 45383 from 1900, 43921 from 1904 */
	in1900 = xlsx(a, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
	    "</row><row r=\"2\"><c r=\"A2\" s=\"3\"><v>45383</v></c><c r=\"B2\" s=\"10\"><v>60</v></c>"
	    "</row><row r=\"3\"><c r=\"A3\" s=\"9\"><v>45383.75</v></c><c r=\"B3\" t=\"d\">"
	    "<v>2024-04-01T00:00:00</v></c></row>", sst, xfs, false, &err);
	in1904 = xlsx(a, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
	    "</row><row r=\"2\"><c r=\"A2\" s=\"3\"><v>43921</v></c><c r=\"B2\" s=\"10\"><v>0</v></c>"
	    "</row>", sst, xfs, true, &err);
	assert_non_null(in1900);
	assert_non_null(in1904);
	/* the 29 February 1900 Excel counts, and that never was, is no date: the number stays */
	assert_string_equal(in1900, "title: \n"
	    "table 3x2 head=1 name=Tracker\n"
	    "h Due | Next\n"
	    "| @2024-04-01 | #60\n"
	    "| @2024-04-01 | @2024-04-01\n"
	    "noise (a hidden sheet, not read): sheet 'Lists'\n");
	assert_string_equal(in1904, "title: \n"
	    "table 2x2 head=1 name=Tracker\n"
	    "h Due | Next\n"
	    "| @2024-04-01 | @1904-01-01\n"
	    "noise (a hidden sheet, not read): sheet 'Lists'\n");
	free(in1900);
	free(in1904);
	arena_free(a);
}

static void
test_xlsx_numbers_show_as_their_format_says(void **state)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got;

	(void)state;
	got = xlsx(a, "<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>Budget</t></is></c></row>"
	    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>At 31 March.</t></is></c></row>"
	    "<row r=\"4\"><c r=\"A4\" s=\"2\" t=\"inlineStr\"><is><t>Line</t></is></c>"
	    "<c r=\"B4\" s=\"2\" t=\"inlineStr\"><is><t>Amount</t></is></c></row>"
	    "<row r=\"5\"><c r=\"A5\"><v>1.1</v></c><c r=\"B5\" s=\"4\"><v>1250.4</v></c></row>"
	    "<row r=\"6\"><c r=\"A6\"><v>0.30000000000000004</v></c><c r=\"B6\" s=\"5\"><v>0.125</v></c></row>"
	    "<row r=\"7\"><c><v>3</v></c><c s=\"6\"><v>3.5</v></c><c s=\"7\"><v>-1234.5</v></c></row>"
	    "<row r=\"8\"><c r=\"A8\" t=\"b\"><v>1</v></c><c r=\"B8\" t=\"str\"><f>A1</f><v>Budget</v></c>"
	    "<c r=\"C8\" t=\"e\"><v>#DIV/0!</v></c></row>", "", xfs, false, &err);
	assert_non_null(got);
	assert_string_equal(got, "title: \n"
	    "heading 1: Budget\n"
	    "para: At 31 March.\n"
	    "table 5x3 head=1 name=Tracker\n"
	    "h Line | Amount | \n"
	    "| #1.1 | #1,250 | \n"
	    "| #0.3 | #12.5% | \n"
	    "| #3 | #\xC2\xA3" "3.50 | #(1,234.50)\n"
	    "| TRUE | Budget | #DIV/0!\n"
	    "noise (a hidden sheet, not read): sheet 'Lists'\n");
	free(got);
	arena_free(a);
}

static void
test_xlsx_shared_string_out_of_range_is_an_error(void **state)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got;

	(void)state;
	assert_null(xlsx(a, "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>57</v></c></row>",
	    "<si><t>only</t></si>", xfs, false, &err));
	assert_int_equal(err.code, WM_EINVAL);
	assert_string_equal(err.msg, "the .xlsx is damaged: cell B3 of sheet 'Tracker' refers to "
	    "shared string 57, but the workbook has 1");
	wm_err_clear(&err);
	/* two cells at one place: the one read later is the sheet's */
	got = xlsx(a, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Ref</t></is></c><c r=\"B1\" "
	    "t=\"inlineStr\"><is><t>Item</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c>"
	    "<c r=\"B2\" t=\"inlineStr\"><is><t>old</t></is></c><c r=\"B2\" t=\"inlineStr\"><is>"
	    "<t>new</t></is></c></row>", "", xfs, false, &err);
	assert_non_null(strstr(got, "| #1 | new\n"));
	free(got);
	assert_null(xlsx(a, "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", "", xfs, false, &err));
	assert_non_null(strstr(err.msg, "not a cell reference"));
	arena_free(a);
}

static void
test_empty_sheets_give_nothing(void **state)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got;

	(void)state;
	got = xlsx(a, "", "", xfs, false, &err);
	assert_non_null(got);
	assert_string_equal(got, "title: \nnoise (a hidden sheet, not read): sheet 'Lists'\n");
	free(got);
	/* ODF pads a sheet with a million repeated empty rows: they cost nothing */
	got = ods(a, "<table:table table:name=\"Empty\"><table:table-row "
	    "table:number-rows-repeated=\"1048576\"><table:table-cell "
	    "table:number-columns-repeated=\"16384\"/></table:table-row></table:table>", &err);
	assert_non_null(got);
	assert_string_equal(got, "title: \n");
	free(got);
	arena_free(a);
}

static void
test_ods_repeats_cells_and_rows_that_hold_text(void **state)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	char *got;

	(void)state;
	got = ods(a, "<table:table table:name=\"S\">"
	    "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Ref</text:p>"
	    "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>Due</text:p>"
	    "</table:table-cell></table:table-row>"
	    "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell "
	    "office:value-type=\"float\" office:value=\"7\"><text:p>7</text:p></table:table-cell>"
	    "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-01-31T00:00:00\">"
	    "<text:p>31 Jan</text:p></table:table-cell></table:table-row>"
	    "<table:table-row><table:table-cell table:number-columns-repeated=\"2\" "
	    "office:value-type=\"string\"><text:p>tbc</text:p></table:table-cell></table:table-row>"
	    "</table:table>", &err);
	assert_non_null(got);
	assert_string_equal(got, "title: \n"
	    "table 4x2 head=1 name=S\n"
	    "h Ref | Due\n"
	    "| #7 | @2025-01-31\n"
	    "| #7 | @2025-01-31\n"
	    "| tbc | tbc\n");
	free(got);
	arena_free(a);
}

static char *
html(struct arena *a, const char *page)
{
	struct dm_doc d;
	struct wm_err err = WM_ERR_INIT;

	assert_int_equal(dmt_read(&d, a, DM_HTML, page, strlen(page), &err), 0);
	return dmt_dump(&d);
}

static void
test_html_chrome_is_noise_and_scripts_are_not_text(void **state)
{
	struct arena *a = arena_new();
	char *got;

	(void)state;
	{
		/* a page past the cap is refused, not read into gigabytes */
		size_t n = ((size_t)8 << 20) + 1;
		char *big = malloc(n);
		struct dm_doc d;
		struct wm_err err = WM_ERR_INIT;

		memset(big, ' ', n);
		assert_int_equal(dmt_read(&d, a, DM_HTML, big, n, &err), WM_ETOOBIG);
		assert_non_null(strstr(err.msg, "Waymark reads pages of up to 8 MB"));
		free(big);
	}
	got = html(a, "<html><head><title> Our  plan </title><style>p{}</style></head><body>"
	    "<header><a href=/>Home</a> <form>Search</form></header>"
	    "<nav><ul><li>About us</li><li>Contact</li></ul></nav>"
	    "<main><header><h1>Plan</h1></header><p>Intro<script>var x;</script> text "
	    "<sup>2</sup>here</p><p><b>Bold</b> <strong>all</strong></p>"
	    "<ol reversed><li>three</li><li value=\"9\">nine</li></ol>"
	    "<ol type=\"A\" start=\"3\"><li>C</li></ol></main>"
	    "<footer>&copy; 2025 The Council</footer></body></html>");
	assert_string_equal(got, "title: Our plan\n"
	    "noise (site header): Home Search\n"
	    "noise (site navigation): About us Contact\n"
	    "heading 1: Plan\n"
	    "para: Intro text here ^2\n"
	    "para (bold): Bold all\n"
	    "item 0 [2.]: three\n"
	    "item 0 [9.]: nine\n"
	    "item 0 [C.]: C\n"
	    "noise (site footer or banner): \xC2\xA9 2025 The Council\n");
	free(got);
	arena_free(a);
}

static void
test_html_tables_place_spans_as_browsers_do(void **state)
{
	struct arena *a = arena_new();
	char *got;

	(void)state;
	got = html(a, "<table><caption>Actions</caption>"
	    "<tr><th>A</th><th>B</th><th>C</th></tr>"
	    "<tr><td rowspan=2>two rows</td><td colspan=2>two</td></tr>"
	    "<tr><td>x<table><tr><td>in</td><td>side</td></tr></table></td><td>y</td></tr>"
	    "<tr><th>A</th><th>B</th><th>C</th></tr>"
	    "<tr><td>z</td></tr></table>"
	    "<table><tfoot><tr><td>f</td><td>g</td></tr></tfoot><tbody>"
	    "<tr><td rowspan=0>all</td><td>1</td></tr><tr><td>2</td></tr></tbody></table>");
	/* the header again further down is a header row; rowspan="0" spans its row group */
	assert_string_equal(got, "title: \n"
	    "table 5x3 head=2 name=Actions\n"
	    "h A | B | C\n"
	    "| <2x1> two rows | <1x2> two | ^\n"
	    "| ^ | x\\nin | side | y\n"
	    "h A | B | C\n"
	    "| z |  | \n"
	    "table 3x2 head=0\n"
	    "| <2x1> all | 1\n"
	    "| ^ | 2\n"
	    "| f | g\n");
	free(got);
	arena_free(a);
}

static void
test_text_that_joins_a_block_or_cell_later_is_kept(void **state)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct buf page = BUF_INIT;
	char *got;

	(void)state;
	/* enough blocks before it that the block array moves while the item is open */
	for (int i = 0; i < 127; i++)
		buf_addf(&page, "<p>%d</p>", i);
	buf_adds(&page, "<ul><li><p>Parent</p><ul><li>child</li></ul><p>and more of it</p></li></ul>");
	got = html(a, buf_str(&page));
	assert_non_null(strstr(got, "para: 126\n"
	    "item 0 [\xE2\x80\xA2]: Parent\\nand more of it\n"
	    "item 1 [\xE2\x80\xA2]: child\n"));
	free(got);
	buf_release(&page);
	/* a merged cell's continuation holding text of its own: hidden in Word, kept here */
	got = docx(a, "<w:tbl><w:tr>" TC("<w:vMerge w:val=\"restart\"/>", "Homes") TC("", "1")
	    "</w:tr><w:tr>" TC("<w:vMerge/>", "and jobs") TC("", "2") "</w:tr><w:tr>"
	    TC("<w:vMerge/>", "and roads") TC("", "3") "</w:tr></w:tbl>", NULL, NULL, &err);
	assert_non_null(got);
	assert_string_equal(got, "title: \ntable 3x2 head=0\n"
	    "| <3x1> Homes\\nand jobs\\nand roads | 1\n| ^ | 2\n| ^ | 3\n");
	free(got);
	arena_free(a);
}

static void
test_files_that_are_not_what_they_claim_say_so(void **state)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	size_t len;
	char *zip;
	bool aes = zip_encryption_method_supported(ZIP_EM_AES_256, 1) == 1;

	(void)state;
	assert_null(dmt_zip_dump(a, DM_DOCX, strdup("PK\003\004 not really"), 16, &err));
	assert_non_null(strstr(err.msg, "the .docx is damaged: it is not a zip archive"));
	wm_err_clear(&err);
	zip = dmt_zip(&len, "content.xml", "<x/>", NULL);
	assert_null(dmt_zip_dump(a, DM_XLSX, zip, len, &err));
	assert_non_null(strstr(err.msg, "the .xlsx has no xl/workbook.xml"));
	wm_err_clear(&err);
	zip = dmt_zip(&len, "meta.xml", "<x/>", NULL);
	assert_null(dmt_zip_dump(a, DM_ODS, zip, len, &err));
	assert_non_null(strstr(err.msg, "the .ods has no content.xml"));
	wm_err_clear(&err);
	zip = dmt_zip(&len, "word/document.xml", "<w:document " DMT_W "><w:body><w:p>", NULL);
	assert_null(dmt_zip_dump(a, DM_DOCX, zip, len, &err));
	assert_non_null(strstr(err.msg, "is not well-formed XML (line 1"));
	wm_err_clear(&err);
	if (aes) {
		zip = dmt_zip(&len, "!word/document.xml", "<w:document " DMT_W "/>", NULL);
		assert_null(dmt_zip_dump(a, DM_DOCX, zip, len, &err));
		assert_non_null(strstr(err.msg, "is encrypted"));
	} else {
		print_message("# libzip cannot write AES here: the encrypted case is not run\n");
	}
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docx_numbering_counts_levels_and_restarts),
		cmocka_unit_test(test_docx_tables_keep_merged_cells_and_cell_paragraphs),
		cmocka_unit_test(test_docx_first_row_in_bold_is_a_header),
		cmocka_unit_test(test_odt_lists_count_as_their_style_says),
		cmocka_unit_test(test_odt_tables_keep_spans_and_header_rows),
		cmocka_unit_test(test_xlsx_reads_dates_in_both_calendars),
		cmocka_unit_test(test_xlsx_numbers_show_as_their_format_says),
		cmocka_unit_test(test_xlsx_shared_string_out_of_range_is_an_error),
		cmocka_unit_test(test_empty_sheets_give_nothing),
		cmocka_unit_test(test_ods_repeats_cells_and_rows_that_hold_text),
		cmocka_unit_test(test_html_chrome_is_noise_and_scripts_are_not_text),
		cmocka_unit_test(test_html_tables_place_spans_as_browsers_do),
		cmocka_unit_test(test_text_that_joins_a_block_or_cell_later_is_kept),
		cmocka_unit_test(test_files_that_are_not_what_they_claim_say_so),
	};

	return cmocka_run_group_tests_name("dm_readers", tests, NULL, NULL);
}
