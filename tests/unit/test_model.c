/*
 * test_model.c: the record engine, the audit log, permissions and the
 * whole-database JSON format.
 */
#include "testutil.h"

#include <math.h>

#include "base/buf.h"
#include "base/jsonw.h"
#include "import/sample.h"
#include "model/account.h"
#include "model/audit.h"
#include "model/dbx.h"
#include "model/ent.h"
#include "model/kind.h"
#include "model/search.h"

static void
add(struct fixture *fx, const char *kind, const char *json)
{
	json_t *j = J(json);

	assert_ok(fx, ent_add(&fx->ctx, K(kind), j, NULL, &fx->err));
	json_decref(j);
}

static int
try_add(struct fixture *fx, const char *kind, const char *json)
{
	json_t *j = J(json);
	int rc = ent_add(&fx->ctx, K(kind), j, NULL, &fx->err);

	json_decref(j);
	return rc;
}

static int64_t
audit_entries(struct fixture *fx)
{
	int64_t n;

	assert_ok(fx, audit_count(&fx->ctx, &n, &fx->err));
	return n;
}

/* A small organisation and framework most tests start from. */
static int
world_setup(void **state)
{
	struct fixture *fx;

	if (fixture_setup(state) != 0)
		return -1;
	fx = *state;
	add(fx, "units", "{\"ref\":\"MPS\",\"name\":\"Metropolitan Police Service\",\"kind\":\"service\"}");
	add(fx, "units", "{\"ref\":\"TP\",\"name\":\"Territorial Policing\",\"kind\":\"business_group\",\"parent\":\"MPS\"}");
	add(fx, "units", "{\"ref\":\"Camden\",\"name\":\"Camden\",\"kind\":\"ocu\",\"parent\":\"TP\"}");
	add(fx, "posts", "{\"ref\":\"AC PRS\"}");
	add(fx, "posts", "{\"ref\":\"Head of Corporate Planning\"}");
	add(fx, "plans", "{\"ref\":\"TTSC\",\"title\":\"Towards the Safest City\",\"kind\":\"framework\",\"doc_date\":\"2002-09-19\"}");
	add(fx, "goals", "{\"plan\":\"TTSC\",\"ref\":\"G1\",\"title\":\"Developing safer communities\"}");
	add(fx, "sources", "{\"ref\":\"DA2002\",\"title\":\"District Audit\",\"kind\":\"district_audit\",\"issued\":\"2002-03-31\"}");
	add(fx, "pis", "{\"code\":\"SC-01\",\"title\":\"Burglary rate\",\"aggregation\":\"ratio\",\"scale\":1000}");
	return 0;
}

static void
test_adding_a_record_reads_back_with_keys_not_ids(void **state)
{
	struct fixture *fx = *state;
	json_t *row;

	assert_ok(fx, ent_get(&fx->ctx, K("units"), "Camden", &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "parent")), "TP");
	assert_string_equal(json_string_value(json_object_get(row, "kind")), "ocu");
	assert_int_equal(json_integer_value(json_object_get(row, "version")), 1);
	assert_null(json_object_get(row, "id"));
	json_decref(row);
}

static void
test_a_goal_is_a_node_seen_through_the_goals_view(void **state)
{
	struct fixture *fx = *state;
	json_t *rows, *row;

	assert_ok(fx, ent_list(&fx->ctx, K("goals"), NULL, &rows, &fx->err));
	assert_int_equal(json_array_size(rows), 1);
	assert_null(json_object_get(json_array_get(rows, 0), "kind"));
	json_decref(rows);
	assert_ok(fx, ent_get(&fx->ctx, K("nodes"), "TTSC/G1", &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "kind")), "goal");
	json_decref(row);
	/* an aim is not a goal */
	add(fx, "aims", "{\"plan\":\"TTSC\",\"ref\":\"G1.A1\",\"parent\":\"G1\",\"title\":\"Reduce burglary\"}");
	assert_int_equal(ent_get(&fx->ctx, K("goals"), "TTSC/G1.A1", &row, &fx->err), WM_ENOTFOUND);
}

static void
test_a_short_key_finds_the_only_record_it_can_mean(void **state)
{
	struct fixture *fx = *state;
	json_t *row;

	assert_ok(fx, ent_get(&fx->ctx, K("goals"), "G1", &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "plan")), "TTSC");
	json_decref(row);
	add(fx, "plans", "{\"ref\":\"OTHER\",\"title\":\"Other plan\"}");
	add(fx, "goals", "{\"plan\":\"OTHER\",\"ref\":\"G1\",\"title\":\"Another G1\"}");
	assert_int_equal(ent_get(&fx->ctx, K("goals"), "G1", &row, &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "more than one"));
}

