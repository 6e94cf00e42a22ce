#!/bin/sh
# The register at work on the sample: progress updates, chasing, the
# progress summary, RAG rules the body sets.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null
export WAYMARK_NOW=2002-10-15T09:00:00Z

test_expect_success 'the register shows where each recommendation stands' '
	wm show recommendation BVA2002/R4 --json >r4.json &&
	equals "$(jq -r .overdue r4.json)" true &&
	equals "$(jq -r .days_overdue r4.json)" 76 &&
	equals "$(jq -r .rag r4.json)" red &&
	equals "$(jq -r .due r4.json)" 2002-07-31 &&
	wm show recommendation DA2002/R2 --json | jq -e ".rag == \"closed\"" >/dev/null
'

test_expect_success 'update adds a dated progress update that regrades the recommendation' '
	wm update recommendation BVA2002 R4 --progress "Programme rebuilt around the strategy" --degree significantly >out &&
	contains out "degree met significantly" &&
	wm show recommendation BVA2002/R4 --json >r4.json &&
	equals "$(jq -r ".progress[-1].date" r4.json)" 2002-10-15 &&
	equals "$(jq -r ".progress[-1].author" r4.json)" cli:tester &&
	equals "$(jq -r .percent r4.json)" 75 &&
	equals "$(jq -r .rag r4.json)" red
'

# Issue 15.14: the shipped rule is the audit committees': overdue and not
# complete is never green, however far it has got; a body may still relax it.
test_expect_success 'by default an overdue recommendation not complete is never green' '
	wm update recommendation BVA2002 R4 --progress "Nearly there" --percent 95 >/dev/null &&
	equals "$(wm show recommendation BVA2002/R4 --json | jq -r "[.percent, .overdue, .rag] | join(\" \")")" "95 true red" &&
	wm add setting --key recommendations.rag --value "{\"overdue_red_below\": 50}" >/dev/null &&
	equals "$(wm show recommendation BVA2002/R4 --json | jq -r .rag)" green &&
	wm remove setting recommendations.rag >/dev/null
'

test_expect_success 'a grade not on the scale is refused' '
	expect_exit 1 wm update recommendation BVA2002 R4 --progress x --degree mostly 2>err &&
	contains err "not a grade"
'

