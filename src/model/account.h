/*
 * account.h: passwords, logins and sessions for the people who use
 * Waymark through the web.
 *
 * A user account is a record of kind "users" (ent.h lists and changes it);
 * this module adds what the generic engine must not do: hash a password
 * (Argon2id, libsodium's crypto_pwhash_str), check one, and keep sessions.
 * Sessions and the count of failed logins live in the database, so
 * several servers on one database share them. A session's token is given
 * to the browser once and stored only as a hash; each session has its own
 * CSRF token for the forms it is shown.
 */
#ifndef WM_ACCOUNT_H
#define WM_ACCOUNT_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

#define ACCOUNT_TOKEN_LEN 65	/* 32 random bytes in hex, and a NUL */
#define ACCOUNT_MIN_PASSWORD 8
#define ACCOUNT_MAX_PASSWORD 256
#define ACCOUNT_SESSION_HOURS 12
/*
 * Failures a user name may have from one address, and an address over all
 * names, before each attempt must wait: 1 s, then twice as long after
 * each further failure, at most ACCOUNT_MAX_DELAY. A count quiet for the
 * window is forgotten; a success clears the name's.
 */
#define ACCOUNT_FREE_FAILURES 3
#define ACCOUNT_ADDR_FREE_FAILURES 20
#define ACCOUNT_MAX_DELAY 900
#define ACCOUNT_WINDOW_SECONDS (15 * 60)
/* Successful sign-ins of one user from one address in a window, and sessions a user keeps. */
#define ACCOUNT_OK_PER_WINDOW 20
#define ACCOUNT_OK_WINDOW_SECONDS (10 * 60)
#define ACCOUNT_MAX_SESSIONS 10

struct account {
	int64_t id;
	char username[128];
	char display_name[256];
	enum role role;
};

struct session {
	struct account user;
	char csrf[ACCOUNT_TOKEN_LEN];
};

/*
 * The person (their ref, into ref) whose posts the user named username
 * holds, "" if the account names no person: what their My work lists.
 * WM_ENOTFOUND if there is no such user. Anyone may ask: it says no more
 * of the account than its person.
 */
int account_person(struct wm_ctx *ctx, const char *username, char *ref, size_t len,
    struct wm_err *err);

/* Fill buf (ACCOUNT_TOKEN_LEN bytes) with a fresh random token. */
void account_random_token(char *buf);

/* Is this a password we accept? WM_EINVAL saying what is wrong if not. */
int account_check_password(const char *password, struct wm_err *err);

/*
 * How many passwords have been checked against a hash (one Argon2id each)
 * since the program started: what a test counts to see that every sign-in,
 * whether or not its name exists, costs exactly one.
 */
unsigned long account_password_checks(void);

/*
 * Add a user (fields as for ent_add on "users") with this password, in one
 * transaction. Only an administrator (or the command line) may.
 */
int account_add(struct wm_ctx *ctx, const json_t *fields, const char *password,
    json_t **created, struct wm_err *err);

/*
 * Set a user's password. An administrator may set anyone's; a user may
 * set their own, giving their current password (WM_EPERM if it is wrong:
 * an unattended session is not enough). Every other session of the user
 * ends; keep_token, the session making the change, goes on (NULL: none).
 * Audited, without the hash.
 */
int account_set_password(struct wm_ctx *ctx, const char *username, const char *current,
    const char *password, const char *keep_token, struct wm_err *err);

/*
 * Lift the waits failed sign-ins put on a user name (from every address,
 * or from addr only), or with username NULL on an address. Administrators
 * only; audited. *cleared: how many counts went.
 */
int account_unlock(struct wm_ctx *ctx, const char *username, const char *addr, int *cleared,
    struct wm_err *err);

/* Remove expired sessions and sign-in counts that no longer matter (the server, on a timer). */
int account_purge(struct wm_ctx *ctx, struct wm_err *err);

/*
 * Check a user name and password from the client at addr, and open a
 * session: token receives the value for the cookie (ACCOUNT_TOKEN_LEN).
 * A wrong name or password is WM_EPERM with the same message for both;
 * too many recent failures (or sign-ins) from here is WM_ELIMIT, with
 * *retry_after the seconds to wait; the attempt is counted before the
 * password is checked.
 */
int account_login(struct wm_ctx *ctx, const char *username, const char *password,
    const char *addr, char *token, struct session *out, int *retry_after, struct wm_err *err);

/* The open session with this token: WM_ENOTFOUND if there is none (or it has expired). */
int account_session(struct wm_ctx *ctx, const char *token, struct session *out,
    struct wm_err *err);

/* End the session with this token (nothing if there is none). */
int account_logout(struct wm_ctx *ctx, const char *token, struct wm_err *err);

/* Act as this session's user: fills ctx's role, user_id and actor (from actor_buf). */
void account_act_as(struct wm_ctx *ctx, const struct session *s, char *actor_buf, size_t len);

#endif