static void
test_unknown_references_suggest_the_nearest_key(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(try_add(fx, "targets",
	    "{\"pi\":\"SC-01\",\"unit\":\"Camdn\",\"period\":\"2003-04\",\"value\":1}"), WM_ENOTFOUND);
	assert_non_null(strstr(fx->err.msg, "unknown unit \"Camdn\" (did you mean \"Camden\"?)"));
	assert_int_equal(try_add(fx, "targets",
	    "{\"pi\":\"NO-SUCH-PI\",\"unit\":\"Camden\",\"period\":\"2003-04\",\"value\":1}"),
	    WM_ENOTFOUND);
	assert_non_null(strstr(fx->err.msg, "NO-SUCH-PI"));
}

static void
test_records_are_found_by_name_case_and_alias(void **state)
{
	struct fixture *fx = *state;
	int64_t id1, id2, id3;

	assert_ok(fx, ent_resolve(&fx->ctx, K("units"), "Camden", &id1, &fx->err));
	assert_ok(fx, ent_resolve(&fx->ctx, K("units"), "camden", &id2, &fx->err));
	assert_ok(fx, ent_resolve(&fx->ctx, K("units"), "territorial policing", &id3, &fx->err));
	assert_int_equal(id1, id2);
	add(fx, "aliases", "{\"kind\":\"posts\",\"name\":\"ACPRS\",\"target\":\"AC PRS\"}");
	assert_ok(fx, ent_resolve(&fx->ctx, K("posts"), "ACPRS", &id1, &fx->err));
	assert_ok(fx, ent_resolve(&fx->ctx, K("posts"), "AC PRS", &id2, &fx->err));
	assert_int_equal(id1, id2);
	assert_int_equal(try_add(fx, "aliases", "{\"kind\":\"posts\",\"name\":\"X\",\"target\":\"Nobody\"}"),
	    WM_ENOTFOUND);
}

static void
test_bad_values_are_refused_with_what_is_right(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(try_add(fx, "units", "{\"ref\":\"Z\",\"name\":\"Z\",\"kind\":\"ocuu\"}"), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "did you mean \"ocu\""));
	assert_int_equal(try_add(fx, "targets",
	    "{\"pi\":\"SC-01\",\"unit\":\"Camden\",\"period\":\"2003-13\",\"value\":1}"), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "not a period"));
	assert_int_equal(try_add(fx, "targets",
	    "{\"pi\":\"SC-01\",\"unit\":\"Camden\",\"period\":\"2003-04\",\"value\":\"lots\"}"), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "not a number"));
	assert_int_equal(try_add(fx, "units", "{\"ref\":\"Z\"}"), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "needs name"));
	assert_int_equal(try_add(fx, "units", "{\"ref\":\"Z\",\"name\":\"Z\",\"colour\":\"red\"}"), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "no field \"colour\""));
	assert_int_equal(try_add(fx, "recommendations",
	    "{\"source\":\"DA2002\",\"ref\":\"R1\",\"text\":\"x\",\"priority\":7}"), WM_EINVAL);
}

static void
test_periods_are_stored_in_canonical_form(void **state)
{
	struct fixture *fx = *state;
	json_t *row;

	add(fx, "targets", "{\"pi\":\"SC-01\",\"unit\":\"Camden\",\"period\":\"2003/2004\",\"value\":25}");
	assert_ok(fx, ent_get(&fx->ctx, K("targets"), "SC-01/Camden/2003/04", &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "period")), "2003/04");
	json_decref(row);
}

static void
test_a_slash_is_refused_inside_a_key_but_a_year_ends_one(void **state)
{
	struct fixture *fx = *state;
	json_t *row;

	assert_int_equal(try_add(fx, "plans", "{\"ref\":\"A/B\",\"title\":\"x\"}"), WM_EINVAL);
	assert_int_equal(try_add(fx, "goals", "{\"plan\":\"TTSC\",\"ref\":\"G/9\",\"title\":\"x\"}"),
	    WM_EINVAL);
	assert_int_equal(try_add(fx, "budgets",
	    "{\"unit\":\"Camden\",\"category\":\"Pay/overtime\",\"year\":\"2003/04\",\"amount\":1}"),
	    WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "may not contain '/'"));
	add(fx, "budgets", "{\"unit\":\"Camden\",\"category\":\"Overtime\",\"year\":\"2003/04\",\"amount\":1}");
	assert_ok(fx, ent_get(&fx->ctx, K("budgets"), "Camden/Overtime/2003/04", &row, &fx->err));
	json_decref(row);
}

static void
test_a_duplicate_key_is_refused(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(try_add(fx, "units", "{\"ref\":\"Camden\",\"name\":\"Again\"}"), WM_EEXIST);
}

