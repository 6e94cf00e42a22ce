/*
 * test_csvimp.c: reading CSV tables, telling projects from consultation
 * issues by their header, and importing them row by row.
 */
#include "testutil.h"

#include "import/csvimp.h"
#include "import/csvtab.h"
#include "model/dbx.h"
#include "model/ent.h"

static void
test_rows_know_the_line_they_start_on(void **state)
{
	const char *csv = "\xEF\xBB\xBF" "ref,title\r\n"
	    "\r\n"
	    "A1,\"two\nlines\"\r\n"
	    "A2,\"a \"\"quoted\"\" word\"\r"
	    "A3\n";
	struct wm_err err = WM_ERR_INIT;
	struct csvtab t;

	(void)state;
	assert_int_equal(csvtab_read(csv, strlen(csv), &t, &err), 0);
	assert_int_equal(t.header.ncells, 2);
	assert_string_equal(t.header.cells[0], "ref");	/* the byte order mark is not part of it */
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.rows[0].line, 3);
	assert_string_equal(t.rows[0].cells[1], "two\nlines");
	assert_int_equal(t.rows[1].line, 5);
	assert_string_equal(t.rows[1].cells[1], "a \"quoted\" word");
	assert_int_equal(t.rows[2].line, 6);	/* a lone CR ended line 5 */
	assert_int_equal(t.rows[2].ncells, 2);	/* a short row is padded */
	assert_string_equal(t.rows[2].cells[1], "");
	csvtab_release(&t);
}

static void
test_bad_csv_is_refused_with_its_line(void **state)
{
	struct wm_err err = WM_ERR_INIT;
	struct csvtab t;
	const char *open = "ref,title\nA1,\"never closed\n";
	const char *stray = "ref,title\nA1,ti\"tle\n";

	(void)state;
	assert_int_equal(csvtab_read(open, strlen(open), &t, &err), WM_EINVAL);
	assert_non_null(strstr(err.msg, "line 2"));
	assert_int_equal(csvtab_read(stray, strlen(stray), &t, &err), WM_EINVAL);
	assert_non_null(strstr(err.msg, "line 2"));
	assert_int_equal(csvtab_read("", 0, &t, &err), WM_EINVAL);
	assert_non_null(strstr(err.msg, "empty"));
}

static void
test_the_header_tells_what_the_file_is(void **state)
{
	const char *projects = "Ref,Title,One-off 2004/05\nPJ1,x,1\n";
	const char *issues = "ref,source,date,text\nC1,survey,2004-01-01,x\n";
	const char *figures = "pi,unit,period,value\nSC-01,Camden,2004-04,3\n";
	const char *paper = "Towards the Safest City\nGoal 1: safer communities\n";

	(void)state;
	assert_int_equal(csvimp_detect(projects, strlen(projects)), CSVIMP_PROJECTS);
	assert_int_equal(csvimp_detect(issues, strlen(issues)), CSVIMP_ISSUES);
	assert_int_equal(csvimp_detect(figures, strlen(figures)), CSVIMP_NONE);
	assert_int_equal(csvimp_detect(paper, strlen(paper)), CSVIMP_NONE);
}

static void
load(struct fixture *fx, const char *json)
{
	json_t *doc = J(json), *summary = NULL;

	assert_ok(fx, dbx_import(&fx->ctx, doc, &summary, &fx->err));
	json_decref(summary);
	json_decref(doc);
}

static const char base[] =
    "{\"format\": \"waymark-data\", \"version\": 1,"
    " \"units\": [{\"ref\": \"TP\", \"name\": \"Territorial Policing\"}],"
    " \"plans\": [{\"ref\": \"P\", \"title\": \"Plan\"}],"
    " \"nodes\": [{\"plan\": \"P\", \"ref\": \"G1\", \"kind\": \"goal\", \"title\": \"Goal\"},"
    "  {\"plan\": \"P\", \"ref\": \"G1.A1\", \"kind\": \"aim\", \"title\": \"Aim one\", \"parent\": \"G1\"},"
    "  {\"plan\": \"P\", \"ref\": \"G1.A2\", \"kind\": \"aim\", \"title\": \"Aim two\", \"parent\": \"G1\"}],"
    " \"themes\": [{\"ref\": \"VIS\", \"name\": \"Visible policing\"}]}";

