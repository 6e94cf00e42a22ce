#!/bin/sh
# The HTML pages, without a browser: every address, who sees what, the
# forms (progress updates, comments, users), Markdown and escaping.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
wm user add pat --role planner --password "planner pass" --display-name "Pat Planner" >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
wm set recommendation DA2002/R1 --published no >/dev/null
serve_start main
serve_start public --public
URL=$(cat main.url)
PUBLIC=$(cat public.url)
for u in alice:"correct horse" pat:"planner pass" lena:"lead password" mo:"member pass"; do
	login "${u%%:*}" "${u%%:*}" "${u#*:}"
done

test_expect_success 'every page answers, with its heading, in the frame' '
	for p in / /framework /pis /pis/SC-01 /exceptions /scorecard /recommendations \
	    /recommendations/DA2002/R13 /projects /timetable /committees /themes /audit /admin/users; do
		equals "$(page alice "$p")" 200 || { echo "$p" >&2; exit 1; }
		contains page.html "<html lang=\"en\" class=\"govuk-template\">" &&
		contains page.html "<h1 class=\"govuk-heading-l\">" &&
		contains page.html "href=\"#main-content\"" &&
		contains page.html "src=\"/assets/app.js\""
	done
'

test_expect_success 'pages carry no inline script or style' '
	for p in / /recommendations/DA2002/R13 /pis/SC-01; do
		page pat "$p" >/dev/null &&
		lacks page.html "<script>" && lacks page.html "style=" && lacks page.html "onclick"
	done
'

test_expect_success 'without a session, pages send you to sign in and back' '
	curl -s -o /dev/null -D headers.txt "$URL/recommendations" &&
	grep -q "^HTTP/1.1 303" headers.txt &&
	equals "$(header Location)" "/login?next=%2Frecommendations"
'

test_expect_success 'the dashboard shows goals, what is overdue, and the latest progress' '
	page pat / >/dev/null &&
	contains page.html "TTSC/G1" && contains page.html "Overdue recommendations" &&
	contains page.html "href=\"/recommendations/DA2002/R13\"" &&
	contains page.html "Latest progress updates"
'

test_expect_success 'the dashboard counts each goal'"'"'s indicators by status, from the scorecard' '
	wm report performance --format json >card.json &&
	page pat / >/dev/null &&
	contains page.html "How the indicators stand" &&
	contains page.html "The scorecard as of $(jq -r .as_of card.json), for MPS" &&
	contains page.html "href=\"/scorecard\"" &&
	for g in $(jq -r ".goals[].node" card.json); do
		green=$(jq -r ".goals[] | select(.node == \"$g\") | .status.green // 0" card.json) &&
		amber=$(jq -r ".goals[] | select(.node == \"$g\") | .status.amber // 0" card.json) &&
		red=$(jq -r ".goals[] | select(.node == \"$g\") | .status.red // 0" card.json) &&
		grep -o "href=\"/scorecard?goal=$g\".*" page.html | head -1 |
		    grep -q "numeric\">$green</td><td[^>]*>$amber</td><td[^>]*>$red</td>" ||
		{ echo "$g: $green $amber $red" >&2; exit 1; }
	done
'

test_expect_success 'the framework shows each plan, and each goal its committee and leads' '
	page pat /framework >/dev/null &&
	contains page.html "MPA-CS-2004-07" && contains page.html "Developing safer communities" &&
	page pat /framework/TTSC/G1 >/dev/null &&
	contains page.html "Assistant Commissioner, Performance Review and Standards" &&
	contains page.html "Performance Review Committee"
'

test_expect_success 'an indicator page shows its trend chart, the units below, the latest figures' '
	page pat /pis/SC-01 >/dev/null &&
	contains page.html "Better when" &&
	contains page.html "Trend for Metropolitan Police Service" &&
	contains page.html "<figure class=\"wm-figure\"><svg " &&
	contains page.html "role=\"img\"" &&
	contains page.html "<figcaption class=\"govuk-body-s\">Residential burglaries per 1,000 households, Metropolitan Police Service</figcaption>" &&
	contains page.html "class=\"c-target\"" &&
	contains page.html "Unit by unit" &&
	contains page.html "in each unit of Metropolitan Police Service</figcaption>" &&
	contains page.html "Each borough" && contains page.html "href=\"/pis/SC-01?unit=Camden\""