static void
test_every_change_is_audited_with_before_and_after(void **state)
{
	struct fixture *fx = *state;
	struct audit_query q = { .kind = "units", .key = "Camden" };
	json_t *changes = J("{\"name\":\"Camden OCU\"}"), *rows, *last;

	assert_ok(fx, ent_set(&fx->ctx, K("units"), "Camden", changes, 0, NULL, &fx->err));
	assert_ok(fx, audit_list(&fx->ctx, &q, &rows, &fx->err));
	assert_int_equal(json_array_size(rows), 2);
	last = json_array_get(rows, 1);
	assert_string_equal(json_string_value(json_object_get(last, "action")), "set");
	assert_string_equal(json_string_value(json_object_get(last, "actor")), "test");
	assert_string_equal(json_string_value(json_object_get(last, "at")), "2003-03-31T12:00:00Z");
	assert_string_equal(json_string_value(json_object_get(json_object_get(last, "before"), "name")),
	    "Camden");
	assert_string_equal(json_string_value(json_object_get(json_object_get(last, "after"), "name")),
	    "Camden OCU");
	json_decref(rows);
	json_decref(changes);
}

static void
test_a_change_that_changes_nothing_is_not_audited(void **state)
{
	struct fixture *fx = *state;
	json_t *same = J("{\"name\":\"Camden\"}");
	int64_t before = audit_entries(fx);

	assert_ok(fx, ent_set(&fx->ctx, K("units"), "Camden", same, 0, NULL, &fx->err));
	assert_int_equal(audit_entries(fx), before);
	json_decref(same);
}

static void
test_a_failed_change_leaves_no_record_and_no_audit(void **state)
{
	struct fixture *fx = *state;
	int64_t before = audit_entries(fx);
	json_t *rows;

	/* the unit is valid, the link to a missing post is not: all or nothing */
	assert_int_equal(try_add(fx, "goals",
	    "{\"plan\":\"TTSC\",\"ref\":\"G9\",\"title\":\"x\",\"leads\":[\"AC PRS\",\"Nobody\"]}"),
	    WM_ENOTFOUND);
	assert_int_equal(audit_entries(fx), before);
	assert_ok(fx, ent_list(&fx->ctx, K("goals"), NULL, &rows, &fx->err));
	assert_int_equal(json_array_size(rows), 1);
	json_decref(rows);
}

static void
test_a_stale_version_is_a_conflict(void **state)
{
	struct fixture *fx = *state;
	json_t *a = J("{\"name\":\"First\"}"), *b = J("{\"name\":\"Second\"}"), *row;

	assert_ok(fx, ent_set(&fx->ctx, K("units"), "Camden", a, 1, NULL, &fx->err));
	assert_int_equal(ent_set(&fx->ctx, K("units"), "Camden", b, 1, NULL, &fx->err), WM_ECONFLICT);
	assert_ok(fx, ent_get(&fx->ctx, K("units"), "Camden", &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "name")), "First");
	assert_int_equal(json_integer_value(json_object_get(row, "version")), 2);
	json_decref(row);
	json_decref(a);
	json_decref(b);
}

static void
test_a_unit_cannot_become_its_own_ancestor(void **state)
{
	struct fixture *fx = *state;
	json_t *loop = J("{\"parent\":\"Camden\"}");

	assert_int_equal(ent_set(&fx->ctx, K("units"), "MPS", loop, 0, NULL, &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "ancestor"));
	json_decref(loop);
}

static void
test_removing_what_others_refer_to_is_refused(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(ent_remove(&fx->ctx, K("units"), "TP", 0, &fx->err), WM_EINUSE);
	assert_non_null(strstr(fx->err.msg, "1 unit (Camden) refers to it"));
	assert_ok(fx, ent_remove(&fx->ctx, K("units"), "Camden", 0, &fx->err));
	assert_ok(fx, ent_remove(&fx->ctx, K("units"), "TP", 0, &fx->err));
}

static void
test_links_keep_their_order(void **state)
{
	struct fixture *fx = *state;
	json_t *row;

	add(fx, "recommendations", "{\"source\":\"DA2002\",\"ref\":\"R1\",\"text\":\"Publish PIs\","
	    "\"leads\":[\"Head of Corporate Planning\",\"AC PRS\"]}");
	assert_ok(fx, ent_get(&fx->ctx, K("recommendations"), "DA2002/R1", &row, &fx->err));
	assert_string_equal(json_string_value(json_array_get(json_object_get(row, "leads"), 0)),
	    "Head of Corporate Planning");
	assert_string_equal(json_string_value(json_array_get(json_object_get(row, "leads"), 1)),
	    "AC PRS");
	json_decref(row);
}

