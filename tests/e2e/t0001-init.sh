#!/bin/sh
# init creates and upgrades; other commands refuse a database that is
# missing, not Waymark's, or newer than the binary.
. "$(dirname "$0")/lib.sh"

# The tables in this pass's test database.
tables() {
	if [ "$ENGINE" = sqlite ]; then
		db_sql "$WAYMARK_DB" "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
	else
		db_sql "$WAYMARK_DB" "SELECT COUNT(*) FROM information_schema.tables
		    WHERE table_schema = current_schema()"
	fi
}

test_expect_success 'a command before init says to run init, and creates nothing' '
	expect_exit 1 wm list units 2>err &&
	contains err "waymark init" &&
	if [ "$ENGINE" = sqlite ]; then test ! -e test.db; else equals "$(tables)" 0; fi
'

test_expect_success 'init creates the database' '
	wm init >out &&
	contains out "created" &&
	test "$(tables)" -gt 30
'

test_expect_success 'init again changes nothing' '
	wm init >out &&
	contains out "up to date"
'

test_expect_success 'the schema version is recorded (and a SQLite file is in WAL mode)' '
	if [ "$ENGINE" = sqlite ]; then
		equals "$(db_sql "$WAYMARK_DB" "PRAGMA journal_mode")" wal
	fi &&
	schema=$(wm version | sed "s/.*schema \([0-9]*\).*/\1/") &&
	equals "$(db_sql "$WAYMARK_DB" "SELECT MAX(version) FROM schema_version")" "$schema"
'

test_expect_success '--db and sqlite: choose another file' '
	wm --db other.db init >/dev/null &&
	wm --db sqlite:other.db list units >out &&
	contains out "(0 units)"
'

test_expect_success 'a database from a newer waymark is refused, not misread' '
	newer=$(new_db newer) &&
	wm --db "$newer" init >/dev/null &&
	db_sql "$newer" "INSERT INTO schema_version VALUES (99, '"'"'099_future.sql'"'"', '"'"'x'"'"')" &&
	expect_exit 1 wm --db "$newer" list units 2>err &&
	contains err "newer than this waymark" &&
	expect_exit 1 wm --db "$newer" init 2>err &&
	contains err "newer"
'

test_expect_success 'an old database is upgraded by init, its figures kept' '
	old=$(new_db old) &&
	sed -e "$(ddl_for "$old")" "$SRCDIR/src/store/migrations/001_domain.sql" >v1.sql &&
	db_sql "$old" - <v1.sql &&
	db_sql "$old" "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
	    applied_at TEXT NOT NULL); INSERT INTO schema_version VALUES (1, '"'"'001_domain.sql'"'"', '"'"'x'"'"');
	    INSERT INTO unit (ref, name) VALUES ('"'"'Camden'"'"', '"'"'Camden'"'"');
	    INSERT INTO pi (code, title) VALUES ('"'"'P1'"'"', '"'"'A PI'"'"');
	    INSERT INTO measurement (pi_id, unit_id, period, value, flag) VALUES (1, 1, '"'"'2003-04'"'"', 12.5, '"'"'actual'"'"'),
	    (1, 1, '"'"'2003-05'"'"', NULL, '"'"'not_available'"'"');" &&
	expect_exit 1 wm --db "$old" list units 2>err &&
	contains err "run \`waymark init\` to upgrade" &&
	wm --db "$old" init >out &&
	contains out "moved 2 figures" && contains out "upgraded" &&
	equals "$(wm --db "$old" list measurements --json | jq -r "[.[] | .period + \"=\" + (.value|tostring)] | join(\",\")")" \
	    "2003-04=12.5,2003-05=null" &&
	equals "$(db_sql "$old" "SELECT COUNT(*) FROM measurement_staged")" 0
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
