#!/bin/sh
# Issue 16.1, 16.17, 16.18, 16.19: who may change what, checked by the
# library for every front end. A change must be allowed on the record as
# it was and as it would be; moving a record to another parent is a
# planner's; a lead adds updates and changes only their own, for a while,
# under their own name; comments only on what the actor may read; a
# disabled or re-roled user's sessions end, and there is always an
# administrator left.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm user add lena --role lead --person rlead --display-name "Ruth Lead" --password "lead password" >/dev/null
wm user add chris --role lead --person ccommander --password "lead password" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
serve_start main
URL=$(cat main.url)
for u in alice:"correct horse" pat:"planner pass" lena:"lead password" chris:"lead password" mo:"member pass"; do
	login "${u%%:*}" "${u%%:*}" "${u#*:}"
done

test_expect_success '16.1: a lead cannot take over an update on what they do not lead by moving it' '
	equals "$(call lena PATCH /api/v1/progress/BVA2002%2FR1/1 "{\"text\":\"x\"}")" 403 &&
	equals "$(call lena PATCH /api/v1/progress/BVA2002%2FR1/1 "{\"recommendation\":\"DA2002/R3\",\"seq\":90}")" 403 &&
	equals "$(call lena DELETE /api/v1/progress/DA2002%2FR3/90)" 404 &&
	equals "$(call pat GET /api/v1/progress/BVA2002%2FR1/1)" 200
'

test_expect_success '16.1: nor move their own update, revision or report to another parent' '
	equals "$(call lena POST /api/v1/progress "{\"recommendation\":\"DA2002/R3\",\"date\":\"2005-04-15\",\"text\":\"Started\"}")" 201 &&
	seq=$(jq -r .seq body.json) &&
	equals "$(call lena PATCH /api/v1/progress/DA2002%2FR3/$seq "{\"recommendation\":\"DA2002/R4\"}")" 403 &&
	contains msg.txt "only a planner may move" &&
	equals "$(call lena POST /api/v1/revisions "{\"recommendation\":\"DA2002/R3\",\"changed_on\":\"2005-04-15\",\"new_due\":\"2005-12-31\"}")" 201 &&
	rseq=$(jq -r .seq body.json) &&
	equals "$(call lena PATCH /api/v1/revisions/DA2002%2FR3/$rseq "{\"recommendation\":\"DA2002/R4\"}")" 403 &&
	equals "$(call chris POST /api/v1/project_reports "{\"project\":\"PJ01\",\"date\":\"2005-04-15\",\"rag\":\"amber\",\"text\":\"Late\"}")" 201 &&
	equals "$(call chris PATCH /api/v1/project_reports/PJ01%2F2005-04-15 "{\"project\":\"PJ02\"}")" 403 &&
	equals "$(call pat PATCH /api/v1/progress/DA2002%2FR3/$seq "{\"recommendation\":\"DA2002/R4\"}")" 200
'

test_expect_success '16.18: the server sets the author; a lead changes only their own update, for a while' '
	equals "$(call lena POST /api/v1/progress "{\"recommendation\":\"DA2002/R5\",\"date\":\"2005-04-15\",\"text\":\"Mine\",\"author\":\"The Commissioner\"}")" 201 &&
	seq=$(jq -r .seq body.json) &&
	equals "$(jq -r .author body.json)" "Ruth Lead" &&
	equals "$(jq -r .entered_by body.json)" web:lena &&
	equals "$(call lena PATCH /api/v1/progress/DA2002%2FR5/$seq "{\"text\":\"Mine, corrected\",\"author\":\"Someone\"}")" 200 &&
	test "$(jq -r .author body.json)" != Someone &&
	equals "$(call pat POST /api/v1/progress "{\"recommendation\":\"DA2002/R5\",\"date\":\"2005-04-14\",\"text\":\"Planner said\"}")" 201 &&
	pseq=$(jq -r .seq body.json) &&
	equals "$(call lena PATCH /api/v1/progress/DA2002%2FR5/$pseq "{\"date\":\"2001-01-01\"}")" 403 &&
	contains msg.txt "only the progress they added themselves" &&
	equals "$(call lena DELETE /api/v1/progress/DA2002%2FR5/$pseq)" 403 &&
	wm add setting --key updates.edit_hours --value 0 >/dev/null &&
	equals "$(call lena PATCH /api/v1/progress/DA2002%2FR5/$seq "{\"text\":\"later\"}")" 403 &&
	contains msg.txt "can no longer be changed" &&
	wm set setting updates.edit_hours --value 24 >/dev/null &&
	equals "$(call lena DELETE /api/v1/progress/DA2002%2FR5/$seq)" 204
'

test_expect_success '16.17: comments only on kinds one may read, answered alike whatever the key' '
	equals "$(call mo POST /api/v1/comments "{\"kind\":\"users\",\"ref\":\"alice\",\"text\":\"hi\"}")" 403 &&
	cp msg.txt known.txt &&
	equals "$(call mo POST /api/v1/comments "{\"kind\":\"users\",\"ref\":\"nobody-at-all\",\"text\":\"hi\"}")" 403 &&
	equals "$(cat msg.txt)" "$(cat known.txt)" &&
	equals "$(call alice POST /api/v1/comments "{\"kind\":\"users\",\"ref\":\"mo\",\"text\":\"check\"}")" 201 &&
	equals "$(call mo GET /api/v1/comments)" 200 &&
	equals "$(jq "[.items[] | select(.kind == \"users\")] | length" body.json)" 0
'

test_expect_success '16.19: disabling a user ends their sessions; enabling them revives none' '
	equals "$(call mo GET /api/v1/me)" 200 &&
	equals "$(call alice PATCH /api/v1/users/mo "{\"disabled\":true}")" 200 &&
	equals "$(call alice PATCH /api/v1/users/mo "{\"disabled\":false}")" 200 &&
	equals "$(call mo GET /api/v1/units)" 401
'

test_expect_success '16.19: a change of role ends the sessions too' '
	login chris chris "lead password" &&
	equals "$(call alice PATCH /api/v1/users/chris "{\"role\":\"member\"}")" 200 &&
	equals "$(call chris GET /api/v1/units)" 401
'

test_expect_success '16.19: the last enabled administrator cannot demote, disable or remove themselves' '
	equals "$(call alice PATCH /api/v1/users/alice "{\"role\":\"planner\"}")" 422 &&
	contains msg.txt "only administrator" &&
	equals "$(call alice PATCH /api/v1/users/alice "{\"disabled\":true}")" 422 &&
	equals "$(call alice DELETE /api/v1/users/alice)" 422 &&
	expect_exit 1 wm set user alice --role member 2>err && contains err "only administrator" &&
	wm user add bea --role admin --password "second admin" >/dev/null &&
	equals "$(call alice PATCH /api/v1/users/alice "{\"role\":\"planner\"}")" 200
'

test_done
