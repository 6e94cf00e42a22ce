/*
 * test_report.c: the HTML escaper, the SVG writer and the report document
 * in each format.
 */
#include "testutil.h"

#include <math.h>

#include "base/buf.h"
#include "base/date.h"
#include "report/html.h"
#include "report/rdoc.h"
#include "report/svg.h"
#include "report/svgdraw.h"
#include "base/str.h"

static void
test_text_and_attributes_are_escaped(void **state)
{
	struct buf b = BUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &b);
	html_elem(&h, "td", "<script>alert('x') & \"y\"</script>", "title", "a\"b<c>", NULL);
	assert_string_equal(buf_str(&b), "<td title=\"a&quot;b&lt;c&gt;\">&lt;script&gt;alert(&#39;x&#39;)"
	    " &amp; &quot;y&quot;&lt;/script&gt;</td>");
	buf_release(&b);
}

static void
test_null_attributes_are_left_out_and_empty_ones_are_bare(void **state)
{
	struct buf b = BUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &b);
	html_void(&h, "input", "name", "q", "class", NULL, "required", "", NULL);
	assert_string_equal(buf_str(&b), "<input name=\"q\" required>");
	buf_release(&b);
}

static void
test_svg_names_itself_for_screen_readers(void **state)
{
	struct buf b = BUF_INIT;
	struct svg s;

	(void)state;
	svg_begin(&s, &b, 200, 100, "Burglary in Camden", "Monthly rate <falling>");
	svg_rect(&s, 0, 0, 10.5, 20, "bar", NULL);
	svg_text(&s, 5, 5, "middle", NULL, "R&D");
	svg_end(&s);
	assert_non_null(strstr(buf_str(&b), "role=\"img\""));
	assert_non_null(strstr(buf_str(&b), "aria-labelledby=\"svg-t"));
	assert_non_null(strstr(buf_str(&b), "\">Burglary in Camden</title>"));
	assert_non_null(strstr(buf_str(&b), "Monthly rate &lt;falling&gt;"));
	assert_non_null(strstr(buf_str(&b), "viewBox=\"0 0 200 100\""));
	assert_non_null(strstr(buf_str(&b), "width=\"10.5\""));
	/* shapes close themselves, so the chart is also a well-formed .svg file */
	assert_non_null(strstr(buf_str(&b), "class=\"bar\"/>"));
	assert_non_null(strstr(buf_str(&b), ">R&amp;D</text>"));
	buf_release(&b);
}

/* Charts written into buffers of their own and put on one page keep distinct ids. */
static void
test_svg_ids_differ_between_charts_on_a_page(void **state)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct svg s;
	int ia, ib;

	(void)state;
	svg_begin(&s, &a, 200, 100, "Burglary in the MPS", "A line of the figures");
	svg_end(&s);
	svg_begin(&s, &b, 200, 100, "Burglary in each borough", "Small charts");
	svg_end(&s);
	assert_int_equal(sscanf(strstr(buf_str(&a), "id=\"svg-t"), "id=\"svg-t%d", &ia), 1);
	assert_int_equal(sscanf(strstr(buf_str(&b), "id=\"svg-t"), "id=\"svg-t%d", &ib), 1);
	assert_int_not_equal(ia, ib);
	buf_release(&a);
	buf_release(&b);
}

static struct rdoc *
sample_doc(void)
{
	static const char *const cols[] = { "PI", "Value", "RAG" };
	struct rdoc *d = rdoc_new("Exception report");
	struct rtable *t;

	rdoc_meta(d, "As of", "2005-03");
	rdoc_heading(d, 2, "Developing safer communities");
	rdoc_para(d, "%d indicators need attention.", 2);
	t = rdoc_table(d, "Off track", 3, cols);
	rtable_numeric(t, 1);
	rtable_cell(t, "SC-02 | violence");
	rtable_cellf(t, "%.1f", 31.26);
	rtable_tag(t, "Red", "red");
	rtable_end_row(t);
	rtable_cell(t, "SC-01, burglary");
	rtable_cell(t, "7");
	rtable_end_row(t);	/* short row: padded */
	return d;
}

static void
test_a_report_writes_as_aligned_text(void **state)
{
	struct rdoc *d = sample_doc();
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(rdoc_write(d, RF_TEXT, &b, NULL), 0);
	assert_non_null(strstr(buf_str(&b), "Exception report\n================\n"));
	assert_non_null(strstr(buf_str(&b), "As of: 2005-03"));
	/* the numeric column is right-aligned under its header */
	assert_non_null(strstr(buf_str(&b), "SC-02 | violence   31.3  Red"));
	assert_non_null(strstr(buf_str(&b), "SC-01, burglary       7"));
	buf_release(&b);
	rdoc_free(d);
}