static void
test_a_recommendation_keeps_its_first_due_date_and_its_slippage(void **state)
{
	struct fixture *fx = *state;
	json_t *later = J("{\"timescale\":\"Dec 2002\"}"), *row, *revs;
	struct ent_query q = { 0 };

	add(fx, "recommendations", "{\"source\":\"DA2002\",\"ref\":\"R6\",\"text\":\"Appraisal\","
	    "\"timescale\":\"September 2002\"}");
	assert_ok(fx, ent_get(&fx->ctx, K("recommendations"), "DA2002/R6", &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "due")), "2002-09-30");
	json_decref(row);
	assert_ok(fx, ent_set(&fx->ctx, K("recommendations"), "DA2002/R6", later, 0, &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "due")), "2002-12-31");
	assert_string_equal(json_string_value(json_object_get(row, "due_original")), "2002-09-30");
	json_decref(row);
	assert_ok(fx, ent_list(&fx->ctx, K("revisions"), &q, &revs, &fx->err));
	assert_int_equal(json_array_size(revs), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(revs, 0), "new_due")),
	    "2002-12-31");
	json_decref(revs);
	json_decref(later);
}

static void
test_a_progress_update_regrades_its_recommendation(void **state)
{
	struct fixture *fx = *state;
	json_t *row;

	add(fx, "recommendations", "{\"source\":\"DA2002\",\"ref\":\"R2\",\"text\":\"HMIC work\"}");
	add(fx, "progress", "{\"recommendation\":\"DA2002/R2\",\"date\":\"2002-03-31\","
	    "\"text\":\"Included this year\",\"degree_met\":\"Partially\"}");
	add(fx, "progress", "{\"recommendation\":\"DA2002/R2\",\"date\":\"2002-09-30\","
	    "\"text\":\"Done\",\"degree_met\":\"completely\"}");
	assert_ok(fx, ent_get(&fx->ctx, K("recommendations"), "DA2002/R2", &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "degree_met")), "completely");
	assert_string_equal(json_string_value(json_object_get(row, "status")), "closed");
	assert_int_equal(json_array_size(json_object_get(row, "progress")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(row,
	    "progress"), 0), "degree_met")), "partially");
	json_decref(row);
	assert_int_equal(try_add(fx, "progress", "{\"recommendation\":\"DA2002/R2\","
	    "\"date\":\"2002-10-01\",\"text\":\"x\",\"degree_met\":\"mostly\"}"), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "not a grade"));
}

static void
test_the_audit_chain_shows_tampering(void **state)
{
	struct fixture *fx = *state;
	int64_t n;

	assert_ok(fx, audit_verify(&fx->ctx, &n, &fx->err));
	assert_true(n >= 9);
	assert_ok(fx, store_exec(fx->st, "UPDATE audit SET actor = 'mallory' WHERE id = 3", &fx->err));
	assert_int_equal(audit_verify(&fx->ctx, &n, &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "entry 3"));
}

static void
test_the_audit_chain_shows_a_removed_entry(void **state)
{
	struct fixture *fx = *state;
	int64_t n;

	assert_ok(fx, store_exec(fx->st, "DELETE FROM audit WHERE id = 4", &fx->err));
	assert_int_equal(audit_verify(&fx->ctx, &n, &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "entry 5"));
}

static void
test_members_comment_but_do_not_edit(void **state)
{
	struct fixture *fx = *state;
	json_t *change = J("{\"name\":\"x\"}");

	json_t *same = J("{\"name\":\"Camden\"}");

	fx->ctx.role = ROLE_MEMBER;
	assert_int_equal(ent_set(&fx->ctx, K("units"), "Camden", change, 0, NULL, &fx->err), WM_EPERM);
	/* a change that would change nothing is refused too, not waved through */
	assert_int_equal(ent_set(&fx->ctx, K("units"), "Camden", same, 0, NULL, &fx->err), WM_EPERM);
	json_decref(same);
	add(fx, "comments", "{\"kind\":\"goals\",\"ref\":\"TTSC/G1\",\"text\":\"Good aim\"}");
	fx->ctx.role = ROLE_PLANNER;
	assert_ok(fx, ent_set(&fx->ctx, K("units"), "Camden", change, 0, NULL, &fx->err));
	assert_int_equal(try_add(fx, "users", "{\"username\":\"u\",\"role\":\"admin\"}"), WM_EPERM);
	json_decref(change);
}

static void
test_the_public_sees_only_what_is_published(void **state)
{
	struct fixture *fx = *state;
	json_t *rows, *pub = J("{\"published\":true}");

	assert_ok(fx, ent_set(&fx->ctx, K("goals"), "TTSC/G1", pub, 0, NULL, &fx->err));
	add(fx, "goals", "{\"plan\":\"TTSC\",\"ref\":\"G2\",\"title\":\"Draft goal\"}");
	fx->ctx.role = ROLE_PUBLIC;
	/* a published goal of a plan not published is not published either */
	assert_ok(fx, ent_list(&fx->ctx, K("goals"), NULL, &rows, &fx->err));
	assert_int_equal(json_array_size(rows), 0);
	json_decref(rows);
	fx->ctx.role = ROLE_SYSTEM;
	assert_ok(fx, ent_set(&fx->ctx, K("plans"), "TTSC", pub, 0, NULL, &fx->err));
	fx->ctx.role = ROLE_PUBLIC;
	assert_ok(fx, ent_list(&fx->ctx, K("goals"), NULL, &rows, &fx->err));
	assert_int_equal(json_array_size(rows), 1);
	json_decref(rows);
	assert_int_equal(ent_list(&fx->ctx, K("users"), NULL, &rows, &fx->err), WM_EPERM);
	json_decref(pub);
}

