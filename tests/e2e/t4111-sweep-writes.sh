#!/bin/sh
# Issue 16's forbidden-writes attack as a sweep: every kind x every role x
# every write (add, change, remove; a progress update where a record's page
# takes one), through the API and the web's forms. The kinds, their fields,
# keys and writes come from the server's own description (openapi.json and
# its pages), so a new kind is swept without editing this; what each role
# may do is sweep.py's oracle, authz.c's rules restated. A write refused
# must answer 401 or 403 and leave the audit log's head where it was; one
# allowed must succeed and add its entry.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

need_python3

wm init >/dev/null
wm sample >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm user add lee --role lead --password "lead password" >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
# a comment and a revision, so that every kind has a record to try changing and removing
wm add comment --kind recommendations --ref DA2002/R13 --text "When?" >/dev/null
wm add revision --recommendation DA2002/R13 --changed_on 2005-01-10 --new_due 2005-06-30 --reason "Moved" >/dev/null
serve_start private
serve_start public --public
cat >config.json <<JSON
{"private": "$(cat private.url)", "public": "$(cat public.url)",
 "admin": ["alice", "correct horse"],
 "roles": [
  {"role": "public", "server": "public"},
  {"role": "nobody", "server": "private"},
  {"role": "member", "server": "private", "user": "mo", "password": "member pass"},
  {"role": "lead", "server": "private", "user": "lee", "password": "lead password"},
  {"role": "lead_posts", "server": "private", "user": "lena", "password": "lead password"},
  {"role": "planner", "server": "private", "user": "pat", "password": "planner pass"},
  {"role": "admin", "server": "private", "user": "alice", "password": "correct horse"}
 ]}
JSON

run_sweep writes

test_expect_success 'every write the sweep expects refused is refused, and writes nothing' '
	sweep_passed
'

test_expect_success 'the sweep tried every kind as every role, through the API and the forms' '
	test "$(jq .kinds counts.json)" -ge 40 &&
	equals "$(jq .roles counts.json)" 7 &&
	test "$(jq .api.tried counts.json)" -ge $((40 * 7 * 3)) &&
	test "$(jq .api.refused counts.json)" -gt 0 &&
	test "$(jq .api.allowed counts.json)" -gt 0 &&
	test "$(jq .web.refused counts.json)" -gt 0 &&
	test "$(jq .web.allowed counts.json)" -gt 0
'

test_done
