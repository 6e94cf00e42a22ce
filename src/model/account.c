/*
 * account.c: passwords, logins and sessions (see account.h).
 *
 * Failed logins are counted in login_throttle under two keys, the user
 * name and the client address, so that guessing one account's password
 * and trying one password on many accounts are both slowed. The check
 * costs an Argon2id verification whether or not the user exists, so the
 * answer's timing does not tell which names exist.
 */
#include "base/wm.h"

#include <sodium.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "model/account.h"
#include "model/audit.h"
#include "model/digest.h"
#include "model/ent.h"
#include "store/store.h"

void
account_random_token(char *buf)
{
	unsigned char raw[32];

	if (sodium_init() < 0)
		abort();
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(buf, ACCOUNT_TOKEN_LEN, raw, sizeof(raw));
}

/* What the database keeps of a token: its BLAKE2b hash, in hex. */
static void
token_hash(const char *token, char *out)
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, ACCOUNT_TOKEN_LEN, h, sizeof(h));
}

int
account_check_password(const char *password, struct wm_err *err)
{
	size_t n = password != NULL ? strlen(password) : 0;

	if (n < ACCOUNT_MIN_PASSWORD)
		return wm_error(err, WM_EINVAL, "a password needs at least %d characters",
		    ACCOUNT_MIN_PASSWORD);
	if (n > ACCOUNT_MAX_PASSWORD)
		return wm_error(err, WM_EINVAL, "a password may have at most %d characters",
		    ACCOUNT_MAX_PASSWORD);
	if (!utf8_valid(password, n))
		return wm_error(err, WM_EINVAL, "a password must be UTF-8 text");
	return 0;
}

static int
hash_password(const char *password, char *out, struct wm_err *err)
{
	if (sodium_init() < 0)
		abort();
	if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return wm_error(err, WM_EINTERNAL, "hashing the password ran out of memory");
	return 0;
}

/* Store a new hash for user id and audit it (the hash itself stays out of the log). */
static int
store_password(struct wm_ctx *ctx, int64_t id, const char *username, const char *password,
    struct wm_err *err)
{
	char hash[crypto_pwhash_STRBYTES];
	struct stmt *s;
	int rc;

	if ((rc = account_check_password(password, err)) != 0)
		return rc;
	if ((rc = hash_password(password, hash, err)) != 0)
		return rc;
	rc = store_prepare(ctx->st,
	    "UPDATE app_user SET password_hash = ?, version = version + 1 WHERE id = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, hash);
	stmt_bind_int(s, 2, id);
	if ((rc = stmt_exec(s, err)) != 0)
		return rc;
	/* A password change ends the user's other sessions. */
	if ((rc = store_prepare(ctx->st, "DELETE FROM app_session WHERE user_id = ?", &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_exec(s, err)) != 0)
		return rc;
	{
		json_t *state = json_object();

		if ((rc = digest_record(ctx, kind_find("users"), id, state, err)) == 0)
			rc = audit_record_state(ctx, "passwd", "users", username, NULL, NULL, state, err);
		json_decref(state);
	}
	return rc;
}

int
account_add(struct wm_ctx *ctx, const json_t *fields, const char *password, json_t **created,
    struct wm_err *err)
{
	const struct kind *k = kind_find("users");
	json_t *row = NULL;
	int64_t id;
	int rc;

	if (created != NULL)
		*created = NULL;
	if ((rc = account_check_password(password, err)) != 0)
		return rc;
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = ent_add(ctx, k, fields, &row, err)) != 0)
		goto out;
	if ((rc = ent_resolve(ctx, k, json_string_value(json_object_get(row, "username")), &id,
	    err)) != 0)
		goto out;
	rc = store_password(ctx, id, json_string_value(json_object_get(row, "username")), password,
	    err);
out:
	if (rc != 0) {
		json_decref(row);
		return store_rollback(ctx->st, rc);
	}
	if ((rc = store_commit(ctx->st, err)) != 0) {
		json_decref(row);
		return rc;
	}
	if (created != NULL)
		rc = ent_get(ctx, k, json_string_value(json_object_get(row, "username")), created, err);
	json_decref(row);
	return rc;
}

int
account_set_password(struct wm_ctx *ctx, const char *username, const char *password,
    struct wm_err *err)
{
	int64_t id;
	int rc;

	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = ent_resolve(ctx, kind_find("users"), username, &id, err)) != 0)
		goto out;
	if (ctx->role != ROLE_ADMIN && ctx->role != ROLE_SYSTEM &&
	    (ctx->user_id == 0 || ctx->user_id != id)) {
		rc = wm_error(err, WM_EPERM, "only an administrator may set another user's password");
		goto out;
	}
	rc = store_password(ctx, id, username, password, err);
out:
	if (rc != 0)
		return store_rollback(ctx->st, rc);
	return store_commit(ctx->st, err);
}

/* ---- failed logins ---------------------------------------------------- */