static void
test_an_export_restores_into_a_new_database_exactly(void **state)
{
	struct fixture *fx = *state, copy;
	json_t *doc, *doc2, *summary;
	void *cs = NULL;

	add(fx, "recommendations", "{\"source\":\"DA2002\",\"ref\":\"R1\",\"text\":\"t\","
	    "\"leads\":[\"AC PRS\"],\"timescale\":\"End of 2002/2003\"}");
	add(fx, "targets", "{\"pi\":\"SC-01\",\"unit\":\"Camden\",\"period\":\"2003/04\",\"value\":0.1}");
	assert_ok(fx, dbx_export(&fx->ctx, &doc, &fx->err));
	assert_int_equal(fixture_setup(&cs), 0);
	copy = *(struct fixture *)cs;
	assert_ok(&copy, dbx_import(&copy.ctx, doc, &summary, &copy.err));
	assert_ok(&copy, dbx_export(&copy.ctx, &doc2, &copy.err));
	assert_true(json_equal(doc, doc2));
	/* a restore brings the audit log too, and it still verifies */
	{
		int64_t n;

		assert_ok(&copy, audit_verify(&copy.ctx, &n, &copy.err));
		assert_int_equal(n, json_array_size(json_object_get(doc, "audit")));
	}
	/* and a second restore into the now-used database is refused */
	json_decref(summary);
	assert_int_equal(dbx_import(&copy.ctx, doc, &summary, &copy.err), WM_EINVAL);
	json_decref(doc);
	json_decref(doc2);
	fixture_teardown(&cs);
}

static void
test_a_data_file_merges_and_a_second_load_changes_nothing(void **state)
{
	struct fixture *fx = *state;
	json_t *doc = J("{\"format\":\"waymark-data\",\"version\":1,"
	    "\"units\":[{\"ref\":\"Hackney\",\"name\":\"Hackney\",\"kind\":\"ocu\",\"parent\":\"TP\"},"
	    "{\"ref\":\"Camden\",\"name\":\"Camden\",\"kind\":\"ocu\",\"parent\":\"TP\"}]}");
	json_t *summary;
	int64_t before;

	assert_ok(fx, dbx_import(&fx->ctx, doc, &summary, &fx->err));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(summary, "units"), "added")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(summary, "units"), "unchanged")), 1);
	json_decref(summary);
	before = audit_entries(fx);
	assert_ok(fx, dbx_import(&fx->ctx, doc, &summary, &fx->err));
	assert_int_equal(audit_entries(fx), before);
	json_decref(summary);
	json_decref(doc);
}

static void
test_a_record_without_its_sequence_number_is_matched_by_content(void **state)
{
	struct fixture *fx = *state;
	json_t *doc = J("{\"format\":\"waymark-data\",\"version\":1,"
	    "\"recommendations\":[{\"source\":\"DA2002\",\"ref\":\"R9\",\"text\":\"x\"}],"
	    "\"progress\":[{\"recommendation\":\"DA2002/R9\",\"date\":\"2002-03-31\",\"text\":\"Begun\"},"
	    "{\"recommendation\":\"DA2002/R9\",\"date\":\"2002-06-30\",\"text\":\"Half done\"}]}");
	json_t *summary, *rows;
	struct ent_query q = { 0 };

	assert_ok(fx, dbx_import(&fx->ctx, doc, &summary, &fx->err));
	json_decref(summary);
	assert_ok(fx, dbx_import(&fx->ctx, doc, &summary, &fx->err));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(summary, "progress"),
	    "unchanged")), 2);
	json_decref(summary);
	assert_ok(fx, ent_list(&fx->ctx, K("progress"), &q, &rows, &fx->err));
	assert_int_equal(json_array_size(rows), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(rows, 1), "seq")), 2);
	json_decref(rows);
	json_decref(doc);
}

