#!/bin/sh
# The owner's commentary on an indicator, per period: written from the
# indicator's page by its owner or a planner, quoted by the exception
# report and the scorecard (page, text and JSON), never shown to the public.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
# the sample's own commentary on SC-01 for 2005-03 goes, so the owner writes one afresh
wm remove commentary SC-01/2005-03 >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm user add jo --role lead --person janalyst --password "owner pass" >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
serve_start main
serve_start public --public
URL=$(cat main.url)
PUBLIC=$(cat public.url)
for u in pat:"planner pass" jo:"owner pass" lena:"lead password"; do
	login "${u%%:*}" "${u%%:*}" "${u#*:}"
done

test_expect_success 'the indicator page offers its owner a commentary for the latest period' '
	equals "$(page jo /pis/SC-01)" 200 &&
	contains page.html "<h2 class=\"govuk-heading-m\" id=\"commentary\">Commentary</h2>" &&
	contains page.html "The owner has written no commentary for 2005-03." &&
	contains page.html "href=\"/commentaries/new?pi=SC-01&amp;period=2005-03&amp;back=%2Fpis%2FSC-01\"" &&
	equals "$(page lena /pis/SC-01)" 200 && lacks page.html "/commentaries/new"
'

test_expect_success 'the owner writes it; it is theirs, dated, and audited' '
	equals "$(page jo "/commentaries/new?pi=SC-01&period=2005-03&back=/pis/SC-01")" 200 &&
	contains page.html "<option value=\"SC-01\" selected>" &&
	contains page.html "name=\"period\" type=\"text\" value=\"2005-03\"" &&
	equals "$(form jo /commentaries/new pi=SC-01 period=2005-03 back=/pis/SC-01 \
	    "why=Burglary rose in Camden and Hackney" "action=Patrols on the estates at night" \
	    "by_whom=Borough commanders" by_when-day=30 by_when-month=6 by_when-year=2005)" 303 &&
	equals "$(header Location)" /pis/SC-01 &&
	wm show commentary SC-01/2005-03 --json >c.json &&
	equals "$(jq -r .author c.json)" web:jo && equals "$(jq -r .by_when c.json)" 2005-06-30 &&
	wm audit --kind commentaries --limit 1 >out && contains out web:jo &&
	page jo /pis/SC-01 >/dev/null &&
	contains page.html "Patrols on the estates at night" && contains page.html "30 June 2005" &&
	contains page.html "href=\"/commentaries/SC-01/2005-03/edit\""
'

test_expect_success 'a lead who does not own the indicator may not write its commentary' '
	equals "$(form lena /commentaries/new pi=CJ-01 period=2005-03 why=x)" 403 &&
	contains page.html "indicators that a post you hold owns" &&
	equals "$(call lena POST /api/v1/commentaries "{\"pi\":\"SC-01\",\"period\":\"2005-02\",\"why\":\"x\"}")" 403 &&
	contains msg.txt "indicators that a post you hold owns" &&
	equals "$(call jo POST /api/v1/commentaries "{\"pi\":\"CJ-01\",\"period\":\"2005-03\",\"why\":\"x\"}")" 403
'

test_expect_success 'the exception report and the scorecard quote it' '
	wm report exceptions --as-of 2005-03 >exc.txt &&
	contains exc.txt "SC-01 Residential burglaries per 1,000 households, 2005-03" &&
	contains exc.txt "What is being done: Patrols on the estates at night" &&
	wm report exceptions --as-of 2005-03 --format json |
	    jq -e ".exceptions[] | select(.pi == \"SC-01\") | .commentary.why == \"Burglary rose in Camden and Hackney\"" &&
	wm report performance --as-of 2005-03 --format json |
	    jq -e "[.goals[].aims[].pis[] | select(.pi == \"SC-01\") | .commentary.by_whom] | .[0] == \"Borough commanders\"" &&
	equals "$(page pat "/exceptions?as_of=2005-03")" 200 &&
	contains page.html "Why: Burglary rose in Camden and Hackney" &&
	equals "$(page pat "/scorecard?as_of=2005-03")" 200 &&
	contains page.html "By Borough commanders, by 2005-06-30"
'

test_expect_success 'the public sees no commentary' '
	equals "$(PAGE_URL=$PUBLIC page anon "/exceptions?as_of=2005-03")" 200 &&
	lacks page.html "Burglary rose" &&
	equals "$(PAGE_URL=$PUBLIC page anon /pis/SC-01)" 200 && lacks page.html "Commentary" &&
	equals "$(CALL_URL=$PUBLIC call anon GET /api/v1/commentaries)" 403
'

test_done