/* A page shows a report inside its own document: the body comes over, the title and facts do not. */
static void
test_appending_a_report_copies_its_body_not_its_title(void **state)
{
	struct rdoc *src = sample_doc(), *d = rdoc_new("SC-02: Violence");
	struct buf b = BUF_INIT;

	(void)state;
	rdoc_meta(d, "Measured in", "per 1,000 population");
	rdoc_append(d, src);
	rdoc_free(src);		/* d holds copies */
	assert_int_equal(rdoc_write(d, RF_HTML_BODY, &b, NULL), 0);
	assert_null(strstr(buf_str(&b), "Exception report"));
	assert_null(strstr(buf_str(&b), "2005-03"));
	assert_non_null(strstr(buf_str(&b), "<h1 class=\"govuk-heading-l\">SC-02: Violence</h1>"));
	assert_non_null(strstr(buf_str(&b), ">Developing safer communities</h2>"));
	assert_non_null(strstr(buf_str(&b), "Off track</caption>"));
	assert_non_null(strstr(buf_str(&b), "govuk-table__cell--numeric\">31.3</td>"));
	assert_non_null(strstr(buf_str(&b), "govuk-tag--red"));
	buf_release(&b);
	rdoc_free(d);
}

static void
test_a_report_writes_as_markdown_with_pipes_escaped(void **state)
{
	struct rdoc *d = sample_doc();
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(rdoc_write(d, RF_MD, &b, NULL), 0);
	assert_non_null(strstr(buf_str(&b), "| SC-02 \\| violence | 31.3 | **Red** |"));
	assert_non_null(strstr(buf_str(&b), "|---|---:|---|"));
	buf_release(&b);
	rdoc_free(d);
}

static void
test_a_report_writes_as_html_with_tags_for_status(void **state)
{
	struct rdoc *d = sample_doc();
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(rdoc_write(d, RF_HTML, &b, NULL), 0);
	assert_true(str_has_prefix(buf_str(&b), "<!DOCTYPE html>"));
	assert_non_null(strstr(buf_str(&b), "<strong class=\"govuk-tag govuk-tag--red\">Red</strong>"));
	assert_non_null(strstr(buf_str(&b), "govuk-table__cell--numeric"));
	buf_reset(&b);
	assert_int_equal(rdoc_write(d, RF_HTML_BODY, &b, NULL), 0);
	assert_true(str_has_prefix(buf_str(&b), "<h1 class=\"govuk-heading-l\">"));
	buf_release(&b);
	rdoc_free(d);
}

static void
test_a_link_cell_links_only_in_the_pages(void **state)
{
	static const char *const cols[] = { "Recommendation" };
	struct rdoc *d = rdoc_new("Chase");
	struct rtable *t = rdoc_table(d, NULL, 1, cols);
	struct buf b = BUF_INIT;

	(void)state;
	rtable_link(t, "DA2002/R1", "/recommendations/DA2002/R1");
	rtable_end_row(t);
	assert_int_equal(rdoc_write(d, RF_HTML_BODY, &b, NULL), 0);
	assert_non_null(strstr(buf_str(&b),
	    "<a href=\"/recommendations/DA2002/R1\" class=\"govuk-link\">DA2002/R1</a>"));
	/* a whole document is a file of its own: the site's address would lead nowhere */
	for (enum rformat f = RF_TEXT; f <= RF_CSV; f++) {
		if (f == RF_HTML_BODY)
			continue;
		buf_reset(&b);
		assert_int_equal(rdoc_write(d, f, &b, NULL), 0);
		assert_non_null(strstr(buf_str(&b), "DA2002/R1"));
		assert_null(strstr(buf_str(&b), "href=\""));
		assert_null(strstr(buf_str(&b), "](/"));	/* nor a Markdown link */
	}
	buf_release(&b);
	rdoc_free(d);
}

static void
test_a_report_writes_its_tables_as_csv(void **state)
{
	struct rdoc *d = sample_doc();
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(rdoc_write(d, RF_CSV, &b, NULL), 0);
	assert_string_equal(buf_str(&b), "\"PI\",\"Value\",\"RAG\"\r\n"
	    "\"SC-02 | violence\",\"31.3\",\"Red\"\r\n\"SC-01, burglary\",\"7\",\"\"\r\n");
	buf_release(&b);
	rdoc_free(d);
}

