#!/bin/sh
# The Reports page: each report of the registry with a form for its
# options, made from the registry, every link on it answering; the
# report the form chose, or every mistake at once beside its field; the
# same report as a paper to keep; no command-line syntax anywhere.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"
. "$SRCDIR/tests/e2e/lib-papers.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login pat pat "planner pass"

test_expect_success 'the Reports page lists every report, and every link on it answers' '
	page pat /reports >/dev/null &&
	curl -s -b pat.jar "$URL/api/v1/reports" | jq -r ".reports[] | .name, .title" >reports.txt &&
	while read -r name && read -r title; do
		contains page.html "href=\"/reports/$name\"" &&
		contains page.html ">$title<" || { echo "$name" >&2; exit 1; }
	done <reports.txt &&
	grep -o "href=\"/[^\"]*\"" page.html | sed "s/href=\"//; s/\"$//; s/&amp;/\&/g" |
	    sort -u >links.txt &&
	test "$(wc -l <links.txt)" -gt 13 &&
	while read -r l; do
		st=$(page pat "$l") &&
		[ "$st" = 200 ] || { echo "$l: $st" >&2; exit 1; }
	done <links.txt
'

test_expect_success 'a report that needs an option asks for it: a choice of records by name' '
	equals "$(page pat /reports/trend)" 200 &&
	lacks page.html "govuk-error-summary" &&
	contains page.html "<select class=\"govuk-select\" id=\"pi\" name=\"pi\"" &&
	contains page.html "<option value=\"SC-01\">Residential burglaries per 1,000 households</option>" &&
	contains page.html "<option value=\"Camden\">Camden</option>" &&
	contains page.html "<option value=\"fyear\">Financial year (April to March)</option>" &&
	contains page.html "<option value=\"pdf\">PDF (A4 paper)</option>" &&
	contains page.html "<option value=\"svg\">SVG chart</option>"
'

test_expect_success 'sent without it, the form says what to choose, beside the field' '
	equals "$(page pat "/reports/trend?pi=&unit=Camden")" 400 &&
	contains page.html "<title>Error: Trend - Waymark</title>" &&
	contains page.html "<a href=\"#pi\">Choose the indicator</a>" &&
	contains page.html "id=\"pi-error\"" &&
	contains page.html "<option value=\"Camden\" selected>Camden</option>"
'

test_expect_success 'every mistake at once, in the order of the fields, what was typed kept' '
	equals "$(page pat "/reports/chase?stale_days=abc&as_of=2020-13-01")" 400 &&
	grep -o "<li><a href=\"#[a-z_]*\">" page.html >order.txt &&
	equals "$(head -1 order.txt)" "<li><a href=\"#as_of\">" &&
	equals "$(sed -n 2p order.txt)" "<li><a href=\"#stale_days\">" &&
	contains page.html "is not a whole number from 0 to" &&
	contains page.html "value=\"abc\"" && contains page.html "value=\"2020-13-01\""
'

test_expect_success 'a reference to no record is shown on its field' '
	equals "$(page pat "/reports/progress?source=NOPE")" 404 &&
	contains page.html "<a href=\"#source\">Source report: " &&
	contains page.html "NOPE"
'

test_expect_success 'the form chooses the report shown below it' '
	equals "$(page pat "/reports/progress?source=DA2002")" 200 &&
	contains page.html "<option value=\"DA2002\" selected>" &&
	contains page.html "DA2002" && contains page.html "<table class=\"govuk-table\">"
'

test_expect_success 'options the report needs together: guidance first, then a mistake to put right' '
	equals "$(page pat /reports/pack)" 200 &&
	lacks page.html "govuk-error-summary" &&
	contains page.html "Whose pack?" &&
	equals "$(page pat "/reports/pack?unit=Camden")" 400 &&
	contains page.html "govuk-error-summary"
'

test_expect_success 'the same report as a paper to keep, in the format chosen' '
	curl -s -o p.pdf -D headers.txt -b pat.jar "$URL/reports/progress?source=DA2002&format=pdf" &&
	equals "$(header Content-Type)" "application/pdf" &&
	equals "$(header Content-Disposition)" "attachment; filename=\"progress.pdf\"" &&
	curl -s -o t.svg -D headers.txt -b pat.jar "$URL/reports/trend?pi=SC-01&format=svg" &&
	equals "$(header Content-Type)" "image/svg+xml" && contains t.svg "<svg" &&
	curl -s -o s.html -D headers.txt -b pat.jar "$URL/reports/summary?format=html" &&
	lacks headers.txt "Content-Disposition" && contains s.html "<!DOCTYPE html>" &&
	equals "$(page pat "/reports/summary?format=mp3")" 400 &&
	contains page.html "<a href=\"#format\">Choose how to show it from the list</a>"
'

if [ -n "$PY" ]; then
test_expect_success 'a report as a workbook has numbers as numbers' '
	curl -s -o c.xlsx -b pat.jar "$URL/reports/performance?unit=Camden&format=xlsx" &&
	xlsx c.xlsx >c.txt &&
	grep -q "	n	" c.txt && grep -q "frozen=A2" c.txt
'
fi

test_expect_success 'no report page shows command-line syntax' '
	page pat /reports >/dev/null && cp page.html all.html &&
	while read -r name && read -r title; do
		page pat "/reports/$name" >/dev/null && cat page.html >>all.html
	done <reports.txt &&
	grep -oE "(^|[ >(\"])--[a-z][a-z-]*" all.html >cli.txt || : &&
	{ test ! -s cli.txt || { cat cli.txt; exit 1; }; } &&
	lacks all.html "waymark report" && lacks all.html "?source=" && lacks all.html "stale_days:"
'

test_done
