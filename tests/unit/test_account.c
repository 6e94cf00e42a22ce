/*
 * test_account.c: passwords, logins, sessions, the login throttle, and the
 * roles that the web application relies on the library to enforce.
 */
#include "testutil.h"

#include "model/account.h"
#include "model/audit.h"
#include "model/ent.h"
#include "model/kind.h"

static void
add(struct fixture *fx, const char *kind, const char *json)
{
	json_t *j = J(json);

	assert_ok(fx, ent_add(&fx->ctx, kind_find(kind), j, NULL, &fx->err));
	json_decref(j);
}

static void
add_user(struct fixture *fx, const char *name, const char *role, const char *person)
{
	json_t *f = json_pack("{s:s, s:s}", "username", name, "role", role);

	if (person != NULL)
		json_object_set_new(f, "person", json_string(person));
	assert_ok(fx, account_add(&fx->ctx, f, "correct horse", NULL, &fx->err));
	json_decref(f);
}

static int
setup(void **state)
{
	struct fixture *fx;

	if (fixture_setup(state) != 0)
		return -1;
	fx = *state;
	add(fx, "units", "{\"ref\":\"MPS\",\"name\":\"Metropolitan Police Service\"}");
	add(fx, "people", "{\"ref\":\"ann\",\"name\":\"Ann Example\"}");
	add(fx, "posts", "{\"ref\":\"ACPRS\",\"title\":\"AC Policy, Review and Standards\"}");
	add(fx, "posts", "{\"ref\":\"HCP\",\"title\":\"Head of Corporate Planning\"}");
	add(fx, "holders", "{\"post\":\"ACPRS\",\"person\":\"ann\"}");
	add(fx, "plans", "{\"ref\":\"TTSC\",\"title\":\"Towards the Safest City\"}");
	add(fx, "nodes", "{\"plan\":\"TTSC\",\"ref\":\"G1\",\"kind\":\"goal\",\"title\":\"Safer\","
	    "\"leads\":[\"ACPRS\"]}");
	add(fx, "nodes", "{\"plan\":\"TTSC\",\"ref\":\"G2\",\"kind\":\"goal\",\"title\":\"Terror\","
	    "\"leads\":[\"HCP\"]}");
	add(fx, "timetables", "{\"ref\":\"T1\",\"title\":\"Launch\"}");
	add(fx, "milestones", "{\"timetable\":\"T1\",\"ref\":\"M1\",\"title\":\"Launch\","
	    "\"post\":\"ACPRS\"}");
	add(fx, "milestones", "{\"timetable\":\"T1\",\"ref\":\"M2\",\"title\":\"Review\","
	    "\"post\":\"HCP\"}");
	add(fx, "sources", "{\"ref\":\"DA\",\"title\":\"District Audit\",\"issued\":\"2002-03-31\"}");
	add(fx, "recommendations", "{\"source\":\"DA\",\"ref\":\"R1\",\"text\":\"Do one thing\","
	    "\"leads\":[\"ACPRS\"]}");
	add(fx, "recommendations", "{\"source\":\"DA\",\"ref\":\"R2\",\"text\":\"Do another\","
	    "\"leads\":[\"HCP\"]}");
	add_user(fx, "alice", "admin", NULL);
	add_user(fx, "lena", "lead", "ann");
	add_user(fx, "mo", "member", NULL);
	return 0;
}

/* Act as a user, as the web server would after a login. */
static struct wm_ctx
as(struct fixture *fx, const char *username, enum role role)
{
	struct wm_ctx c = fx->ctx;

	assert_ok(fx, ent_resolve(&fx->ctx, kind_find("users"), username, &c.user_id, &fx->err));
	c.role = role;
	c.actor = username;
	return c;
}

static int
login(struct fixture *fx, const char *user, const char *pw, char *token, struct session *s)
{
	int retry;

	return account_login(&fx->ctx, user, pw, "192.0.2.1", token, s, &retry, &fx->err);
}

