/*
 * test_security.c: what issue 16's attacks found, each held shut at the
 * mechanism: the fields' limits, who may change what, what refers to a
 * record, what the public sees.
 */
#include "testutil.h"

#include <math.h>

#include "base/buf.h"
#include "base/csvcell.h"
#include "import/csvtab.h"
#include "model/audit.h"
#include "model/ent.h"
#include "model/kind.h"
#include "report/chart.h"

static int
set(struct fixture *fx, const char *kind, const char *key, const char *json)
{
	json_t *j = J(json);
	int rc = ent_set(&fx->ctx, K(kind), key, j, 0, NULL, &fx->err);

	json_decref(j);
	return rc;
}

static int
add(struct fixture *fx, const char *kind, const char *json)
{
	json_t *j = J(json);
	int rc = ent_add(&fx->ctx, K(kind), j, NULL, &fx->err);

	json_decref(j);
	return rc;
}

/* The refusal names the field and says why in a word. */
static void
assert_refused(struct fixture *fx, int rc, const char *field, const char *reason)
{
	assert_int_equal(rc, WM_EINVAL);
	assert_string_equal(fx->err.field, field);
	assert_non_null(fx->err.reason);
	assert_string_equal(fx->err.reason, reason);
}

/* ---- 16.21, 16.2: limits in the kinds' descriptions ------------------- */

static void
test_numbers_outside_a_fields_range_are_refused(void **state)
{
	struct fixture *fx = *state;

	assert_refused(fx, set(fx, "recommendations", "DA2002/R1", "{\"percent_complete\": -300}"),
	    "percent_complete", FIELD_BAD_RANGE);
	assert_non_null(strstr(fx->err.msg, "from 0 to 100"));
	assert_refused(fx, set(fx, "recommendations", "DA2002/R1", "{\"percent_complete\": 1e308}"),
	    "percent_complete", FIELD_BAD_RANGE);
	assert_refused(fx, set(fx, "recommendations", "DA2002/R1", "{\"priority\": 4}"),
	    "priority", FIELD_BAD_RANGE);
	assert_ok(fx, set(fx, "recommendations", "DA2002/R1", "{\"percent_complete\": 100}"));
	assert_ok(fx, set(fx, "recommendations", "DA2002/R1", "{\"percent_complete\": \"0\"}"));
}

static void
test_extreme_figures_are_refused_by_every_writer(void **state)
{
	struct fixture *fx = *state;

	/* a figure near the largest double makes every scale drawn from it loop or overflow */
	assert_refused(fx, add(fx, "measurements", "{\"pi\":\"SC-01\",\"unit\":\"Camden\","
	    "\"period\":\"2004-05\",\"value\":1.7e308}"), "value", FIELD_BAD_RANGE);
	assert_refused(fx, add(fx, "measurements", "{\"pi\":\"SC-01\",\"unit\":\"Camden\","
	    "\"period\":\"2004-05\",\"value\":\"-1e300\"}"), "value", FIELD_BAD_RANGE);
	assert_refused(fx, add(fx, "targets", "{\"pi\":\"SC-01\",\"unit\":\"Camden\","
	    "\"period\":\"2004-05\",\"value\":1e16}"), "value", FIELD_BAD_RANGE);
	assert_refused(fx, add(fx, "measurements", "{\"pi\":\"SC-01\",\"unit\":\"Camden\","
	    "\"period\":\"2004-05\",\"value\":\"inf\"}"), "value", FIELD_BAD_TYPE);
	assert_ok(fx, add(fx, "measurements", "{\"pi\":\"SC-01\",\"unit\":\"Camden\","
	    "\"period\":\"2009-05\",\"value\":10000000.000000002}"));
}

