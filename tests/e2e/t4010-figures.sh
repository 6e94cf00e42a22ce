#!/bin/sh
# Figures in: /pis/CODE/figures?period=P. A borough's lead enters their own
# unit's figures, checked before saving (range, the unit's history, a
# ratio's counts) and saved anyway only with a reason; what they save
# awaits the indicator's owner or a planner, is marked in the reports, is
# never shown to the public, and the audit log says who submitted and who
# approved. Targets have the same grid, for planners.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm user add cc --role lead --person ccommander --password "borough pass" >/dev/null
wm user add jo --role lead --person janalyst --password "owner pass" >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
serve_start main
serve_start public --public
URL=$(cat main.url)
PUBLIC=$(cat public.url)
for u in pat:"planner pass" cc:"borough pass" jo:"owner pass" lena:"lead password" mo:"member pass"; do
	login "${u%%:*}" "${u%%:*}" "${u#*:}"
done


test_expect_success 'a borough lead sees one row, their unit, for the next month' '
	equals "$(page cc /pis/SC-01)" 200 &&
	contains page.html "href=\"/pis/SC-01/figures\">Enter figures</a>" &&
	equals "$(page cc /pis/SC-01/figures)" 200 &&
	contains page.html "<h1 class=\"govuk-heading-l\">Figures for 2005-04</h1>" &&
	test "$(grep -o "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" page.html | wc -l)" -eq 1 &&
	contains page.html ">Camden</legend>" &&
	contains page.html "2005-03: 29.7. 2004-04: 26.9." &&
	contains page.html "name=\"f0-num\"" &&
	contains page.html "awaits approval by the indicator&#39;s owner or a planner"
'

test_expect_success 'a planner sees every borough that reports it, and the owner too' '
	equals "$(page pat "/pis/SC-01/figures?period=2005-04")" 200 &&
	test "$(grep -o ">[A-Za-z ]*</legend>" page.html | wc -l)" -eq 32 &&
	equals "$(page jo "/pis/SC-01/figures?period=2005-04")" 200 &&
	test "$(grep -o ">[A-Za-z ]*</legend>" page.html | wc -l)" -eq 32 &&
	equals "$(page mo /pis/SC-01/figures)" 200 &&
	contains page.html "Your account enters figures for no unit"
'

test_expect_success 'a figure far from the unit'"'"'s history is questioned, and nothing is saved' '
	equals "$(form cc /pis/SC-01/figures period=2005-04 f0-unit=Camden f0-value=60)" 422 &&
	error_summary >msgs &&
	grep -qx "Check the figure for Camden; if it is right, tick that it is and say why" msgs &&
	contains page.html "60.0 is far from Camden&#39;s own figures: the middle of its last 24 is 27.7" &&
	contains page.html "without them the figure cannot be added up" &&
	contains page.html "value=\"60\"" && contains page.html "name=\"f0-confirm\"" &&
	expect_exit 1 wm show measurement SC-01/Camden/2005-04
'

test_expect_success '... ticked as right without a reason, it is still not saved' '
	equals "$(form cc /pis/SC-01/figures period=2005-04 f0-unit=Camden f0-num=547 \
	    f0-den=9117.5 f0-confirm=yes)" 422 &&
	error_summary | grep -qx "Say why the figure for Camden is right" &&
	expect_exit 1 wm show measurement SC-01/Camden/2005-04
'

test_expect_success '... with a reason it is saved, awaiting approval' '
	equals "$(form cc /pis/SC-01/figures period=2005-04 f0-unit=Camden f0-num=547 \
	    f0-den=9117.5 f0-confirm=yes "f0-reason=A new estate was counted from April")" 303 &&
	equals "$(header Location)" "/pis/SC-01/figures?period=2005-04&saved=1" &&
	wm show measurement SC-01/Camden/2005-04 --json >m.json &&
	equals "$(jq -r .approved m.json)" false &&
	equals "$(jq -r .submitted_by m.json)" web:cc &&
	equals "$(jq -r .reason m.json)" "A new estate was counted from April" &&
	wm audit --kind measurements --limit 1 >out && contains out "web:cc" && contains out submit
'

test_expect_success 'a figure in range and near the history needs no reason' '
	equals "$(form cc /pis/SC-04/figures period=2005-04 f0-unit=Camden \
	    f0-value=$(wm show measurement SC-04/Camden/2005-03 --json | jq -r .value))" 303
'

test_expect_success 'the public never sees a figure awaiting approval' '
	equals "$(CALL_URL=$PUBLIC call anon GET "/api/v1/measurements/SC-01/Camden/2005-04")" 404 &&
	equals "$(CALL_URL=$PUBLIC call anon GET "/api/v1/measurements?pi=SC-01&unit=Camden&from=2005-04")" 200 &&
	equals "$(jq -r .total body.json)" 0 &&
	equals "$(CALL_URL=$PUBLIC call anon GET "/api/v1/reports/trend?pi=SC-01&unit=Camden&from=2005-03")" 200 &&
	equals "$(jq -r "[.points[] | select(.value != null) | .period] | join(\",\")" body.json)" 2005-03 &&
	equals "$(PAGE_URL=$PUBLIC page anon "/pis/SC-01?unit=Camden")" 200 && lacks page.html "2005-04" &&
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/reports/exceptions)" 200 &&
	equals "$(jq -r .as_of body.json)" 2005-03 &&
	equals "$(call pat GET /api/v1/reports/exceptions)" 200 && equals "$(jq -r .as_of body.json)" 2005-04
