#!/bin/sh
# The performance papers on the bundled sample: the scorecard, the
# exception report, the consistency check and one indicator's trend.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

test_expect_success 'the scorecard runs goal, aim, indicator for the latest period' '
	wm report performance --format json >p.json &&
	equals "$(jq -r ".as_of" p.json)" 2005-03 &&
	equals "$(jq -r ".unit" p.json)" MPS &&
	equals "$(jq -r ".plan" p.json)" TTSC &&
	equals "$(jq -r "[.goals[].node] | join(\" \")" p.json)" "TTSC/G1 TTSC/G2 TTSC/G3 TTSC/G4 TTSC/G5" &&
	equals "$(jq -r ".goals[0].pis[0].pi" p.json)" SC-00 &&
	equals "$(jq -r "[.goals[0].pis[0].basket[].pi] | join(\" \")" p.json)" "SC-01 SC-02 SC-03 SC-04" &&
	equals "$(jq -r "[.goals[0].aims[0].pis[].pi] | join(\" \")" p.json)" "SC-01 SC-03 SC-04" &&
	wm report performance >p.txt &&
	contains p.txt "no indicator" &&
	contains p.txt "SC-00 is watched through its basket: SC-01" &&
	contains p.txt "(2004/05 to date)"
'

test_expect_success 'the sample shows green, amber, red, missing and estimated' '
	wm report performance --unit Camden --format json >c.json &&
	jq -e "[.goals[] | .pis[], .aims[].pis[] | .status] | (index(\"green\") and index(\"amber\") and index(\"red\"))" c.json >/dev/null &&
	jq -e "[.goals[] | .aims[].pis[] | select(.pi == \"SC-01\")][0].coverage.reported == 1" c.json >/dev/null &&
	wm report performance --format json | jq -e "[.goals[].aims[].pis[] | select(.pi == \"SC-01\")][0].coverage.missing == [\"Hackney\"]" >/dev/null
'

test_expect_success 'one goal, another unit, another period' '
	equals "$(wm report performance --goal TTSC/G3 --format json | jq -r "[.goals[].node] | join(\" \")")" TTSC/G3 &&
	equals "$(wm report performance --unit Newham --as-of 2004-09 --format json | jq -r ".unit + \" \" + .as_of")" "Newham 2004-09" &&
	expect_exit 2 wm report performance --as-of 2004-13 2>err &&
	contains err "is not a period" &&
	expect_exit 1 wm report performance --unit Atlantis 2>err &&
	contains err "Atlantis"
'

test_expect_success 'the exception report: only what needs attention, most urgent first' '
	wm report exceptions --format json >e.json &&
	equals "$(jq -r "[.exceptions[].pi] | join(\" \")" e.json)" "WF-01 CT-01 SC-01 CJ-02" &&
	equals "$(jq -r ".exceptions[0].reasons | join(\" \")" e.json)" red &&
	jq -e ".exceptions[0].off > .exceptions[1].off" e.json >/dev/null &&
	equals "$(jq -r ".exceptions[] | select(.pi == \"SC-01\") | .coverage.missing | join(\" \")" e.json)" Hackney &&
	equals "$(jq -r ".exceptions[] | select(.pi == \"CJ-02\") | .coverage.estimated_units | join(\" \")" e.json)" Southwark &&
	jq -e ".exceptions[0].red_below | length > 0" e.json >/dev/null &&
	equals "$(jq -r ".considered" e.json)" 15
'

test_expect_success 'a borough getting worse, and the run that counts as worse' '
	wm report exceptions --unit Newham --as-of 2004-12 --format json >n.json &&
	jq -e "[.exceptions[] | select(.pi == \"SC-02\")][0].status == \"red\"" n.json >/dev/null &&
	expect_exit 2 wm report exceptions --deteriorating 0 2>err &&
	contains err "--deteriorating"
'

test_expect_success 'a committee sees what it answers for' '
	wm report exceptions --committee SC-COMM --format json >s.json &&
	equals "$(jq -r ".committee" s.json)" SC-COMM &&
	jq -e "[.exceptions[].pi] | all(startswith(\"SC-\"))" s.json >/dev/null &&
	equals "$(jq -r ".considered" s.json)" 5 &&
	equals "$(wm report exceptions --committee PRC --format json | jq -r .considered)" 14 &&
	expect_exit 2 wm report exceptions --committee SC-COMM --unit Camden 2>err &&
	contains err "cannot be given with a unit" &&
	expect_exit 1 wm report exceptions --committee NOPE 2>err &&
	contains err "unknown committee"
'

test_expect_success 'consistency finds what the sample leaves out on purpose' '
	wm report consistency --format json >k.json &&
	equals "$(jq -r ".target_gaps[0] | [.pi, .unit, .period, .difference] | join(\" \")" k.json)" "SC-04 MPS 2004/05 400" &&
	jq -e "[.unmeasured[].node] | index(\"TTSC/G5.A3\")" k.json >/dev/null &&
	jq -e "[.unmeasured[].node] | index(\"TTSC/G1.A1\") | not" k.json >/dev/null &&
	equals "$(jq -r "[.measuring_nothing[].pi] | join(\" \")" k.json)" XX-01 &&
	equals "$(jq -r "[.underpinning_nothing[].node] | join(\" \")" k.json)" CAMDEN-2004-05/O3 &&
	wm report consistency --format md >k.md &&
	contains k.md "## Targets that do not add up"