static void
test_a_data_file_may_list_children_before_parents(void **state)
{
	struct fixture *fx = *state;
	json_t *doc = J("{\"format\":\"waymark-data\",\"version\":1,"
	    "\"units\":[{\"ref\":\"Team\",\"name\":\"A team\",\"parent\":\"Dept\"},"
	    "{\"ref\":\"Dept\",\"name\":\"A department\",\"parent\":\"MPS\"}]}");
	json_t *summary, *row;

	assert_ok(fx, dbx_import(&fx->ctx, doc, &summary, &fx->err));
	assert_ok(fx, ent_get(&fx->ctx, K("units"), "Team", &row, &fx->err));
	assert_string_equal(json_string_value(json_object_get(row, "parent")), "Dept");
	json_decref(row);
	json_decref(summary);
	json_decref(doc);
}

static void
test_an_unknown_kind_in_a_file_is_refused_not_dropped(void **state)
{
	struct fixture *fx = *state;
	json_t *doc = J("{\"format\":\"waymark-data\",\"version\":1,\"unitz\":[]}"), *summary;

	assert_int_equal(dbx_import(&fx->ctx, doc, &summary, &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "did you mean \"units\""));
	json_decref(doc);
}

/* The bundled sample instead of the small world: every kind has records. */
/* Each page of ent_list (limit and offset) is exactly its slice of the whole list. */
static void
check_pages(struct fixture *fx, const struct kind *k, const json_t *where, size_t *pages)
{
	struct ent_query all = { .where = where }, page = { .where = where };
	json_t *whole = NULL, *got = NULL;
	size_t n, total = 0;

	assert_ok(fx, ent_list(&fx->ctx, k, &all, &whole, &fx->err));
	assert_ok(fx, ent_count(&fx->ctx, k, &page, &total, &fx->err));
	n = json_array_size(whole);
	assert_int_equal(total, n);
	for (size_t limit = 1; limit <= 4; limit += 3) {
		for (size_t offset = 0; offset <= n + 1; offset++) {
			page.limit = limit;
			page.offset = offset;
			assert_ok(fx, ent_list(&fx->ctx, k, &page, &got, &fx->err));
			assert_int_equal(json_array_size(got),
			    offset >= n ? 0 : (n - offset < limit ? n - offset : limit));
			for (size_t i = 0; i < json_array_size(got); i++)
				if (!json_equal(json_array_get(got, i), json_array_get(whole, offset + i)))
					fail_msg("%s: item %zu of the page at offset %zu (limit %zu) "
					    "differs from the whole list's", k->name, i, offset, limit);
			json_decref(got);
			(*pages)++;
		}
	}
	json_decref(whole);
}

static void
test_every_page_is_its_slice_of_the_whole_list(void **state)
{
	struct fixture *fx = *state;
	size_t pages = 0;
	json_t *where;

	for (const struct kind *k = kinds; k->name != NULL; k++)
		if (k->store == NULL)
			check_pages(fx, k, NULL, &pages);
	/* with a filter, and as the public, who sees only what is published */
	where = J("{\"source\": \"DA2002\"}");
	check_pages(fx, K("recommendations"), where, &pages);
	json_decref(where);
	fx->ctx.role = ROLE_PUBLIC;
	check_pages(fx, K("recommendations"), NULL, &pages);
	check_pages(fx, K("goals"), NULL, &pages);
	assert_true(pages > 500);
}


/*
 * Doubles from a fixed sequence of 64-bit patterns: the same on every run,
 * most needing 16 or 17 digits; those out of the kinds' range are scaled.
 */
static double
odd_double(uint64_t *seed)
{
	double v;

	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	memcpy(&v, seed, sizeof(v));
	if (isfinite(v) && fabs(v) < 1e12)
		return v;
	return (double)(*seed >> 11) / 9007199254740992.0 * 1e6;
}

