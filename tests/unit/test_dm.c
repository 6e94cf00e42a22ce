/*
 * test_dm.c: the document model and the plain-text reader, one layout at a
 * time: each case is a text written here in a layout real papers use and
 * the model it must give, as dm_dump() writes it.
 */
#include "testutil.h"

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"

/* The dump of text read as plain text. */
static char *
dump_of(struct arena *a, const char *text)
{
	struct wm_err err = WM_ERR_INIT;
	struct buf b = BUF_INIT;
	struct dm_doc d;
	char *out;

	dm_init(&d, a, DM_TEXT);
	if (dm_read_text(&d, text, strlen(text), &err) != 0)
		fail_msg("dm_read_text: %s", err.msg);
	assert_int_equal(dm_dump(&d, &b), 0);
	out = arena_strdup(a, buf_str(&b));
	buf_release(&b);
	return out;
}

static void
expect_model(const char *text, const char *want)
{
	struct arena *a = arena_new();
	const char *got = dump_of(a, text);

	if (strcmp(got, want) != 0)
		fail_msg("model of:\n%s\n--- got:\n%s--- wanted:\n%s", text, got, want);
	arena_free(a);
}

static void
test_headings_items_and_paragraphs(void **state)
{
	(void)state;
	expect_model(
	    "# source: https://example.org/plan\n"
	    "Skip to main content\n"
	    "Borough Plan 2031\n"
	    "\n"
	    "The council has agreed four aims for the next five years, and these are set out in the list that follows:\n"
	    "  1. Safer streets\n"
	    "  2. Cleaner parks\n"
	    "    a) more bins\n"
	    "    b) more wardens\n"
	    "  3. Better homes\n"
	    "\n"
	    "Delivering the aims\n"
	    "\n"
	    "Each service will publish its own plan.\n"
	    "\xE2\x80\xA2 Libraries\n"
	    "\xE2\x80\xA2 Leisure\n"
	    "\n"
	    "2 of 7\n",
	    "noise (a web address): # source: https://example.org/plan\n"
	    "noise (page furniture of the site it was saved from): Skip to main content\n"
	    "heading 2?: Borough Plan 2031\n"
	    "para: The council has agreed four aims for the next five years, and these are set out in the list that follows:\n"
	    "item 0 [1.]: Safer streets\n"
	    "item 0 [2.]: Cleaner parks\n"
	    "item 1 [a)]: more bins\n"
	    "item 1 [b)]: more wardens\n"
	    "item 0 [3.]: Better homes\n"
	    "heading 2?: Delivering the aims\n"
	    "para: Each service will publish its own plan.\n"
	    "item 0 [\xE2\x80\xA2]: Libraries\n"
	    "item 0 [\xE2\x80\xA2]: Leisure\n"
	    "noise (a page number): 2 of 7\n");
}

static void
test_markers_of_every_style(void **state)
{
	(void)state;
	expect_model(
	    "Actions:\n"
	    "2.1 Review the fleet\n"
	    "2.1a Sell two vans\n"
	    "(iv) Count the keys\n"
	    "- Fix the roof\n"
	    "5.1.v Roll out the scheme\n"
	    "16 September\n",
	    "para: Actions:\n"
	    "item 0 [2.1]: Review the fleet\n"
	    "item 1 [2.1a]: Sell two vans\n"
	    "item 2 [(iv)]: Count the keys\n"
	    "item 3 [-]: Fix the roof\n"
	    "item 1 [5.1.v]: Roll out the scheme\n"
	    "para: 16 September\n");
}

static void
test_wrapped_lines_join_and_footnotes_stand_apart(void **state)
{
	(void)state;
	expect_model(
	    "The panel reviews every audit six to twelve months after it is issued, and checks\n"
	    "the evidence that each agreed action was taken before it is closed in the log.\n"
	    "A second paragraph starts here.\n"
	    "Fund the new depot\xC2\xB9\n"
	    "\xC2\xB9 From the capital reserve.\n",
	    "para: The panel reviews every audit six to twelve months after it is issued, and checks the evidence that each agreed action was taken before it is closed in the log.\n"
	    "para: A second paragraph starts here.\n"
	    "para: Fund the new depot ^1\n"
	    "note [1]: From the capital reserve.\n");
}

static void
test_a_word_table_saved_as_text(void **state)
{
	(void)state;
	expect_model(
	    "Ref\tRecommendation\tLead\n"
	    "R1\tKeep a register.\tClerk\n"
	    "\n"
	    "Ref\tRecommendation\tLead\n"
	    "R2\tTrain the staff\tHead of HR\n"
	    "\tof every team.\t\n",
	    "table 5x3 head=2\n"
	    "h Ref | Recommendation | Lead\n"
	    "| R1 | Keep a register. | Clerk\n"
	    "h Ref | Recommendation | Lead\n"
	    "| R2 | Train the staff | Head of HR\n"
	    "|  | of every team. | \n");
}

