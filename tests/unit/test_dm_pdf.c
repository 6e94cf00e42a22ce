/*
 * test_dm_pdf.c: the PDF reader. Layout first, on pages of words placed
 * here as LibreOffice places them (a 10 pt word's box 13 pt tall, lines
 * 11.5 pt apart, cells padded by 3 pt): columns from the gaps that hold
 * down the lines, wrapped cells, rows, a header repeated over a page
 * break, page headers and footers, two columns of text, lists and
 * headings, and no word lost. Then real files through poppler: hostile
 * ones (a broken cross-reference table, a file cut short, a password, a
 * page tree of a billion pages, a page of a million glyphs) each a clear
 * error or a bounded reading. Last, the corpus's PDFs against the same
 * documents' .odt (the PDFs were exported from them), when ../shared/corpus
 * is there.
 */
#include "testutil.h"

#include <dirent.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"
#include "import/dm.h"
#include "import/pdf.h"

#ifndef WM_SRCDIR
#define WM_SRCDIR "."
#endif

/* ---- pages of words placed by hand ---- */

struct pages {
	struct arena *a;
	struct pdf_page pg[4];
	size_t n, cap[4];
	size_t nwords;		/* placed in all */
};

static struct pages *
pages_new(size_t n)
{
	struct pages *ps = wm_calloc(1, sizeof(*ps));

	ps->a = arena_new();
	ps->n = n;
	for (size_t i = 0; i < n; i++) {
		ps->pg[i].number = (int)i + 1;
		ps->pg[i].width = 595;
		ps->pg[i].height = 842;
	}
	return ps;
}

static void
pages_free(struct pages *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->pg[i].words);
	arena_free(ps->a);
	free(ps);
}

/* Set text on page p from x with its boxes' tops at top: each character half an em, a space 0.28. */
static double
put_as(struct pages *ps, size_t p, double x, double top, double size, bool bold, const char *text)
{
	struct pdf_page *pg = &ps->pg[p];
	const char *s = text;

	while (*s) {
		size_t n = strcspn(s, " ");
		struct pdf_word *w;

		if (n > 0) {
			WM_GROW(pg->words, pg->nwords + 1, ps->cap[p]);
			w = &pg->words[pg->nwords++];
			w->x1 = x;
			w->x2 = x + 0.5 * size * (double)n;
			w->y1 = top;
			w->y2 = top + 1.3 * size;
			w->size = size;
			w->bold = bold;
			w->text = arena_strndup(ps->a, s, n);
			x = w->x2 + 0.28 * size;
			ps->nwords++;
		}
		s += n;
		while (*s == ' ')
			s++;
	}
	return x;
}

static void
put(struct pages *ps, size_t p, double x, double top, const char *text)
{
	put_as(ps, p, x, top, 10, false, text);
}

static void
put_bold(struct pages *ps, size_t p, double x, double top, const char *text)
{
	put_as(ps, p, x, top, 10, true, text);
}

/*
 * No word lost: the model's texts hold every character of the words
 * placed, and no other (words joined at a hyphen that ends a line lose
 * only the space between them).
 */
static void
count_chars(const char *s, size_t counts[256])
{
	for (; *s; s++)
		if (*s != ' ')
			counts[(unsigned char)*s]++;
}

static void
assert_no_word_lost(const struct pages *ps, const struct dm_doc *d)
{
	size_t in[256] = { 0 }, out[256] = { 0 };

	for (size_t p = 0; p < ps->n; p++)
		for (size_t i = 0; i < ps->pg[p].nwords; i++)
			count_chars(ps->pg[p].words[i].text, in);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct dm_block *b = &d->blocks[i];

		if (b->marker != NULL)
			count_chars(b->marker, out);
		if (b->type != DM_TABLE) {
			count_chars(b->text, out);
			continue;
		}
		for (size_t c = 0; c < b->table->nrows * b->table->ncols; c++)
			count_chars(b->table->cells[c].text, out);
	}
	for (int c = 0; c < 256; c++)
		if (in[c] != out[c])
			fail_msg("the pages hold %zu of byte %d, the model %zu", in[c], c, out[c]);
}

/* The model of the pages must dump as want, and hold every word placed. */
static void
expect_model(struct pages *ps, const char *want)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct buf b = BUF_INIT;
	struct dm_doc d;

	dm_init(&d, a, DM_PDF);
	if (pdf_model(&d, ps->a, ps->pg, ps->n, &err) != 0)
		fail_msg("pdf_model: %s", err.msg);
	assert_int_equal(dm_dump(&d, &b), 0);
	if (strcmp(buf_str(&b), want) != 0)
		fail_msg("--- got:\n%s--- wanted:\n%s", buf_str(&b), want);
	assert_no_word_lost(ps, &d);
	buf_release(&b);
	arena_free(a);
}

/* ---- layout ---- */

/* The columns of the action plan the tests place, and its header on page p at top. */
static const double col_x[] = { 60, 100, 330, 450 };