'

test_expect_success '... while reports for those signed in mark it' '
	equals "$(call pat GET "/api/v1/reports/trend?pi=SC-01&unit=Camden&from=2005-03")" 200 &&
	equals "$(jq -r ".points[] | select(.period == \"2005-04\") | .approved" body.json)" false &&
	equals "$(page pat "/pis/SC-01?unit=Camden&from=2005-03")" 200 &&
	contains page.html "2005-04 (awaiting approval)" && contains page.html "class=\"c-pending\"" &&
	contains page.html "awaiting approval</title>" &&
	wm report performance --as-of 2005-04 --unit Camden --format json |
	    jq -e "[.goals[].aims[].pis[] | select(.pi == \"SC-01\") | .coverage.unapproved] | .[0] == 1"
'

test_expect_success 'only the owner or a planner may approve' '
	equals "$(form cc /pis/SC-01/figures/approve period=2005-04 unit=Camden)" 403 &&
	equals "$(form lena /pis/SC-01/figures/approve period=2005-04 unit=Camden)" 403 &&
	equals "$(call cc PATCH /api/v1/measurements/SC-01/Camden/2005-04 "{\"approved\": true}")" 403 &&
	contains msg.txt "only the indicator" &&
	equals "$(wm show measurement SC-01/Camden/2005-04 --json | jq -r .approved)" false
'

test_expect_success 'the owner sees it awaiting approval, with its reason, and approves it' '
	equals "$(page jo "/pis/SC-01/figures?period=2005-04")" 200 &&
	contains page.html "1 figure awaiting your approval" &&
	contains page.html "Reason: A new estate was counted from April" &&
	equals "$(form jo /pis/SC-01/figures/approve period=2005-04 unit=Camden)" 303 &&
	equals "$(header Location)" "/pis/SC-01/figures?period=2005-04&approved=1" &&
	equals "$(wm show measurement SC-01/Camden/2005-04 --json | jq -r .approved)" true &&
	wm audit --kind measurements --limit 4 >out &&
	grep "SC-01/Camden/2005-04" out | grep -q "web:jo *approve" &&
	grep "SC-01/Camden/2005-04" out | grep -q "web:cc *submit" &&
	equals "$(CALL_URL=$PUBLIC call anon GET "/api/v1/measurements/SC-01/Camden/2005-04")" 200 &&
	wm verify >/dev/null
'

test_expect_success 'a lead enters figures only for their own units' '
	equals "$(call cc POST /api/v1/measurements "{\"pi\":\"SC-01\",\"unit\":\"Hackney\",\"period\":\"2005-04\",\"value\":20}")" 403 &&
	equals "$(form cc /pis/SC-01/figures period=2005-04 f0-unit=Hackney f0-value=20)" 409 &&
	expect_exit 1 wm show measurement SC-01/Hackney/2005-04
'

test_expect_success 'a planner'"'"'s figures are approved as they are saved; not available needs a reason' '
	equals "$(form pat /pis/SC-01/figures period=2005-04 f0-unit=BarkingDagenham f0-na=yes)" 422 &&
	error_summary | grep -qx "Say why the figure for Barking and Dagenham is not available" &&
	equals "$(form pat /pis/SC-01/figures period=2005-04 f0-unit=BarkingDagenham f0-na=yes \
	    "f0-note=Returns not received")" 303 &&
	wm show measurement SC-01/BarkingDagenham/2005-04 --json >m.json &&
	equals "$(jq -r .flag m.json)" not_available && equals "$(jq -r .approved m.json)" true &&
	equals "$(jq -r .note m.json)" "Returns not received"
'

test_expect_success 'a percentage outside 0 to 100 is questioned' '
	equals "$(form pat /pis/CJ-01/figures period=2005-04 f0-unit=BarkingDagenham f0-value=140)" 422 &&
	contains page.html "outside what this indicator&#39;s figures can be (0.0 to 100.0)"
'

test_expect_success 'targets have the same grid, for planners' '
	equals "$(page pat "/pis/SC-01/targets?year=2005/06")" 200 &&
	contains page.html "<h1 class=\"govuk-heading-l\">Targets for 2005/06</h1>" &&
	contains page.html "2004/05: 24.3" &&
	equals "$(form pat /pis/SC-01/targets year=2005/06 f0-unit=BarkingDagenham f0-value=29.5)" 303 &&
	equals "$(wm show target SC-01/BarkingDagenham/2005/06 --json | jq -r .value)" 29.5 &&
	equals "$(form pat /pis/SC-01/targets year=2005/06 f0-unit=BarkingDagenham f0-value=lots)" 422 &&
	contains page.html "Barking and Dagenham: enter the target as a number" &&
	equals "$(page cc "/pis/SC-01/targets?year=2005/06")" 200 && lacks page.html "Save the targets" &&
	equals "$(form cc /pis/SC-01/targets year=2005/06 f0-unit=BarkingDagenham f0-value=1)" 403
'

test_done