static void
test_number_cells_are_grouped_to_read_and_plain_in_csv(void **state)
{
	static const char *const h[] = { "Unit", "Figure", "Cost" };
	struct rdoc *d = rdoc_new("Numbers");
	struct rtable *t = rdoc_table(d, NULL, 3, h);
	struct buf b = BUF_INIT;
	json_t *j;

	(void)state;
	rtable_cell(t, "MPS");
	rtable_num(t, 47127, 0, NULL);
	rtable_pounds(t, 1900000);
	rtable_end_row(t);
	assert_int_equal(rdoc_write(d, RF_TEXT, &b, NULL), 0);
	assert_non_null(strstr(buf_str(&b), "47,127"));
	assert_non_null(strstr(buf_str(&b), "\u00a31,900,000"));
	buf_reset(&b);
	assert_int_equal(rdoc_write(d, RF_HTML_BODY, &b, NULL), 0);
	assert_non_null(strstr(buf_str(&b), ">47,127<"));
	buf_reset(&b);
	assert_int_equal(rdoc_write(d, RF_CSV, &b, NULL), 0);
	assert_string_equal(buf_str(&b), "\"Unit\",\"Figure\",\"Cost\"\r\n"
	    "\"MPS\",\"47127\",\"1900000\"\r\n");
	buf_reset(&b);
	assert_int_equal(rdoc_write(d, RF_JSON, &b, NULL), 0);
	j = json_loads(buf_str(&b), 0, NULL);
	assert_true(json_is_number(json_object_get(json_array_get(json_object_get(json_array_get(
	    json_object_get(j, "blocks"), 0), "rows"), 0), "Figure")));
	json_decref(j);
	buf_release(&b);
	rdoc_free(d);
}

static void
test_json_is_the_reports_own_data_when_given(void **state)
{
	struct rdoc *d = sample_doc();
	struct buf b = BUF_INIT;
	json_t *j;

	(void)state;
	assert_int_equal(rdoc_write(d, RF_JSON, &b, NULL), 0);
	j = json_loads(buf_str(&b), 0, NULL);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "meta"), "As of")),
	    "2005-03");
	json_decref(j);
	rdoc_set_data(d, J("{\"exceptions\": 2}"));
	buf_reset(&b);
	assert_int_equal(rdoc_write(d, RF_JSON, &b, NULL), 0);
	assert_non_null(strstr(buf_str(&b), "\"exceptions\": 2"));
	buf_release(&b);
	rdoc_free(d);
}

static void
test_formats_are_named_and_others_refused(void **state)
{
	enum rformat f;
	struct wm_err err;

	(void)state;
	assert_int_equal(rformat_parse("md", &f, &err), 0);
	assert_int_equal(f, RF_MD);
	assert_int_equal(rformat_parse("docz", &f, &err), WM_EUSAGE);
	assert_non_null(strstr(err.msg, "text, md, html, csv, json"));
}

static void
test_a_chart_of_ours_is_drawn_and_anything_else_refused(void **state)
{
	struct buf svg = BUF_INIT, png = BUF_INIT;
	struct svg s;
	double w, h;
	int hp;

	(void)state;
	svg_begin(&s, &svg, 400, 200, "A chart", "Two bars");
	svg_rect(&s, 10, 10, 100, 50, "c-red", NULL);
	svg_text(&s, 200, 100, "middle", "c-h", "Camden \xff\x01 &amp;");
	svg_end(&s);
	assert_int_equal(svgdraw_size(buf_str(&svg), &w, &h, NULL), 0);
	assert_true(w == 400 && h == 200);
	assert_int_equal(svgdraw_png(buf_str(&svg), 800, &png, &hp, NULL), 0);
	assert_int_equal(hp, 400);
	assert_true(png.len > 8 && memcmp(png.s, "\x89PNG", 4) == 0);
	assert_int_equal(svgdraw_size("<svg><rect/></svg>", &w, &h, NULL), WM_EINVAL);
	assert_int_equal(svgdraw_size("not markup <<", &w, &h, NULL), WM_EINVAL);
	assert_int_equal(svgdraw_size("<svg viewBox=\"0 0 1e9 1\"/>", &w, &h, NULL), WM_EINVAL);
	buf_release(&svg);
	buf_release(&png);
}

/*
 * Numbers no chart of ours has: a radius of 1e300 once kept cairo cutting
 * an arc into segments for minutes (the fuzzer found it). Each is held in
 * bounds, so the chart is drawn, and soon; the test runner's time limit
 * is what fails a return of the old loop.
 */