static void
test_figures_set_through_the_api_round_trip_export_and_import_and_verify(void **state)
{
	struct fixture *fx = *state, copy;
	json_t *doc, *back, *summary, *diffs, *row;
	struct buf text = BUF_INIT;
	double want[24];
	uint64_t seed = 20041231;
	void *cs = NULL;
	int64_t n;

	/* odd doubles, added and then changed through the record API */
	for (int m = 0; m < 12; m++) {
		char key[64], fields[160];
		json_t *f, *ch;

		want[m] = odd_double(&seed);
		snprintf(fields, sizeof(fields), "{\"pi\":\"SC-01\",\"unit\":\"Camden\","
		    "\"period\":\"2003-%02d\",\"value\":1}", m + 1);
		f = J(fields);
		assert_ok(fx, ent_add(&fx->ctx, K("measurements"), f, NULL, &fx->err));
		json_decref(f);
		snprintf(key, sizeof(key), "SC-01/Camden/2003-%02d", m + 1);
		ch = json_pack("{s:f}", "value", want[m]);
		assert_ok(fx, ent_set(&fx->ctx, K("measurements"), key, ch, 0, NULL, &fx->err));
		json_decref(ch);
	}
	want[12] = 0.1 + 0.2;
	row = json_pack("{s:s, s:s, s:s, s:f}", "pi", "SC-01", "unit", "Camden", "period",
	    "2003/04", "value", want[12]);
	assert_ok(fx, ent_add(&fx->ctx, K("targets"), row, NULL, &fx->err));
	json_decref(row);
	/* exported as a file would be: through the writer, and read back */
	assert_ok(fx, dbx_export(&fx->ctx, &doc, &fx->err));
	assert_int_equal(jsonw_dump(&text, doc), 0);
	back = json_loads(buf_str(&text), 0, NULL);
	assert_non_null(back);
	assert_int_equal(fixture_setup(&cs), 0);
	copy = *(struct fixture *)cs;
	assert_ok(&copy, dbx_import(&copy.ctx, back, &summary, &copy.err));
	/* the chain and every record verify on the copy */
	assert_ok(&copy, audit_verify(&copy.ctx, &n, &copy.err));
	assert_ok(&copy, audit_verify_records(&copy.ctx, &diffs, &n, &copy.err));
	assert_int_equal(json_array_size(diffs), 0);
	assert_true(n > 10);
	json_decref(diffs);
	/* the same doubles, bit for bit */
	for (int m = 0; m < 13; m++) {
		char key[64];
		double got;

		if (m < 12)
			snprintf(key, sizeof(key), "SC-01/Camden/2003-%02d", m + 1);
		else
			snprintf(key, sizeof(key), "SC-01/Camden/2003/04");
		assert_ok(&copy, ent_get(&copy.ctx, K(m < 12 ? "measurements" : "targets"), key, &row,
		    &copy.err));
		got = json_number_value(json_object_get(row, "value"));
		assert_memory_equal(&got, &want[m], sizeof(got));
		json_decref(row);
	}
	/* and a value edited in SQL behind Waymark's back is named */
	assert_ok(&copy, store_exec(copy.st, "UPDATE target SET value = 0.3", &copy.err));
	assert_ok(&copy, audit_verify_records(&copy.ctx, &diffs, &n, &copy.err));
	assert_int_equal(json_array_size(diffs), 1);
	assert_non_null(strstr(json_string_value(json_object_get(json_array_get(diffs, 0),
	    "record")), "targets SC-01/Camden/2003/04"));
	json_decref(diffs);
	json_decref(summary);
	json_decref(back);
	json_decref(doc);
	buf_release(&text);
	fixture_teardown(&cs);
}

static void
test_only_an_administrator_sees_the_digests_of_accounts(void **state)
{
	struct fixture *fx = *state;
	struct audit_query q = { 0 };
	json_t *fields = J("{\"username\":\"pat\",\"role\":\"member\"}"), *rows, *e;
	size_t i;
	int seen = 0;

	assert_ok(fx, account_add(&fx->ctx, fields, "a long enough password", NULL, &fx->err));
	assert_ok(fx, audit_checkpoint(&fx->ctx, "now", &fx->err));
	for (int pass = 0; pass < 2; pass++) {
		fx->ctx.role = pass == 0 ? ROLE_ADMIN : ROLE_PLANNER;
		assert_ok(fx, audit_list(&fx->ctx, &q, &rows, &fx->err));
		json_array_foreach(rows, i, e) {
			const char *name;
			json_t *v;

			json_object_foreach(json_object_get(e, "state"), name, v)
				if (strncmp(name, "users:", 6) == 0) {
					assert_int_equal(pass, 0);
					seen++;
				}
		}
		json_decref(rows);
	}
	assert_true(seen > 0);
	json_decref(fields);
}

