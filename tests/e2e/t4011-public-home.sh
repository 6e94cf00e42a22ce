#!/bin/sh
# The public's home page (serve --public, not signed in): the published
# framework's goals with their published indicators, latest approved
# figures, status and charts, and the published recommendations with how
# far each is met; nothing unpublished, no figure awaiting approval.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm set recommendation DA2002/R1 --published no >/dev/null
wm user add cc --role lead --person ccommander --password "borough pass" >/dev/null
serve_start public --public
serve_start main
URL=$(cat main.url)
PUBLIC=$(cat public.url)
login cc cc "borough pass"

test_expect_success 'the public home page answers, with the framework and its indicators' '
	equals "$(PAGE_URL=$PUBLIC page anon /)" 200 &&
	contains page.html "<h1 class=\"govuk-heading-xl\">Our plans and how we are doing</h1>" &&
	contains page.html "Towards the Safest City" &&
	contains page.html "Developing safer communities" &&
	contains page.html "href=\"/pis/SC-01\">Residential burglaries per 1,000 households</a>" &&
	contains page.html "as of 2005-03" &&
	contains page.html "class=\"wm-spark\"><svg " &&
	contains page.html "over the last two years</title>" &&
	lacks page.html "/pis/CT-01" && lacks page.html "/pis/RD-03"
'

test_expect_success '... and the published recommendations with their degree met' '
	contains page.html "Recommendations made to us" &&
	contains page.html "R13: Capital planning" &&
	contains page.html "District Audit report on the Policing" &&
	lacks page.html "href=\"/recommendations/DA2002/R1\"" &&
	contains page.html "published recommendations have been met in full"
'

test_expect_success '... with none of the things only those signed in see' '
	lacks page.html "Overdue recommendations" && lacks page.html "Latest progress updates" &&
	lacks page.html "href=\"/audit\"" && lacks page.html "href=\"/records\""
'

test_expect_success 'a figure awaiting approval changes nothing on it' '
	cp page.html before.html &&
	equals "$(form cc /pis/SC-01/figures period=2005-04 f0-unit=Camden f0-num=250 f0-den=9117.5)" 303 &&
	equals "$(PAGE_URL=$PUBLIC page anon /)" 200 &&
	contains page.html "as of 2005-03" && lacks page.html "2005-04"
'

test_done
