#!/bin/sh
# Money on the sample: budgets central and devolved, capital bids, and the
# share reaching each goal through projects and approved bids.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

test_expect_success 'budgets by year, central and devolved' '
	wm report money --format json >m.json &&
	equals "$(jq -r ".budgets.by_year | map(.year) | join(\" \")" m.json)" "2002/03 2003/04" &&
	jq -e ".budgets.by_year | all(.central + .devolved == .total)" m.json >/dev/null &&
	jq -e ".budgets.by_year[1].devolved > 5 * .budgets.by_year[0].devolved" m.json >/dev/null &&
	equals "$(jq -r ".bids | length" m.json)" 6
'

test_expect_success 'the money reaching each goal adds up, and nothing is lost' '
	wm report money --year 2003/04 --format json >y.json &&
	equals "$(jq -r ".year" y.json)" 2003/04 &&
	equals "$(jq -r "[.goals[].share] | add | . * 1000 | round" y.json)" 1000 &&
	equals "$(jq -r ".goals[] | select(.goal == \"TTSC/G5\") | .bids" y.json)" 6500000 &&
	equals "$(jq -r ".goals[] | select(.goal == \"TTSC/G1\") | .bids" y.json)" 2100000 &&
	equals "$(jq -r ".not_counted.bids_not_approved" y.json)" 2500000 &&
	equals "$(jq -r ".budgets.by_unit | map(select(.unit == \"Camden\"))[0].devolved" y.json)" 31749000
'

test_expect_success 'the paper names pathfinders and bids that claim no goal' '
	wm report money >m.txt &&
	contains m.txt "Money reaching each goal" &&
	contains m.txt "pathfinder" &&
	contains m.txt "claims no goal" &&
	contains m.txt "Not counted: proposed projects"
'

test_expect_success 'devolved money to a borough that is not a pathfinder is noted' '
	wm set budget Lambeth/Overtime/2003/04 --devolved true &&
	wm report money --year 2003/04 | grep Lambeth | grep -q "devolved, but not a pathfinder"
'

test_expect_success 'every format; a year that is not one is refused' '
	wm report money --format md | grep -q "^## Capital bids" &&
	wm report money --format html | grep -q "govuk-table" &&
	wm report money --format csv | grep -q "^\"Bid\",\"Title\"" &&
	expect_exit 2 wm report money --year 2003 2>err &&
	contains err "financial year"
'

test_expect_success 'money and large figures in full: grouped to read, plain for programs' '
	wm list budgets --unit Barnet >b.txt &&
	contains b.txt "1,764,000" && contains b.txt "19,600,000" &&
	! grep -q "e+0" b.txt &&
	wm list budgets --unit Barnet --csv >b.csv &&
	contains b.csv "\"1764000\"" && ! grep -q "e+0\|1,764" b.csv &&
	wm report money --year 2003/04 --format csv >m.csv &&
	! grep -q "£\|[0-9],[0-9][0-9][0-9]" m.csv &&
	wm report money --year 2003/04 --format html >m.html &&
	grep -q "£[0-9]*,[0-9][0-9][0-9]" m.html &&
	wm list budgets --unit Barnet --json | jq -e "any(.[]; .amount == 1764000)" >/dev/null
'

test_done