static void
test_text_longer_than_a_field_allows_is_refused(void **state)
{
	struct fixture *fx = *state;
	size_t n = FIELD_TEXT_MAX + 1;
	char *big = malloc(n + 1);
	json_t *j;

	memset(big, 'a', n);
	big[n] = '\0';
	j = json_pack("{s:s}", "text", big);
	assert_refused(fx, ent_set(&fx->ctx, K("recommendations"), "DA2002/R1", j, 0, NULL,
	    &fx->err), "text", FIELD_BAD_LENGTH);
	json_decref(j);
	/* characters, not bytes: the longest text allowed in a script of two-byte letters */
	for (size_t i = 0; i + 2 <= FIELD_TEXT_MAX * 2 && i + 2 <= n; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	big[FIELD_TEXT_MAX * 2 < n ? FIELD_TEXT_MAX * 2 : n - (n % 2)] = '\0';
	j = json_pack("{s:s}", "subject", big);
	assert_ok(fx, ent_set(&fx->ctx, K("recommendations"), "DA2002/R1", j, 0, NULL, &fx->err));
	json_decref(j);
	free(big);
}

static void
test_keys_take_only_plain_characters(void **state)
{
	struct fixture *fx = *state;

	assert_refused(fx, add(fx, "units", "{\"ref\":\"Cam\\r\\nden\",\"name\":\"x\"}"), "ref",
	    FIELD_BAD_KEY);
	assert_refused(fx, add(fx, "units", "{\"ref\":\"a\\tb\",\"name\":\"x\"}"), "ref",
	    FIELD_BAD_KEY);
	assert_refused(fx, add(fx, "units", "{\"ref\":\"   \",\"name\":\"x\"}"), "ref",
	    FIELD_BAD_KEY);
	assert_refused(fx, add(fx, "units", "{\"ref\":\" Camden2\",\"name\":\"x\"}"), "ref",
	    FIELD_BAD_KEY);
	assert_refused(fx, add(fx, "units", "{\"ref\":\"A/B\",\"name\":\"x\"}"), "ref",
	    FIELD_BAD_KEY);
	assert_ok(fx, add(fx, "units", "{\"ref\":\"New Town\",\"name\":\"x\"}"));
}

static void
test_every_problem_of_a_form_is_given_at_once(void **state)
{
	struct fixture *fx = *state;
	json_t *in = J("{\"ref\":\"a\\tb\",\"percent_complete\":\"-1\",\"priority\":\"x\",\"colour\":1}");
	json_t *problems = NULL;
	const char *want[][2] = { { "ref", FIELD_BAD_KEY }, { "percent_complete", FIELD_BAD_RANGE },
		{ "priority", FIELD_BAD_TYPE }, { "colour", "unknown" }, { "source", FIELD_MISSING },
		{ "text", FIELD_MISSING } };

	assert_ok(fx, ent_check(&fx->ctx, K("recommendations"), in, true, &problems, &fx->err));
	assert_int_equal(json_array_size(problems), WM_ARRAY_LEN(want));
	for (size_t i = 0; i < WM_ARRAY_LEN(want); i++) {
		json_t *p = json_array_get(problems, i);

		assert_string_equal(json_string_value(json_object_get(p, "field")), want[i][0]);
		assert_string_equal(json_string_value(json_object_get(p, "reason")), want[i][1]);
		assert_non_null(json_string_value(json_object_get(p, "message")));
	}
	json_decref(problems);
	json_decref(in);
}

/* ---- 16.3: what refers to a record, and removing it ------------------ */

static json_t *
audit_of(struct fixture *fx, const char *kind, const char *action)
{
	struct audit_query q = { 0 };
	json_t *rows, *out = json_array(), *e;
	size_t i;

	q.kind = kind;
	assert_ok(fx, audit_list(&fx->ctx, &q, &rows, &fx->err));
	json_array_foreach(rows, i, e)
		if (strcmp(json_string_value(json_object_get(e, "action")), action) == 0)
			json_array_append(out, e);
	json_decref(rows);
	return out;
}

static void
test_a_record_others_refer_to_is_not_removed_and_the_answer_says_which(void **state)
{
	struct fixture *fx = *state;
	int64_t recs = sql_number(fx, "SELECT COUNT(*) FROM recommendation r JOIN source s ON"
	    " s.id = r.source_id WHERE s.ref = 'BVA2002'");
	json_t *refs;

	assert_true(recs > 0);
	assert_int_equal(ent_remove(&fx->ctx, K("sources"), "BVA2002", 0, &fx->err), WM_EINUSE);
	assert_non_null(strstr(fx->err.msg, "recommendations (BVA2002/R1"));
	assert_int_equal(sql_number(fx, "SELECT COUNT(*) FROM source WHERE ref = 'BVA2002'"), 1);
	assert_ok(fx, ent_referrers(&fx->ctx, K("sources"), "BVA2002", &refs, &fx->err));
	assert_int_equal(json_array_size(refs), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(refs, 0), "kind")),
	    "recommendations");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(refs, 0), "count")), recs);
	assert_string_equal(json_string_value(json_object_get(json_array_get(refs, 0),
	    "on_cascade")), "removed");
	json_decref(refs);
	/* the figures of a PI too, through their own storage */
	assert_int_equal(ent_remove(&fx->ctx, K("pis"), "SC-01", 0, &fx->err), WM_EINUSE);
	assert_non_null(strstr(fx->err.msg, "measurements"));
	assert_non_null(strstr(fx->err.msg, "targets"));
}

