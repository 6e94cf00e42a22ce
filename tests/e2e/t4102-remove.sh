#!/bin/sh
# Issue 16.3: removing a record others refer to is refused, saying which
# and how many, unless the request asks for the cascade; then every row it
# removes or changes is audited whole, so the log can rebuild them.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login pat pat "planner pass"

recs=$(wm list recommendations --source BVA2002 --json | jq length)
updates=$(wm list progress --json | jq "[.[] | select(.recommendation | startswith(\"BVA2002/\"))] | length")
figures=$(wm list measurements --pi SC-01 --json | jq length)
targets=$(wm list targets --pi SC-01 --json | jq length)
entries() { wm audit --json --limit 100000 | jq "[.[] | select(.action == \"$1\" and .kind == \"$2\")] | length"; }

test_expect_success 'DELETE of a source with recommendations is 409, saying which and how many' '
	test "$recs" -gt 0 &&
	equals "$(call pat DELETE /api/v1/sources/BVA2002)" 409 &&
	contains msg.txt "$recs recommendations (BVA2002/R1" &&
	contains msg.txt "cascade=true" &&
	equals "$(jq -r ".error.referred_by[0].count" body.json)" "$recs" &&
	equals "$(jq -r ".error.referred_by[0].on_cascade" body.json)" removed &&
	equals "$(call pat GET /api/v1/sources/BVA2002)" 200 &&
	equals "$(wm list recommendations --source BVA2002 --json | jq length)" "$recs"
'

test_expect_success 'with ?cascade=true every recommendation and update goes, each audited whole' '
	equals "$(call pat DELETE "/api/v1/sources/BVA2002?cascade=true")" 204 &&
	equals "$(call pat GET /api/v1/sources/BVA2002)" 404 &&
	equals "$(entries remove recommendations)" "$recs" &&
	equals "$(entries remove progress)" "$updates" &&
	equals "$(entries remove sources)" 1 &&
	wm audit --json --limit 100000 | jq -e "[.[] | select(.action == \"remove\" and .kind == \"recommendations\") | .before.text | strings] | length == $recs" >/dev/null &&
	wm verify >/dev/null
'

test_expect_success 'a PI with figures and targets: refused, then removed with every figure audited' '
	expect_exit 1 wm remove pi SC-01 2>err &&
	contains err "$figures measurements" && contains err "$targets targets" &&
	contains err "--cascade" &&
	wm remove pi SC-01 --cascade >out &&
	equals "$(entries remove measurements)" "$figures" &&
	equals "$(entries remove targets)" "$targets" &&
	wm verify >/dev/null
'

test_expect_success 'a cascade clears optional references and drops the record from lists, audited' '
	before=$(entries set posts) &&
	wm remove unit Camden --cascade >/dev/null &&
	equals "$(wm show post "Borough Commander, Camden" --json | jq -r .unit)" null &&
	test "$(entries set posts)" -gt "$before" &&
	wm remove post "AC PRS" --cascade >/dev/null &&
	wm list goals --json | jq -e "[.[].leads[] | select(. == \"AC PRS\")] | length == 0" >/dev/null &&
	wm verify >/dev/null
'

test_expect_success 'the cascade is under the same permissions: a member may remove nothing' '
	wm user add mo --role member --password "member pass" >/dev/null &&
	login mo mo "member pass" &&
	equals "$(call mo DELETE "/api/v1/sources/DA2002?cascade=true")" 403 &&
	equals "$(call pat DELETE "/api/v1/sources/DA2002?cascade=maybe")" 400
'

test_done
