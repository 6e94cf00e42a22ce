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
	equals "$(sqlite3 test.db "SELECT MAX(version) FROM schema_version")" \
	    "$(wm version | sed -n "s/.*(schema \([0-9]*\)).*/\1/p")"
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