static double
put_header(struct pages *ps, size_t p, double top)
{
	put_bold(ps, p, col_x[0], top, "Ref");
	put_bold(ps, p, col_x[1], top, "Action");
	put_bold(ps, p, col_x[2], top, "Lead");
	put_bold(ps, p, col_x[3], top, "Due");
	return top + 13 + 3;
}

static void
test_columns_come_from_gaps_held_down_the_lines(void **state)
{
	struct pages *ps = pages_new(1);
	double y = put_header(ps, 0, 100);

	(void)state;
	/* cells set flush against the column's edge: "Contracts Manager" ends 5 pt before "Ongoing" */
	put(ps, 0, col_x[0], y, "R1");
	put(ps, 0, col_x[1], y, "Publish the register");
	put(ps, 0, col_x[2], y, "Head of Audit");
	put(ps, 0, col_x[3], y, "June 2024");
	y += 16;
	put(ps, 0, col_x[0], y, "R2");
	put(ps, 0, col_x[1], y, "Train budget holders in the new rules");
	put(ps, 0, col_x[2], y, "Finance Manager");
	put(ps, 0, col_x[3], y, "Sep 2024");
	y += 16;
	put(ps, 0, col_x[0], y, "R3");
	put(ps, 0, col_x[1], y, "Review contracts");
	put(ps, 0, col_x[2], y, "Contract Managers");
	put(ps, 0, col_x[3], y, "Ongoing");
	put(ps, 0, 60, y + 40, "Progress will be reported to the Audit Committee at each of its meetings.");
	expect_model(ps,
	    "table 4x4 head=1\n"
	    "h Ref | Action | Lead | Due\n"
	    "| R1 | Publish the register | Head of Audit | June 2024\n"
	    "| R2 | Train budget holders in the new rules | Finance Manager | Sep 2024\n"
	    "| R3 | Review contracts | Contract Managers | Ongoing\n"
	    "para: Progress will be reported to the Audit Committee at each of its meetings.\n");
	pages_free(ps);
}

static void
test_wrapped_cells_join_under_their_first_line(void **state)
{
	struct pages *ps = pages_new(1);
	double y = put_header(ps, 0, 100);

	(void)state;
	/* three lines in the action's cell; the ref and date centred beside them */
	put(ps, 0, col_x[1], y, "Publish the revised risk");
	put(ps, 0, col_x[1], y + 11.5, "register and report it to");
	put(ps, 0, col_x[1], y + 23, "the Audit Committee");
	put(ps, 0, col_x[0], y + 11.5, "R1");
	put(ps, 0, col_x[2], y, "Head of");
	put(ps, 0, col_x[2], y + 11.5, "Audit");
	put(ps, 0, col_x[3], y + 11.5, "June 2024");
	y += 3 * 11.5 + 1.5 + 3;
	put(ps, 0, col_x[0], y, "R2");
	put(ps, 0, col_x[1], y, "Train every budget holder");
	put(ps, 0, col_x[2], y, "Finance");
	put(ps, 0, col_x[3], y, "September");
	put(ps, 0, col_x[3], y + 11.5, "2024");
	y += 2 * 11.5 + 1.5 + 3;
	put(ps, 0, col_x[0], y, "R3");
	put(ps, 0, col_x[1], y, "Review the contracts");
	put(ps, 0, col_x[2], y, "Procurement");
	put(ps, 0, col_x[3], y, "Ongoing");
	expect_model(ps,
	    "table 4x4 head=1\n"
	    "h Ref | Action | Lead | Due\n"
	    "| R1 | Publish the revised risk register and report it to the Audit Committee | "
	    "Head of Audit | June 2024\n"
	    "| R2 | Train every budget holder | Finance | September 2024\n"
	    "| R3 | Review the contracts | Procurement | Ongoing\n");
	pages_free(ps);
}

static void
test_a_group_row_spans_the_table(void **state)
{
	struct pages *ps = pages_new(1);
	double y = put_header(ps, 0, 100);

	(void)state;
	put_bold(ps, 0, col_x[0], y, "Finance and Resources");
	y += 16;
	for (int r = 1; r <= 3; r++, y += 16) {
		char ref[8];

		snprintf(ref, sizeof(ref), "F%d", r);
		put(ps, 0, col_x[0], y, ref);
		put(ps, 0, col_x[1], y, r == 2 ? "Close the accounts" : "Reconcile the bank");
		put(ps, 0, col_x[2], y, "Treasurer");
		put(ps, 0, col_x[3], y, "Monthly");
	}
	put_bold(ps, 0, col_x[0], y, "Housing");
	y += 16;
	put(ps, 0, col_x[0], y, "H1");
	put(ps, 0, col_x[1], y, "Inspect every home");
	put(ps, 0, col_x[2], y, "Head of Housing");
	put(ps, 0, col_x[3], y, "March 2025");
	expect_model(ps,
	    "table 7x4 head=1\n"
	    "h Ref | Action | Lead | Due\n"
	    "| <1x4> Finance and Resources | ^ | ^ | ^\n"
	    "| F1 | Reconcile the bank | Treasurer | Monthly\n"
	    "| F2 | Close the accounts | Treasurer | Monthly\n"
	    "| F3 | Reconcile the bank | Treasurer | Monthly\n"
	    "| <1x4> Housing | ^ | ^ | ^\n"
	    "| H1 | Inspect every home | Head of Housing | March 2025\n");
	pages_free(ps);
}