static void
test_password_needs_eight_characters(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(account_check_password("short", &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "at least 8"));
	assert_int_equal(account_check_password("\xff\xfe broken utf8", &fx->err), WM_EINVAL);
	assert_ok(fx, account_check_password("long enough", &fx->err));
}

static void
test_login_opens_a_session_that_logout_ends(void **state)
{
	struct fixture *fx = *state;
	char token[ACCOUNT_TOKEN_LEN];
	struct session s, again;

	assert_ok(fx, login(fx, "alice", "correct horse", token, &s));
	assert_int_equal(strlen(token), ACCOUNT_TOKEN_LEN - 1);
	assert_int_equal(s.user.role, ROLE_ADMIN);
	assert_ok(fx, account_session(&fx->ctx, token, &again, &fx->err));
	assert_string_equal(again.user.username, "alice");
	assert_string_equal(again.csrf, s.csrf);
	assert_ok(fx, account_logout(&fx->ctx, token, &fx->err));
	assert_int_equal(account_session(&fx->ctx, token, &again, &fx->err), WM_ENOTFOUND);
}

static void
test_only_the_token_hash_is_stored(void **state)
{
	struct fixture *fx = *state;
	char token[ACCOUNT_TOKEN_LEN];
	struct session s;
	struct stmt *st;

	assert_ok(fx, login(fx, "alice", "correct horse", token, &s));
	assert_ok(fx, store_prepare(fx->st, "SELECT COUNT(*) FROM app_session WHERE token_hash = ?",
	    &st, &fx->err));
	stmt_bind_text(st, 1, token);
	assert_int_equal(stmt_step(st, &fx->err), STORE_ROW);
	assert_int_equal(stmt_int(st, 0), 0);
	stmt_reset(st);
}

static void
test_wrong_password_and_unknown_user_read_alike(void **state)
{
	struct fixture *fx = *state;
	char token[ACCOUNT_TOKEN_LEN], first[sizeof(fx->err.msg)];
	struct session s;

	assert_int_equal(login(fx, "alice", "wrong horse", token, &s), WM_EPERM);
	memcpy(first, fx->err.msg, sizeof(first));
	assert_int_equal(login(fx, "nobody", "wrong horse", token, &s), WM_EPERM);
	assert_string_equal(first, fx->err.msg);
	assert_string_equal(token, "");
}

static int
login_from(struct fixture *fx, const char *user, const char *pw, const char *addr, int *retry)
{
	char token[ACCOUNT_TOKEN_LEN];
	struct session s;

	return account_login(&fx->ctx, user, pw, addr, token, &s, retry, &fx->err);
}

/* 16.16: failures make the next attempt wait, longer each time, from where they came only. */
static void
test_failures_make_the_name_wait_from_that_address_and_the_wait_grows(void **state)
{
	struct fixture *fx = *state;
	int retry = 0, first;

	for (int i = 0; i < ACCOUNT_FREE_FAILURES; i++)
		assert_int_equal(login_from(fx, "alice", "guess", "192.0.2.66", &retry), WM_EPERM);
	/* the right password waits too, from the guesser's address... */
	assert_int_equal(login_from(fx, "alice", "correct horse", "192.0.2.66", &retry), WM_ELIMIT);
	assert_true(retry >= 1 && retry <= ACCOUNT_MAX_DELAY);
	assert_non_null(strstr(fx->err.msg, "wait"));
	first = retry;
	/* ...but the owner elsewhere is not kept out: no lock on the name */
	assert_ok(fx, login_from(fx, "alice", "correct horse", "192.0.2.1", &retry));
	fx->ctx.now += first;
	assert_int_equal(login_from(fx, "alice", "guess", "192.0.2.66", &retry), WM_EPERM);
	assert_int_equal(login_from(fx, "alice", "guess", "192.0.2.66", &retry), WM_ELIMIT);
	assert_true(retry > first);
	fx->ctx.now += retry;
	assert_ok(fx, login_from(fx, "alice", "correct horse", "192.0.2.66", &retry));
	/* a success clears the name's count there */
	for (int i = 0; i < ACCOUNT_FREE_FAILURES; i++)
		assert_int_equal(login_from(fx, "alice", "guess", "192.0.2.66", &retry), WM_EPERM);
}

