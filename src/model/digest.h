/*
 * digest.h: what each record holds now, as a short hash the audit log keeps.
 *
 * Every audit entry carries, beside its before and after, the digests of
 * the records its change left behind (its "state"): {"units:5": "9f…",
 * "targets:77": null, "series:12": "…"}. A name is the kind (its base
 * kind, for a view) and the row's id; null says the record is gone. A
 * digest is SHA-256, cut to 128 bits, over the row's stored columns as the
 * engine holds them (references as ids, so renaming a unit changes the
 * unit's digest and no other), its link rows in order, and its version.
 * audit_verify() replays the states of the whole log and compares them
 * with digests made afresh from the database: a row edited, added or
 * deleted behind Waymark's back no longer matches its last entry.
 *
 * Figures, millions of them, are digested by the blocks they are stored
 * in: "series:ID" is a pi_series row (its shape and its recent block),
 * "archive:ID" its older periods, "notes:PI" every note of one indicator.
 * A writer digests the bytes it has just encoded, so an import hashes each
 * figure once and reads nothing back.
 */
#ifndef WM_DIGEST_H
#define WM_DIGEST_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"

struct kind;
struct wm_ctx;

/* 128 bits as hex, with its NUL. */
#define DIGEST_HEX 33

/* A digest being made: typed values, each tagged, so no two inputs collide. */
struct digest {
	void *md;
};

void digest_begin(struct digest *d);
void digest_int(struct digest *d, int64_t v);
void digest_real(struct digest *d, double v);
void digest_text(struct digest *d, const char *s);	/* NULL: SQL NULL */
void digest_blob(struct digest *d, const void *p, size_t n);	/* NULL and empty alike */
void digest_end(struct digest *d, char *hex);

/* The columns of a pi_series row, as written or as read back. */
struct digest_series {
	int64_t id, pi_id, kind, first, nperiods, nunits, counts, recent, layout, version;
	const void *blob[5];	/* block, value, flag, num, den */
	size_t len[5];
};

void digest_series_row(const struct digest_series *r, char *hex);
void digest_archive_row(int64_t id, const void *block, size_t len, char *hex);

/* The state name of a record: "units:5". */
void digest_name(char *out, size_t size, const char *what, int64_t id);

/* Put the digest of record id of kind k (null if it is gone) into state. */
int digest_record(struct wm_ctx *ctx, const struct kind *k, int64_t id, json_t *state,
    struct wm_err *err);
/* The same for an indicator's notes ("notes:PI", null when it has none). */
int digest_notes(struct wm_ctx *ctx, int64_t pi_id, json_t *state, struct wm_err *err);

/*
 * The digest of everything the log vouches for: every record of every kind
 * stored one row a record, every series and archive block, every
 * indicator's notes. *out: a state object as above, without nulls.
 */
int digest_all(struct wm_ctx *ctx, json_t **out, struct wm_err *err);

#endif