/* The keys search_find gives for text, joined by spaces. */
static const char *
found(struct fixture *fx, const char *text)
{
	static char out[512];
	struct buf b = BUF_INIT;
	json_t *hits;
	bool more;

	assert_ok(fx, search_find(&fx->ctx, text, &hits, &more, &fx->err));
	for (size_t i = 0; i < json_array_size(hits); i++)
		buf_addf(&b, "%s%s", i > 0 ? " " : "",
		    json_string_value(json_object_get(json_array_get(hits, i), "key")));
	json_decref(hits);
	snprintf(out, sizeof(out), "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

static void
test_search_words_are_letters_between_punctuation(void **state)
{
	char w[SEARCH_WORDS][SEARCH_WORD_LEN];
	char longword[200];

	(void)state;
	assert_int_equal(search_words("Tête-à-tête \xe2\x80\x94 \xe2\x80\x9c" "Best\xe2\x80\x9d "
	    "VALUE\xc2\xa3" "5", w, SEARCH_WORDS), 6);
	assert_string_equal(w[0], "tête");
	assert_string_equal(w[1], "à");
	assert_string_equal(w[3], "best");
	assert_string_equal(w[4], "value");
	assert_string_equal(w[5], "5");
	assert_int_equal(search_words("\"*\" NEAR( -- \xe2\x80\xa6", w, SEARCH_WORDS), 1);
	assert_string_equal(w[0], "near");
	assert_int_equal(search_words("a b c d e f g h i j", w, SEARCH_WORDS), SEARCH_WORDS);
	/* a word longer than the longest is cut, never inside a character */
	memset(longword, 'x', sizeof(longword));
	memcpy(longword + SEARCH_WORD_LEN - 2, "\xc3\xa9", 2);
	longword[sizeof(longword) - 1] = '\0';
	assert_int_equal(search_words(longword, w, 1), 1);
	assert_int_equal(strlen(w[0]), SEARCH_WORD_LEN - 2);
	assert_int_equal(search_words(NULL, w, SEARCH_WORDS), 0);
}

static void
test_the_search_keeps_step_with_every_write(void **state)
{
	struct fixture *fx = *state;
	json_t *j;

	add(fx, "recommendations", "{\"source\":\"DA2002\",\"ref\":\"R1\","
	    "\"text\":\"Publish the quokka figures monthly\"}");
	assert_string_equal(found(fx, "QUOK month"), "DA2002/R1");
	assert_string_equal(found(fx, "quokka weekly"), "");
	/* a name weighs more than a text: the unit named so comes first */
	add(fx, "units", "{\"ref\":\"QU\",\"name\":\"Quokka Unit\",\"kind\":\"ocu\","
	    "\"parent\":\"TP\"}");
	assert_string_equal(found(fx, "quokka"), "QU DA2002/R1");
	j = J("{\"text\":\"Publish the wombat figures\"}");
	assert_ok(fx, ent_set(&fx->ctx, K("recommendations"), "DA2002/R1", j, 0, NULL, &fx->err));
	json_decref(j);
	assert_string_equal(found(fx, "quokka"), "QU");
	assert_string_equal(found(fx, "wombat"), "DA2002/R1");
	/* a failed write leaves the search as it was: one transaction */
	assert_int_equal(try_add(fx, "units", "{\"ref\":\"QU\",\"name\":\"Wombat twice\","
	    "\"kind\":\"ocu\"}"), WM_EEXIST);
	assert_string_equal(found(fx, "wombat"), "DA2002/R1");
	assert_ok(fx, ent_remove(&fx->ctx, K("units"), "QU", 0, &fx->err));
	assert_string_equal(found(fx, "quokka"), "");
	assert_string_equal(found(fx, "\xe2\x80\x94"), "");
	assert_int_equal(search_find(&fx->ctx, "\xff", &j, &(bool){ false }, &fx->err), WM_EINVAL);
	json_decref(j);
}

#define T(name) cmocka_unit_test_setup_teardown(name, world_setup, fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_adding_a_record_reads_back_with_keys_not_ids),
		T(test_a_goal_is_a_node_seen_through_the_goals_view),
		T(test_a_short_key_finds_the_only_record_it_can_mean),
		T(test_unknown_references_suggest_the_nearest_key),
		T(test_records_are_found_by_name_case_and_alias),
		T(test_bad_values_are_refused_with_what_is_right),
		T(test_periods_are_stored_in_canonical_form),
		T(test_a_slash_is_refused_inside_a_key_but_a_year_ends_one),
		T(test_a_duplicate_key_is_refused),
		T(test_every_change_is_audited_with_before_and_after),
		T(test_a_change_that_changes_nothing_is_not_audited),
		T(test_a_failed_change_leaves_no_record_and_no_audit),
		T(test_a_stale_version_is_a_conflict),
		T(test_a_unit_cannot_become_its_own_ancestor),
		T(test_removing_what_others_refer_to_is_refused),
		T(test_the_search_keeps_step_with_every_write),
		cmocka_unit_test(test_search_words_are_letters_between_punctuation),
		T(test_links_keep_their_order),
		T(test_a_recommendation_keeps_its_first_due_date_and_its_slippage),
		T(test_a_progress_update_regrades_its_recommendation),
		T(test_the_audit_chain_shows_tampering),
		T(test_the_audit_chain_shows_a_removed_entry),
		T(test_members_comment_but_do_not_edit),
		T(test_the_public_sees_only_what_is_published),
		T(test_an_export_restores_into_a_new_database_exactly),
		T(test_figures_set_through_the_api_round_trip_export_and_import_and_verify),
		T(test_only_an_administrator_sees_the_digests_of_accounts),
		T(test_a_data_file_merges_and_a_second_load_changes_nothing),
		T(test_a_record_without_its_sequence_number_is_matched_by_content),
		T(test_a_data_file_may_list_children_before_parents),
		T(test_an_unknown_kind_in_a_file_is_refused_not_dropped),
		cmocka_unit_test_setup_teardown(test_every_page_is_its_slice_of_the_whole_list,
		    fixture_sample_setup, fixture_teardown),
	};

	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
