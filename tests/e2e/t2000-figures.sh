#!/bin/sh
# Figures and targets from CSV on a small hand-made organisation, and the
# exception and consistency reports on them, checked against figures
# worked out by hand (tests/fixtures/perf).
. "$(dirname "$0")/lib.sh"

fx="$SRCDIR/tests/fixtures/perf"
wm init >/dev/null
wm import "$fx/setup.json" >/dev/null

test_expect_success 'figures and targets import from long-format CSV' '
	wm import "$fx/figures.csv" >out &&
	contains out "measurements      11 created" &&
	wm import "$fx/targets.csv" >out &&
	contains out "targets           5 created" &&
	equals "$(wm list measurements --pi BUR --unit BAR --json | jq -r ".[1].flag")" estimate
'

test_expect_success 'importing the same file again changes nothing' '
	wm import "$fx/figures.csv" >out &&
	contains out "0 created, 0 changed, 11 unchanged"
'

test_expect_success 'every bad row is listed with its line and why, and nothing is imported' '
	expect_exit 1 wm import --json "$fx/bad.csv" >bad.json 2>err &&
	equals "$(jq -r "[.unread[].line] | join(\" \")" bad.json)" "3 4 5 6 8" &&
	jq -e ".unread[0].why == \"unknown pi \\\"NOPE\\\"\"" bad.json >/dev/null &&
	jq -e ".unread[3].why | test(\"not a number\")" bad.json >/dev/null &&
	jq -e ".unread[4].why | test(\"different figure\")" bad.json >/dev/null &&
	contains err "5 of 7 rows could not be taken, so nothing was imported" &&
	equals "$(wm list measurements --pi BUR --from 2004-07 --json | jq length)" 0
'

test_expect_success '--partial imports the good rows' '
	wm import --partial "$fx/bad.csv" >out &&
	contains out "2 created" &&
	equals "$(wm list measurements --pi BUR --from 2004-07 --json | jq -r "map(.value) | join(\" \")")" "15 13"
'

test_expect_success 'a ratio rolls up from its counts; a year target is judged to date' '
	wm report exceptions --as-of 2004-06 --format json >e.json &&
	equals "$(jq -r ".unit" e.json)" LON &&
	equals "$(jq -r "[.exceptions[].pi] | join(\" \")" e.json)" "DET BUR" &&
	equals "$(jq -r ".exceptions[0].value_to_date * 1000 | round" e.json)" 22903 &&
	equals "$(jq -r ".exceptions[0].coverage.missing | join(\" \")" e.json)" "CAM BAR LAM"
'

# Issue 15.1: DET has figures for April only; judged at June on a year
# target it was red on April alone, and BUR green without Lambeth's May.
test_expect_success 'figures to date missing a month are "figures missing", never green' '
	equals "$(jq -r ".exceptions[0] | [.status, (.reasons | join(\",\")), .coverage.complete, .coverage.expected, .coverage.periods] | join(\" \")" e.json)" "figures missing missing 0 3 3" &&
	wm report exceptions --as-of 2004-06 >e.txt &&
	contains e.txt "Apr–Jun 2004 (2004/05 to date)" &&
	contains e.txt "0 of 3 complete for Apr" &&
	contains e.txt "Camden (May" 
'

test_expect_success 'a missing borough and an estimate are exceptions, and not green' '
	wm report exceptions --as-of 2004-05 --format json >m.json &&
	jq -e ".exceptions[] | select(.pi == \"BUR\") | .status == \"figures missing\" and .value_to_date == 55 and
	    .coverage.reported == 2 and .coverage.missing == [\"LAM\"] and
	    .coverage.estimated_units == [\"BAR\"] and .reasons == [\"missing\", \"estimated\"]" m.json >/dev/null &&
	equals "$(jq -r ".exceptions[] | select(.pi == \"BUR\") | .target * 3 | round" m.json)" 200
'

test_expect_success 'nothing to report says so, with no empty table' '
	wm report exceptions --as-of 2004-04 --unit Barnet >b.txt &&
	contains b.txt "Nothing is red, getting worse, missing or estimated." &&
	lacks b.txt "Indicator"
'

test_expect_success 'the latest period with figures is the default' '
	equals "$(wm report exceptions --format json | jq -r .as_of)" 2004-07
'

test_expect_success 'targets below that do not add up are found, passing over a level without' '
	wm report consistency --format json >c.json &&
	equals "$(jq -c ".target_gaps" c.json)" "[{\"pi\":\"BUR\",\"unit\":\"LON\",\"period\":\"2004/05\",\"target\":400,\"children\":390,\"difference\":-10,\"units_below\":3,\"how\":\"sum\"}]" &&
	equals "$(jq -r "[.measuring_nothing[].pi] | join(\" \")" c.json)" "BUR DET"
'

test_expect_success 'a unit can be reported on by itself; amber on the edge is no exception' '
	wm report exceptions --as-of 2004-05 --unit Camden --format json >cam.json &&
	equals "$(jq -r ".unit" cam.json)" CAM &&
	equals "$(jq -r "[.exceptions[] | .pi + \" \" + .status] | join(\",\")" cam.json)" "DET no data" &&
	expect_exit 1 wm report performance --as-of 2004-05 --unit Camden 2>err &&
	contains err "no indicator measures any plan"
'

test_expect_success 'a page of figures is the same slice of the whole list, and counted the same' '
	wm list measurements --json >all.json &&
	n=$(jq length all.json) &&
	test "$n" -gt 6 &&
	wm list measurements --offset 3 --limit 4 --json >page.json &&
	jq -e --slurpfile all all.json ". == \$all[0][3:7]" page.json >/dev/null &&
	wm report summary --format json >sum.json &&
	equals "$(jq -r .measurements sum.json)" "$n" &&
	wm list measurements --flag estimate --json >est.json &&
	equals "$(jq length est.json)" "$(jq "map(select(.flag == \"estimate\")) | length" all.json)" &&
	test "$(jq length est.json)" -gt 0
'

test_done