static void
test_a_parent_centred_beside_its_rows_spans_them(void **state)
{
	struct pages *ps = pages_new(1);
	double y = 100;

	(void)state;
	put_bold(ps, 0, 60, y, "Area");
	put_bold(ps, 0, 200, y, "Action");
	put_bold(ps, 0, 420, y, "Progress");
	y += 16;
	for (int r = 0; r < 4; r++, y += 16 + 11.5) {
		put(ps, 0, 200, y, r % 2 ? "Provide an induction" : "Recruit a new chair");
		put(ps, 0, 200, y + 11.5, r % 2 ? "for the new board" : "and ten board members");
		put(ps, 0, 420, y + 5.75, "Completed");
	}
	/* the parent's text centred on the four rows it was merged down */
	put(ps, 0, 60, 116 + 2 * 27.5 - 1.5 - 13, "Integrating the");
	put(ps, 0, 60, 116 + 2 * 27.5 - 1.5 - 1.5, "new board");
	expect_model(ps,
	    "table 5x3 head=1\n"
	    "h Area | Action | Progress\n"
	    "| <4x1> Integrating the new board | Recruit a new chair and ten board members | Completed\n"
	    "| ^ | Provide an induction for the new board | Completed\n"
	    "| ^ | Recruit a new chair and ten board members | Completed\n"
	    "| ^ | Provide an induction for the new board | Completed\n");
	pages_free(ps);
}

static void
test_a_list_in_a_cell_stays_in_its_cell(void **state)
{
	struct pages *ps = pages_new(1);
	double y = put_header(ps, 0, 100);

	(void)state;
	for (int r = 1; r <= 3; r++, y += 2 * 11.5 + 4.5) {
		char ref[8];

		snprintf(ref, sizeof(ref), "R%d", r);
		put(ps, 0, col_x[0], y + 5.75, ref);
		put(ps, 0, col_x[1], y + 5.75, r == 2 ? "Cut waiting times" : "Open the new hall");
		/* the lead's cell holds a bulleted list: the bullets and their text line up */
		put(ps, 0, col_x[2], y, "\xE2\x80\xA2");
		put(ps, 0, col_x[2] + 12, y, r == 3 ? "Housing" : "Finance");
		put(ps, 0, col_x[2], y + 11.5, "\xE2\x80\xA2");
		put(ps, 0, col_x[2] + 12, y + 11.5, "Legal");
		put(ps, 0, col_x[3], y + 5.75, "2025");
	}
	expect_model(ps,
	    "table 4x4 head=1\n"
	    "h Ref | Action | Lead | Due\n"
	    "| R1 | Open the new hall | \xE2\x80\xA2 Finance \xE2\x80\xA2 Legal | 2025\n"
	    "| R2 | Cut waiting times | \xE2\x80\xA2 Finance \xE2\x80\xA2 Legal | 2025\n"
	    "| R3 | Open the new hall | \xE2\x80\xA2 Housing \xE2\x80\xA2 Legal | 2025\n");
	pages_free(ps);
}

static void
test_a_header_of_two_rows_keeps_its_spans(void **state)
{
	struct pages *ps = pages_new(1);
	double y = 100;

	(void)state;
	/* "Measure" centred down both header rows; "Actuals" over the two years below it */
	put_bold(ps, 0, 60, y + 5.75, "Measure");
	put_bold(ps, 0, 250, y, "Actuals");
	put_bold(ps, 0, 420, y, "Aim");
	put_bold(ps, 0, 250, y + 11.5 + 4.5, "2023/24");
	put_bold(ps, 0, 340, y + 11.5 + 4.5, "2024/25");
	put_bold(ps, 0, 420, y + 11.5 + 4.5, "2025/26");
	y += 2 * 16;
	for (int r = 0; r < 3; r++, y += 16) {
		put(ps, 0, 60, y, r == 1 ? "Fires attended" : "Homes visited");
		put(ps, 0, 250, y, "120");
		put(ps, 0, 340, y, "135");
		put(ps, 0, 420, y, "150");
	}
	expect_model(ps,
	    "table 5x4 head=2\n"
	    "h <2x1> Measure | <1x2> Actuals | ^ | Aim\n"
	    "h ^ | 2023/24 | 2024/25 | 2025/26\n"
	    "| Homes visited | 120 | 135 | 150\n"
	    "| Fires attended | 120 | 135 | 150\n"
	    "| Homes visited | 120 | 135 | 150\n");
	pages_free(ps);
}

