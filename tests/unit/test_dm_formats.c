/*
 * test_dm_formats.c: the structured readers (HTML, DOCX, ODT, XLSX, ODS)
 * on whole files.
 *
 * - Golden dumps: every fixture in tests/golden/formats beside the model
 *   it must give (NAME.EXT.dm); the test is a diff. The PDF reader's
 *   fixtures are there too (pdf-NAME.pdf, made by
 *   tests/fixtures/pdf/make-pdfs; its other tests are test_dm_pdf's). After a change that
 *   is meant to alter them: WM_GOLDEN_UPDATE=1 build/tests/test_dm_formats,
 *   then review the diff.
 * - The same content gives the same model: each fixture's .docx and .odt
 *   (made from its .html by LibreOffice) read exactly as the .html does,
 *   and its .xlsx and .ods as the .html too, but for the sheet's name and
 *   the cells' types; and so for the twelve documents of the corpus that
 *   come in several formats, when ../shared/corpus is there.
 * - Hostile files (tests/fuzz/regressions/dm_zip) get a clear error.
 */
#include "dmtest.h"

#include <dirent.h>

#define GOLDEN WM_SRCDIR "/tests/golden/formats"
#define HOSTILE WM_SRCDIR "/tests/fuzz/regressions/dm_zip"
#define CORPUS WM_SRCDIR "/../shared/corpus"

/* The dump of a file, or NULL when it is not there; the test fails on a reading error. */
static char *
dump_file(const char *path)
{
	struct buf in;
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct dm_doc d;
	char *out = NULL;

	if (dmt_slurp(path, &in)) {
		if (dmt_read(&d, a, dmt_format(path), in.s, in.len, &err) != 0)
			fail_msg("%s: %s", path, err.msg);
		out = dmt_dump(&d);
	}
	buf_release(&in);
	arena_free(a);
	return out;
}

static void
test_fixtures_match_their_golden_dumps(void **state)
{
	DIR *dir = opendir(GOLDEN);
	struct dirent *e;
	bool update = getenv("WM_GOLDEN_UPDATE") != NULL;
	int n = 0;

	(void)state;
	assert_non_null(dir);
	while ((e = readdir(dir)) != NULL) {
		char path[512], want_path[600];
		struct buf want;
		char *got;

		if (dmt_format(e->d_name) == DM_TEXT)
			continue;
		snprintf(path, sizeof(path), "%s/%s", GOLDEN, e->d_name);
		snprintf(want_path, sizeof(want_path), "%s.dm", path);
		got = dump_file(path);
		assert_non_null(got);
		if (update) {
			FILE *f = fopen(want_path, "w");

			assert_non_null(f);
			fputs(got, f);
			fclose(f);
		}
		if (!dmt_slurp(want_path, &want))
			fail_msg("%s has no golden dump: make it with WM_GOLDEN_UPDATE=1", path);
		if (strcmp(buf_str(&want), got) != 0)
			fail_msg("%s reads differently from %s.dm:\n%s", path, e->d_name, got);
		buf_release(&want);
		free(got);
		n++;
	}
	closedir(dir);
	assert_true(n >= 20);
}

/*
 * What a sheet may not say as the page did: its name, and its cells'
 * types (a number is "#100" in the dump, a date "@2024-03-31"). With
 * loose, also numbers as LibreOffice keeps them from text ("2,613" is
 * 2613, "75.00" is 75).
 */
static char *
sheet_neutral(const char *dump, bool loose)
{
	struct buf b = BUF_INIT;

	for (const char *p = dump; *p; p++) {
		if (strncmp(p, " name=", 6) == 0) {
			while (p[1] != '\n' && p[1] != '\0')
				p++;
			continue;
		}
		if ((*p == '#' || *p == '@') && p > dump + 1 && p[-1] == ' ' &&
		    (p[-2] == '|' || p[-2] == 'h' || p[-2] == '>'))
			continue;
		if (loose && *p == ',' && p > dump && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' &&
		    p[1] <= '9')
			continue;
		if (loose && strncmp(p, ".00", 3) == 0 && (p[3] == ' ' || p[3] == '\n') &&
		    p > dump && p[-1] >= '0' && p[-1] <= '9') {
			p += 2;
			continue;
		}
		buf_addc(&b, *p);
	}
	return buf_detach(&b, NULL);
}

/* The document stem in dir, in every format it comes in, reads as its .html does. */
static void
agree(const char *dir, const char *stem, bool loose)
{
	static const char *const text[] = { "docx", "odt" }, *const sheets[] = { "xlsx", "ods" };
	char path[512];
	char *html, *html_sheet;

	snprintf(path, sizeof(path), "%s/%s.html", dir, stem);
	html = dump_file(path);
	assert_non_null(html);
	html_sheet = sheet_neutral(html, loose);
	for (size_t i = 0; i < 2; i++) {
		char *got;

		snprintf(path, sizeof(path), "%s/%s.%s", dir, stem, text[i]);
		assert_non_null(got = dump_file(path));
		if (strcmp(got, html) != 0)
			fail_msg("%s reads differently from its .html:\n%s\n---\n%s", path, got, html);
		free(got);
	}
	for (size_t i = 0; i < 2; i++) {
		char *got, *neutral;

		snprintf(path, sizeof(path), "%s/%s.%s", dir, stem, sheets[i]);
		if ((got = dump_file(path)) == NULL)
			continue;
		neutral = sheet_neutral(got, loose);
		if (strcmp(neutral, html_sheet) != 0)
			fail_msg("%s reads differently from its .html:\n%s\n---\n%s", path, neutral,
			    html_sheet);
		free(neutral);
		free(got);
	}
	free(html_sheet);
	free(html);
}

