#!/bin/sh
# Issue 16.4 and 16.5: what the public sees. A record is published when it
# is marked so and so are the records it belongs to (those its key
# names); reports run for the public leave out what is not published; an
# unpublished key is answered exactly as a missing one.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
update=$(wm list progress --json | jq -r '.[0].text')
wm set source DA2002 --published no >/dev/null
wm set pi SC-01 --published no >/dev/null
wm set timetable BVA2002-LAUNCH --published no >/dev/null
wm set unit Hackney --published no >/dev/null
serve_start public --public
URL=$(cat public.url)

test_expect_success '16.4: the progress report for the public has no update text' '
	test -n "$update" &&
	equals "$(call anon GET "/api/v1/reports/progress?source=BVA2002")" 200 &&
	lacks body.json "$update" &&
	equals "$(call anon GET /api/v1/progress)" 403 &&
	curl -s "$URL/reports/progress?source=BVA2002" >page.html &&
	contains page.html BVA2002 &&
	lacks page.html "$update" &&
	equals "$(call anon GET /api/v1/recommendations)" 200 &&
	equals "$(jq "[.items[].progress[]?] | length" body.json)" 0
'

test_expect_success '16.5: the recommendations of an unpublished source are not shown' '
	equals "$(call anon GET "/api/v1/recommendations?limit=1000")" 200 &&
	equals "$(jq "[.items[] | select(.source == \"DA2002\")] | length" body.json)" 0 &&
	equals "$(call anon GET /api/v1/recommendations/DA2002/R2)" 404
'

test_expect_success '16.5: targets and figures of an unpublished PI or unit are not shown' '
	equals "$(call anon GET "/api/v1/targets?limit=10000")" 200 &&
	equals "$(jq "[.items[] | select(.pi == \"SC-01\" or .unit == \"Hackney\")] | length" body.json)" 0 &&
	equals "$(call anon GET "/api/v1/measurements?limit=10000")" 200 &&
	equals "$(jq "[.items[] | select(.pi == \"SC-01\" or .unit == \"Hackney\")] | length" body.json)" 0 &&
	equals "$(call anon GET /api/v1/measurements/SC-02/Hackney/2004-03)" 404
'

test_expect_success '16.5: goals and aims of an unpublished plan, milestones of an unpublished timetable' '
	for p in $(wm list plans --json | jq -r ".[] | select(.published == false) | .ref"); do
		equals "$(call anon GET "/api/v1/nodes?plan=$p")" 404 || exit 1
	done &&
	equals "$(call anon GET "/api/v1/nodes?limit=1000")" 200 &&
	wm list plans --json | jq -r "[.[] | select(.published == false) | .ref]" >hidden.json &&
	equals "$(jq --slurpfile h hidden.json "[.items[] | select(.plan as \$p | \$h[0] | index(\$p))] | length" body.json)" 0 &&
	equals "$(call anon GET "/api/v1/milestones?limit=1000")" 200 &&
	equals "$(jq "[.items[] | select(.timetable == \"BVA2002-LAUNCH\")] | length" body.json)" 0
'

test_expect_success '16.5: a filter naming an unpublished key answers as for a missing one' '
	equals "$(call anon GET "/api/v1/targets?pi=SC-01")" 404 &&
	sed "s/SC-01/KEY/g" msg.txt >hidden.txt &&
	equals "$(call anon GET "/api/v1/targets?pi=SC-77")" 404 &&
	lacks hidden.txt published &&
	equals "$(call anon GET "/api/v1/recommendations?source=DA2002")" 404 &&
	sed "s/DA2002/KEY/g" msg.txt >hidden.txt &&
	equals "$(call anon GET "/api/v1/recommendations?source=EA2002")" 404 &&
	sed "s/EA2002/KEY/g" msg.txt >missing.txt &&
	equals "$(cat hidden.txt)" "$(cat missing.txt)" &&
	equals "$(call anon GET "/api/v1/pis/SC-01")" 404 &&
	sed "s/SC-01/KEY/g" msg.txt >hidden.txt &&
	equals "$(call anon GET "/api/v1/pis/SC-0Z")" 404 &&
	sed "s/SC-0Z/KEY/g" msg.txt >missing.txt &&
	equals "$(cat hidden.txt)" "$(cat missing.txt)"
'

test_expect_success 'and "did you mean" never names an unpublished record' '
	equals "$(call anon GET "/api/v1/recommendations?source=DA200")" 404 &&
	lacks msg.txt DA2002 &&
	equals "$(call anon GET "/api/v1/units/Hackny")" 404 &&
	lacks msg.txt Hackney
'

test_done