static void
test_a_chart_with_absurd_numbers_is_drawn_within_bounds(void **state)
{
	static const char svg[] =
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
	    "<style>.c{stroke:#000;stroke-width:1e300;fill:#f00}.t{font-size:1e9}"
	    ".d{stroke:#000;stroke-width:1;stroke-dasharray:1e-300,1e-300}</style>"
	    "<circle class=\"c\" cx=\"5\" cy=\"5\" r=\"1e300\"/>"
	    "<line class=\"d\" x1=\"-1e300\" y1=\"0\" x2=\"1e300\" y2=\"5\"/>"
	    "<polyline class=\"d\" points=\"0,0 1e300,1e300 5,5\"/>"
	    "<text class=\"t\" x=\"1e300\" y=\"3\">A label</text></svg>";
	struct buf png = BUF_INIT;
	int hp;

	(void)state;
	assert_int_equal(svgdraw_png(svg, 200, &png, &hp, NULL), 0);
	assert_int_equal(hp, 200);
	assert_true(png.len > 8 && memcmp(png.s, "\x89PNG", 4) == 0);
	buf_release(&png);
}

static void
test_a_number_keeps_its_value_and_its_format(void **state)
{
	static const struct rcol cols[] = { { "pct", "Pct", RC_NUM }, { "cost", "Cost", RC_NUM },
		{ "none", "None", RC_NUM } };
	struct rdoc *d = rdoc_new("Numbers");
	struct rtable *t = rdoc_table_cols(d, "rows", NULL, 3, cols);
	struct buf b = BUF_INIT;
	json_t *j, *row;

	(void)state;
	rtable_num(t, 12.5, 1, "%");
	rtable_pounds(t, 1234.5);
	rtable_num(t, NAN, 1, NULL);
	rtable_end_row(t);
	assert_int_equal(rdoc_write(d, RF_TEXT, &b, NULL), 0);
	assert_non_null(strstr(buf_str(&b), "12.5%"));
	assert_non_null(strstr(buf_str(&b), "\u00a31,234.50"));
	assert_non_null(strstr(buf_str(&b), "  -"));
	buf_reset(&b);
	assert_int_equal(rdoc_write(d, RF_CSV, &b, NULL), 0);
	assert_string_equal(buf_str(&b), "\"Pct\",\"Cost\",\"None\"\r\n\"12.5%\",\"1234.50\",\"\"\r\n");
	j = rdoc_json(d);
	row = json_array_get(json_object_get(j, "rows"), 0);
	assert_true(json_real_value(json_object_get(row, "pct")) == 12.5);
	assert_true(json_real_value(json_object_get(row, "cost")) == 1234.5);
	assert_true(json_is_null(json_object_get(row, "none")));
	json_decref(j);
	buf_release(&b);
	rdoc_free(d);
}

/* A document like a report's: keyed facts, a group per lead, typed cells. */
static struct rdoc *
keyed_doc(void)
{
	static const struct rcol cols[] = { { "ref", "Ref", 0 }, { "due", "Due", 0 },
		{ "days", "Days", RC_NUM }, { "statutory", "Statutory", 0 },
		{ "coverage.missing", "Missing", RC_DATA }, { NULL, "Why", RC_PAPER },
		{ "weights.PJ01", "PJ01", RC_NUM } };
	static const struct rcol map_cols[] = { { NULL, "Grade", RC_DATA }, { NULL, "N", RC_DATA } };
	const char *missing[] = { "Camden", "Hackney" };
	struct rdoc *d = rdoc_new("Chase");
	struct rtable *t;
	int day;

	rdoc_fact(d, "as_of", "As of", "2003-01-31");
	rdoc_fact_int(d, "count", NULL, 1234);
	rdoc_fact(d, "committee", "Committee", NULL);
	rdoc_group(d, "leads");
	rdoc_fact(d, "lead", NULL, "AC PRS");
	rdoc_heading(d, 2, "AC PRS");
	t = rdoc_table_cols(d, "items", NULL, WM_ARRAY_LEN(cols), cols);
	date_parse_iso("2002-05-31", &day);
	rtable_cell(t, "R1");
	rtable_date(t, day);
	rtable_int(t, 1245);
	rtable_bool(t, 1);
	rtable_list(t, missing, 2, ", ");
	rtable_cell(t, "overdue");
	rtable_num(t, 0.8, NUM_SHORTEST, NULL);
	rtable_end_row(t);
	rtable_cell(t, "R2");
	rtable_date(t, DATE_NONE);
	rtable_null(t);
	rtable_bool(t, -1);
	rtable_list(t, NULL, 0, ", ");
	rtable_cell(t, "stale");
	rtable_none(t);
	rtable_paper_row(t);
	rtable_end_row(t);
	rdoc_group_end(d);
	t = rdoc_table_cols(d, "summary", NULL, 2, map_cols);
	rtable_as_map(t);
	rtable_cell(t, "partially");
	rtable_int(t, 3);
	rtable_end_row(t);
	return d;
}