static void
test_a_cascade_audits_every_row_it_removes_whole(void **state)
{
	struct fixture *fx = *state;
	int64_t recs = sql_number(fx, "SELECT COUNT(*) FROM recommendation r JOIN source s ON"
	    " s.id = r.source_id WHERE s.ref = 'BVA2002'");
	int64_t progress = sql_number(fx, "SELECT COUNT(*) FROM progress p JOIN recommendation r"
	    " ON r.id = p.rec_id JOIN source s ON s.id = r.source_id WHERE s.ref = 'BVA2002'");
	json_t *removed;

	assert_ok(fx, ent_remove_cascade(&fx->ctx, K("sources"), "BVA2002", 0, &fx->err));
	removed = audit_of(fx, "recommendations", "remove");
	assert_int_equal(json_array_size(removed), recs);
	/* whole: the entry can put the record back */
	assert_non_null(json_string_value(json_object_get(json_object_get(json_array_get(removed, 0),
	    "before"), "text")));
	json_decref(removed);
	removed = audit_of(fx, "progress", "remove");
	assert_int_equal(json_array_size(removed), progress);
	json_decref(removed);
	assert_int_equal(sql_number(fx, "SELECT COUNT(*) FROM recommendation r WHERE NOT EXISTS"
	    " (SELECT 1 FROM source s WHERE s.id = r.source_id)"), 0);
}

static void
test_a_cascade_removes_figures_clears_and_unlinks(void **state)
{
	struct fixture *fx = *state;
	int64_t figures = sql_number(fx, "SELECT COUNT(*) FROM unit WHERE ref = 'Camden'");
	json_t *list, *q_where = J("{\"unit\":\"Camden\"}"), *e;
	struct ent_query q = { 0 };
	int64_t checked;
	size_t n;

	assert_int_equal(figures, 1);
	q.where = q_where;
	assert_ok(fx, ent_count(&fx->ctx, K("measurements"), &q, &n, &fx->err));
	assert_true(n > 0);
	assert_ok(fx, ent_remove_cascade(&fx->ctx, K("units"), "Camden", 0, &fx->err));
	list = audit_of(fx, "measurements", "remove");
	assert_int_equal(json_array_size(list), n);
	json_decref(list);
	/* the unit's post stays, its unit cleared; audited as a change */
	assert_ok(fx, ent_get(&fx->ctx, K("posts"), "Borough Commander, Camden", &e, &fx->err));
	assert_true(json_is_null(json_object_get(e, "unit")));
	json_decref(e);
	list = audit_of(fx, "posts", "set");
	assert_true(json_array_size(list) >= 1);
	json_decref(list);
	json_decref(q_where);
	/* a post that leads things leaves the lists of leads */
	assert_ok(fx, ent_remove_cascade(&fx->ctx, K("posts"), "AC PRS", 0, &fx->err));
	assert_ok(fx, ent_get(&fx->ctx, K("goals"), "TTSC/G1", &e, &fx->err));
	for (size_t i = 0; i < json_array_size(json_object_get(e, "leads")); i++)
		assert_string_not_equal(json_string_value(json_array_get(json_object_get(e, "leads"), i)),
		    "AC PRS");
	json_decref(e);
	assert_ok(fx, audit_verify(&fx->ctx, &checked, &fx->err));
}