static void
test_a_justified_paragraph_is_not_a_table(void **state)
{
	struct pages *ps = pages_new(1);
	static const char *const lines[] = {
		"The council will publish its plan each year and report on it to the cabinet",
		"in the spring, with the figures for each of the services that it runs and",
		"the money that was spent on them, so that residents can see what was done",
		"and what is still to do.",
	};

	(void)state;
	/* each line spread to the same width, its gaps all wide alike */
	for (size_t i = 0; i < WM_ARRAY_LEN(lines); i++) {
		const char *s = lines[i];
		size_t words = 1, chars = 0;
		double x = 60, gap;

		for (const char *t = s; *t; t++) {
			words += *t == ' ';
			chars += *t != ' ';
		}
		gap = i + 1 < WM_ARRAY_LEN(lines) ? (480 - 5.0 * (double)chars) / (double)(words - 1) :
		    2.8;
		while (*s) {
			size_t n = strcspn(s, " ");
			char *w = arena_strndup(ps->a, s, n);

			put(ps, 0, x, 100 + 11.5 * (double)i, w);
			x += 5.0 * (double)n + gap;
			s += n + (s[n] == ' ');
		}
	}
	expect_model(ps,
	    "para: The council will publish its plan each year and report on it to the cabinet "
	    "in the spring, with the figures for each of the services that it runs and the money "
	    "that was spent on them, so that residents can see what was done and what is still to "
	    "do.\n");
	pages_free(ps);
}

static void
test_a_header_repeated_over_a_page_break_goes_on_with_the_table(void **state)
{
	struct pages *ps = pages_new(2);
	double y = put_header(ps, 0, 100);

	(void)state;
	put(ps, 0, col_x[0], y + 11.5, "R1");
	put(ps, 0, col_x[1], y, "Publish the revised risk");
	put(ps, 0, col_x[1], y + 11.5, "register and report it to");
	put(ps, 0, col_x[1], y + 23, "the Audit Committee");
	put(ps, 0, col_x[2], y + 11.5, "Head of Audit");
	put(ps, 0, col_x[3], y + 11.5, "June 2024");
	y += 3 * 11.5 + 4.5;
	/* R2 is cut by the page break: its action goes on over the page, under the header */
	put(ps, 0, col_x[0], y, "R2");
	put(ps, 0, col_x[1], y, "Train every budget holder");
	put(ps, 0, col_x[2], y, "Finance Manager");
	put(ps, 0, col_x[3], y, "September");
	put(ps, 0, col_x[1], y + 11.5, "in the new purchasing");
	y = put_header(ps, 1, 60);
	put(ps, 1, col_x[1], y, "rules and the new limits");
	put(ps, 1, col_x[3], y, "2024");
	y += 11.5 + 4.5;
	put(ps, 1, col_x[0], y, "R3");
	put(ps, 1, col_x[1], y, "Review the contracts");
	put(ps, 1, col_x[2], y, "Procurement");
	put(ps, 1, col_x[3], y, "Ongoing");
	expect_model(ps,
	    "table 5x4 head=2\n"
	    "h Ref | Action | Lead | Due\n"
	    "| R1 | Publish the revised risk register and report it to the Audit Committee | "
	    "Head of Audit | June 2024\n"
	    "| R2 | Train every budget holder in the new purchasing rules and the new limits | "
	    "Finance Manager | September 2024\n"
	    "h Ref | Action | Lead | Due\n"
	    "| R3 | Review the contracts | Procurement | Ongoing\n");
	pages_free(ps);
}

static void
test_page_headers_and_footers_are_noise(void **state)
{
	struct pages *ps = pages_new(3);

	(void)state;
	for (size_t p = 0; p < 3; p++) {
		char foot[32], side[48];

		put_as(ps, p, 60, 30, 9, false, "Borough Council Annual Report");
		snprintf(side, sizeof(side), "Cabinet %zu March 2024", 10 + p);
		put_as(ps, p, 400, 30, 9, false, side);
		put(ps, p, 60, 100, p == 0 ? "The year in brief." : p == 1 ? "Our money." :
		    "Our people.");
		snprintf(foot, sizeof(foot), "Page %zu of 3", p + 1);
		put_as(ps, p, 270, 810, 9, false, foot);
	}
	expect_model(ps,
	    "noise (page header, on every page): Borough Council Annual Report Cabinet 10 March 2024\n"
	    "para: The year in brief.\n"
	    "noise (page number): Page 1 of 3\n"
	    "noise (page header, on every page): Borough Council Annual Report Cabinet 11 March 2024\n"
	    "para: Our money.\n"
	    "noise (page number): Page 2 of 3\n"
	    "noise (page header, on every page): Borough Council Annual Report Cabinet 12 March 2024\n"
	    "para: Our people.\n"
	    "noise (page number): Page 3 of 3\n");
	pages_free(ps);
}

static void
test_a_lone_number_at_the_foot_is_a_page_number(void **state)
{
	struct pages *ps = pages_new(1);

	(void)state;
	put(ps, 0, 60, 100, "The plan has 4 aims, each with its own targets and an officer who leads on it.");
	put_as(ps, 0, 290, 810, 9, false, "4");
	/* but a number at the top that is a heading's second line is the heading's */
	put_as(ps, 0, 60, 40, 20, true, "Strategy 2024-");
	put_as(ps, 0, 60, 64, 20, true, "2027");
	expect_model(ps,
	    "heading 1: Strategy 2024-2027\n"
	    "para: The plan has 4 aims, each with its own targets and an officer who leads on it.\n"
	    "noise (page number): 4\n");
	pages_free(ps);
}

