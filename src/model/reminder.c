/*
 * reminder.c: keeping the reminders sent (see reminder.h).
 *
 * Written as implog.c writes imports: a row by Waymark, then an audit
 * entry with the row's digest, so the log names every message and verify
 * finds a reminder changed behind Waymark's back.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "model/audit.h"
#include "model/digest.h"
#include "model/kind.h"
#include "model/reminder.h"
#include "store/store.h"

void
reminder_key(struct buf *b, const char *to, const char *kind, const char *ref, const char *phase)
{
	buf_reset(b);
	buf_addf(b, "%s\t%s\t%s\t%s", to, kind, ref, phase);
}

int
reminder_sent(struct wm_ctx *ctx, json_t **out, struct wm_err *err)
{
	struct buf key = BUF_INIT;
	struct stmt *s;
	int rc;

	*out = json_object();
	rc = store_prepare(ctx->st, "SELECT sent_to, kind, ref, phase FROM reminder"
	    " WHERE status = 'sent'", &s, err);
	if (rc != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		reminder_key(&key, stmt_text(s, 0), stmt_text(s, 1), stmt_text(s, 2),
		    stmt_text(s, 3));
		json_object_set_new(*out, buf_str(&key), json_true());
	}
	stmt_reset(s);
	rc = rc < 0 ? rc : 0;
out:
	buf_release(&key);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static int
next_seq(struct wm_ctx *ctx, const char *kind, const char *ref, int64_t *seq, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	rc = store_prepare(ctx->st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM reminder"
	    " WHERE kind = ? AND ref = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, kind);
	stmt_bind_text(s, 2, ref);
	if ((rc = stmt_step(s, err)) == STORE_ROW)
		*seq = stmt_int(s, 0);
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

static int
record_one(struct wm_ctx *ctx, const struct reminder_msg *m, const struct reminder_row *r,
    const char *at, struct wm_err *err)
{
	struct buf key = BUF_INIT;
	json_t *after = NULL, *state = NULL;
	struct stmt *s;
	int64_t seq = 1, id = 0;
	int rc;

	if ((rc = next_seq(ctx, r->kind, r->ref, &seq, err)) != 0)
		return rc;
	rc = store_prepare(ctx->st, "INSERT INTO reminder (kind, ref, seq, on_day, sent_to, person,"
	    " escalation, why, phase, status, error, subject, message, at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_text(s, 1, r->kind);
	stmt_bind_text(s, 2, r->ref);
	stmt_bind_int(s, 3, seq);
	stmt_bind_text(s, 4, m->on_day);
	stmt_bind_text(s, 5, m->sent_to);
	stmt_bind_text(s, 6, m->person);
	stmt_bind_int(s, 7, m->escalation ? 1 : 0);
	stmt_bind_text(s, 8, r->why);
	stmt_bind_text(s, 9, r->phase);
	stmt_bind_text(s, 10, m->sent ? "sent" : "failed");
	stmt_bind_text(s, 11, m->sent ? NULL : m->error);
	stmt_bind_text(s, 12, m->subject);
	stmt_bind_text(s, 13, m->message);
	stmt_bind_text(s, 14, at);
	if ((rc = stmt_step(s, err)) == STORE_ROW)
		id = stmt_int(s, 0);
	stmt_reset(s);
	if (rc < 0)
		return rc;
	after = json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:b, s:s, s:s, s:s, s:s?, s:s, s:s, s:s}",
	    "kind", r->kind, "ref", r->ref, "seq", (json_int_t)seq, "on_day", m->on_day,
	    "sent_to", m->sent_to, "person", m->person, "escalation", m->escalation,
	    "why", r->why, "phase", r->phase, "status", m->sent ? "sent" : "failed",
	    "error", m->sent ? NULL : m->error, "subject", m->subject, "message", m->message,
	    "at", at);
	state = json_object();
	buf_addf(&key, "%s/%s/%lld", r->kind, r->ref, (long long)seq);
	if ((rc = digest_record(ctx, kind_find("reminders"), id, state, err)) == 0)
		rc = audit_record_state(ctx, "remind", "reminders", buf_str(&key), NULL, after, state,
		    err);
	json_decref(after);
	json_decref(state);
	buf_release(&key);
	return rc;
}

int
reminder_record(struct wm_ctx *ctx, const struct reminder_msg *m,
    const struct reminder_row *rows, size_t n, struct wm_err *err)
{
	char at[TIMESTAMP_LEN];
	int rc;

	timestamp_format(ctx->now, at);
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = record_one(ctx, m, &rows[i], at, err);
	return rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
}
