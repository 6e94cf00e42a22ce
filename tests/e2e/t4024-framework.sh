#!/bin/sh
# The framework as a tree, the corporate plans first; a page for each plan
# and each goal, aim, outcome, priority and action, with its lead and
# committee, what is under it, its indicators and how they stand, and the
# plans that underpin it; a page for each project; the public sees only
# what is published.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm set node TTSC/G2 --published no >/dev/null
serve_start main
serve_start public --public
URL=$(cat main.url)
PUBLIC=$(cat public.url)
login pat pat "planner pass"

test_expect_success 'the framework lists every plan, the corporate ones first, down the cascade' '
	equals "$(page pat /framework)" 200 &&
	grep -o "<h2 class=\"govuk-heading-m\"><a class=\"govuk-link\" href=\"/framework/[^\"]*\"" page.html |
	    sed "s/.*framework\///; s/\"$//" >plans.txt &&
	equals "$(tr "\n" " " <plans.txt)" "TTSC MPA-CS-2004-07 PP-2004-05 TP-2004-05 CAMDEN-2004-05 HACKNEY-2004-05 "
'

test_expect_success 'the tree goes plan, goal, aim, outcome, indicator, each with how it stands' '
	contains page.html "href=\"/framework/TTSC/G1\">G1: Developing safer communities</a>" &&
	contains page.html "href=\"/framework/TTSC/G1.A1\">G1.A1: Reduce volume crime with borough partners</a>" &&
	contains page.html "href=\"/framework/TTSC/G1.A1.O1\"" &&
	contains page.html "href=\"/pis/SC-03\">SC-03: Vehicle crimes per 1,000 population</a> <strong class=\"govuk-tag govuk-tag--green\">Green</strong>" &&
	contains page.html "href=\"/pis/SC-01\">SC-01: Residential burglaries per 1,000 households</a> <strong class=\"govuk-tag govuk-tag--grey\">Figures missing</strong>"
'

test_expect_success 'a goal has its page: lead, committee, what is under it, its indicators' '
	equals "$(page pat /framework/TTSC/G1)" 200 &&
	contains page.html "<h1 class=\"govuk-heading-l\">G1: Developing safer communities</h1>" &&
	contains page.html "Goal of Towards the Safest City" &&
	contains page.html ">Assistant Commissioner, Performance Review and Standards<" &&
	contains page.html ">Performance Review Committee</a>" &&
	contains page.html "href=\"/framework/TTSC/G1.A2\" class=\"govuk-link\">G1.A2</a>" &&
	contains page.html "href=\"/pis/SC-00\" class=\"govuk-link\">SC-00</a>" &&
	contains page.html "794,133" &&
	contains page.html "<strong class=\"govuk-tag govuk-tag--orange\">Amber</strong>"
'

test_expect_success 'and the lower plans that underpin it, and what it underpins' '
	contains page.html "Plans that underpin it" &&
	contains page.html "href=\"/framework/PP-2004-05/PP2\" class=\"govuk-link\">PP2</a>" &&
	page pat /framework/TP-2004-05/O1 >/dev/null &&
	contains page.html "href=\"/framework/CAMDEN-2004-05/O1\" class=\"govuk-link\">O1</a>" &&
	contains page.html "What it underpins" &&
	contains page.html "href=\"/framework/PP-2004-05/PP2\"" &&
	page pat /framework/TTSC/G1.A1 >/dev/null &&
	contains page.html "Projects that serve it" &&
	contains page.html "href=\"/projects/PJ01\">Safer Homes burglary reduction in Camden</a>"
'

test_expect_success 'a plan has its page: what cascades from it, and its tree' '
	equals "$(page pat /framework/TTSC)" 200 &&
	contains page.html "<h1 class=\"govuk-heading-l\">Towards the Safest City</h1>" &&
	contains page.html "Plans that cascade from it" &&
	contains page.html "href=\"/framework/PP-2004-05\">Policing Plan 2004/05</a>" &&
	contains page.html "href=\"/framework/TTSC/G5\"" &&
	page pat /framework/PP-2004-05 >/dev/null &&
	contains page.html ">Towards the Safest City</a>"
'

test_expect_success 'the old addresses of nodes lead to their pages' '
	curl -s -o /dev/null -D headers.txt -b pat.jar "$URL/nodes/TTSC/G1" &&
	grep -q "^HTTP/1.1 303" headers.txt && equals "$(header Location)" "/framework/TTSC/G1" &&
	curl -s -o /dev/null -D headers.txt -b pat.jar "$URL/goals/TTSC/G3" &&
	equals "$(header Location)" "/framework/TTSC/G3" &&
	equals "$(page pat /framework/TTSC/NOPE)" 404
'

test_expect_success 'a node is changed from its page, and the page says so' '
	page pat /framework/TTSC/G1 >/dev/null &&
	contains page.html "href=\"/framework/TTSC/G1/edit\"" &&
	equals "$(page pat /framework/TTSC/G1/edit)" 200 &&
	version=$(sed -n "s/.*name=\"version\" value=\"\([0-9]*\)\".*/\1/p" page.html) &&
	equals "$(form pat /framework/TTSC/G1/edit "version=$version" "title=Safer communities for all" \
	    "kind=goal")" 303 &&
	equals "$(header Location)" "/framework/TTSC/G1?saved=changed" &&
	page pat "/framework/TTSC/G1?saved=changed" >/dev/null &&
	contains page.html "G1: Safer communities for all" &&
	contains page.html "govuk-notification-banner--success" &&
	equals "$(page pat /framework/TTSC/edit)" 200 &&
	contains page.html "Change Towards the Safest City"
'

test_expect_success 'the public sees the published framework only' '
	PAGE_URL=$PUBLIC page nobody /framework >/dev/null &&
	contains page.html "href=\"/framework/TTSC/G1\"" &&
	lacks page.html "href=\"/framework/TTSC/G2\"" &&
	equals "$(PAGE_URL=$PUBLIC page nobody /framework/TTSC/G2)" 404 &&
	equals "$(PAGE_URL=$PUBLIC page nobody /framework/TTSC/G1)" 200 &&
	lacks page.html "/edit"
'

test_expect_success 'a project has its page: manager, committee, aims, costs, reports' '
	equals "$(page pat /projects/PJ01)" 200 &&
	contains page.html "<h1 class=\"govuk-heading-l\">Safer Homes burglary reduction in Camden</h1>" &&
	contains page.html ">Borough Commander, Camden<" &&
	contains page.html ">Safer Communities Strategic Committee</a>" &&
	contains page.html "href=\"/framework/TTSC/G1.A1\" class=\"govuk-link\">TTSC/G1.A1: Reduce volume crime" &&
	contains page.html "£120,000" && contains page.html "£205,000" &&
	contains page.html "15 January 2004" &&
	contains page.html "href=\"/project_reports/new?project=PJ01&amp;back=%2Fprojects%2FPJ01\"" &&
	equals "$(page pat /projects/NOPE)" 404
'

test_expect_success 'the projects list filters, sorts by cost and links to each project' '
	page pat "/projects?status=running&sort=cost&dir=desc" >/dev/null &&
	contains page.html "<option value=\"running\" selected>Running</option>" &&
	contains page.html "href=\"/projects/PJ01\" class=\"govuk-link\">Safer Homes burglary reduction in Camden</a>" &&
	lacks page.html ">Case file quality improvement<" &&
	contains page.html "href=\"/reports/portfolio\""
'

test_done
