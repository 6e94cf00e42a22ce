/*
 * migrate.h: numbered schema migrations.
 *
 * Migrations are the files src/store/migrations/NNN_name.sql, built into
 * the binary and applied in order, all in one transaction, each recording
 * its number in schema_version. A database is usable by this binary only
 * at exactly the latest version: an older one is upgraded by `waymark init`,
 * a newer one (from a newer waymark) is refused rather than misread.
 */
#ifndef WM_MIGRATE_H
#define WM_MIGRATE_H

#include "store/store.h"

/* The version this binary's migrations lead to. */
int migrate_latest(void);

/* The database's version; 0 for an empty database. */
int migrate_current(struct store *st, int *version, struct wm_err *err);

/* Create or upgrade; *from and *to say what was done (equal: nothing). */
int migrate_apply(struct store *st, int *from, int *to, struct wm_err *err);

/* 0 if the database is at the latest version; otherwise a WM_ESCHEMA error saying what to do. */
int migrate_check(struct store *st, struct wm_err *err);

#endif