/* 16.15: an attempt is counted before its password is checked, so one at a wait is never checked. */
static void
test_an_attempt_is_counted_before_its_password_is_checked(void **state)
{
	struct fixture *fx = *state;
	int retry, cleared;

	for (int i = 0; i < ACCOUNT_FREE_FAILURES; i++)
		assert_int_equal(login_from(fx, "mo", "guess", "192.0.2.7", &retry), WM_EPERM);
	for (int i = 0; i < 10; i++)
		assert_int_equal(login_from(fx, "mo", "correct horse", "192.0.2.7", &retry), WM_ELIMIT);
	/* an administrator lifts the wait */
	assert_int_equal(account_unlock(&fx->ctx, "mo", NULL, &cleared, &fx->err), 0);
	assert_true(cleared >= 1);
	assert_ok(fx, login_from(fx, "mo", "correct horse", "192.0.2.7", &retry));
	{
		struct wm_ctx lena = as(fx, "lena", ROLE_LEAD);

		assert_int_equal(account_unlock(&lena, "mo", NULL, &cleared, &fx->err), WM_EPERM);
	}
}

/* One number a query counts, such as COUNT(*). */
static long long
count_rows(struct fixture *fx, const char *sql)
{
	struct stmt *s;
	long long n;

	assert_ok(fx, store_prepare(fx->st, sql, &s, &fx->err));
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	n = stmt_int(s, 0);
	stmt_reset(s);
	return n;
}

/* 16.8: successful sign-ins are counted too, and a user keeps a bounded number of sessions. */
static void
test_sign_ins_are_rate_limited_and_sessions_capped(void **state)
{
	struct fixture *fx = *state;
	int retry, i;

	for (i = 0; i < ACCOUNT_OK_PER_WINDOW; i++)
		assert_ok(fx, login_from(fx, "mo", "correct horse", "192.0.2.8", &retry));
	assert_int_equal(login_from(fx, "mo", "correct horse", "192.0.2.8", &retry), WM_ELIMIT);
	assert_true(retry > 0 && retry <= ACCOUNT_OK_WINDOW_SECONDS + 1);
	assert_int_equal(count_rows(fx, "SELECT COUNT(*) FROM app_session s JOIN app_user u"
	    " ON u.id = s.user_id WHERE u.username = 'mo'"), ACCOUNT_MAX_SESSIONS);
	fx->ctx.now += ACCOUNT_OK_WINDOW_SECONDS + 1;
	assert_ok(fx, login_from(fx, "mo", "correct horse", "192.0.2.8", &retry));
}

/* 16.7: every sign-in costs exactly one Argon2id verification, whatever is wrong with it. */
static void
test_every_sign_in_costs_one_password_check(void **state)
{
	struct fixture *fx = *state;
	char long_name[200];
	json_t *off = J("{\"disabled\": true}");
	const struct {
		const char *user, *pw;
		int rc;
	} tries[] = {
		{ "mo", "correct horse", 0 },
		{ "mo", "wrong horse", WM_EPERM },
		{ "nobody-at-all", "correct horse", WM_EPERM },
		{ long_name, "correct horse", WM_EPERM },
		{ "lena", "correct horse", WM_EPERM },	/* disabled below */
	};
	int retry;

	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_ok(fx, ent_set(&fx->ctx, kind_find("users"), "lena", off, 0, NULL, &fx->err));
	json_decref(off);
	for (size_t i = 0; i < WM_ARRAY_LEN(tries); i++) {
		unsigned long before = account_password_checks();
		char addr[32];

		snprintf(addr, sizeof(addr), "192.0.2.%zu", 40 + i);
		assert_int_equal(login_from(fx, tries[i].user, tries[i].pw, addr, &retry), tries[i].rc);
		assert_int_equal(account_password_checks() - before, 1);
	}
}