'

test_expect_success '... whose charts keep distinct ids and only the sheet the policy allows' '
	page pat /pis/SC-01 >/dev/null &&
	test "$(grep -o "<svg " page.html | wc -l)" -eq 2 &&
	grep -o " id=\"[^\"]*\"" page.html | sort | uniq -d >dups &&
	test ! -s dups &&
	test "$(grep -o "<style>[^<]*</style>" page.html | sort -u | wc -l)" -eq 1 &&
	lacks page.html "style=" && lacks page.html "<script>"
'

test_expect_success '... for the unit asked for, and says so for an unknown one' '
	equals "$(page pat "/pis/SC-01?unit=Hackney")" 200 &&
	contains page.html "Trend for Hackney" &&
	contains page.html "Residential burglaries per 1,000 households, Hackney</figcaption>" &&
	lacks page.html "Unit by unit" &&
	equals "$(page pat "/pis/SC-01?unit=Nowhere")" 404 && contains page.html "unknown unit" &&
	equals "$(page pat "/pis/SC-01?by=week")" 400 && contains page.html "is not one of month" &&
	equals "$(page pat /pis/NOPE)" 404 && contains page.html "unknown pi"
'

test_expect_success '... with a form choosing the unit and how periods combine' '
	page pat /pis/SC-01 >/dev/null &&
	contains page.html "<form method=\"get\" action=\"/pis/SC-01\"" &&
	contains page.html "<option value=\"fyear\">Financial year</option>" &&
	equals "$(page pat "/pis/SC-01?unit=Camden&by=quarter")" 200 &&
	contains page.html "<title>2005-Q1: " && lacks page.html "<title>2005-03: " &&
	contains page.html "<option value=\"quarter\" selected>" &&
	contains page.html "<option value=\"Camden\" selected>"
'

test_expect_success 'the exception report has a form that filters by committee, unit and period' '
	page pat /exceptions >/dev/null &&
	contains page.html "<form method=\"get\" action=\"/exceptions\"" &&
	contains page.html "<select class=\"govuk-select\" id=\"committee\" name=\"committee\">" &&
	contains page.html "<option value=\"SC-COMM\">Safer Communities Strategic Committee</option>" &&
	contains page.html "id=\"as_of\" name=\"as_of\"" &&
	contains page.html "<option value=\"BarkingDagenham\">Barking and Dagenham</option>" &&
	contains page.html "/pis/WF-01" && contains page.html "/pis/SC-01" &&
	! grep -o "<form method=\"get\" action=\"/exceptions\".*</form>" page.html | grep -q csrf_token &&
	equals "$(page pat "/exceptions?committee=SC-COMM")" 200 &&
	contains page.html "/pis/SC-01" && lacks page.html "/pis/WF-01" &&
	contains page.html "<option value=\"SC-COMM\" selected>" &&
	equals "$(page pat "/exceptions?as_of=2004-03&unit=Camden")" 200 &&
	contains page.html ">2004-03</dd>" && contains page.html ">Camden</dd>" &&
	contains page.html "value=\"2004-03\""
'

