#!/bin/sh
# Documents of the same families in other layouts (tests/fixtures/docs,
# written for these tests): what is read, what is reported, and how a
# second paper of the same source adds to the history.
. "$(dirname "$0")/lib.sh"

F="$SRCDIR/tests/fixtures/docs"
wm init >/dev/null

test_expect_success '--dry-run --json says what would be created and writes nothing' '
	wm import --dry-run --json "$F/internal-audit-plan.txt" >dry.json &&
	equals "$(jq -r .file dry.json)" "$F/internal-audit-plan.txt" &&
	equals "$(jq -r ".kinds | join(\",\")" dry.json)" "recommendation action plan" &&
	equals "$(jq .created.recommendations dry.json)" 4 &&
	equals "$(jq -r .date dry.json)" 2005-02-14 &&
	equals "$(jq ".unread | length" dry.json)" 0 &&
	equals "$(wm list recommendations --json | jq length)" 0
'

test_expect_success 'columns in another order, High/Medium/Low, CRLF, HTML and Windows-1252 are read' '
	wm import "$F/internal-audit-plan.txt" >/dev/null &&
	src=$(wm list sources --json | jq -r ".[0].ref") &&
	wm list recommendations --source "$src" --json >recs.json &&
	equals "$(jq -r "[.[].priority] | join(\",\")" recs.json)" "3,2,1,3" &&
	equals "$(jq -r ".[1].response" recs.json)" \
	    "Accepted. Drafting has started. The policy will be consulted on with staff associations." &&
	equals "$(jq -r ".[0].leads | join(\"|\")" recs.json)" "Head of Custody|DAC TP" &&
	contains recs.json "Partly accepted \u2013 cost" || contains recs.json "Partly accepted – cost"
'

test_expect_success 'a progress summary grades, flags and dates each recommendation' '
	wm import --json "$F/overtime-progress.txt" >p1.json &&
	equals "$(jq -r ".kinds[0]" p1.json)" "progress summary" &&
	src=$(jq -r .source p1.json) &&
	wm list recommendations --source "$src" --json >recs.json &&
	equals "$(jq -r "[.[].degree_met] | join(\",\")" recs.json)" "completely,moderately,not met" &&
	equals "$(jq -r "[.[].statutory] | join(\",\")" recs.json)" ",true,false" &&
	equals "$(jq -r ".[0].status" recs.json)" closed
'

test_expect_success 'a later summary adds dated updates and keeps the history' '
	wm import "$F/overtime-progress-later.txt" >/dev/null &&
	src=$(wm list sources --json | jq -r ".[] | select(.title | contains(\"overtime\")) | .ref") &&
	wm show recommendation "$src/R3" --json >r3.json &&
	equals "$(jq ".progress | length" r3.json)" 2 &&
	equals "$(jq -r ".progress[0].date, .progress[1].date" r3.json | tr "\n" " ")" "2005-09-30 2005-12-31 " &&
	equals "$(jq -r .degree_met r3.json)" partially
'

# Issue 15.13: a summary of 31 January 2006 moves R3 from Dec 2005 to March
# 2006: the revision is dated with the summary, not with the day it is read.
test_expect_success 'a later summary that moves a due date revises it on its own date' '
	wm import "$F/overtime-progress-revised.txt" >/dev/null &&
	src=$(wm list sources --json | jq -r ".[] | select(.title | contains(\"overtime\")) | .ref") &&
	equals "$(wm show recommendation "$src/R3" --json | jq -r "[.due, .timescale_date, .slippage.days] | join(\" \")")" "2006-03-31 2006-01-31 90" &&
	equals "$(wm list revisions --recommendation "$src/R3" --json | jq -r ".[-1] | [.changed_on, .old_due, .new_due] | join(\" \")")" "2006-01-31 2005-12-31 2006-03-31" &&
	wm list revisions --recommendation "$src/R3" --json | jq -e ".[-1].reason | contains(\"document of 2006-01-31\")" >/dev/null
'

# Issue 15.16: a timetable not in date order is a list of times: "May"
# takes the document's year (2002), not the year of the row above (2003).
test_expect_success 'a timetable out of order reads year-less dates in the document year' '
	wm import --as milestones "$F/review-timetable-unordered.txt" >/dev/null &&
	wm list milestones --json >un.json &&
	equals "$(jq -r "[.[] | select(.title == \"Agree the scope\" or .title == \"Report to committee\") | .timescale.earliest] | join(\" \")" un.json)" "2002-11-01 2002-05-01"
'

test_expect_success 'key actions under headed and unheaded tables, with a footnote' '
	wm import "$F/tp-business-plan.txt" >/dev/null &&
	wm list actions --json >acts.json &&
	equals "$(jq -r "[.[].ref] | join(\",\")" acts.json)" "P1.a,P1.b,P2.a,P3.a" &&
	equals "$(jq -r ".[0].description" acts.json)" "Note 1: Funded from the night-time economy grant."
'

test_expect_success 'goals from a sentence and a timetable of date lines' '
	wm import --json "$F/committee-report.txt" >c.json &&
	equals "$(jq -r ".kinds | join(\",\")" c.json)" "list of goals,timetable" &&
	equals "$(wm list goals --json | jq length)" 4 &&
	equals "$(wm list milestones --json | jq -r ".[3].timescale.earliest")" 2006-01-01
'

test_expect_success 'lead officers are matched to known posts, by spacing and case too' '
	wm add post --ref "AC PRS" &&
	printf "Ref\tRecommendation\tLead\nR1\tDo it.\tACPRS\n" >lead.txt &&
	wm import --source LEADTEST lead.txt >/dev/null &&
	equals "$(wm show recommendation LEADTEST/R1 --json | jq -r ".leads[0]")" "AC PRS" &&
	equals "$(wm list aliases --json | jq -r ".[0].name")" ACPRS
'

test_expect_success 'a file that is not a planning paper is refused, and nothing is written' '
	before=$(wm audit --limit 0 --json | jq length) &&
	expect_exit 1 wm import "$F/shopping-list.txt" 2>err &&
	contains err "found no recommendations" &&
	equals "$(wm audit --limit 0 --json | jq length)" "$before"
'

test_expect_success 'a progress summary with no date asks for --date' '
	printf "No\tSubject\tRecommendation\tProgress\nR1\tA\tDo a.\tDone.\n" >nodate.txt &&
	expect_exit 1 wm import nodate.txt 2>err &&
	contains err "give --date" &&
	wm import --date 2005-06-30 --source NODATE nodate.txt >/dev/null &&
	equals "$(wm show recommendation NODATE/R1 --json | jq -r ".progress[0].date")" 2005-06-30
'

test_expect_success 'a bad --date is a usage error' '
	expect_exit 2 wm import --date 30/06/2005 nodate.txt 2>err &&
	contains err "--date"
'

test_done