static void
test_two_columns_read_down_the_left_then_the_right(void **state)
{
	struct pages *ps = pages_new(1);
	/* paragraphs end at different heights in the two columns: NULL is the gap between two */
	static const char *const left[] = {
		"We will build four hundred", "homes by the year 2028.", NULL,
		"Tenants want repairs done", "sooner, and we will do", "them in house, with", "our own staff.",
	};
	static const char *const right[] = {
		"Buses matter to people", "without a car, and we", "will keep every route", "that runs today.",
		NULL, "We will mend two", "thousand potholes a year.",
	};

	(void)state;
	put_as(ps, 0, 60, 40, 20, true, "Our commitments");
	for (int side = 0; side < 2; side++) {
		const char *const *text = side ? right : left;
		double y = 90;

		for (size_t i = 0; i < WM_ARRAY_LEN(left); i++) {
			if (text[i] == NULL) {
				y += 6;
				continue;
			}
			put(ps, 0, side ? 320 : 60, y, text[i]);
			y += 11.5;
		}
	}
	expect_model(ps,
	    "heading 1: Our commitments\n"
	    "para: We will build four hundred homes by the year 2028.\n"
	    "para: Tenants want repairs done sooner, and we will do them in house, with our own staff.\n"
	    "para: Buses matter to people without a car, and we will keep every route that runs today.\n"
	    "para: We will mend two thousand potholes a year.\n");
	pages_free(ps);
}

static void
test_list_items_keep_their_markers_and_levels(void **state)
{
	struct pages *ps = pages_new(1);
	double y = 100;

	(void)state;
	put(ps, 0, 60, y, "The board agreed these priorities:");
	y += 20;
	put(ps, 0, 75, y, "1.");
	put(ps, 0, 93, y, "Safer streets in the town centres, with more");
	put(ps, 0, 93, y += 11.5, "wardens at night");
	put(ps, 0, 93, y += 14, "a)");
	put(ps, 0, 111, y, "Extend the taxi marshals");
	put(ps, 0, 93, y += 14, "b)");
	put(ps, 0, 111, y, "Light the car parks");
	put(ps, 0, 75, y += 14, "2.");
	put(ps, 0, 93, y, "Cleaner parks");
	put(ps, 0, 75, y += 14, "\xE2\x80\xA2");
	put(ps, 0, 93, y, "Published each spring");
	expect_model(ps,
	    "para: The board agreed these priorities:\n"
	    "item 0 [1.]: Safer streets in the town centres, with more wardens at night\n"
	    "item 1 [a)]: Extend the taxi marshals\n"
	    "item 1 [b)]: Light the car parks\n"
	    "item 0 [2.]: Cleaner parks\n"
	    "item 0 [\xE2\x80\xA2]: Published each spring\n");
	pages_free(ps);
}

static void
test_headings_take_levels_from_their_sizes(void **state)
{
	struct pages *ps = pages_new(1);

	(void)state;
	put_as(ps, 0, 60, 40, 20, true, "Annual Plan");
	put_as(ps, 0, 60, 80, 12, true, "Targets");
	put(ps, 0, 60, 110, "Each target has an owner and a date by which it is to be met.");
	put_as(ps, 0, 60, 140, 16, true, "Our priorities");
	put(ps, 0, 60, 170, "We have four.");
	put_bold(ps, 0, 60, 200, "Responsible officer:");
	put(ps, 0, 60, 220, "Head of Policy");
	expect_model(ps,
	    "heading 1: Annual Plan\n"
	    "heading 3: Targets\n"
	    "para: Each target has an owner and a date by which it is to be met.\n"
	    "heading 2: Our priorities\n"
	    "para: We have four.\n"
	    "para (bold): Responsible officer:\n"
	    "para: Head of Policy\n");
	pages_free(ps);
}

static void
test_markers(void **state)
{
	static const char *const yes[] = {
		"1.", "12)", "2.1", "2.1.", "2.1a", "1.1.1", "3a)", "a)", "A.", "(iv)", "iv.", "(a)",
		"(12)", "\xE2\x80\xA2", "-", "\xE2\x80\x93", "\xEF\x82\xB7",
	};
	static const char *const no[] = {
		"1", "2019.", "1234)", "Plan", "()", "(ab)", "a", "e.g.", "\xC2\xA3\x32.5m",
	};

	(void)state;
	for (size_t i = 0; i < WM_ARRAY_LEN(yes); i++)
		if (!pdf_is_marker(yes[i]))
			fail_msg("'%s' is a marker", yes[i]);
	for (size_t i = 0; i < WM_ARRAY_LEN(no); i++)
		if (pdf_is_marker(no[i]))
			fail_msg("'%s' is no marker", no[i]);
}

/* ---- real files through poppler ---- */

