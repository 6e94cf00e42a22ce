#!/bin/sh
# init creates and upgrades; other commands refuse a database that is
# missing, not Waymark's, or newer than the binary.
. "$(dirname "$0")/lib.sh"

test_expect_success 'a command before init says to run init, and creates nothing' '
	expect_exit 1 wm list units 2>err &&
	contains err "waymark init" &&
	test ! -e test.db
'

test_expect_success 'init creates the database' '
	wm init >out &&
	contains out "created" &&
	test -f test.db
'

test_expect_success 'init again changes nothing' '
	wm init >out &&
	contains out "up to date"
'

test_expect_success 'the database is in WAL mode with the schema recorded' '
	equals "$(sqlite3 test.db "PRAGMA journal_mode")" wal &&
	schema=$(wm version | sed "s/.*schema \([0-9]*\).*/\1/") &&
	equals "$(sqlite3 test.db "SELECT MAX(version) FROM schema_version")" "$schema"
'

test_expect_success '--db and sqlite: choose another file' '
	wm --db other.db init >/dev/null &&
	wm --db sqlite:other.db list units >out &&
	contains out "(0 units)"
'

test_expect_success 'a database from a newer waymark is refused, not misread' '
	cp test.db newer.db &&
	sqlite3 newer.db "INSERT INTO schema_version VALUES (99, '"'"'099_future.sql'"'"', '"'"'x'"'"')" &&
	expect_exit 1 wm --db newer.db list units 2>err &&
	contains err "newer than this waymark" &&
	expect_exit 1 wm --db newer.db init 2>err &&
	contains err "newer"
'

test_expect_success 'an old database is upgraded by init, its figures kept' '
	sed -e "s/@ID@/INTEGER PRIMARY KEY/g" -e "s/@REAL@/REAL/g" -e "s/@BLOB@/BLOB/g" \
	    "$SRCDIR/src/store/migrations/001_domain.sql" >v1.sql &&
	sqlite3 old.db <v1.sql &&
	sqlite3 old.db "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
	    applied_at TEXT NOT NULL); INSERT INTO schema_version VALUES (1, '"'"'001_domain.sql'"'"', '"'"'x'"'"');
	    INSERT INTO unit (ref, name) VALUES ('"'"'Camden'"'"', '"'"'Camden'"'"');
	    INSERT INTO pi (code, title) VALUES ('"'"'P1'"'"', '"'"'A PI'"'"');
	    INSERT INTO measurement (pi_id, unit_id, period, value, flag) VALUES (1, 1, '"'"'2003-04'"'"', 12.5, '"'"'actual'"'"'),
	    (1, 1, '"'"'2003-05'"'"', NULL, '"'"'not_available'"'"');" &&
	expect_exit 1 wm --db old.db list units 2>err &&
	contains err "run \`waymark init\` to upgrade" &&
	wm --db old.db init >out &&
	contains out "moved 2 figures" && contains out "upgraded" &&
	equals "$(wm --db old.db list measurements --json | jq -r "[.[] | .period + \"=\" + (.value|tostring)] | join(\",\")")" \
	    "2003-04=12.5,2003-05=null" &&
	equals "$(sqlite3 old.db "SELECT COUNT(*) FROM measurement_staged")" 0
'

test_expect_success 'a file that is not a database is a clear error' '
	echo "not a database, just text" >junk.db &&
	expect_exit 1 wm --db junk.db list units 2>err &&
	contains err "junk.db"
'

test_expect_success 'an empty SQLite file is told to run init' '
	sqlite3 empty.db "CREATE TABLE x (y)" &&
	expect_exit 1 wm --db empty.db list units 2>err &&
	contains err "waymark init"
'

test_done
