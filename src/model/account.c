/*
 * account.c: passwords, logins and sessions (see account.h).
 *
 * Sign-ins are counted in login_throttle before the password is checked,
 * under two keys, the user name from one address and the address, so that
 * guessing one account's password and trying one password on many
 * accounts are both slowed, by delays that grow with each failure rather
 * than by a lock: someone guessing from elsewhere never keeps the owner
 * out. Successful sign-ins are counted too, and a user's sessions capped.
 * Every sign-in costs exactly one Argon2id verification, whether or not
 * the name exists, so the answer's timing does not tell which names do.
 */
#include "base/wm.h"

#include <sodium.h>
#include <stdatomic.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
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
    const char *keep_token, struct wm_err *err)
{
	char keep[ACCOUNT_TOKEN_LEN] = "";
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
	/* A password change ends the user's other sessions (the one that made it goes on). */
	if (keep_token != NULL && strlen(keep_token) == ACCOUNT_TOKEN_LEN - 1)
		token_hash(keep_token, keep);
	if ((rc = store_prepare(ctx->st, "DELETE FROM app_session WHERE user_id = ?"
	    " AND token_hash <> ?", &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	stmt_bind_text(s, 2, keep);
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
	    NULL, err);
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

/*
 * A hash no password matches, made with the same cost as every stored one
 * (libsodium's interactive limits): a sign-in with a name that does not
 * exist checks against it, so that every sign-in costs one Argon2id
 * verification and its timing does not say whether the name exists.
 */
static const char dummy_hash[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=65536,t=2,p=1$dLbe4rrNCk2pZ+Q8NySm5A$rFDDmsoamicilQmsMQPPmhJLmMovAntv36Qf3+7OIPI";

/* Argon2id verifications made since the program started (account_password_checks). */
static atomic_ulong checks;

unsigned long
account_password_checks(void)
{
	return atomic_load(&checks);
}

/* The one place a password is checked against a hash: each costs one Argon2id. */
static bool
verify(const char *hash, const char *password, size_t len)
{
	atomic_fetch_add(&checks, 1);
	return crypto_pwhash_str_verify(hash, password, len) == 0;
}

/* Does password match the stored hash of user id? (One Argon2id verification.) */
static int
password_matches(struct wm_ctx *ctx, int64_t id, const char *password, bool *ok,
    struct wm_err *err)
{
	char hash[crypto_pwhash_STRBYTES];
	struct stmt *s;
	int rc;

	*ok = false;
	wm_strlcpy(hash, dummy_hash, sizeof(hash));
	if ((rc = store_prepare(ctx->st, "SELECT password_hash FROM app_user WHERE id = ?", &s,
	    err)) != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_step(s, err)) == STORE_ROW && stmt_text(s, 0) != NULL)
		wm_strlcpy(hash, stmt_text(s, 0), sizeof(hash));
	stmt_reset(s);
	if (rc < 0)
		return rc;
	*ok = password != NULL && verify(hash, password, strlen(password)) && rc == STORE_ROW;
	return 0;
}

int
account_set_password(struct wm_ctx *ctx, const char *username, const char *current,
    const char *password, const char *keep_token, struct wm_err *err)
{
	int64_t id;
	bool ok;
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
	/* a session left open must not be enough to take the account: the password too */
	if (ctx->user_id != 0 && ctx->user_id == id) {
		if ((rc = password_matches(ctx, id, current, &ok, err)) != 0)
			goto out;
		if (!ok) {
			rc = wm_error_field(err, WM_EPERM, "current_password", "wrong",
			    "your current password is wrong: enter it to set a new one");
			goto out;
		}
	}
	rc = store_password(ctx, id, username, password, keep_token, err);
out:
	if (rc != 0)
		return store_rollback(ctx->st, rc);
	return store_commit(ctx->st, err);
}

/* ---- counting sign-ins -------------------------------------------------- */

/*
 * A key's count in login_throttle: failures (or, for "ok:" keys, sign-ins)
 * since `since`, and the instant before which the key's next attempt
 * waits (0: none).
 */
struct count {
	int n;
	time_t since;
	time_t until;
};

static int
count_read(struct wm_ctx *ctx, const char *key, struct count *c, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	memset(c, 0, sizeof(*c));
	rc = store_prepare(ctx->st, "SELECT failures, window_start, locked_until FROM login_throttle"
	    " WHERE key = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, key);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		c->n = (int)stmt_int(s, 0);
		if (timestamp_parse(stmt_text(s, 1), &c->since) != 0)
			c->since = 0;
		if (stmt_text(s, 2) == NULL || timestamp_parse(stmt_text(s, 2), &c->until) != 0)
			c->until = 0;
	}
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

static int
count_write(struct wm_ctx *ctx, const char *key, const struct count *c, struct wm_err *err)
{
	char since[TIMESTAMP_LEN], until[TIMESTAMP_LEN];
	struct stmt *s;
	int rc;

	timestamp_format(c->since, since);
	timestamp_format(c->until, until);
	rc = store_prepare(ctx->st, "INSERT INTO login_throttle (key, failures, window_start,"
	    " locked_until) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
	    " failures = excluded.failures, window_start = excluded.window_start,"
	    " locked_until = excluded.locked_until", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, key);
	stmt_bind_int(s, 2, c->n);
	stmt_bind_text(s, 3, since);
	if (c->until > 0)
		stmt_bind_text(s, 4, until);
	else
		stmt_bind_null(s, 4);
	return stmt_exec(s, err);
}

static int
count_clear(struct wm_ctx *ctx, const char *key, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	if ((rc = store_prepare(ctx->st, "DELETE FROM login_throttle WHERE key = ?", &s, err)) != 0)
		return rc;
	stmt_bind_text(s, 1, key);
	return stmt_exec(s, err);
}

/*
 * How long the next attempt waits after n failures in a row: nothing for
 * the first few (people mistype), then 1, 2, 4... seconds, at most
 * ACCOUNT_MAX_DELAY. Never a lock: the right password is taken once the
 * wait is over, and only from where the failures came.
 */
static time_t
delay_after(int n, int free)
{
	int doublings = n - free;

	if (doublings < 0)
		return 0;
	return doublings >= 10 ? ACCOUNT_MAX_DELAY :
	    (1 << doublings) < ACCOUNT_MAX_DELAY ? (1 << doublings) : ACCOUNT_MAX_DELAY;
}

/* One failure more on c (a count gone quiet for the window starts again). */
static void
count_failure(struct count *c, time_t now, int free)
{
	if (c->since < now - ACCOUNT_WINDOW_SECONDS)
		c->n = 0;
	c->n++;
	c->since = now;
	c->until = now + delay_after(c->n, free);
	if (c->until <= now)
		c->until = 0;
}

/* The keys a sign-in is counted under: the name from this address; the address. */
static void
keys_of(const char *username, const char *addr, struct buf *pair, struct buf *address,
    struct buf *ok)
{
	addr = addr != NULL ? addr : "unknown";
	/* the name's length first, so that one name's keys are told apart by prefix */
	buf_addf(pair, "user:%zu:%s|%s", strlen(username), username, addr);
	buf_addf(address, "addr:%s", addr);
	buf_addf(ok, "ok:%zu:%s|%s", strlen(username), username, addr);
}

/*
 * Before the password is checked, and in one transaction (every
 * transaction takes the writer's lock, so attempts queue here): refuse if
 * the name from this address, or the address, must wait, or if the name
 * signed in from here too often lately; else count the attempt as a
 * failure, taken back if it succeeds. So concurrent guesses are counted
 * one after another, and none is checked against a stale count.
 */
static int
admit(struct wm_ctx *ctx, const char *pkey, const char *akey, const char *okey, int *retry,
    struct wm_err *err)
{
	struct count p, a, o;
	time_t now = ctx->now, wait;
	int rc;

	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = count_read(ctx, pkey, &p, err)) != 0 || (rc = count_read(ctx, akey, &a, err)) != 0 ||
	    (rc = count_read(ctx, okey, &o, err)) != 0)
		goto out;
	wait = p.until > a.until ? p.until - now : a.until - now;
	if (wait > 0) {
		*retry = (int)wait;
		rc = wm_error(err, WM_ELIMIT, "too many failed sign-ins: wait %d second%s and try "
		    "again (an administrator can lift the wait: `waymark user unlock`)", *retry,
		    *retry == 1 ? "" : "s");
		goto out;
	}
	if (o.since >= now - ACCOUNT_OK_WINDOW_SECONDS && o.n >= ACCOUNT_OK_PER_WINDOW) {
		*retry = (int)(o.since + ACCOUNT_OK_WINDOW_SECONDS - now) + 1;
		rc = wm_error(err, WM_ELIMIT, "this user has signed in from here %d times in %d "
		    "minutes: wait %d seconds and try again", o.n, ACCOUNT_OK_WINDOW_SECONDS / 60,
		    *retry);
		goto out;
	}
	count_failure(&p, now, ACCOUNT_FREE_FAILURES);
	count_failure(&a, now, ACCOUNT_ADDR_FREE_FAILURES);
	if ((rc = count_write(ctx, pkey, &p, err)) == 0)
		rc = count_write(ctx, akey, &a, err);
out:
	return rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
}

/* A sign-in that succeeded: its failure taken back, its success counted. */
static int
admitted(struct wm_ctx *ctx, const char *pkey, const char *akey, const char *okey,
    struct wm_err *err)
{
	struct count a, o;
	int rc;

	if ((rc = count_clear(ctx, pkey, err)) != 0 || (rc = count_read(ctx, akey, &a, err)) != 0 ||
	    (rc = count_read(ctx, okey, &o, err)) != 0)
		return rc;
	if (a.n > 0)
		a.n--;
	a.until = a.n >= ACCOUNT_ADDR_FREE_FAILURES ? a.since + delay_after(a.n,
	    ACCOUNT_ADDR_FREE_FAILURES) : 0;
	if ((rc = count_write(ctx, akey, &a, err)) != 0)
		return rc;
	if (o.since < ctx->now - ACCOUNT_OK_WINDOW_SECONDS) {
		o.n = 0;
		o.since = ctx->now;
	}
	o.n++;
	o.until = 0;
	return count_write(ctx, okey, &o, err);
}

int
account_unlock(struct wm_ctx *ctx, const char *username, const char *addr, int *cleared,
    struct wm_err *err)
{
	struct buf prefix = BUF_INIT, akey = BUF_INIT;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	struct stmt *s;
	int rc;

	*cleared = 0;
	if (ctx->role != ROLE_ADMIN && ctx->role != ROLE_SYSTEM)
		return wm_error(err, WM_EPERM, "only an administrator may lift a wait on signing in");
	if (username != NULL)
		buf_addf(&prefix, "user:%zu:%s|", strlen(username), username);
	if (addr != NULL)
		buf_addf(&akey, "addr:%s", addr);
	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	if ((rc = store_prepare(ctx->st, "SELECT id, key FROM login_throttle", &s, err)) != 0)
		goto fail;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		const char *key = stmt_text(s, 1);
		bool hit = (username != NULL && str_has_prefix(key, buf_str(&prefix)) &&
		    (addr == NULL || strcmp(key + prefix.len, addr) == 0)) ||
		    (username == NULL && addr != NULL && (strcmp(key, buf_str(&akey)) == 0 ||
		    (str_has_prefix(key, "user:") && strrchr(key, '|') != NULL &&
		    strcmp(strrchr(key, '|') + 1, addr) == 0)));

		if (hit) {
			WM_GROW(ids, n + 1, cap);
			ids[n++] = stmt_int(s, 0);
		}
	}
	if (rc < 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if ((rc = store_prepare(ctx->st, "DELETE FROM login_throttle WHERE id = ?", &s,
		    err)) != 0)
			goto fail;
		stmt_bind_int(s, 1, ids[i]);
		if ((rc = stmt_exec(s, err)) != 0)
			goto fail;
	}
	*cleared = (int)n;
	rc = audit_record(ctx, "unlock", "users", username != NULL ? username : buf_str(&akey),
	    NULL, NULL, err);
fail:
	rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
out:
	free(ids);
	buf_release(&prefix);
	buf_release(&akey);
	return rc;
}

int
account_purge(struct wm_ctx *ctx, struct wm_err *err)
{
	char now[TIMESTAMP_LEN], old[TIMESTAMP_LEN];
	struct stmt *s;
	int rc;

	timestamp_format(ctx->now, now);
	timestamp_format(ctx->now - ACCOUNT_WINDOW_SECONDS - ACCOUNT_MAX_DELAY, old);
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = store_prepare(ctx->st, "DELETE FROM app_session WHERE expires_at <= ?", &s,
	    err)) == 0) {
		stmt_bind_text(s, 1, now);
		rc = stmt_exec(s, err);
	}
	/* counts gone quiet for longer than any of them matters */
	if (rc == 0 && (rc = store_prepare(ctx->st, "DELETE FROM login_throttle WHERE"
	    " window_start < ? AND (locked_until IS NULL OR locked_until < ?)", &s, err)) == 0) {
		stmt_bind_text(s, 1, old);
		stmt_bind_text(s, 2, now);
		rc = stmt_exec(s, err);
	}
	return rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
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
 * costs the same one verification and always fails.
 */
