#!/bin/sh
# Load (issue 9): 64 clients on loopback for 30 s, mixing reads (pages of
# units, one unit, the audit log) with updates made with If-Match, through
# the API (tests/load/wm-load.c). It must end with no errors (a 412 under
# contention is an answer, not an error; a 5xx, another status or a broken
# connection is) and no lost update: every update the server accepted is
# in the audit log, nothing else is, each record's versions have no gap,
# and each record ends as its last accepted update left it. The latency
# percentiles and req/s are printed as TAP comments.
#
# The full 30 s runs in the SQLite pass only, to keep `make check` bounded;
# the PostgreSQL pass and the sanitizer pass (WM_TEST_LIGHT) run the same
# checks for 5 s. WM_LOAD_SECONDS overrides the time, for development.
# No assertion is about time: the numbers are printed, not judged.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"
. "$SRCDIR/tests/e2e/lib-load.sh"

if [ "$ENGINE" = sqlite ] && [ -z "${WM_TEST_LIGHT:-}" ]; then
	seconds=30
else
	seconds=5
fi
seconds=${WM_LOAD_SECONDS:-$seconds}
clients=64
# fewer records than clients, so that updates from the same version meet
# and some are refused with 412
records=32

wm init >/dev/null
load_records $records
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
load_run $clients "$seconds" "$(cat main.url)"
serve_stop main

test_expect_success "$clients clients for ${seconds}s: the load client ran and saw no error" '
	load_check_clean
'

test_expect_success 'the server answered no 5xx, logged as accepted exactly the updates the clients saw, and stopped' '
	load_check_logged main.log &&
	equals "$(cat main.exit)" 0
'

test_expect_success 'every accepted update is in the audit log, and no other change to the records' '
	load_check_audited
'

test_expect_success 'each record ends as its last accepted update left it, its versions without a gap' '
	load_check_final '"$records"'
'

test_expect_success 'the audit chain verifies after the load' '
	wm verify >out &&
	contains out intact
'

test_done
