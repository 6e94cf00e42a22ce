/*
 * remind.h: the reminders' digests: one a person, saying what their My
 * work says, and whether the rules say it is time to send it.
 *
 * The rules are settings (setting.h): the first reminder remind.before_days
 * before an item is due, then on the day, then every
 * remind.overdue_every_days while it is overdue (and every stale period
 * while it has no update); remind.escalate_after_days overdue, the digest
 * is copied to the holders of the post the lead's post reports to and to
 * the committee's clerk. A digest is due when one of its items reaches a
 * phase of those rules not yet sent to that address (model/reminder.h), so
 * a second run on one day sends nothing and a failure is tried again.
 */
#ifndef WM_REMIND_H
#define WM_REMIND_H

#include "base/wm.h"

#include <jansson.h>

#include "base/mail.h"
#include "model/ctx.h"
#include "model/reminder.h"
#include "report/mywork.h"

struct remind_rules {
	int before_days;
	int every_days;
	int escalate_after;
};

int remind_rules_load(struct wm_ctx *ctx, struct remind_rules *r, struct wm_err *err);

struct digest {
	struct mywork w;		/* what it lists: My work, due within before_days */
	const char *to;			/* the person's address; NULL: none */
	const char *cc[MAIL_MAX_RCPT];	/* escalation copies */
	size_t ncc;
	char *subject, *body;
	char message[300];		/* "2004-10-01/rlead" */
	struct reminder_row *rows;	/* to the person: their items, each with its phase */
	size_t nrows;
	struct reminder_row *esc;	/* to the copies: the items that escalated */
	size_t nesc;
	bool fresh;			/* a phase not yet sent: time to send it */
};

/*
 * A digest for every person with something on their list, in the order of
 * their refs, into *out (*n of them). sent is reminder_sent()'s; base_url
 * starts the links ("" or NULL: the paths alone).
 */
int remind_build(const struct mywork_set *s, const struct remind_rules *r, const json_t *sent,
    const char *base_url, struct digest **out, size_t *n, struct wm_err *err);
void remind_free(struct digest *d, size_t n);

/*
 * The digest as JSON: {"person", "name", "to", "cc", "subject", "body",
 * "fresh", "items": [{"kind", "key", "why", "phase", "escalated"}], "team"}.
 */
json_t *remind_json(const struct digest *d);

#endif
