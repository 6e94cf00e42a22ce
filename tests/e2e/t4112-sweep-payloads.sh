#!/bin/sh
# Issue 16's injection attacks as a sweep: the classic SQL-injection and
# script payloads (sweep.py's PAYLOADS) in every free text field and every
# text key of every kind, every list's filters and every report's options,
# all taken from the server's own description (openapi.json, /api/v1/reports).
# Nothing may run: no database error in any answer, a filter matches the
# payload as a value (so nothing), a payload written is kept as sent and
# audited, the records' counts and the audit log are as the writes left
# them, and no page that shows a payload (the record's page, its list, its
# edit form, a list or report asked for it) holds an event attribute, a
# javascript: address or a script of the payload's.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"
need_python3

wm init >/dev/null
wm sample >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
serve_start private
cat >config.json <<JSON
{"private": "$(cat private.url)", "admin": ["alice", "correct horse"]}
JSON

run_sweep payloads

test_expect_success 'no payload runs, in any field, filter, option or page' '
	sweep_passed
'

test_expect_success 'the sweep reached every part it sweeps' '
	for part in filters "report options" "text fields" "key fields" pages "form values"; do
		test "$(jq ".[\"$part\"].tried" counts.json)" -gt 100 || { echo "$part" >&2; false; }
	done
'

test_expect_success 'and what it wrote verifies against the audit log' '
	wm verify >out &&
	contains out "records match the audit log"
'

test_done
