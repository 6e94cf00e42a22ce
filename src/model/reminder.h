/*
 * reminder.h: the reminders `waymark remind` sends, kept (kind "reminders").
 *
 * One row for each item a message listed and each address it went to,
 * written by Waymark itself (the kind is read-only to everyone) and
 * audited like an import, so `waymark verify` vouches for them. What was
 * sent decides what is sent next: a phase of the rules already sent to an
 * address is not sent again; one that failed is tried again.
 */
#ifndef WM_REMINDER_H
#define WM_REMINDER_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

/* One item of a message, as recorded. */
struct reminder_row {
	const char *kind;	/* "recommendations" */
	const char *ref;	/* "DA2002/R13" */
	const char *why;	/* "overdue", "due", "stale" */
	const char *phase;	/* "before", "today", "overdue:3", "stale:1" */
};

/* One message, sent or not. */
struct reminder_msg {
	const char *on_day;	/* YYYY-MM-DD */
	const char *sent_to;
	const char *person;	/* whose list it was */
	bool escalation;
	const char *subject;
	const char *message;	/* "2004-10-01/rlead" */
	bool sent;
	const char *error;	/* why not, if not */
};

/*
 * Every phase sent so far, as keys "ADDRESS\tKIND\tREF\tPHASE" of *out (a
 * JSON object; the values mean nothing).
 */
int reminder_sent(struct wm_ctx *ctx, json_t **out, struct wm_err *err);

/* Record message m listing rows (n of them), in one transaction, audited. */
int reminder_record(struct wm_ctx *ctx, const struct reminder_msg *m,
    const struct reminder_row *rows, size_t n, struct wm_err *err);

/* The key reminder_sent() gives a phase sent to an address, into b. */
struct buf;
void reminder_key(struct buf *b, const char *to, const char *kind, const char *ref,
    const char *phase);

#endif