'

test_expect_success 'the trend: a chart with its target line, and the boroughs side by side' '
	wm report trend --pi SC-02 --unit Newham --format json >t.json &&
	equals "$(jq -r ".points | length" t.json)" 36 &&
	equals "$(jq -r ".points[-1].status" t.json)" red &&
	wm report trend --pi SC-02 --format svg >t.svg &&
	head -c 4 t.svg | grep -q "<svg" &&
	contains t.svg "<title" && contains t.svg "<desc" && contains t.svg "c-target" &&
	if command -v xmllint >/dev/null; then xmllint --noout t.svg; fi &&
	wm report trend --pi SC-02 --format html >t.html &&
	contains t.html "in each unit of Metropolitan Police Service" &&
	contains t.html "32 small charts" &&
	equals "$(wm report trend --pi SC-02 --from 2004/05 --format json | jq -r ".points | length")" 12 &&
	expect_exit 2 wm report trend 2>err && contains err "--pi"
'

test_expect_success 'the trend by financial year, and a rolling year beside each month' '
	wm report trend --pi SC-04 --by fyear --format json >y.json &&
	equals "$(jq -r "[.points[].period] | join(\" \")" y.json)" "2002/03 2003/04 2004/05" &&
	equals "$(jq -r ".points[2].target" y.json)" 46862 &&
	wm report trend --pi SC-04 --format json >m.json &&
	equals "$(jq -r "[.points[24:36][].value] | add" m.json)" "$(jq -r ".points[2].value" y.json)" &&
	equals "$(jq -r ".points[35].rolling_year" m.json)" "$(jq -r ".points[2].value" y.json)" &&
	equals "$(jq -r ".points[10].rolling_year" m.json)" null &&
	expect_exit 2 wm report trend --pi SC-05 --by month 2>err && contains err "cannot be split"
'

test_expect_success 'every format; options a report does not take are refused' '
	wm report exceptions --format md | grep -q "^| WF-01" &&
	wm report exceptions --format csv | head -1 | grep -q "^\"Indicator\",\"Title\"" &&
	wm report performance --format html | grep -q "govuk-tag--red" &&
	expect_exit 2 wm report consistency --unit Camden 2>err
'

# Issue 15.6: the month beside the month's share of the year's target,
# the figures to date beside the target to date, each with its own status.
test_expect_success 'the trend shows like with like, and says which' '
	wm report trend --pi SC-04 --from 2004/05 --format json >lk.json &&
	equals "$(jq -r ".points | length" lk.json)" 12 &&
	equals "$(jq -r ".points[10] | [.period, .value, .to_date, (.target | round), (.period_target | round), .status, .period_status] | join(\" \")" lk.json)" "2005-02 4349 42925 42957 3905 green red" &&
	wm report trend --pi SC-04 --from 2004/05 >lk.txt &&
	contains lk.txt "the figures to date against the target to date" &&
	wm report trend --pi SC-04 --from 2004/05 --format svg >lk.svg &&
	contains lk.svg "target for one month"
'

# Issue 15.9: % change and the figures to date against last year's to date.
test_expect_success 'change on a year ago and to date on last year, in every paper' '
	wm report performance --format json >c9.json &&
	equals "$(jq -r "[.goals[].aims[].pis[] | select(.pi == \"SC-04\")][0].to_date_on_last_year | [.trend, .then, .partial] | join(\" \")" c9.json)" "better 48072 false" &&
	equals "$(jq -r "[.goals[].aims[].pis[] | select(.pi == \"SC-04\")][0].change_on_last_year.percent * 10 | round" c9.json)" 12 &&
	wm report performance >c9.txt &&
	contains c9.txt "To date on last year" && contains c9.txt "better than 48,072, -2.0%" &&
	wm report exceptions --format json | jq -e ".exceptions[0].to_date_on_last_year.then != null" >/dev/null &&
	wm report exceptions >e9.txt && contains e9.txt "On last year" &&
	equals "$(wm report trend --pi SC-04 --format json | jq -r ".points[35].to_date_on_last_year.then")" 48072
'

# Issue 15.2: five boroughs' October figures removed: the total to date
# falls and would turn green; coverage counts every month to date.
test_expect_success 'coverage is over every period the figure covers' '
	for u in Camden Hackney Lambeth Barnet Brent; do
		wm remove measurement SC-04/$u/2004-10 >/dev/null || return 1
	done &&
	wm report exceptions --format json >c2.json &&
	jq ".exceptions[] | select(.pi == \"SC-04\")" c2.json >sc04.json &&
	equals "$(jq -r .status sc04.json)" "figures missing" &&
	equals "$(jq -r "[.coverage.complete, .coverage.expected, .coverage.reported] | join(\" \")" sc04.json)" "27 32 32" &&
	equals "$(jq -r ".coverage.missing | join(\" \")" sc04.json)" "Barnet Brent Camden Hackney Lambeth" &&
	wm report performance >c2.txt &&
	contains c2.txt "27 of 32 complete for Apr 2004–Mar 2005; missing: Barnet (Oct 2004)"
'

test_done
