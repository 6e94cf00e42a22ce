/*
 * test_security.c: what issue 16's attacks found, each held shut at the
 * mechanism: the fields' limits, who may change what, what refers to a
 * record, what the public sees.
 */
#include "testutil.h"

#include "base/buf.h"
#include "model/ent.h"
#include "model/kind.h"

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
	};

	return cmocka_run_group_tests_name("security", tests, NULL, NULL);
}