/* Is key locked now? *wait receives the seconds left. */
static int
throttle_locked(struct wm_ctx *ctx, const char *key, int *wait, struct wm_err *err)
{
	char now[TIMESTAMP_LEN];
	struct stmt *s;
	int rc;

	*wait = 0;
	timestamp_format(ctx->now, now);
	rc = store_prepare(ctx->st,
	    "SELECT locked_until FROM login_throttle WHERE key = ? AND locked_until > ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, key);
	stmt_bind_text(s, 2, now);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		const char *until = stmt_text(s, 0);
		int day;

		/* The lock's end as seconds from now; a minute if it cannot be read. */
		*wait = 60;
		if (until != NULL && strlen(until) >= 19) {
			char d[DATE_ISO_LEN];
			int h = 0, m = 0, sec = 0;

			wm_strlcpy(d, until, sizeof(d));
			if (date_parse_iso(d, &day) == 0 &&
			    sscanf(until + 11, "%d:%d:%d", &h, &m, &sec) == 3) {
				time_t t = (time_t)day * 86400 + h * 3600 + m * 60 + sec;

				*wait = t > ctx->now ? (int)(t - ctx->now) : 1;
			}
		}
	}
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

/* Count a failure against key; lock it when it reaches max within the window. */
static int
throttle_fail(struct wm_ctx *ctx, const char *key, int max, struct wm_err *err)
{
	char now[TIMESTAMP_LEN], window[TIMESTAMP_LEN], until[TIMESTAMP_LEN];
	struct stmt *s;
	int rc;

	timestamp_format(ctx->now, now);
	timestamp_format(ctx->now - ACCOUNT_WINDOW_SECONDS, window);
	timestamp_format(ctx->now + ACCOUNT_WINDOW_SECONDS, until);
	/* A window that has passed starts again from this failure. */
	rc = store_prepare(ctx->st,
	    "INSERT INTO login_throttle (key, failures, window_start) VALUES (?, 1, ?)"
	    " ON CONFLICT (key) DO UPDATE SET"
	    " failures = CASE WHEN login_throttle.window_start < ? THEN 1"
	    " ELSE login_throttle.failures + 1 END,"
	    " window_start = CASE WHEN login_throttle.window_start < ? THEN ?"
	    " ELSE login_throttle.window_start END", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, key);
	stmt_bind_text(s, 2, now);
	stmt_bind_text(s, 3, window);
	stmt_bind_text(s, 4, window);
	stmt_bind_text(s, 5, now);
	if ((rc = stmt_exec(s, err)) != 0)
		return rc;
	rc = store_prepare(ctx->st,
	    "UPDATE login_throttle SET locked_until = ? WHERE key = ? AND failures >= ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, until);
	stmt_bind_text(s, 2, key);
	stmt_bind_int(s, 3, max);
	return stmt_exec(s, err);
}

static int
throttle_clear(struct wm_ctx *ctx, const char *key, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	if ((rc = store_prepare(ctx->st, "DELETE FROM login_throttle WHERE key = ?", &s, err)) != 0)
		return rc;
	stmt_bind_text(s, 1, key);
	return stmt_exec(s, err);
}

/* ---- sessions ----------------------------------------------------------- */

static void
fill_account(struct stmt *s, int col, struct account *a)
{
	enum role r = ROLE_MEMBER;

	a->id = stmt_int(s, col);
	wm_strlcpy(a->username, stmt_text(s, col + 1) ? stmt_text(s, col + 1) : "",
	    sizeof(a->username));
	wm_strlcpy(a->display_name, stmt_text(s, col + 2) ? stmt_text(s, col + 2) : a->username,
	    sizeof(a->display_name));
	if (stmt_text(s, col + 3) != NULL)
		role_parse(stmt_text(s, col + 3), &r);
	a->role = r;
}

/*
 * Does password match the user's hash? A user who does not exist, is
 * disabled or has no password is checked against a dummy hash, which
 * takes as long and always fails.
 */
static int
check_credentials(struct wm_ctx *ctx, const char *username, const char *password,
    struct account *a, bool *ok, struct wm_err *err)
{
	char hash[crypto_pwhash_STRBYTES] = "";
	struct stmt *s;
	bool usable = false;
	int rc;

	*ok = false;
	rc = store_prepare(ctx->st,
	    "SELECT id, username, display_name, role, password_hash, disabled FROM app_user"
	    " WHERE username = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, username);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		fill_account(s, 0, a);
		if (stmt_text(s, 4) != NULL && stmt_int(s, 5) == 0) {
			wm_strlcpy(hash, stmt_text(s, 4), sizeof(hash));
			usable = true;
		}
	}
	stmt_reset(s);
	if (rc < 0)
		return rc;
	if (!usable && (rc = hash_password("not a password anyone has", hash, err)) != 0)
		return rc;
	*ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 && usable;
	return 0;
}

static int
open_session(struct wm_ctx *ctx, const struct account *a, char *token, struct session *out,
    struct wm_err *err)
{
	char hash[ACCOUNT_TOKEN_LEN], now[TIMESTAMP_LEN], expires[TIMESTAMP_LEN];
	struct stmt *s;
	int rc;

	timestamp_format(ctx->now, now);
	timestamp_format(ctx->now + ACCOUNT_SESSION_HOURS * 3600, expires);
	/* Sessions that have expired are of no use to anyone. */
	if ((rc = store_prepare(ctx->st, "DELETE FROM app_session WHERE expires_at <= ?", &s,
	    err)) != 0)
		return rc;
	stmt_bind_text(s, 1, now);
	if ((rc = stmt_exec(s, err)) != 0)
		return rc;
	account_random_token(token);
	token_hash(token, hash);
	out->user = *a;
	account_random_token(out->csrf);
	rc = store_prepare(ctx->st,
	    "INSERT INTO app_session (token_hash, user_id, csrf, created_at, expires_at)"
	    " VALUES (?, ?, ?, ?, ?)", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, hash);
	stmt_bind_int(s, 2, a->id);
	stmt_bind_text(s, 3, out->csrf);
	stmt_bind_text(s, 4, now);
	stmt_bind_text(s, 5, expires);
	return stmt_exec(s, err);
}

int
account_login(struct wm_ctx *ctx, const char *username, const char *password, const char *addr,
    char *token, struct session *out, int *retry_after, struct wm_err *err)
{
	struct buf ukey = BUF_INIT, akey = BUF_INIT;
	struct account a = { 0 };
	int wait_user = 0, wait_addr = 0, rc;
	bool ok = false;

	*retry_after = 0;
	token[0] = '\0';
	if (username == NULL || *username == '\0' || password == NULL || *password == '\0')
		return wm_error(err, WM_EINVAL, "enter your user name and password");
	if (strlen(username) > 128 || strlen(password) > ACCOUNT_MAX_PASSWORD)
		return wm_error(err, WM_EPERM, "the user name or password is wrong");
	buf_addf(&ukey, "user:%s", username);
	buf_addf(&akey, "addr:%s", addr != NULL ? addr : "unknown");
	if ((rc = throttle_locked(ctx, buf_str(&ukey), &wait_user, err)) != 0 ||
	    (rc = throttle_locked(ctx, buf_str(&akey), &wait_addr, err)) != 0)
		goto out;
	if (wait_user > 0 || wait_addr > 0) {
		*retry_after = wait_user > wait_addr ? wait_user : wait_addr;
		rc = wm_error(err, WM_ELIMIT, "too many failed logins: try again in %d minutes",
		    (*retry_after + 59) / 60);
		goto out;
	}
	if ((rc = check_credentials(ctx, username, password, &a, &ok, err)) != 0)
		goto out;
	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	if (!ok) {
		rc = throttle_fail(ctx, buf_str(&ukey), ACCOUNT_MAX_USER_FAILURES, err);
		if (rc == 0)
			rc = throttle_fail(ctx, buf_str(&akey), ACCOUNT_MAX_ADDR_FAILURES, err);
		rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
		if (rc == 0)
			rc = wm_error(err, WM_EPERM, "the user name or password is wrong");
		goto out;
	}
	rc = throttle_clear(ctx, buf_str(&ukey), err);
	if (rc == 0)
		rc = open_session(ctx, &a, token, out, err);
	rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
out:
	if (rc != 0)
		token[0] = '\0';
	buf_release(&ukey);
	buf_release(&akey);
	return rc;
}

int
account_session(struct wm_ctx *ctx, const char *token, struct session *out, struct wm_err *err)
{
	char hash[ACCOUNT_TOKEN_LEN], now[TIMESTAMP_LEN];
	struct stmt *s;
	int rc;

	if (token == NULL || strlen(token) != ACCOUNT_TOKEN_LEN - 1)
		return WM_ENOTFOUND;
	token_hash(token, hash);
	timestamp_format(ctx->now, now);
	rc = store_prepare(ctx->st,
	    "SELECT u.id, u.username, COALESCE(u.display_name, p.name), u.role, s.csrf"
	    " FROM app_session s JOIN app_user u ON u.id = s.user_id"
	    " LEFT JOIN person p ON p.id = u.person_id"
	    " WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, hash);
	stmt_bind_text(s, 2, now);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		fill_account(s, 0, &out->user);
		wm_strlcpy(out->csrf, stmt_text(s, 4) ? stmt_text(s, 4) : "", sizeof(out->csrf));
	}
	stmt_reset(s);
	if (rc < 0)
		return rc;
	return rc == STORE_ROW ? 0 : WM_ENOTFOUND;
}

int
account_logout(struct wm_ctx *ctx, const char *token, struct wm_err *err)
{
	char hash[ACCOUNT_TOKEN_LEN];
	struct stmt *s;
	int rc;

	if (token == NULL || strlen(token) != ACCOUNT_TOKEN_LEN - 1)
		return 0;
	token_hash(token, hash);
	if ((rc = store_prepare(ctx->st, "DELETE FROM app_session WHERE token_hash = ?", &s,
	    err)) != 0)
		return rc;
	stmt_bind_text(s, 1, hash);
	return stmt_exec(s, err);
}

void
account_act_as(struct wm_ctx *ctx, const struct session *s, char *actor_buf, size_t len)
{
	ctx->role = s->user.role;
	ctx->user_id = s->user.id;
	snprintf(actor_buf, len, "web:%s", s->user.username);
	ctx->actor = actor_buf;
}