static void
test_sessions_expire(void **state)
{
	struct fixture *fx = *state;
	char token[ACCOUNT_TOKEN_LEN];
	struct session s;

	assert_ok(fx, login(fx, "mo", "correct horse", token, &s));
	fx->ctx.now += ACCOUNT_SESSION_HOURS * 3600 + 1;
	assert_int_equal(account_session(&fx->ctx, token, &s, &fx->err), WM_ENOTFOUND);
}

/*
 * 16.8: the server's housekeeping purges expired sessions and login counts
 * gone quiet, so many sign-ins over days do not pile up rows; a live
 * session and a count still in force are kept.
 */
static void
test_the_purge_drops_expired_sessions_and_quiet_counts(void **state)
{
	struct fixture *fx = *state;
	char old[ACCOUNT_TOKEN_LEN], fresh[ACCOUNT_TOKEN_LEN];
	struct session s;
	int retry;

	assert_ok(fx, login(fx, "mo", "correct horse", old, &s));
	assert_int_equal(login_from(fx, "alice", "guess", "192.0.2.9", &retry), WM_EPERM);
	fx->ctx.now += ACCOUNT_SESSION_HOURS * 3600 + 1;
	assert_ok(fx, login(fx, "lena", "correct horse", fresh, &s));
	assert_int_equal(count_rows(fx, "SELECT COUNT(*) FROM app_session"), 2);
	assert_true(count_rows(fx, "SELECT COUNT(*) FROM login_throttle") >= 2);
	assert_ok(fx, account_purge(&fx->ctx, &fx->err));
	assert_int_equal(count_rows(fx, "SELECT COUNT(*) FROM app_session"), 1);
	assert_ok(fx, account_session(&fx->ctx, fresh, &s, &fx->err));
	/* the day-old failure is gone; the sign-in just made still counts */
	assert_int_equal(count_rows(fx, "SELECT COUNT(*) FROM login_throttle WHERE window_start <"
	    " (SELECT MAX(window_start) FROM login_throttle)"), 0);
	assert_true(count_rows(fx, "SELECT COUNT(*) FROM login_throttle") >= 1);
}

static void
test_disabled_user_cannot_log_in_or_keep_a_session(void **state)
{
	struct fixture *fx = *state;
	char token[ACCOUNT_TOKEN_LEN];
	struct session s;
	json_t *ch = J("{\"disabled\": true}");

	assert_ok(fx, login(fx, "mo", "correct horse", token, &s));
	assert_ok(fx, ent_set(&fx->ctx, kind_find("users"), "mo", ch, 0, NULL, &fx->err));
	json_decref(ch);
	assert_int_equal(account_session(&fx->ctx, token, &s, &fx->err), WM_ENOTFOUND);
	assert_int_equal(login(fx, "mo", "correct horse", token, &s), WM_EPERM);
}

