#!/bin/sh
# What is particular to running on a PostgreSQL server: how it is named,
# what happens when it is not there or not suitable, and Waymark in a
# schema of its own in a database that holds other things. Runs in the
# suite's PostgreSQL pass only: there is nothing here for SQLite.
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" != postgresql ]; then
	echo "1..0 # SKIP runs in the PostgreSQL pass"
	exit 0
fi

test_expect_success 'postgresql:// and postgres:// in --db or WAYMARK_DB name a server' '
	db=$(new_pg_db named) &&
	wm --db "$db" init >out &&
	contains out "created $db" &&
	WAYMARK_DB="postgres://${db#postgresql://}" wm add unit --ref MPS --name "Met" >/dev/null &&
	equals "$(wm --db "$db" list units --json | jq -r ".[0].ref")" MPS &&
	equals "$(db_sql "$db" "SELECT ref FROM unit")" MPS
'

test_expect_success 'a server that is not there is named, and so is what to check' '
	expect_exit 1 wm --db "postgresql://waymark@127.0.0.1:1/none" list units 2>err &&
	contains err "postgresql://waymark@127.0.0.1:1/none" &&
	contains err "refused"
'

test_expect_success 'a database that does not exist is named' '
	expect_exit 1 wm --db "$WAYMARK_TEST_PG/wm_no_such_database" init 2>err &&
	contains err "wm_no_such_database" &&
	contains err "does not exist"
'

test_expect_success 'a database that is not UTF-8 is refused with how to make one' '
	pg_psql postgres -c "CREATE DATABASE wm_$$_latin ENCODING '"'"'LATIN1'"'"'
	    LC_COLLATE '"'"'C'"'"' LC_CTYPE '"'"'C'"'"' TEMPLATE template0" &&
	echo "wm_$$_latin" >>"$PG_DBS" &&
	expect_exit 1 wm --db "$WAYMARK_TEST_PG/wm_$$_latin" init 2>err &&
	contains err "LATIN1" && contains err "createdb -E UTF8"
'

test_expect_success 'an empty database, or one of other tables, is told to run init' '
	db=$(new_pg_db other) &&
	expect_exit 1 wm --db "$db" list units 2>err &&
	contains err "waymark init" &&
	db_sql "$db" "CREATE TABLE payroll (x INTEGER)" &&
	expect_exit 1 wm --db "$db" list units 2>err &&
	contains err "waymark init"
'

test_expect_success 'Waymark in a schema of its own, beside what a database already holds' '
	db=$(new_pg_db shared) &&
	db_sql "$db" "CREATE TABLE unit (payroll_code TEXT); CREATE SCHEMA waymark" &&
	url="$db?options=-csearch_path%3Dwaymark" &&
	wm --db "$url" init >/dev/null &&
	wm --db "$url" add unit --ref MPS --name "Met" >/dev/null &&
	equals "$(db_sql "$db" "SELECT ref FROM waymark.unit")" MPS &&
	equals "$(db_sql "$db" "SELECT COUNT(*) FROM public.unit")" 0 &&
	equals "$(db_sql "$db" "SELECT COUNT(*) FROM information_schema.tables
	    WHERE table_schema = '"'"'public'"'"'")" 1 &&
	wm --db "$url" verify >out && contains out "2 entries"
'

test_expect_success 'a password in the URL never reaches a message' '
	expect_exit 1 wm --db "postgresql://waymark:hunter2@127.0.0.1:1/none" list units 2>err &&
	lacks err hunter2 &&
	contains err "waymark:***@"
'

test_done