static void
test_the_json_is_the_documents_keys(void **state)
{
	struct rdoc *d = keyed_doc();
	json_t *j = rdoc_json(d), *item;

	(void)state;
	assert_string_equal(json_string_value(json_object_get(j, "as_of")), "2003-01-31");
	assert_int_equal(json_integer_value(json_object_get(j, "count")), 1234);
	assert_true(json_is_null(json_object_get(j, "committee")));
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j,
	    "leads"), 0), "lead")), "AC PRS");
	/* the paper row is not data */
	assert_int_equal(json_array_size(json_object_get(json_array_get(json_object_get(j, "leads"),
	    0), "items")), 1);
	item = json_array_get(json_object_get(json_array_get(json_object_get(j, "leads"), 0),
	    "items"), 0);
	assert_string_equal(json_string_value(json_object_get(item, "due")), "2002-05-31");
	assert_int_equal(json_integer_value(json_object_get(item, "days")), 1245);
	assert_true(json_is_true(json_object_get(item, "statutory")));
	assert_string_equal(json_string_value(json_array_get(json_object_get(json_object_get(item,
	    "coverage"), "missing"), 1)), "Hackney");
	assert_null(json_object_get(item, "Why"));
	assert_true(json_real_value(json_object_get(json_object_get(item, "weights"), "PJ01")) == 0.8);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "summary"),
	    "partially")), 3);
	json_decref(j);
	rdoc_free(d);
}

static void
test_paper_shows_what_is_for_paper(void **state)
{
	struct rdoc *d = keyed_doc();
	struct buf b = BUF_INIT;
	const char *s;

	(void)state;
	assert_int_equal(rdoc_write(d, RF_TEXT, &b, NULL), 0);
	s = buf_str(&b);
	assert_non_null(strstr(s, "As of: 2003-01-31"));
	assert_null(strstr(s, "Committee"));	/* a fact with no value is not shown */
	assert_null(strstr(s, "1234"));		/* a data-only fact */
	assert_non_null(strstr(s, "1,245"));	/* grouped on paper */
	assert_non_null(strstr(s, "stale"));	/* the paper row */
	assert_null(strstr(s, "Hackney"));	/* a data-only column */
	assert_null(strstr(s, "partially"));	/* a data-only table */
	buf_reset(&b);
	assert_int_equal(rdoc_write(d, RF_CSV, &b, NULL), 0);
	assert_string_equal(buf_str(&b), "\"Ref\",\"Due\",\"Days\",\"Statutory\",\"Why\",\"PJ01\"\r\n"
	    "\"R1\",\"2002-05-31\",\"1245\",\"yes\",\"overdue\",\"0.8\"\r\n"
	    "\"R2\",\"\",\"\",\"\",\"stale\",\"\"\r\n");
	buf_reset(&b);
	assert_int_equal(rdoc_write(d, RF_XLSX, &b, NULL), 0);
	assert_true(b.len > 1000 && memcmp(b.s, "PK", 2) == 0);
	buf_release(&b);
	rdoc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_and_attributes_are_escaped),
		cmocka_unit_test(test_null_attributes_are_left_out_and_empty_ones_are_bare),
		cmocka_unit_test(test_svg_names_itself_for_screen_readers),
		cmocka_unit_test(test_svg_ids_differ_between_charts_on_a_page),
		cmocka_unit_test(test_appending_a_report_copies_its_body_not_its_title),
		cmocka_unit_test(test_a_report_writes_as_aligned_text),
		cmocka_unit_test(test_a_report_writes_as_markdown_with_pipes_escaped),
		cmocka_unit_test(test_a_report_writes_as_html_with_tags_for_status),
		cmocka_unit_test(test_a_report_writes_its_tables_as_csv),
		cmocka_unit_test(test_json_is_the_reports_own_data_when_given),
		cmocka_unit_test(test_number_cells_are_grouped_to_read_and_plain_in_csv),
		cmocka_unit_test(test_a_link_cell_links_only_in_the_pages),
		cmocka_unit_test(test_formats_are_named_and_others_refused),
		cmocka_unit_test(test_a_number_keeps_its_value_and_its_format),
		cmocka_unit_test(test_a_chart_of_ours_is_drawn_and_anything_else_refused),
		cmocka_unit_test(test_a_chart_with_absurd_numbers_is_drawn_within_bounds),
		cmocka_unit_test(test_the_json_is_the_documents_keys),
		cmocka_unit_test(test_paper_shows_what_is_for_paper),
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
