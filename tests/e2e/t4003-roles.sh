#!/bin/sh
# Every role's allowed and forbidden actions, through the API: the library
# enforces them (authz.c), so the answers here are the library's.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
wm user add chris --role lead --person ccommander --password "lead password" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
# Ruth Lead holds Head of Best Value and Head of the ILAU: give those posts a goal and a milestone.
wm set goal TTSC/G1 --leads "Head of Best Value" >/dev/null
wm set milestone BVA2002-LAUNCH/M3 --post "Head of Best Value" >/dev/null
wm set recommendation DA2002/R1 --published no >/dev/null
serve_start private
serve_start public --public
URL=$(cat private.url)
PUBLIC=$(cat public.url)
for u in alice:"correct horse" pat:"planner pass" lena:"lead password" chris:"lead password" mo:"member pass"; do
	login "${u%%:*}" "${u%%:*}" "${u#*:}"
done

progress='{"recommendation":"DA2002/R13","date":"2005-04-15","text":"Reviewed *all* action plans."}'

test_expect_success 'without --public, nobody reads anything without a session' '
	equals "$(call anon GET /api/v1/units)" 401 &&
	equals "$(call anon GET /api/v1/recommendations/DA2002/R13)" 401 &&
	equals "$(call anon POST /api/v1/units "{}")" 401
'

test_expect_success 'the public reads only what is published, with --public' '
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/recommendations)" 200 &&
	equals "$(jq .total body.json)" 25 &&
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/recommendations/DA2002/R1)" 404 &&
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/recommendations/DA2002/R2)" 200 &&
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/me)" 200 &&
	equals "$(jq -r .role body.json)" public
'

test_expect_success 'the public may not read the log, accounts or comments, nor change anything' '
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/audit)" 403 &&
	contains msg.txt "audit log is not published" &&
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/users)" 403 &&
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/comments)" 403 &&
	equals "$(CALL_URL=$PUBLIC call anon POST /api/v1/progress "$progress")" 401
'

test_expect_success 'a member reads everything, unpublished too, but not the log' '
	equals "$(call mo GET /api/v1/recommendations)" 200 &&
	equals "$(jq .total body.json)" 26 &&
	equals "$(call mo GET /api/v1/audit)" 403 &&
	contains msg.txt "planners and administrators"
'

test_expect_success 'a member comments but changes nothing else' '
	equals "$(call mo POST /api/v1/comments "{\"kind\":\"recommendations\",\"ref\":\"DA2002/R13\",\"text\":\"When?\"}")" 201 &&
	equals "$(jq -r .author body.json)" web:mo &&
	equals "$(call mo POST /api/v1/progress "$progress")" 403 &&
	contains msg.txt "committee member may add comments" &&
	equals "$(call mo PATCH /api/v1/units/Camden "{\"name\":\"C\"}")" 403 &&
	equals "$(call mo GET /api/v1/users)" 403
'

test_expect_success 'a lead updates progress on what their posts lead, and only that' '
	equals "$(call lena POST /api/v1/progress "$progress")" 201 &&
	equals "$(jq -r .recommendation body.json)" DA2002/R13 &&
	equals "$(call lena POST /api/v1/progress "{\"recommendation\":\"DA2002/R6\",\"date\":\"2005-04-15\",\"text\":\"x\"}")" 403 &&
	contains msg.txt "a post you hold leads" &&
	equals "$(call lena PATCH /api/v1/recommendations/DA2002/R13 "{\"subject\":\"Mine\"}")" 403
'

test_expect_success 'a lead moves on the plan items and milestones their posts lead' '
	equals "$(call lena PATCH /api/v1/goals/TTSC/G1 "{\"status\":\"in_progress\"}")" 200 &&
	equals "$(call lena PATCH /api/v1/goals/TTSC/G1 "{\"title\":\"Renamed\"}")" 403 &&
	contains msg.txt "only the status" &&
	equals "$(call lena PATCH /api/v1/goals/TTSC/G2 "{\"status\":\"done\"}")" 403 &&
	equals "$(call lena PATCH /api/v1/milestones/BVA2002-LAUNCH/M3 "{\"status\":\"done\",\"done_on\":\"2002-07-31\"}")" 200 &&
	equals "$(call lena PATCH /api/v1/milestones/BVA2002-LAUNCH/M4 "{\"status\":\"slipped\"}")" 403
'

test_expect_success 'a lead reports on the projects their posts manage' '
	equals "$(call chris POST /api/v1/project_reports "{\"project\":\"PJ01\",\"date\":\"2005-04-15\",\"rag\":\"amber\",\"text\":\"Late\"}")" 201 &&
	equals "$(call lena POST /api/v1/project_reports "{\"project\":\"PJ01\",\"date\":\"2005-04-16\",\"rag\":\"red\",\"text\":\"x\"}")" 403 &&
	contains msg.txt "projects that a post you hold manages" &&
	equals "$(call lena POST /api/v1/units "{\"ref\":\"L\",\"name\":\"L\"}")" 403
'

test_expect_success 'a planner changes everything but accounts' '
	equals "$(call pat POST /api/v1/units "{\"ref\":\"Newtown\",\"name\":\"Newtown\"}")" 201 &&
	equals "$(call pat PATCH /api/v1/recommendations/DA2002/R13 "{\"subject\":\"Reviews\"}")" 200 &&
	equals "$(call pat GET /api/v1/users)" 403 &&
	contains msg.txt "only an administrator" &&
	equals "$(call pat POST /api/v1/users "{\"username\":\"x\",\"role\":\"admin\",\"password\":\"long enough\"}")" 403
'

test_expect_success 'an administrator manages accounts' '
	equals "$(call alice GET /api/v1/users)" 200 &&
	equals "$(jq .total body.json)" 5 &&
	equals "$(call alice PATCH /api/v1/users/mo "{\"disabled\":true}")" 200 &&
	equals "$(call mo GET /api/v1/units)" 401
'

test_expect_success 'each change names its web user in the audit log' '
	wm audit --kind progress --limit 1 >out && contains out "web:lena" &&
	wm audit --kind nodes --limit 1 >out && contains out "web:lena" &&
	wm audit --kind units --limit 1 >out && contains out "web:pat"
'

test_done
