/*
 * audit.h: the audit log: every change, who made it, when, and the record
 * before and after.
 *
 * Entries are written in the same transaction as the change they record,
 * so there is never a change without its entry. Each entry's hash covers
 * the previous entry's hash and its own content (BLAKE2b through
 * libsodium), so any edit to the history breaks the chain at that point
 * and audit_verify() finds it.
 *
 * An entry also carries the digests of the records its change left
 * behind (its "state", digest.h), which the hash covers, so that
 * audit_verify_records() can tell a record changed by Waymark from one
 * changed behind its back. A checkpoint entry holds the digest of every
 * record: `waymark init` writes one when it creates or upgrades a
 * database, and a restore when it has put an export back.
 */
#ifndef WM_AUDIT_H
#define WM_AUDIT_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

/* before is NULL for an addition, after NULL for a removal. */
int audit_record(struct wm_ctx *ctx, const char *action, const char *kind, const char *key,
    const json_t *before, const json_t *after, struct wm_err *err);

/*
 * The same with the digests of what the change wrote (digest.h: name ->
 * digest, or null for a record removed). Every writer of records hands
 * its state here: ent_write.c for one record, measure.c for a batch of
 * figures or targets (one entry for the batch, its changes in bulk form
 * in after), so that no write escapes the check. A row removed is given
 * by digest_record() called after its DELETE, which puts null: a delete
 * that removes dependent rows too gives each its entry (or all one state),
 * or verify names them as gone.
 */
int audit_record_state(struct wm_ctx *ctx, const char *action, const char *kind,
    const char *key, const json_t *before, const json_t *after, const json_t *state,
    struct wm_err *err);

/*
 * The entries one import writes. A merge that adds and changes records
 * audits each of them as it goes, with before and after; the import's own
 * entry (implog.h) then names them: audit_span_begin() before the merge,
 * audit_span_json() after it gives {"first": N, "last": M, "count": K}
 * (NULL when the merge wrote none). Any importer calls these around its
 * merge, whatever it reads.
 */
struct audit_span {
	int64_t first;
};

int audit_span_begin(struct wm_ctx *ctx, struct audit_span *sp, struct wm_err *err);
int audit_span_json(struct wm_ctx *ctx, const struct audit_span *sp, json_t **out,
    struct wm_err *err);

/* The action of an entry that holds the digest of every record. */
#define AUDIT_CHECKPOINT "checkpoint"

/* Append a checkpoint: the digest of every record as it is now (why: its ref). */
int audit_checkpoint(struct wm_ctx *ctx, const char *why, struct wm_err *err);

/* Entries that are not checkpoints: a database with none has no history. */
int audit_history(struct wm_ctx *ctx, int64_t *n, struct wm_err *err);

/* Drop a log that holds only checkpoints (before a restore puts one back). */
int audit_forget_checkpoints(struct wm_ctx *ctx, struct wm_err *err);

/*
 * Compare every record with what the log's states say it holds. *diffs:
 * an array of {"record": "users pat (users:3)", "name", "what", "entry":
 * the last entry about it, "entry_of"}: records changed, added or removed
 * behind Waymark's back; empty when all match. *checked: records compared.
 * WM_EINVAL when the log has no digests at all (a database not upgraded).
 */
int audit_verify_records(struct wm_ctx *ctx, json_t **diffs, int64_t *checked,
    struct wm_err *err);

struct audit_query {
	const char *kind;	/* only entries about this kind (plural name) */
	const char *key;	/* ... and this record */
	const char *actor;
	const char *since;	/* ISO date or instant */
	const char *until;	/* ... and before this one */
	size_t limit;		/* 0: all */
	size_t offset;
	bool newest_first;
};

/*
 * Entries as JSON objects: id, at, actor, action, kind, ref, before, after,
 * hash. Not for the public; entries about user accounts only for an
 * administrator.
 */
int audit_list(struct wm_ctx *ctx, const struct audit_query *q, json_t **out,
    struct wm_err *err);

/* How many entries the query matches, without its limit and offset. */
int audit_total(struct wm_ctx *ctx, const struct audit_query *q, int64_t *n, struct wm_err *err);

/*
 * Put back an entry exactly as audit_list gave it (whole-database import),
 * its number included; one without a number follows the head.
 */
int audit_restore(struct wm_ctx *ctx, const json_t *entry, struct wm_err *err);

int audit_count(struct wm_ctx *ctx, int64_t *n, struct wm_err *err);

/*
 * Check the hash chain from the first entry to the last. On a break,
 * returns WM_EINVAL naming the first entry that does not match.
 */
int audit_verify(struct wm_ctx *ctx, int64_t *checked, struct wm_err *err);

/* A hash as hex, with its NUL. */
#define AUDIT_HASH_LEN 65

/*
 * The hash of entry id; *found is false if there is no such entry. An
 * entry's hash covers every entry before it, so a chain that verifies and
 * holds an older copy's last hash at the same id holds all of that copy:
 * a backup is an anchor that a rewritten history cannot match.
 */
int audit_hash_of(struct wm_ctx *ctx, int64_t id, char *hash, bool *found, struct wm_err *err);

/* The last entry's id and hash; id 0 when the log is empty. */
int audit_head(struct wm_ctx *ctx, int64_t *id, char *hash, struct wm_err *err);

#endif