static void
test_only_admin_or_self_sets_a_password(void **state)
{
	struct fixture *fx = *state;
	struct wm_ctx lena = as(fx, "lena", ROLE_LEAD), alice = as(fx, "alice", ROLE_ADMIN);
	char token[ACCOUNT_TOKEN_LEN];
	struct session s;

	assert_int_equal(account_set_password(&lena, "mo", NULL, "new password", NULL, &fx->err),
	    WM_EPERM);
	/* 16.10: their own, with the password they have now */
	assert_int_equal(account_set_password(&lena, "lena", NULL, "lena's own", NULL, &fx->err),
	    WM_EPERM);
	assert_int_equal(account_set_password(&lena, "lena", "wrong horse", "lena's own", NULL,
	    &fx->err), WM_EPERM);
	assert_string_equal(fx->err.field, "current_password");
	assert_ok(fx, login(fx, "lena", "correct horse", token, &s));
	assert_ok(fx, account_set_password(&lena, "lena", "correct horse", "lena's own", token,
	    &fx->err));
	/* the session that made the change goes on */
	assert_ok(fx, account_session(&fx->ctx, token, &s, &fx->err));
	assert_ok(fx, login(fx, "mo", "correct horse", token, &s));
	assert_ok(fx, account_set_password(&alice, "mo", NULL, "new password", NULL, &fx->err));
	/* The change ended mo's session and the old password no longer works. */
	assert_int_equal(account_session(&fx->ctx, token, &s, &fx->err), WM_ENOTFOUND);
	assert_int_equal(login(fx, "mo", "correct horse", token, &s), WM_EPERM);
	assert_ok(fx, login(fx, "mo", "new password", token, &s));
}

static void
test_the_audit_log_never_holds_a_hash(void **state)
{
	struct fixture *fx = *state;
	struct audit_query q = { 0 };
	json_t *rows;
	char *text;

	q.kind = "users";
	assert_ok(fx, audit_list(&fx->ctx, &q, &rows, &fx->err));
	assert_true(json_array_size(rows) >= 6);	/* three adds, three passwords */
	text = json_dumps(rows, 0);
	assert_null(strstr(text, "argon2"));
	assert_null(strstr(text, "password_hash"));
	free(text);
	json_decref(rows);
}

static void
test_lead_updates_only_recommendations_their_posts_lead(void **state)
{
	struct fixture *fx = *state;
	struct wm_ctx lena = as(fx, "lena", ROLE_LEAD);
	json_t *mine = J("{\"recommendation\":\"DA/R1\",\"date\":\"2003-01-10\",\"text\":\"done\"}");
	json_t *theirs = J("{\"recommendation\":\"DA/R2\",\"date\":\"2003-01-10\",\"text\":\"x\"}");
	json_t *edit = J("{\"text\":\"rewritten\"}");

	assert_ok(fx, ent_add(&lena, kind_find("progress"), mine, NULL, &fx->err));
	assert_int_equal(ent_add(&lena, kind_find("progress"), theirs, NULL, &fx->err), WM_EPERM);
	assert_non_null(strstr(fx->err.msg, "a post you hold leads"));
	assert_int_equal(ent_set(&lena, kind_find("recommendations"), "DA/R1", edit, 0, NULL,
	    &fx->err), WM_EPERM);
	json_decref(mine);
	json_decref(theirs);
	json_decref(edit);
}

static void
test_lead_moves_on_plan_items_and_milestones_they_lead(void **state)
{
	struct fixture *fx = *state;
	struct wm_ctx lena = as(fx, "lena", ROLE_LEAD);
	json_t *status = J("{\"status\":\"in_progress\"}"), *title = J("{\"title\":\"Other\"}");
	json_t *done = J("{\"status\":\"done\",\"done_on\":\"2003-02-01\"}");

	assert_ok(fx, ent_set(&lena, kind_find("goals"), "TTSC/G1", status, 0, NULL, &fx->err));
	assert_int_equal(ent_set(&lena, kind_find("goals"), "TTSC/G1", title, 0, NULL, &fx->err),
	    WM_EPERM);
	assert_non_null(strstr(fx->err.msg, "only the status"));
	assert_int_equal(ent_set(&lena, kind_find("goals"), "TTSC/G2", status, 0, NULL, &fx->err),
	    WM_EPERM);
	assert_ok(fx, ent_set(&lena, kind_find("milestones"), "T1/M1", done, 0, NULL, &fx->err));
	assert_int_equal(ent_set(&lena, kind_find("milestones"), "T1/M2", done, 0, NULL, &fx->err),
	    WM_EPERM);
	json_decref(status);
	json_decref(title);
	json_decref(done);
}