static char *
slurp(const char *rel, size_t *len)
{
	char path[1024];
	FILE *f;
	char *data;
	long n;

	snprintf(path, sizeof(path), "%s/%s", WM_SRCDIR, rel);
	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = wm_malloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return data;
}

/* Read data with limits; the dump (or the error) into out. */
static int
read_with(const char *data, size_t len, const struct pdf_limits *lim, struct buf *out,
    struct wm_err *err)
{
	struct arena *a = arena_new();
	struct dm_doc d;
	int rc;

	dm_init(&d, a, DM_PDF);
	rc = pdf_read(&d, data, len, lim, err);
	if (rc == 0)
		dm_dump(&d, out);
	arena_free(a);
	return rc;
}

static void
test_a_broken_cross_reference_table_is_read_round(void **state)
{
	struct wm_err err = WM_ERR_INIT;
	struct buf b = BUF_INIT;
	size_t len;
	char *data = slurp("tests/fuzz/regressions/dm_pdf/broken-xref.pdf", &len);

	(void)state;
	if (read_with(data, len, &pdf_default_limits, &b, &err) != 0)
		fail_msg("%s", err.msg);
	assert_non_null(strstr(buf_str(&b), "| A4 | Close the old bank accounts | Treasurer | March 2025\n"));
	buf_release(&b);
	free(data);
}

static void
expect_error(const char *data, size_t len, const struct pdf_limits *lim, int code,
    const char *words)
{
	struct wm_err err = WM_ERR_INIT;
	struct buf b = BUF_INIT;
	int rc = read_with(data, len, lim, &b, &err);

	if (rc != code || strstr(err.msg, words) == NULL)
		fail_msg("wanted error %d saying '%s', got %d: %s", code, words, rc, err.msg);
	buf_release(&b);
}

static void
test_a_damaged_or_locked_file_is_refused_in_plain_words(void **state)
{
	size_t len;
	char *data = slurp("tests/fuzz/regressions/dm_pdf/truncated.pdf", &len);

	(void)state;
	expect_error(data, len, &pdf_default_limits, WM_EINVAL, "the PDF is damaged");
	expect_error("%PDF-1.4\n", 9, &pdf_default_limits, WM_EINVAL, "the PDF is damaged");
	expect_error("", 0, &pdf_default_limits, WM_EINVAL, "the PDF is damaged");
	free(data);
	data = slurp("tests/fuzz/corpus/dm_pdf/encrypted.pdf", &len);
	expect_error(data, len, &pdf_default_limits, WM_EINVAL, "protected by a password");
	free(data);
}

static void
test_limits_are_clear_errors(void **state)
{
	struct pdf_limits lim = pdf_default_limits;
	size_t len;
	char *data = slurp("tests/fuzz/corpus/dm_pdf/table-two-pages.pdf", &len);

	(void)state;
	lim.max_pages = 1;
	expect_error(data, len, &lim, WM_ETOOBIG, "the PDF has 2 pages; Waymark reads PDFs of up to 1 pages");
	lim = pdf_default_limits;
	lim.max_page_chars = 100;
	expect_error(data, len, &lim, WM_ETOOBIG, "page 1 of the PDF holds more than 100 characters");
	lim = pdf_default_limits;
	lim.max_chars = 300;	/* page 1 holds 281, page 2 77 */
	expect_error(data, len, &lim, WM_ETOOBIG, "more than 300 characters of text by page 2");
	lim = pdf_default_limits;
	lim.max_seconds = -1;	/* a budget spent before the first page */
	expect_error(data, len, &lim, WM_ETOOBIG, "took more than -1 seconds by page 1 of 2");
	lim = pdf_default_limits;
	lim.max_bytes = 1000;
	expect_error(data, len, &lim, WM_ETOOBIG, "Waymark reads PDFs of up to");
	free(data);
}