test_expect_success 'a bad period or choice shows the report'"'"'s reason on the page, with the form' '
	equals "$(page pat "/exceptions?as_of=zz")" 400 &&
	contains page.html "<title>Error: Exceptions - Waymark</title>" &&
	contains page.html "govuk-error-summary" &&
	contains page.html "<a href=\"#as_of\">As of: &quot;zz&quot; is not a period" &&
	contains page.html "govuk-input--error" && contains page.html "value=\"zz\"" &&
	equals "$(page pat "/exceptions?committee=PRC&unit=Camden")" 400 &&
	contains page.html "cannot be given with a unit" &&
	equals "$(page pat "/exceptions?committee=NOPE")" 404 &&
	contains page.html "unknown committee &quot;NOPE&quot;" && contains page.html "href=\"#committee\"" &&
	equals "$(page pat "/scorecard?unit=Nowhere")" 404 &&
	contains page.html "unknown unit" && contains page.html "action=\"/scorecard\"" &&
	equals "$(page pat "/scorecard?as_of=2005-13")" 400 && contains page.html "is not a period"
'

test_expect_success 'the scorecard chooses its period, unit and goal' '
	page pat /scorecard >/dev/null &&
	contains page.html "<form method=\"get\" action=\"/scorecard\"" &&
	contains page.html "<option value=\"TTSC/G2\">Securing the capital against terrorism</option>" &&
	equals "$(page pat "/scorecard?unit=Camden")" 200 &&
	contains page.html ">Camden</dd>" && contains page.html "<option value=\"Camden\" selected>" &&
	equals "$(page pat "/scorecard?goal=TTSC/G2")" 200 &&
	contains page.html "/pis/CT-01" && lacks page.html "/pis/SC-01" &&
	equals "$(page pat "/scorecard?goal=TTSC/G9")" 404
'

test_expect_success 'the register filters by source, lead, grade, status, statutory, overdue' '
	page pat "/recommendations?source=DA2002&overdue=yes" >/dev/null &&
	contains page.html "DA2002/R13" && lacks page.html "BVA2002/R" &&
	lacks page.html ">DA2002/R2<" &&
	page pat "/recommendations?lead=ACHR" >/dev/null &&
	contains page.html "Showing 1 recommendation." && contains page.html "DA2002/R6" &&
	page pat "/recommendations?statutory=yes&status=closed" >/dev/null &&
	contains page.html "recommendation" &&
	page pat "/recommendations?grade=completely" >/dev/null && lacks page.html "DA2002/R13<"
'

test_expect_success 'a progress update posted by a lead shows, in Markdown, escaped' '
	equals "$(form lena /recommendations/DA2002/R13/progress date=2005-04-15 \
	    degree_met=completely "text=Reviewed *all* plans <script>alert(1)</script>")" 303 &&
	equals "$(header Location)" "/recommendations/DA2002/R13?added=progress#progress" &&
	page lena "/recommendations/DA2002/R13?added=progress" >/dev/null &&
	contains page.html "Your progress update has been added" &&
	contains page.html "Reviewed <em>all</em> plans" &&
	lacks page.html "<script>alert" &&
	contains page.html "2005-04-15: completely"
'

test_expect_success '... and is in the register, on the dashboard and in the audit log' '
	page pat /recommendations >/dev/null &&
	grep -o "DA2002/R13</a></td>.*" page.html | head -1 | grep -q "completely" &&
	page pat / >/dev/null &&
	grep -q "2005-04-15</td><td class=\"govuk-table__cell\"><a href=\"/recommendations/DA2002/R13\"" page.html &&
	page pat "/audit?kind=progress" >/dev/null && contains page.html "web:lena" &&
	wm audit --kind progress --limit 1 >out && contains out "web:lena"
'

test_expect_success 'a form with a mistake comes back with the reason and what was typed' '
	equals "$(form pat /recommendations/DA2002/R13/progress date=2005-13-45 "text=Typed text")" 422 &&
	contains page.html "govuk-error-summary" && contains page.html "Typed text" &&
	contains page.html "value=\"2005-13-45\"" && contains page.html "govuk-form-group--error"
'

test_expect_success 'a lead who does not lead it is told why' '
	equals "$(form lena /recommendations/DA2002/R6/progress date=2005-04-15 text=x)" 403 &&
	contains page.html "a post you hold leads"
'