test_expect_success 'completely met closes it and it leaves the chase list' '
	wm report chase --format json >before.json &&
	jq -e "[.leads[].items[] | select(.ref == \"R9\" and .source == \"BVA2002\")] | length > 0" before.json >/dev/null &&
	wm update recommendation BVA2002/R9 --progress "Committees restructured" --degree completely >/dev/null &&
	equals "$(wm show recommendation BVA2002/R9 --json | jq -r .status)" closed &&
	wm report chase --format json >after.json &&
	equals "$(jq "[.leads[].items[] | select(.ref == \"R9\" and .source == \"BVA2002\")] | length" after.json)" 0
'

test_expect_success 'chase orders statutory first, then priority, by lead officer' '
	wm report chase --as-of 2002-10-15 --format json >chase.json &&
	jq -r ".leads[] | select(.lead == \"AC PRS\") | .items[] | .statutory" chase.json >stat &&
	head -1 stat | grep -q true &&
	equals "$(jq -r ".as_of" chase.json)" 2002-10-15 &&
	wm report chase --as-of 2002-10-15 >chase.txt &&
	contains chase.txt "Updates to chase" &&
	contains chase.txt "AC PRS"
'

test_expect_success 'chase as an HTML file names each recommendation, with no link to a site' '
	wm report chase --as-of 2002-10-15 --format html >chase.html &&
	first=$(jq -r ".leads[0].items[0] | .source + \"/\" + .ref" chase.json) &&
	contains chase.html ">$first</td>" &&
	! grep -q "href=\"/" chase.html
'

# Issue 15.11: BVA2002/R10 has no due date and has never been updated.
test_expect_success 'chase lists what was never updated, due date or not' '
	wm report chase --as-of 2002-10-15 --format json >st.json &&
	jq -e "[.leads[].items[] | select(.source == \"BVA2002\" and .ref == \"R10\")][0] | .why == \"never updated\" and .due == null and .days_since_update > 90" st.json >/dev/null &&
	wm report chase --as-of 2002-10-15 | tr "\n" " " >st.txt &&
	contains st.txt "never updated"
'

test_expect_success 'chase takes --stale-days and refuses what it does not know' '
	wm report chase --stale-days 1000 --format json | jq -e ".stale_days == 1000" >/dev/null &&
	expect_exit 2 wm report chase --stale-days soon 2>err &&
	expect_exit 2 wm report chase --unit Camden 2>err &&
	contains err "--unit: this report has no such option"
'

test_expect_success 'the progress summary in every format, with a count of each grade' '
	wm report progress --source DA2002 | tr "\n" " " | sed "s/  */ /g" >p.txt &&
	contains p.txt "Degree met: Completely: 6; Significantly: 4; Moderately: 2; Partially: 1." &&
	wm report progress --source DA2002 --format md >p.md &&
	contains p.md "| No | Subject | Lead | Timescale |" &&
	wm report progress --source DA2002 --format html >p.html &&
	contains p.html "<table class=\"govuk-table\">" &&
	wm report progress --source DA2002 --format csv >p.csv &&
	equals "$(head -1 p.csv | tr -d "\r")" "\"No\",\"Subject\",\"Lead\",\"Timescale\",\"Recommendation\",\"Progress update and degree met\"" &&
	wm report progress --source DA2002 --format json | jq -e ".summary.completely == 6" >/dev/null &&
	expect_exit 1 wm report progress --source NOSUCH 2>err
'

test_expect_success 'a body sets its own RAG rules' '
	wm add setting --key recommendations.rag --value "{\"red_upto\": 80, \"amber_upto\": 90}" &&
	equals "$(wm show recommendation DA2002/R6 --json | jq -r .rag)" red &&
	expect_exit 1 wm set setting recommendations.rag --value "not json" 2>err &&
	contains err "recommendations.rag" &&
	wm show recommendation DA2002/R6 >/dev/null &&
	wm remove setting recommendations.rag
'

test_expect_success 'a moved due date is recorded as slippage' '
	wm set recommendation BVA2002/R6 --timescale "March 2003" &&
	wm show recommendation BVA2002/R6 --json >r6.json &&
	equals "$(jq -r .due_original r6.json)" 2002-09-30 &&
	equals "$(jq -r .due r6.json)" 2003-03-31 &&
	equals "$(jq -r .slippage.revisions r6.json)" 1 &&
	equals "$(jq -r .slippage.days r6.json)" 182
'

# Issue 15.12: a timescale of "Complete" is done.
test_expect_success 'a timescale of Complete closes it, on the date it gives' '
	wm add recommendation --source BVA2002 --ref R90 --text "Publish the plan" --timescale "Complete" >/dev/null &&
	equals "$(wm show recommendation BVA2002/R90 --json | jq -r "[.status, .rag] | join(\" \")")" "closed closed" &&
	wm add recommendation --source BVA2002 --ref R91 --text "Train the leads" --timescale "Completed March 2002" >/dev/null &&
	equals "$(wm show recommendation BVA2002/R91 --json | jq -r "[.status, .completed_on] | join(\" \")")" "closed 2002-03-31" &&
	wm report chase --format json | jq -e "[.leads[].items[] | select(.ref == \"R90\" or .ref == \"R91\")] | length == 0" >/dev/null
'

# Issue 15.13: the current due date is the latest revision's, and a
# revision a later document makes carries that document's date.
test_expect_success 'a revision moves the due date, dated as its document is' '
	wm add revision --recommendation BVA2002/R8 --changed_on 2002-10-01 --new_due 2003-06-30 --reason "agreed at PRC" >/dev/null &&
	wm show recommendation BVA2002/R8 --json >r8.json &&
	equals "$(jq -r "[.due, .overdue, .slippage.revisions] | join(\" \")" r8.json)" "2003-06-30 false 1" &&
	equals "$(wm list revisions --recommendation BVA2002/R8 --json | jq -r ".[0].old_due")" 2002-06-30 &&
	wm set recommendation BVA2002/R5 --timescale "December 2002" --timescale_date 2002-09-30 >/dev/null &&
	equals "$(wm show recommendation BVA2002/R5 --json | jq -r .due)" 2002-12-31 &&
	equals "$(wm list revisions --recommendation BVA2002/R5 --json | jq -r ".[-1] | [.changed_on, .new_due] | join(\" \")")" "2002-09-30 2002-12-31"
'

test_done