/* A PDF of npages pages (the page tree claiming count), each drawing content, in b. */
static void
make_pdf(struct buf *b, int npages, long count, const char *content, size_t clen)
{
	size_t *off = wm_calloc((size_t)npages + 5, sizeof(size_t));
	int font = 3 + npages, cont = 4 + npages, n = 4 + npages;
	size_t xref;

	buf_adds(b, "%PDF-1.4\n");
	off[1] = b->len;
	buf_adds(b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[2] = b->len;
	buf_adds(b, "2 0 obj\n<< /Type /Pages /Kids [");
	for (int i = 0; i < npages; i++)
		buf_addf(b, "%d 0 R ", 3 + i);
	buf_addf(b, "] /Count %ld >>\nendobj\n", count);
	for (int i = 0; i < npages; i++) {
		off[3 + i] = b->len;
		buf_addf(b, "%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
		    "/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>\nendobj\n",
		    3 + i, font, cont);
	}
	off[font] = b->len;
	buf_addf(b, "%d 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n",
	    font);
	off[cont] = b->len;
	buf_addf(b, "%d 0 obj\n<< /Length %zu >>\nstream\n", cont, clen);
	buf_add(b, content, clen);
	buf_adds(b, "\nendstream\nendobj\n");
	xref = b->len;
	buf_addf(b, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
	for (int i = 1; i <= n; i++)
		buf_addf(b, "%010zu 00000 n \n", off[i]);
	buf_addf(b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", n + 1, xref);
	free(off);
}

static void
test_a_page_tree_of_a_billion_pages_is_refused(void **state)
{
	static const char content[] = "BT /F1 12 Tf 72 760 Td (Action plan) Tj ET";
	struct buf b = BUF_INIT;

	(void)state;
	make_pdf(&b, 1, 1000000000L, content, sizeof(content) - 1);
	expect_error(b.s, b.len, &pdf_default_limits, WM_EINVAL, "no pages that can be read");
	buf_reset(&b);
	/* three thousand real pages, all drawing the same content */
	make_pdf(&b, 3000, 3000, content, sizeof(content) - 1);
	expect_error(b.s, b.len, &pdf_default_limits, WM_ETOOBIG, "the PDF has 3000 pages");
	buf_release(&b);
}

static void
test_a_page_of_a_million_glyphs_is_bounded(void **state)
{
	struct buf content = BUF_INIT, pdf = BUF_INIT, out = BUF_INIT;
	struct wm_err err = WM_ERR_INIT;
	unsigned seed = 7;
	int rc;

	(void)state;
	/* 2,000 lines of 500 glyphs in a narrow 6 pt face, overlapping down the page */
	buf_adds(&content, "BT /F1 6 Tf 10 Tz 2 836 Td\n");
	for (int i = 0; i < 2000; i++) {
		buf_adds(&content, "0 -0.4 Td (");
		for (int k = 0; k < 500; k++) {
			seed = seed * 1103515245u + 12345u;
			buf_addc(&content, "abcdefghijklmnop "[(seed >> 16) % 17]);
		}
		buf_adds(&content, ") Tj\n");
	}
	buf_adds(&content, "ET");
	make_pdf(&pdf, 1, 1, content.s, content.len);
	rc = read_with(pdf.s, pdf.len, &pdf_default_limits, &out, &err);
	/* a clear error, or a reading no larger than a page may give */
	if (rc != 0)
		assert_non_null(strstr(err.msg, "characters"));
	else
		assert_true(out.len < 2 * pdf_default_limits.max_page_chars);
	buf_release(&content);
	buf_release(&pdf);
	buf_release(&out);
}

static void
test_dm_read_chooses_the_pdf_reader(void **state)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct dm_doc d;
	size_t len;
	char *data = slurp("tests/fuzz/corpus/dm_pdf/list.pdf", &len);

	(void)state;
	if (dm_read(&d, a, data, len, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(d.format, DM_PDF);
	assert_string_equal(d.title, "Our priorities");
	assert_true(d.nblocks > 3);
	assert_string_equal(d.blocks[0].where, "page 1");
	free(data);
	arena_free(a);
}

/* ---- the corpus ---- */

/*
 * What of a model must be the same from a PDF as from the document it was
 * exported from: each heading (its text and the rank of its level among
 * the document's levels), each list item (marker, level, text), each
 * table cell with text (table, row, column, text; a header row repeated
 * after a page break is left out, as the .odt has it once, and a span's
 * covered cells are empty). Text with its white space collapsed (a line
 * break in a cell is a wrapped line in a PDF). One unit a string.
 */
static char *
unit_text(const char *s)
{
	struct buf b = BUF_INIT;
	char *out;

	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\n' || *s == '\t';

		if (space && (b.len == 0 || b.s[b.len - 1] == ' '))
			continue;
		buf_addc(&b, space ? ' ' : *s);
	}
	if (b.len > 0 && b.s[b.len - 1] == ' ')
		buf_truncate(&b, b.len - 1);
	out = wm_strdup(buf_str(&b));
	buf_release(&b);
	return out;
}

static size_t
model_units(const struct dm_doc *d, char ***units)
{
	int levels[7] = { 0 };
	size_t n = 0, cap = 0, tables = 0;

	*units = NULL;
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].type == DM_HEADING && !(d->blocks[i].flags & DMF_NOISE) &&
		    d->blocks[i].level >= 1 && d->blocks[i].level <= 6)
			levels[d->blocks[i].level] = 1;
	for (int l = 1, rank = 0; l <= 6; l++)
		levels[l] = levels[l] ? ++rank : 0;
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct dm_block *b = &d->blocks[i];
		struct buf u = BUF_INIT;
		char *t;

		if (b->flags & DMF_NOISE || b->type == DM_PARA)
			continue;
		if (b->type == DM_TABLE) {
			const struct dm_table *tb = b->table;
			size_t row = 0;

			tables++;
			for (size_t r = 0; r < tb->nrows; r++) {
				if (tb->head[r] && r > 0 && !tb->head[r - 1])
					continue;
				for (size_t c = 0; c < tb->ncols; c++) {
					const struct dm_cell *cell = dm_cell(tb, r, c);

					if (cell->rowspan == 0 || cell->text[0] == '\0')
						continue;
					t = unit_text(cell->text);
					buf_reset(&u);
					buf_addf(&u, "cell %zu:%zu:%zu: %s", tables, row, c, t);
					free(t);
					WM_GROW(*units, n + 1, cap);
					(*units)[n++] = wm_strdup(buf_str(&u));
				}
				row++;
			}
			buf_release(&u);
			continue;
		}
		t = unit_text(b->text);
		if (b->type == DM_HEADING)
			buf_addf(&u, "heading %d: %s", b->level >= 1 && b->level <= 6 ? levels[b->level] : 0,
			    t);
		else
			buf_addf(&u, "item %d [%s]: %s", b->level, b->marker ? b->marker : "", t);
		free(t);
		WM_GROW(*units, n + 1, cap);
		(*units)[n++] = wm_strdup(buf_str(&u));
		buf_release(&u);
	}
	return n;
}

