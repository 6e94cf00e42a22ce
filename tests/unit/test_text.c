/*
 * test_text.c: cleaning document text.
 */
#include "testutil.h"

#include "base/arena.h"
#include "base/str.h"
#include "import/text.h"

static const char *
clean(struct arena *a, const char *in, struct txt_marks *m)
{
	return txt_clean(a, in, strlen(in), m);
}

static void
test_html_fragments_become_plain_text(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_string_equal(clean(a, "sets out <i>what</i> is expected", NULL),
	    "sets out what is expected");
	assert_string_equal(clean(a, "<ul> <li>first;</li> </ul><ul> <li>second</li></ul>", NULL),
	    "first; second");
	assert_string_equal(clean(a, "Mayor&#39;s review &amp; the plan &lt;draft&gt;", NULL),
	    "Mayor's review & the plan <draft>");
	/* a lone < that is not a tag stays */
	assert_string_equal(clean(a, "x < 3 and y>2", NULL), "x < 3 and y>2");
	arena_free(a);
}

static void
test_footnote_marks_are_lifted_out_and_remembered(void **state)
{
	struct arena *a = arena_new();
	struct txt_marks m;

	(void)state;
	assert_string_equal(clean(a, "cultural change \xC2\xB9 in the service", &m),
	    "cultural change in the service");
	assert_int_equal(m.n, 1);
	assert_int_equal(m.mark[0], 1);
	assert_string_equal(clean(a, "the C3i programme $^{^{2}}$ until", &m), "the C3i programme until");
	assert_int_equal(m.mark[0], 2);
	assert_string_equal(clean(a, "governance <sup>4</sup> arrangements", &m),
	    "governance arrangements");
	assert_int_equal(m.mark[0], 4);
	/* an ordinal is not a footnote */
	assert_string_equal(clean(a, "March 31<sup>st</sup> 2002", &m), "March 31st 2002");
	assert_int_equal(m.n, 0);
	arena_free(a);
}

static void
test_windows_1252_bytes_are_read_as_such(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_string_equal(clean(a, "accepted \x96 cost \x93under\x94 review", NULL),
	    "accepted \xE2\x80\x93 cost \xE2\x80\x9Cunder\xE2\x80\x9D review");
	{
		const char *s = clean(a, "\xFF\xFE\xC0\xAF\x80", NULL);

		assert_true(utf8_valid(s, strlen(s)));
	}
	arena_free(a);
}

static void
test_white_space_collapses(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_string_equal(clean(a, "  Integration of Best Value principles  \xC2\xA0 STATUTORY\r",
	    NULL), "Integration of Best Value principles STATUTORY");
	assert_string_equal(clean(a, "", NULL), "");
	arena_free(a);
}

static void
test_bullets_and_marks_at_the_start_of_a_line(void **state)
{
	const char *rest;
	size_t len;

	(void)state;
	assert_true(txt_bullet("  \xE2\x80\xA2 Developing safer communities", &rest));
	assert_string_equal(rest, "Developing safer communities");
	assert_true(txt_bullet("- reforming the delivery of policing services.", &rest));
	assert_false(txt_bullet("-5 degrees", &rest));
	assert_false(txt_bullet("\xE2\x80\xA2", &rest));
	assert_int_equal(txt_count_bullets("\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"), 3);
	assert_int_equal(txt_count_bullets(""), 0);
	assert_int_equal(txt_footnote_mark("\xC2\xB9 This includes", &len), 1);
	assert_int_equal(len, 2);
	assert_int_equal(txt_footnote_mark(" $^{^{2}}$ The Command", &len), 2);
	assert_int_equal(txt_footnote_mark("1 This is not a mark", &len), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_fragments_become_plain_text),
		cmocka_unit_test(test_footnote_marks_are_lifted_out_and_remembered),
		cmocka_unit_test(test_windows_1252_bytes_are_read_as_such),
		cmocka_unit_test(test_white_space_collapses),
		cmocka_unit_test(test_bullets_and_marks_at_the_start_of_a_line),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
