/*
 * err.h: errors as values.
 *
 * A function that can fail returns 0 or a negative WM_E* code and, when the
 * caller passed a struct wm_err, leaves in it a message a person can act on:
 * where (file, line, field), the bad value, and what would be right. Only
 * cli/main.c prints errors; the HTTP layer turns the same code into a status.
 */
#ifndef WM_ERR_H
#define WM_ERR_H

#include "base/wm.h"

enum wm_code {
	WM_OK = 0,
	WM_EINVAL = -1,		/* bad input or data */
	WM_EUSAGE = -2,		/* bad command-line usage */
	WM_ENOTFOUND = -3,	/* no such thing */
	WM_ECONFLICT = -4,	/* stale version: someone else changed it */
	WM_EEXIST = -5,		/* already exists */
	WM_EPERM = -6,		/* not allowed for this actor */
	WM_EDB = -7,		/* the database failed */
	WM_EIO = -8,		/* reading or writing a file failed */
	WM_ETOOBIG = -9,	/* over a stated size limit */
	WM_ESCHEMA = -10,	/* database schema missing, old or too new */
	WM_EINTERNAL = -11,	/* a bug */
	WM_ELIMIT = -12,	/* too many attempts: wait before trying again */
	WM_EINUSE = -13,	/* other records refer to it */
	WM_ETIMEOUT = -14	/* took longer than allowed */
};

struct wm_err {
	int code;
	char msg[1024];
	/*
	 * For bad input, which field it was and why, as a word a program can
	 * act on ("range", "length", "key_chars"...: kind.h lists them);
	 * empty and NULL otherwise. wm_error() clears both.
	 */
	char field[64];
	const char *reason;
};

#define WM_ERR_INIT { 0, "", "", NULL }

/* Record an error and return its code, so that `return wm_error(...)` reads as one line. */
int wm_error(struct wm_err *err, int code, const char *fmt, ...) WM_PRINTF(3, 4);

/* The same, saying which field was wrong and why (reason: a static word). */
int wm_error_field(struct wm_err *err, int code, const char *field, const char *reason,
    const char *fmt, ...) WM_PRINTF(5, 6);

/* Put context ("plan.json:12: ") in front of the message already recorded. */
void wm_error_prefix(struct wm_err *err, const char *fmt, ...) WM_PRINTF(2, 3);

void wm_err_clear(struct wm_err *err);

/* A short name for the code: "bad input", "not found", ... */
const char *wm_code_name(int code);

#endif