static void
test_projects_come_in_with_costs_and_aims(void **state)
{
	struct fixture *fx = *state;
	const char *csv = "Ref,Title,Unit,Benefit,Aims,One-off 2004/05,Recurring 2004/05\n"
	    "PJ1,Patrols,TP,40,\"G1.A1=0.5; P/G1.A2\",\"\u00a312,000\",500\n"
	    "PJ2,Nowhere,Atlantis,10,,,\n"
	    "PJ3,Too much,TP,10,G1.A1=2,,\n";
	struct import_opts opts = { 0 };
	json_t *report = import_report_new("p.csv"), *rows = NULL;
	struct ent_query q = { .raw = true };

	load(fx, base);
	/* with bad rows and no --partial, nothing is written */
	assert_int_equal(csvimp_import(&fx->ctx, "p.csv", csv, strlen(csv), CSVIMP_PROJECTS, &opts,
	    report, &fx->err), WM_EINVAL);
	assert_int_equal(json_array_size(json_object_get(report, "unread")), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(report,
	    "unread"), 0), "line")), 3);
	assert_ok(fx, ent_list(&fx->ctx, kind_find("projects"), &q, &rows, &fx->err));
	assert_int_equal(json_array_size(rows), 0);
	json_decref(rows);
	json_decref(report);
	/* with --partial the good row is taken whole */
	opts.partial = true;
	report = import_report_new("p.csv");
	assert_ok(fx, csvimp_import(&fx->ctx, "p.csv", csv, strlen(csv), CSVIMP_PROJECTS, &opts,
	    report, &fx->err));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(report, "created"),
	    "projects")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(report, "created"),
	    "contributions")), 2);
	json_decref(report);
	assert_ok(fx, ent_get(&fx->ctx, kind_find("costs"), "PJ1/2004/05", &rows, &fx->err));
	assert_float_equal(json_number_value(json_object_get(rows, "one_off")), 12000, 1e-9);
	assert_float_equal(json_number_value(json_object_get(rows, "recurring")), 500, 1e-9);
	json_decref(rows);
	assert_ok(fx, ent_get(&fx->ctx, kind_find("contributions"), "PJ1/P/G1.A1", &rows, &fx->err));
	assert_float_equal(json_number_value(json_object_get(rows, "weight")), 0.5, 1e-9);
	json_decref(rows);
	/* the same file again changes nothing */
	report = import_report_new("p.csv");
	assert_ok(fx, csvimp_import(&fx->ctx, "p.csv", csv, strlen(csv), CSVIMP_PROJECTS, &opts,
	    report, &fx->err));
	assert_int_equal(json_object_size(json_object_get(report, "created")), 0);
	assert_int_equal(json_object_size(json_object_get(report, "changed")), 0);
	json_decref(report);
}

static void
test_issues_come_in_with_their_themes(void **state)
{
	struct fixture *fx = *state;
	const char *csv = "ref,source,date,text,themes\n"
	    "C1,public attitude survey,2004-10-02,\"More patrols, please\",VIS\n"
	    "C2,best value review,2004-11-12,Nothing given,\n";
	const char *wide = "ref,source,date,text\nC3,survey,2004-10-02,x,extra\n";
	struct import_opts opts = { 0 };
	json_t *report = import_report_new("i.csv"), *row = NULL;

	load(fx, base);
	assert_ok(fx, csvimp_import(&fx->ctx, "i.csv", csv, strlen(csv), CSVIMP_ISSUES, &opts,
	    report, &fx->err));
	json_decref(report);
	assert_ok(fx, ent_get(&fx->ctx, kind_find("issues"), "C1", &row, &fx->err));
	assert_string_equal(json_string_value(json_array_get(json_object_get(row, "themes"), 0)),
	    "VIS");
	assert_string_equal(json_string_value(json_object_get(row, "text")), "More patrols, please");
	json_decref(row);
	report = import_report_new("w.csv");
	assert_int_equal(csvimp_import(&fx->ctx, "w.csv", wide, strlen(wide), CSVIMP_ISSUES, &opts,
	    report, &fx->err), WM_EINVAL);
	assert_non_null(strstr(json_string_value(json_object_get(json_array_get(
	    json_object_get(report, "unread"), 0), "why")), "5 cells"));
	json_decref(report);
}

static void
test_unknown_columns_are_named(void **state)
{
	struct fixture *fx = *state;
	const char *csv = "ref,title,colour\nPJ1,x,red\n";
	struct import_opts opts = { 0 };
	json_t *report = import_report_new("c.csv");

	assert_int_equal(csvimp_import(&fx->ctx, "c.csv", csv, strlen(csv), CSVIMP_PROJECTS, &opts,
	    report, &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "\"colour\""));
	json_decref(report);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_know_the_line_they_start_on),
		cmocka_unit_test(test_bad_csv_is_refused_with_its_line),
		cmocka_unit_test(test_the_header_tells_what_the_file_is),
		cmocka_unit_test_setup_teardown(test_projects_come_in_with_costs_and_aims,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_issues_come_in_with_their_themes,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_columns_are_named,
		    fixture_setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
