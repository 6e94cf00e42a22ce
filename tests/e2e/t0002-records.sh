#!/bin/sh
# add, set, show, list and remove, with their checks and exit codes.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null

test_expect_success 'add builds a unit tree' '
	wm add unit --ref MPS --name "Metropolitan Police Service" --kind service >out &&
	contains out "added unit MPS" &&
	wm add unit --ref TP --name "Territorial Policing" --kind business_group --parent MPS &&
	wm add unit --ref Camden --name Camden --kind ocu --parent TP &&
	wm add unit --ref Hackney --name Hackney --kind ocu --parent TP --pathfinder yes
'

test_expect_success 'list shows a table, and filters by any field' '
	wm list units >out &&
	contains out "Camden" && contains out "(4 units)" &&
	wm list units --parent TP >out &&
	contains out "(2 units)" &&
	wm list units --pathfinder yes >out &&
	contains out "Hackney" && lacks out "Camden"
'

test_expect_success 'list --json gives keys, not ids, in snake_case' '
	wm list units --json >out.json &&
	equals "$(jq -r ".[] | select(.ref == \"Camden\") | .parent" out.json)" TP &&
	equals "$(jq "length" out.json)" 4 &&
	equals "$(jq "[.[] | has(\"id\")] | any" out.json)" false
'

test_expect_success 'list --csv quotes what needs quoting' '
	wm set unit MPS --name "Police, Metropolitan" &&
	wm list units --csv >out.csv &&
	contains out.csv "\"Police, Metropolitan\"" &&
	head -1 out.csv | grep -q "^\"ref\",\"name\",\"kind\",\"parent\""
'

test_expect_success 'tables round figures for reading; JSON keeps them whole' '
	wm add pi --code SC-01 --title "Burglary rate" &&
	wm add target --pi SC-01 --unit Camden --period 2003/04 --value 27.123456789 &&
	wm list targets >out &&
	contains out "27.1235" && lacks out "27.123456789" &&
	equals "$(wm list targets --json | jq ".[0].value")" 27.123456789 &&
	wm remove target SC-01/Camden/2003/04
'

test_expect_success 'a target for an unknown PI is an error, not a row' '
	expect_exit 1 wm add target --pi NO-SUCH-PI --unit Camden --period 2003-04 --value 1 2>err &&
	contains err "unknown pi \"NO-SUCH-PI\"" &&
	wm list targets --json >out.json &&
	equals "$(jq length out.json)" 0
'

test_expect_success 'a misspelt unit gets a suggestion' '
	expect_exit 1 wm add target --pi SC-01 --unit Camdn --period 2003-04 --value 1 2>err &&
	contains err "did you mean \"Camden\""
'

test_expect_success 'bad values say what would be right' '
	expect_exit 1 wm add target --pi SC-01 --unit Camden --period April --value 1 2>err &&
	contains err "2003-Q2" &&
	expect_exit 1 wm add unit --ref X --name X --kind planet 2>err &&
	contains err "is not one of" &&
	expect_exit 1 wm add unit --ref X --nmae X 2>err &&
	contains err "did you mean \"name\""
'

test_expect_success 'show prints one record; a key may be given in parts' '
	wm add plan --ref TTSC --title "Towards the Safest City" --kind framework &&
	wm add goal --plan TTSC --ref G1 --title "Developing safer communities" &&
	wm show goal TTSC/G1 >out && contains out "Developing safer communities" &&
	wm show goal TTSC G1 >out && contains out "Developing safer communities" &&
	wm show goal G1 --json >out.json &&
	equals "$(jq -r .plan out.json)" TTSC
'

test_expect_success 'links take several keys, in order' '
	wm add post --ref "AC PRS" &&
	wm add post --ref "Head of Corporate Planning" &&
	wm set goal G1 --leads "AC PRS" --leads "Head of Corporate Planning" &&
	wm show goal G1 --json >out.json &&
	equals "$(jq -r ".leads | join(\"|\")" out.json)" "AC PRS|Head of Corporate Planning"
'

test_expect_success 'set with a stale version changes nothing' '
	v=$(wm show unit Camden --json | jq .version) &&
	wm set unit Camden --name "Camden OCU" --if-version "$v" &&
	expect_exit 1 wm set unit Camden --name "Someone else" --if-version "$v" 2>err &&
	contains err "someone else" &&
	equals "$(wm show unit Camden --json | jq -r .name)" "Camden OCU"
'

test_expect_success 'remove refuses what others refer to' '
	expect_exit 1 wm remove unit TP 2>err &&
	contains err "refer to it" &&
	wm remove unit Hackney &&
	expect_exit 1 wm show unit Hackney 2>err &&
	contains err "unknown unit"
'

test_expect_success 'every change is in the audit log, and the chain verifies' '
	wm audit --kind units --ref Camden --json >out.json &&
	equals "$(jq -r ".[0].action" out.json)" set &&
	equals "$(jq -r ".[0].actor" out.json)" cli:tester &&
	equals "$(jq -r ".[0].at" out.json)" 2005-04-15T09:00:00Z &&
	wm verify >out && contains out "intact"
'

test_expect_success 'verify finds an edited entry' '
	db_sql "$WAYMARK_DB" "UPDATE audit SET after = NULL WHERE id = 2" &&
	expect_exit 1 wm verify 2>err &&
	contains err "entry 2"
'

test_done