static void
test_the_same_content_gives_the_same_model_in_every_format(void **state)
{
	static const char *const stems[] = {
		"action-plan", "tracker", "nested-lists", "timetable", "plan",
	};
	char *x, *o;

	(void)state;
	for (size_t i = 0; i < WM_ARRAY_LEN(stems); i++)
		agree(GOLDEN, stems[i], false);
	/* typed cells: the two spreadsheet formats agree on the types too */
	x = dump_file(GOLDEN "/tracker-dates.xlsx");
	o = dump_file(GOLDEN "/tracker-dates.ods");
	assert_non_null(x);
	assert_non_null(o);
	assert_string_equal(x, o);
	assert_non_null(strstr(x, "| @2025-07-18 | #40% | #\xC2\xA3" "300.50 |"));
	free(x);
	free(o);
}

static void
test_the_corpus_reads_alike_in_every_format(void **state)
{
	static const char *const stems[] = {
		"p06-southglos-equality-objectives", "p12-rowlandscastle-pc-priorities",
		"t05-chesapeake-timetable", "t11-oxfordshire-progress", "t12-arb-progress",
		"t13-warwickshire-fire-progress", "r09-home-office-grenfell-progress",
		"r10-reading-bc-recommendations", "r12-north-devon-progress",
		"p16-lbhf-hate-crime-objectives-actions", "t04-fingal-timetable",
		"r15-shsc-nhs-negative",
	};
	DIR *dir = opendir(CORPUS);

	(void)state;
	if (dir == NULL) {
		print_message("# no corpus at %s: skipped\n", CORPUS);
		skip();
	}
	closedir(dir);
	for (size_t i = 0; i < WM_ARRAY_LEN(stems); i++)
		agree(CORPUS, stems[i], true);
}

/* A file of tests/fuzz/regressions/dm_zip read as its name says: its code, and its message in msg. */
static int
read_hostile(const char *name, char *msg, size_t size)
{
	char path[512];
	struct buf in;
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct dm_doc d;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", HOSTILE, name);
	if (!dmt_slurp(path, &in))
		fail_msg("no %s", path);
	rc = dmt_read(&d, a, dmt_format(name), in.s, in.len, &err);
	snprintf(msg, size, "%s", err.msg);
	buf_release(&in);
	arena_free(a);
	return rc;
}

static void
test_hostile_files_get_a_clear_error(void **state)
{
	char msg[1024];

	(void)state;
	/* 5 million empty paragraphs in 46 KB: the directory admits it, and is believed */
	assert_int_equal(read_hostile("zip-bomb.docx", msg, sizeof(msg)), WM_ETOOBIG);
	assert_non_null(strstr(msg, "zip bomb"));
	/* the same, its directory claiming 1,000 bytes: the bytes inflated are counted */
	assert_int_equal(read_hostile("zip-bomb-lying.docx", msg, sizeof(msg)), WM_ETOOBIG);
	assert_non_null(strstr(msg, "zip bomb"));
	/* a billion laughs: refused at its DOCTYPE, before any entity is defined */
	assert_int_equal(read_hostile("entity-bomb.docx", msg, sizeof(msg)), WM_EINVAL);
	assert_non_null(strstr(msg, "declares a DTD"));
	assert_int_equal(read_hostile("no-document.docx", msg, sizeof(msg)), WM_EINVAL);
	assert_non_null(strstr(msg, "has no word/document.xml"));
	/*
	 * Relationships to ../../../etc/passwd, a member named ../x, a style
	 * based on itself, numbers past any range, spans past the grid: read,
	 * within bounds, the escaping targets ignored.
	 */
	assert_int_equal(read_hostile("hostile.docx", msg, sizeof(msg)), 0);
	/* a cell repeated over every column of a million rows, in 500 bytes: refused at the cap */
	assert_int_equal(read_hostile("repeat-bomb.ods", msg, sizeof(msg)), WM_ETOOBIG);
	assert_non_null(strstr(msg, "sheet 'S' has more than 1000000 cells"));
}

static void
test_formats_are_told_by_their_content(void **state)
{
	static const struct { const char *file; enum dm_format f; } files[] = {
		{ "action-plan.html", DM_HTML }, { "action-plan.docx", DM_DOCX },
		{ "action-plan.odt", DM_ODT }, { "action-plan.xlsx", DM_XLSX },
		{ "action-plan.ods", DM_ODS },
	};

	(void)state;
	for (size_t i = 0; i < WM_ARRAY_LEN(files); i++) {
		char path[512];
		struct buf in;

		snprintf(path, sizeof(path), "%s/%s", GOLDEN, files[i].file);
		assert_true(dmt_slurp(path, &in));
		assert_int_equal(dm_sniff(in.s, in.len), files[i].f);
		buf_release(&in);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures_match_their_golden_dumps),
		cmocka_unit_test(test_the_same_content_gives_the_same_model_in_every_format),
		cmocka_unit_test(test_the_corpus_reads_alike_in_every_format),
		cmocka_unit_test(test_hostile_files_get_a_clear_error),
		cmocka_unit_test(test_formats_are_told_by_their_content),
	};

	return cmocka_run_group_tests_name("dm_formats", tests, NULL, NULL);
}
