#!/bin/sh
# Issue 15's cases of judging figures, each worked by hand on a small
# organisation (tests/fixtures/judge): London over a group of three
# boroughs and a department. A figure to date missing months, a direction
# of travel from unlike sets of units, a mean of means, a ratio without
# its counts, and "off by" in points.
. "$(dirname "$0")/lib.sh"

fx="$SRCDIR/tests/fixtures/judge"
wm init >/dev/null
wm import "$fx/setup.json" >/dev/null
wm import "$fx/figures.csv" >/dev/null
wm import "$fx/targets.csv" >/dev/null

# SUM: April and May only (92), judged at March against the year's 540.
test_expect_success 'a figure to date is judged on the months it covers, and missing months are not green' '
	wm report exceptions --as-of 2005-03 --unit LON --format json >e.json &&
	jq ".exceptions[] | select(.pi == \"SUM\")" e.json >sum.json &&
	equals "$(jq -r .status sum.json)" "figures missing" &&
	equals "$(jq -r .value_to_date sum.json)" 92 &&
	equals "$(jq -r .target sum.json)" 90 &&
	equals "$(jq -r .target_set sum.json)" 540 &&
	equals "$(jq -r "[.coverage.complete, .coverage.expected, .coverage.periods] | join(\" \")" sum.json)" "0 3 12" &&
	jq -e ".reasons | index(\"missing\")" sum.json >/dev/null &&
	wm report exceptions --as-of 2005-03 --unit LON >e.txt &&
	contains e.txt "0 of 3 complete for Apr 2004–Mar 2005" &&
	contains e.txt "Acton (Jun 2004–Mar 2005)"
'

# DIR: April Acton 30 and Bow 30; May Acton 30 alone. 30 against 60 is
# not better: Acton alone is the same.
test_expect_success 'direction of travel compares the same units, and says so' '
	wm report exceptions --as-of 2004-05 --unit LON --format json >d.json &&
	jq ".exceptions[] | select(.pi == \"DIR\")" d.json >dir.json &&
	equals "$(jq -r .value dir.json)" 30 &&
	equals "$(jq -r .vs_previous dir.json)" same &&
	equals "$(jq -r "[.change_on_previous.now, .change_on_previous.then, .change_on_previous.units, .change_on_previous.partial] | join(\" \")" dir.json)" "30 30 1 true" &&
	wm report performance --as-of 2004-05 --unit LON >d.txt &&
	contains d.txt "same (the 1 unit with figures for both)"
'

# MEAN: Acton, Bow, Cheam 5 under the group (its mean 5), the department
# 20: London is 35 / 4 = 8.75, not (5 + 20) / 2 = 12.5.
test_expect_success 'a mean rolls up as the mean of the units own figures' '
	wm report trend --pi MEAN --unit LON --format json >m.json &&
	equals "$(jq -r ".points[0].value" m.json)" 8.75 &&
	equals "$(wm report trend --pi MEAN --unit GRP --format json | jq -r ".points[0].value")" 5 &&
	wm report trend --pi MEAN --unit LON | tr "\n" " " | sed "s/  */ /g" >m.txt &&
	contains m.txt "each counting once (unweighted)"
'

# RAT: Acton 10/100 and Bow 60/200 with counts, Cheam a bare 12%.
test_expect_success 'a ratio without its counts stays with its unit and is missing above it' '
	wm report exceptions --as-of 2004-04 --unit LON --format json >r.json &&
	jq ".exceptions[] | select(.pi == \"RAT\")" r.json >rat.json &&
	equals "$(jq -r ".value * 10 | round" rat.json)" 233 &&
	equals "$(jq -r "[.coverage.reported, .coverage.expected] | join(\" \")" rat.json)" "2 3" &&
	equals "$(jq -r ".coverage.no_counts | join(\" \")" rat.json)" C &&
	equals "$(jq -r .status rat.json)" "figures missing" &&
	equals "$(wm report trend --pi RAT --unit C --format json | jq -r ".points[0].value")" 12 &&
	wm report exceptions --as-of 2004-04 --unit LON >r.txt &&
	contains r.txt "no counts to add up: Cheam"
'

# RAT at Acton: 10% against 10.5... the department has none; the gap of a
# percentage is in points, not a share of the target.
test_expect_success 'off by is in the indicator own unit: points for a percentage' '
	wm set target RAT/A/2004-04 --value 10.8 &&
	wm report exceptions --as-of 2004-04 --unit A >a.txt &&
	contains a.txt "0.8 points" &&
	lacks a.txt "7.4%" &&
	equals "$(wm report exceptions --as-of 2004-04 --unit A --format json | jq -r ".exceptions[0].gap * 10 | round")" 8
'

# Issue 15.8: SUM's London target of 540 against Acton's 200 and Bow's
# 100; Cheam reports but has no target. RAT's from counts: 20% against
# Acton's 10/100 and Bow's 60/200 (70/300 = 23.3%).
test_expect_success 'consistency: tolerance as a setting, ratios from counts, units with no target' '
	wm add target --pi SUM --unit A --period 2004/05 --value 200 >/dev/null &&
	wm add target --pi SUM --unit B --period 2004/05 --value 100 >/dev/null &&
	wm set target RAT/LON/2004-04 --numerator 60 --denominator 300 >/dev/null &&
	wm set target RAT/A/2004-04 --value 10 --numerator 10 --denominator 100 >/dev/null &&
	wm add target --pi RAT --unit B --period 2004-04 --value 30 --numerator 60 --denominator 200 >/dev/null &&
	wm report consistency --format json >k.json &&
	equals "$(jq -r ".tolerance_percent" k.json)" 0.5 &&
	equals "$(jq -r "[.target_gaps[] | [.pi, .unit, .how] | join(\"/\")] | join(\" \")" k.json)" "RAT/LON/counts SUM/LON/sum" &&
	equals "$(jq -r ".target_gaps[] | select(.pi == \"RAT\") | .children * 10 | round" k.json)" 233 &&
	equals "$(jq -r "[.missing_targets[] | [.pi, .unit, .period, .parent] | join(\"/\")] | join(\" \")" k.json)" "RAT/C/2004-04/LON SUM/C/2004/05/LON" &&
	wm report consistency >k.txt &&
	contains k.txt "Differences of up to 0.5%" &&
	contains k.txt "Units with figures but no target" &&
	wm add setting --key performance.consistency_tolerance --value 20 >/dev/null &&
	equals "$(wm report consistency --format json | jq -r "[.target_gaps[].pi] | join(\" \")")" SUM &&
	expect_exit 1 wm set setting performance.consistency_tolerance --value lots 2>err &&
	contains err "not a number from 0 to 100"
'

test_done