static int
check_credentials(struct wm_ctx *ctx, const char *username, const char *password,
    struct account *a, bool *ok, struct wm_err *err)
{
	char hash[crypto_pwhash_STRBYTES];
	struct stmt *s;
	bool usable = false;
	int rc;

	*ok = false;
	wm_strlcpy(hash, dummy_hash, sizeof(hash));
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
	*ok = verify(hash, password, strlen(password)) && usable;
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
	if ((rc = stmt_exec(s, err)) != 0)
		return rc;
	/* a user keeps their newest sessions, not an unbounded pile of them */
	rc = store_prepare(ctx->st, "DELETE FROM app_session WHERE user_id = ? AND id NOT IN"
	    " (SELECT id FROM app_session WHERE user_id = ? ORDER BY id DESC LIMIT ?)", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, a->id);
	stmt_bind_int(s, 2, a->id);
	stmt_bind_int(s, 3, ACCOUNT_MAX_SESSIONS);
	return stmt_exec(s, err);
}

int
account_login(struct wm_ctx *ctx, const char *username, const char *password, const char *addr,
    char *token, struct session *out, int *retry_after, struct wm_err *err)
{
	struct buf pkey = BUF_INIT, akey = BUF_INIT, okey = BUF_INIT;
	struct account a = { 0 };
	bool ok = false;
	int rc;

	*retry_after = 0;
	token[0] = '\0';
	if (username == NULL || *username == '\0' || password == NULL || *password == '\0')
		return wm_error(err, WM_EINVAL, "enter your user name and password");
	if (strlen(username) > 128 || strlen(password) > ACCOUNT_MAX_PASSWORD) {
		/* as long as any other wrong answer takes */
		bool matched = verify(dummy_hash, "x", 1);

		return matched ? WM_EINTERNAL : wm_error(err, WM_EPERM, "the user name or password is wrong");
	}
	keys_of(username, addr, &pkey, &akey, &okey);
	if ((rc = admit(ctx, buf_str(&pkey), buf_str(&akey), buf_str(&okey), retry_after, err)) != 0)
		goto out;
	if ((rc = check_credentials(ctx, username, password, &a, &ok, err)) != 0)
		goto out;
	if (!ok) {
		rc = wm_error(err, WM_EPERM, "the user name or password is wrong");
		goto out;
	}
	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	rc = admitted(ctx, buf_str(&pkey), buf_str(&akey), buf_str(&okey), err);
	if (rc == 0)
		rc = open_session(ctx, &a, token, out, err);
	rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
out:
	if (rc != 0)
		token[0] = '\0';
	buf_release(&pkey);
	buf_release(&akey);
	buf_release(&okey);
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
account_person(struct wm_ctx *ctx, const char *username, char *ref, size_t len,
    struct wm_err *err)
{
	struct stmt *s;
	int rc;

	ref[0] = '\0';
	rc = store_prepare(ctx->st, "SELECT p.ref FROM app_user u LEFT JOIN person p"
	    " ON p.id = u.person_id WHERE u.username = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, username);
	if ((rc = stmt_step(s, err)) == STORE_ROW && stmt_text(s, 0) != NULL)
		wm_strlcpy(ref, stmt_text(s, 0), len);
	stmt_reset(s);
	if (rc < 0)
		return rc;
	if (rc != STORE_ROW)
		return wm_error(err, WM_ENOTFOUND, "there is no user called \"%s\" (waymark user add)",
		    username);
	return 0;
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