static void
test_a_cascade_asks_permission_for_every_change(void **state)
{
	struct fixture *fx = *state;
	json_t *u = J("{\"username\":\"lena\",\"role\":\"lead\",\"person\":\"rlead\"}");

	assert_ok(fx, ent_add(&fx->ctx, K("users"), u, NULL, &fx->err));
	json_decref(u);
	fx->ctx.role = ROLE_PLANNER;
	/* a planner may remove people, but not change the account that names one */
	assert_int_equal(ent_remove_cascade(&fx->ctx, K("people"), "rlead", 0, &fx->err), WM_EPERM);
	assert_int_equal(sql_number(fx, "SELECT COUNT(*) FROM person WHERE ref = 'rlead'"), 1);
}

/*
 * Every foreign key of the schema is one the kinds describe (so a removal
 * deals with it) or belongs to storage a kind keeps for itself.
 */
static void
test_every_foreign_key_is_described_by_a_kind(void **state)
{
	static const char *const own[][2] = {
		{ "app_session", "user_id" },		/* a user's sessions end with the user */
		{ "pi_series", "pi_id" },		/* the figures: the measurements kind */
		{ "series_unit", "series_id" }, { "series_unit", "unit_id" },
		{ "pi_archive", "id" },
		{ "measurement_note", "pi_id" }, { "measurement_note", "unit_id" },
		{ "figure_review", "pi_id" }, { "figure_review", "unit_id" },	/* awaiting approval */
		{ "measurement_staged", "pi_id" }, { "measurement_staged", "unit_id" },
	};
	struct fixture *fx = *state;
	struct stmt *s;
	json_t *fks, *fk;
	size_t i;

	if (testdb_url() != NULL)
		skip();	/* the schema is the same on both engines: SQLite's pragmas read it */
	fks = json_array();
	assert_ok(fx, store_prepare(fx->st, "SELECT m.name, f.\"from\" FROM sqlite_master m,"
	    " pragma_foreign_key_list(m.name) f WHERE m.type = 'table'", &s, &fx->err));
	while (stmt_step(s, &fx->err) == STORE_ROW)
		json_array_append_new(fks, json_pack("[s,s]", stmt_text(s, 0), stmt_text(s, 1)));
	assert_true(json_array_size(fks) > 30);
	json_array_foreach(fks, i, fk) {
		const char *table = json_string_value(json_array_get(fk, 0));
		const char *col = json_string_value(json_array_get(fk, 1));
		bool found = false;

		for (size_t o = 0; o < WM_ARRAY_LEN(own); o++)
			found = found || (strcmp(own[o][0], table) == 0 && strcmp(own[o][1], col) == 0);
		for (const struct kind *k = kinds; k->name != NULL && !found; k++)
			for (const struct field *f = k->fields; f->name != NULL && !found; f++)
				found = (f->type == FT_REF && strcmp(k->table, table) == 0 &&
				    strcmp(f->col, col) == 0) ||
				    (f->type == FT_LINKS && strcmp(f->link_table, table) == 0 &&
				    (strcmp(f->link_self, col) == 0 || strcmp(f->link_other, col) == 0));
		if (!found)
			fail_msg("%s.%s refers to another table but no kind describes it", table, col);
	}
	json_decref(fks);
}

/* ---- 16.2: a chart's scale with extreme figures ends, and is drawable -------- */