static void
units_free(char **u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(u[i]);
	free(u);
}

/* The units of the model of the corpus file rel, read by dm_read() as any file is. */
static size_t
corpus_units(const char *rel, char ***units)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct dm_doc d;
	size_t len, n;
	char *data = slurp(rel, &len);

	if (dm_read(&d, a, data, len, &err) != 0)
		fail_msg("%s: %s", rel, err.msg);
	n = model_units(&d, units);
	arena_free(a);
	free(data);
	return n;
}

static void
test_the_corpus_pdfs_read_as_their_odt(void **state)
{
	char dir[1024];
	DIR *dp;
	struct dirent *e;
	size_t all = 0, all_same = 0, docs = 0;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/../shared/corpus", WM_SRCDIR);
	dp = opendir(dir);
	if (dp == NULL) {
		print_message("# SKIP the corpus is not at %s\n", dir);
		skip();
	}
	while ((e = readdir(dp)) != NULL) {
		size_t n = strlen(e->d_name), np, no, same = 0;
		char path[1300], **pu, **ou;
		bool *used;

		if (n < 5 || strcmp(e->d_name + n - 4, ".pdf") != 0)
			continue;
		snprintf(path, sizeof(path), "../shared/corpus/%s", e->d_name);
		np = corpus_units(path, &pu);
		snprintf(path, sizeof(path), "../shared/corpus/%.*s.odt", (int)(n - 4), e->d_name);
		no = corpus_units(path, &ou);
		used = wm_calloc(np + 1, sizeof(bool));
		for (size_t i = 0; i < no; i++) {
			size_t k;

			for (k = 0; k < np && (used[k] || strcmp(ou[i], pu[k]) != 0); k++)
				;
			if (k < np) {
				used[k] = true;
				same++;
			} else {
				print_message("#   %s: the .odt's %s\n", e->d_name, ou[i]);
			}
		}
		for (size_t k = 0; k < np; k++)
			if (!used[k])
				print_message("#   %s: the .pdf's %s\n", e->d_name, pu[k]);
		print_message("# corpus %s: %zu of %zu headings, items and cells as its .odt has them\n",
		    e->d_name, same, no > np ? no : np);
		all += no > np ? no : np;
		all_same += same;
		docs++;
		/* a reading short of the .odt's is a regression: each document at 95% at least */
		assert_true(same * 100 >= (no > np ? no : np) * 95);
		free(used);
		units_free(pu, np);
		units_free(ou, no);
	}
	closedir(dp);
	print_message("# corpus: %zu PDFs, %zu of %zu headings, items and cells as their .odt has them\n",
	    docs, all_same, all);
	assert_true(docs > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_come_from_gaps_held_down_the_lines),
		cmocka_unit_test(test_wrapped_cells_join_under_their_first_line),
		cmocka_unit_test(test_a_group_row_spans_the_table),
		cmocka_unit_test(test_a_parent_centred_beside_its_rows_spans_them),
		cmocka_unit_test(test_a_list_in_a_cell_stays_in_its_cell),
		cmocka_unit_test(test_a_header_of_two_rows_keeps_its_spans),
		cmocka_unit_test(test_a_justified_paragraph_is_not_a_table),
		cmocka_unit_test(test_a_header_repeated_over_a_page_break_goes_on_with_the_table),
		cmocka_unit_test(test_page_headers_and_footers_are_noise),
		cmocka_unit_test(test_a_lone_number_at_the_foot_is_a_page_number),
		cmocka_unit_test(test_two_columns_read_down_the_left_then_the_right),
		cmocka_unit_test(test_list_items_keep_their_markers_and_levels),
		cmocka_unit_test(test_headings_take_levels_from_their_sizes),
		cmocka_unit_test(test_markers),
		cmocka_unit_test(test_a_broken_cross_reference_table_is_read_round),
		cmocka_unit_test(test_a_damaged_or_locked_file_is_refused_in_plain_words),
		cmocka_unit_test(test_limits_are_clear_errors),
		cmocka_unit_test(test_a_page_tree_of_a_billion_pages_is_refused),
		cmocka_unit_test(test_a_page_of_a_million_glyphs_is_bounded),
		cmocka_unit_test(test_dm_read_chooses_the_pdf_reader),
		cmocka_unit_test(test_the_corpus_pdfs_read_as_their_odt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