test_expect_success 'a member sees no update form but comments' '
	page mo /recommendations/DA2002/R13 >/dev/null &&
	lacks page.html "Add a progress update" && contains page.html "Add a comment" &&
	equals "$(form mo /recommendations/DA2002/R13/comments "comment=Is this **really** done?")" 303 &&
	page mo /recommendations/DA2002/R13 >/dev/null &&
	contains page.html "<strong>really</strong>" &&
	equals "$(form mo /recommendations/DA2002/R13/comments "comment=   ")" 422 &&
	contains page.html "Enter your comment"
'

test_expect_success 'the public sees published pages only, and no audit log' '
	equals "$(PAGE_URL=$PUBLIC page anon /recommendations)" 200 &&
	contains page.html "You are seeing what has been published" &&
	lacks page.html ">DA2002/R1<" && lacks page.html "href=\"/audit\"" &&
	equals "$(PAGE_URL=$PUBLIC page anon /recommendations/DA2002/R1)" 404 &&
	equals "$(PAGE_URL=$PUBLIC page anon /audit)" 403 &&
	equals "$(PAGE_URL=$PUBLIC page anon /recommendations/DA2002/R13)" 200 &&
	lacks page.html "Add a progress update"
'

test_expect_success 'only an administrator manages users, through the forms' '
	equals "$(page pat /admin/users)" 403 &&
	equals "$(page alice /admin/users)" 200 && contains page.html "Add a user" &&
	equals "$(form alice /admin/users username=newbie display_name=Newbie role=member \
	    "password=newbie pass")" 303 &&
	page alice "$(header Location)" >/dev/null &&
	contains page.html "The user has been added" &&
	login newbie newbie "newbie pass" &&
	equals "$(form alice /admin/users/change username=newbie action=disable)" 303 &&
	equals "$(call newbie GET /api/v1/me)" 401 &&
	equals "$(form alice /admin/users username=bad role=member password=short)" 422 &&
	contains page.html "at least 8 characters" &&
	equals "$(form pat /admin/users username=x role=admin "password=long enough")" 403
'

test_expect_success 'the other pages show what the records hold' '
	page pat /projects >/dev/null && contains page.html "PJ01" &&
	page pat /timetable >/dev/null && contains page.html "BVA2002-LAUNCH" &&
	page pat /committees >/dev/null && contains page.html "PRC" &&
	page pat /themes >/dev/null && contains page.html "govuk-table" &&
	page pat /exceptions >/dev/null && contains page.html "figures missing" && contains page.html "/pis/WF-01" &&
	page pat /scorecard >/dev/null && contains page.html "SC-01" && contains page.html "Developing safer communities"
'

test_expect_success 'every report is a page, its options in the address' '
	page pat /reports >/dev/null && contains page.html "href=\"/reports/trend\"" &&
	equals "$(page pat "/reports/trend?pi=SC-02")" 200 &&
	contains page.html "<title>Violent crimes per 1,000 population - Waymark</title>" &&
	contains page.html "<figcaption" &&
	equals "$(page pat "/reports/trend")" 200 && contains page.html "<select class=\"govuk-select\" id=\"pi\"" &&
	equals "$(page pat "/reports/trend?pi=")" 400 && contains page.html "Choose the indicator" &&
	equals "$(page pat "/reports/nothing")" 404 &&
	contains page.html "There is no such report"
'

test_expect_success 'the chase page links each recommendation to its own page' '
	equals "$(page pat "/reports/chase?as_of=2002-10-15")" 200 &&
	contains page.html "<a href=\"/recommendations/DA2002/R1\" class=\"govuk-link\">DA2002/R1</a>" &&
	equals "$(page pat /recommendations/DA2002/R1)" 200
'

test_expect_success 'unknown addresses and methods get pages that say so' '
	equals "$(page pat /nowhere)" 404 && contains page.html "Page not found" &&
	equals "$(form pat /framework x=1)" 405
'

test_expect_success 'signing out ends the session' '
	equals "$(form pat /logout)" 303 && equals "$(header Location)" /login &&
	equals "$(page pat /)" 303
'

test_done