static size_t
occurrences(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void
test_the_trend_chart_ends_whatever_the_figures(void **state)
{
	/* a figure near the largest double; two figures closer than a step can tell apart */
	static const double cases[][3] = {
		{ 27.5, 1.79e308, 30 }, { -1.79e308, 1.79e308, 0 },
		{ 10000000, 10000000.000000002, 10000000 }, { NAN, INFINITY, 5e-324 },
	};
	const char *labels[] = { "2006-01", "2006-02", "2006-03" };

	(void)state;
	for (size_t i = 0; i < WM_ARRAY_LEN(cases); i++) {
		struct chart_series s = { labels, cases[i], NULL, NULL, 3, NULL };
		struct buf out = BUF_INIT;
		struct chart_axis ax;

		chart_trend(&out, "t", "d", "%", &s);
		assert_true(occurrences(buf_str(&out), "c-grid") <= CHART_MAX_TICKS + 1);
		assert_null(strstr(buf_str(&out), "nan"));
		assert_null(strstr(buf_str(&out), "inf"));
		buf_release(&out);
		chart_axis(cases[i][0], cases[i][1], 5, &ax);
		assert_true(isfinite(ax.lo) && isfinite(ax.hi) && ax.lo < ax.hi);
		assert_true(ax.nticks >= 1 && ax.nticks <= CHART_MAX_TICKS);
	}
}

/* ---- 16.13, 16.23: CSV out and in ------------------------------------- */

static const char *
cell(struct buf *b, const char *s)
{
	buf_reset(b);
	csv_cell_add(b, s);
	return buf_str(b);
}

static void
test_no_csv_cell_begins_a_formula(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(cell(&b, "=HYPERLINK(\"http://evil.example/\")"),
	    "\"'=HYPERLINK(\"\"http://evil.example/\"\")\"");
	assert_string_equal(cell(&b, "+cmd"), "\"'+cmd\"");
	assert_string_equal(cell(&b, "-2+3"), "\"'-2+3\"");
	assert_string_equal(cell(&b, "@SUM(A1)"), "\"'@SUM(A1)\"");
	assert_string_equal(cell(&b, "\t=1"), "\"'\t=1\"");
	assert_string_equal(cell(&b, "\r=1"), "\"'\r=1\"");
	assert_string_equal(cell(&b, "-"), "\"'-\"");
	assert_string_equal(cell(&b, "-1e"), "\"'-1e\"");
	/* plain numbers, and text that only holds a sign later, are left as they are */
	assert_string_equal(cell(&b, "-5"), "\"-5\"");
	assert_string_equal(cell(&b, "+1.5"), "\"+1.5\"");
	assert_string_equal(cell(&b, "-1.25e-7"), "\"-1.25e-7\"");
	assert_string_equal(cell(&b, "a=b"), "\"a=b\"");
	assert_string_equal(cell(&b, ""), "\"\"");
	assert_string_equal(cell(&b, NULL), "\"\"");
	assert_true(csv_cell_is_formula("=1"));
	assert_false(csv_cell_is_formula("-0.5"));
	buf_release(&b);
}

static void
test_a_csv_that_is_not_utf8_is_refused_naming_the_line(void **state)
{
	const char csv[] = "ref,text\nA,fine\n\"B\",\"two\nlines\"\nC,bad \xff\xfe text\n";
	struct wm_err err = WM_ERR_INIT;
	struct csvtab t;

	(void)state;
	assert_int_equal(csvtab_read(csv, strlen(csv), &t, &err), WM_EINVAL);
	assert_non_null(strstr(err.msg, "line 5 is not UTF-8"));
	/* a truncated sequence at the very end too */
	assert_int_equal(csvtab_read("ref\nA\xc3", 6, &t, &err), WM_EINVAL);
	assert_non_null(strstr(err.msg, "line 2 is not UTF-8"));
	assert_int_equal(csvtab_read("ref\nCaf\xc3\xa9\n", 10, &t, &err), 0);
	csvtab_release(&t);
}

#define S(t) cmocka_unit_test_setup_teardown(t, fixture_sample_setup, fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		S(test_numbers_outside_a_fields_range_are_refused),
		S(test_extreme_figures_are_refused_by_every_writer),
		S(test_text_longer_than_a_field_allows_is_refused),
		S(test_keys_take_only_plain_characters),
		S(test_every_problem_of_a_form_is_given_at_once),
		S(test_a_record_others_refer_to_is_not_removed_and_the_answer_says_which),
		S(test_a_cascade_audits_every_row_it_removes_whole),
		S(test_a_cascade_removes_figures_clears_and_unlinks),
		S(test_a_cascade_asks_permission_for_every_change),
		cmocka_unit_test(test_the_trend_chart_ends_whatever_the_figures),
		cmocka_unit_test(test_no_csv_cell_begins_a_formula),
		cmocka_unit_test(test_a_csv_that_is_not_utf8_is_refused_naming_the_line),
		cmocka_unit_test_setup_teardown(test_every_foreign_key_is_described_by_a_kind,
		    fixture_setup, fixture_teardown),
	};

	return cmocka_run_group_tests_name("security", tests, NULL, NULL);
}
