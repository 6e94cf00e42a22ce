#!/bin/sh
# Issue 16.26: the database, its backups and its exports hold password
# hashes and unpublished records: each is created readable by its owner
# only (0600), whatever the umask.
. "$(dirname "$0")/lib.sh"

umask 022

mode() { stat -c %a "$1"; }

test_expect_success '16.26: a new database and the files beside it are 0600' '
	wm --db new.db init >/dev/null &&
	equals "$(mode new.db)" 600 &&
	wm --db new.db user add ada --role admin --password "admin password" >/dev/null &&
	for f in new.db*; do equals "$(mode "$f")" 600 || return 1; done &&
	wm --db sqlite:other.db init >/dev/null && equals "$(mode other.db)" 600
'

test_expect_success '16.26: backups, exports and copies are 0600' '
	wm --db new.db backup b.db >/dev/null && equals "$(mode b.db)" 600 &&
	wm --db new.db export e.json 2>/dev/null && equals "$(mode e.json)" 600 &&
	wm --db new.db copy --to c.db >/dev/null && equals "$(mode c.db)" 600 &&
	wm --db r.db init >/dev/null && chmod 600 r.db &&
	wm --db r.db restore --force b.db >/dev/null && equals "$(mode r.db)" 600
'

test_expect_success '16.26: an export over an old 0644 file is 0600' '
	: >old.json && chmod 644 old.json &&
	wm --db new.db export old.json 2>/dev/null && equals "$(mode old.json)" 600
'

test_done