static void
test_pipe_tables_and_a_stream_of_piped_cells(void **state)
{
	(void)state;
	expect_model(
	    "| Action | Owner | Due |\n"
	    "|---|---|---|\n"
	    "| Fix the roof | Estates | May 2030 |\n",
	    "table 2x3 head=1\n"
	    "h Action | Owner | Due\n"
	    "| Fix the roof | Estates | May 2030\n");
	expect_model(
	    "Date\n|\nStep\n|\nWho\n|\n"
	    "01/05/30 |\nBudget set\n|\nCabinet\n|\n"
	    "02/06/30 to\n03/07/30 |\nConsultation\n|\n|\n",
	    "table 3x3 head=1\n"
	    "h Date | Step | Who\n"
	    "| 01/05/30 | Budget set | Cabinet\n"
	    "| 02/06/30 to 03/07/30 | Consultation | \n");
}

static void
test_one_cell_a_line_under_a_header_of_column_names(void **state)
{
	(void)state;
	expect_model(
	    "Ref\n\nPriority\n\nAction\n\nLead\n\n"
	    "HOUSING\n\n"
	    "1\n\nH\n\nBuild forty homes on the depot site\n\nHousing Officer\n\n"
	    "2\n\nRepair the tower\n\nEstates\n",
	    "table 4x4 head=1\n"
	    "h Ref | Priority | Action | Lead\n"
	    "| <1x4> HOUSING | ^ | ^ | ^\n"
	    "| 1 | H | Build forty homes on the depot site | Housing Officer\n"
	    "| 2 |  | Repair the tower | Estates\n");
}

static void
test_columns_aligned_with_spaces(void **state)
{
	(void)state;
	expect_model(
	    "Action                 Lead          Due\n"
	    "Open the new library   Librarian     June 2031\n"
	    "Close the old one      Estates       July 2031\n",
	    "table 3x3 head=1\n"
	    "h Action | Lead | Due\n"
	    "| Open the new library | Librarian | June 2031\n"
	    "| Close the old one | Estates | July 2031\n");
}

static void
test_rows_run_together_under_a_header_line(void **state)
{
	(void)state;
	expect_model(
	    "Action Deadline date Status Lead officer\n"
	    "A1 Replace the boilers in the town hall 31 Mar 2031 In progress Ann Smith\n"
	    "A2 Publish the climate plan 30 Sep 2031 Not started Raj Patel\n",
	    "table 3x5 head=1\n"
	    "h  | Action | Deadline date | Status | Lead officer\n"
	    "| A1 | Replace the boilers in the town hall | 31 Mar 2031 | In progress | Ann Smith\n"
	    "| A2 | Publish the climate plan | 30 Sep 2031 | Not started | Raj Patel\n");
}

static void
test_page_furniture_and_repeats_are_noise(void **state)
{
	(void)state;
	expect_model(
	    "Annual Report\n"
	    "\n"
	    "Upload: others\n"
	    "0 views\n"
	    "Annual Report\n"
	    "Plan 2030 (pdf)\n"
	    "a t t a c h m e n t 1\n"
	    "Contents\n",
	    "heading 2?: Annual Report\n"
	    "noise (page furniture of the site it was saved from): Upload: others\n"
	    "noise (page furniture of the site it was saved from): 0 views\n"
	    "noise (printed again, as a page header or title is): Annual Report\n"
	    "noise (a link to a document): Plan 2030 (pdf)\n"
	    "noise (display text set letter by letter): a t t a c h m e n t 1\n"
	    "noise (page furniture of the site it was saved from): Contents\n");
}

static void
test_sniffing_by_content(void **state)
{
	(void)state;
	assert_int_equal(dm_sniff("%PDF-1.7\n", 9), DM_PDF);
	assert_int_equal(dm_sniff("  <!DOCTYPE html><p>", 20), DM_HTML);
	assert_int_equal(dm_sniff("Ref\tText\n", 9), DM_TEXT);
	assert_int_equal(dm_sniff("", 0), DM_TEXT);
}

static void
test_any_bytes_give_a_model(void **state)
{
	char buf[600];
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	static const char alphabet[] = "\t\n\n |-.1aR)(:\xE2\x80\xA2 Ref Lead Status 2031 Sep";

	(void)state;
	for (int round = 0; round < 400; round++) {
		struct arena *a = arena_new();
		struct wm_err err = WM_ERR_INIT;
		struct buf b = BUF_INIT;
		struct dm_doc d;
		size_t len = (size_t)(round * 13 % (int)(sizeof(buf) - 1));

		for (size_t i = 0; i < len; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf[i] = alphabet[x % (sizeof(alphabet) - 1)];
		}
		buf[len] = '\0';
		assert_int_equal(dm_read(&d, a, buf, len, &err), 0);
		assert_int_equal(dm_dump(&d, &b), 0);
		buf_release(&b);
		arena_free(a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings_items_and_paragraphs),
		cmocka_unit_test(test_markers_of_every_style),
		cmocka_unit_test(test_wrapped_lines_join_and_footnotes_stand_apart),
		cmocka_unit_test(test_a_word_table_saved_as_text),
		cmocka_unit_test(test_pipe_tables_and_a_stream_of_piped_cells),
		cmocka_unit_test(test_one_cell_a_line_under_a_header_of_column_names),
		cmocka_unit_test(test_columns_aligned_with_spaces),
		cmocka_unit_test(test_rows_run_together_under_a_header_line),
		cmocka_unit_test(test_page_furniture_and_repeats_are_noise),
		cmocka_unit_test(test_sniffing_by_content),
		cmocka_unit_test(test_any_bytes_give_a_model),
	};

	return cmocka_run_group_tests_name("dm", tests, NULL, NULL);
}
