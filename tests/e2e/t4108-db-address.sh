#!/bin/sh
# Issue 16.28: a database address never shows its password, in libpq's
# keyword form ("host=db password=...") as in a URL.
. "$(dirname "$0")/lib.sh"

conninfo="host=127.0.0.1 port=1 dbname=none user=u password='sek ret'"

test_expect_success '16.28: a keyword connection string is PostgreSQL, its password masked' '
	expect_exit 1 wm --db "$conninfo" list units 2>err &&
	lacks err "sek" && contains err "password=***" && contains err "dbname=none" &&
	test ! -e "$conninfo" &&
	expect_exit 1 wm --db "$conninfo" init 2>err &&
	lacks err "sek" && test ! -e "$conninfo" &&
	expect_exit 2 wm copy --from "$conninfo" --to "$conninfo" 2>err &&
	lacks err "sek" && contains err "password=***"
'

test_done