static void
test_members_comment_and_only_planners_read_the_log(void **state)
{
	struct fixture *fx = *state;
	struct wm_ctx mo = as(fx, "mo", ROLE_MEMBER), pat = as(fx, "alice", ROLE_PLANNER);
	struct wm_ctx lee = as(fx, "lena", ROLE_LEAD), pub = fx->ctx;
	struct audit_query q = { 0 };
	json_t *c = J("{\"kind\":\"recommendations\",\"ref\":\"DA/R1\",\"text\":\"Why late?\"}");
	json_t *p = J("{\"recommendation\":\"DA/R1\",\"date\":\"2003-01-10\",\"text\":\"x\"}");
	json_t *rows;

	assert_ok(fx, ent_add(&mo, kind_find("comments"), c, NULL, &fx->err));
	assert_int_equal(ent_add(&mo, kind_find("progress"), p, NULL, &fx->err), WM_EPERM);
	/* The log is the planners' (and administrators'), but not the entries about accounts. */
	assert_int_equal(audit_list(&mo, &q, &rows, &fx->err), WM_EPERM);
	assert_int_equal(audit_list(&lee, &q, &rows, &fx->err), WM_EPERM);
	assert_ok(fx, audit_list(&pat, &q, &rows, &fx->err));
	assert_true(json_array_size(rows) > 0);
	for (size_t i = 0; i < json_array_size(rows); i++)
		assert_string_not_equal(json_string_value(json_object_get(json_array_get(rows, i),
		    "kind")), "users");
	json_decref(rows);
	pub.role = ROLE_PUBLIC;
	assert_int_equal(audit_list(&pub, &q, &rows, &fx->err), WM_EPERM);
	json_decref(c);
	json_decref(p);
}

static void
test_a_user_name_is_letters_digits_and_a_few_marks(void **state)
{
	struct fixture *fx = *state;
	static const char *const bad[] = { "new bie", "", ".dot", "a/b", "semi;colon", "tab\there",
	    "web:alice", "x\xc3\xa9" };
	static const char *const good[] = { "newbie", "a.b-c_d", "ann@example.org", "R2D2" };

	for (size_t i = 0; i < WM_ARRAY_LEN(bad); i++) {
		json_t *f = json_pack("{s:s, s:s}", "username", bad[i], "role", "member");

		assert_int_equal(account_add(&fx->ctx, f, "correct horse", NULL, &fx->err), WM_EINVAL);
		json_decref(f);
	}
	for (size_t i = 0; i < WM_ARRAY_LEN(good); i++) {
		json_t *f = json_pack("{s:s, s:s}", "username", good[i], "role", "member");

		assert_ok(fx, account_add(&fx->ctx, f, "correct horse", NULL, &fx->err));
		json_decref(f);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_password_needs_eight_characters, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_login_opens_a_session_that_logout_ends, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_only_the_token_hash_is_stored, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_wrong_password_and_unknown_user_read_alike, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(
		    test_failures_make_the_name_wait_from_that_address_and_the_wait_grows, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_an_attempt_is_counted_before_its_password_is_checked,
		    setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sign_ins_are_rate_limited_and_sessions_capped, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_every_sign_in_costs_one_password_check, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sessions_expire, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_the_purge_drops_expired_sessions_and_quiet_counts,
		    setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_disabled_user_cannot_log_in_or_keep_a_session,
		    setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_only_admin_or_self_sets_a_password, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_the_audit_log_never_holds_a_hash, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_lead_updates_only_recommendations_their_posts_lead,
		    setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_lead_moves_on_plan_items_and_milestones_they_lead,
		    setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_members_comment_and_only_planners_read_the_log,
		    setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_user_name_is_letters_digits_and_a_few_marks,
		    setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
