#!/bin/sh
# t1021-mywork: what a person's posts lead that is overdue, due soon or
# stale, from the posts they hold on the day; the same on the API.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

# As of 2005-04-15 (lib.sh's clock): Ann holds Head of Audit (from 2004),
# Bob the Director's post, Olive held a post until the end of 2004.
wm init >/dev/null
{
	wm add person --ref ann --name "Ann Lead" --email ann@example.org &&
	wm add person --ref bob --name "Bob Boss" --email bob@example.org &&
	wm add person --ref old --name "Olive Old" &&
	wm add post --ref "Head of Audit" && wm add post --ref Director &&
	wm add post --ref "Head of Nothing" &&
	wm add holder --post "Head of Audit" --person ann --start-date 2004-01-01 &&
	wm add holder --post Director --person bob &&
	wm add holder --post "Head of Nothing" --person old --end-date 2004-12-31 &&
	wm add source --ref IA05 --title "Internal audit" --kind internal_audit --issued 2005-03-20 &&
	wm add recommendation --source IA05 --ref R1 --subject "Late one" --text t --leads "Head of Audit" --due 2005-03-31 &&
	wm add recommendation --source IA05 --ref R2 --subject "Due soon" --text t --leads "Head of Audit" --due 2005-04-25 &&
	wm add recommendation --source IA05 --ref R3 --subject "Due later" --text t --leads "Head of Audit" --due 2005-06-30 &&
	wm add recommendation --source IA05 --ref R4 --subject "Shared" --text t --leads "Head of Audit" --leads Director --due 2005-04-15 &&
	wm add recommendation --source IA05 --ref R5 --subject "Done" --text t --leads "Head of Audit" --due 2005-03-01 --status closed &&
	wm add recommendation --source IA05 --ref R6 --subject "Old lead" --text t --leads "Head of Nothing" --due 2005-03-01 &&
	wm user add ann --role lead --person ann --password "ann's pass" &&
	wm user add pat --role planner --password "planner pass"
} >/dev/null

keys() { jq -r "[.$1[] | \"\(.key) \(.why)\"] | join(\", \")" "$2"; }

test_expect_success 'a lead sees what is overdue, then what is due within 14 days, not what is closed' '
	wm report mywork --user ann --format json >ann.json &&
	equals "$(keys items ann.json)" "IA05/R1 overdue, IA05/R4 due, IA05/R2 due" &&
	equals "$(jq -r .posts[0] ann.json)" "Head of Audit" &&
	equals "$(jq -r ".items[0].days_overdue" ann.json)" 15 &&
	equals "$(jq -r ".items[0].update" ann.json)" "/progress/new?recommendation=IA05%2FR1&back=%2Fmy"
'

test_expect_success '--days widens what counts as due; --as-of moves the day' '
	wm report mywork --user ann --days 90 --format json >ann90.json &&
	equals "$(keys items ann90.json)" "IA05/R1 overdue, IA05/R4 due, IA05/R2 due, IA05/R3 due" &&
	wm report mywork --user ann --as-of 2005-03-25 --format json >early.json &&
	equals "$(keys items early.json)" "IA05/R1 due"
'

test_expect_success 'no update for the stale period lists it as stale, as chase does' '
	wm report mywork --user ann --as-of 2005-06-20 --days 0 --format json >late.json &&
	equals "$(keys items late.json)" "IA05/R1 overdue, IA05/R4 overdue, IA05/R2 overdue, IA05/R3 stale" &&
	wm add setting --key tracking.stale_days --value 30 >/dev/null &&
	wm report mywork --user ann --as-of 2005-04-25 --days 0 --format json >stale.json &&
	equals "$(keys items stale.json)" "IA05/R1 overdue, IA05/R4 overdue, IA05/R2 due, IA05/R3 stale" &&
	wm update recommendation IA05/R3 --progress "Started" --date 2005-04-24 >/dev/null &&
	wm report mywork --user ann --as-of 2005-04-25 --days 0 --format json >fresh.json &&
	equals "$(keys items fresh.json)" "IA05/R1 overdue, IA05/R4 overdue, IA05/R2 due" &&
	wm remove setting tracking.stale_days >/dev/null
'

test_expect_success 'an item two posts lead is on both holders'"'"' lists, each under their post' '
	wm report mywork --user bob --format json >bob.json &&
	equals "$(keys items bob.json)" "IA05/R4 due" &&
	equals "$(jq -r ".items[0].lead" bob.json)" Director
'

test_expect_success 'a post held no more leads nothing for its old holder; a person ref will do' '
	wm report mywork --user old >old.txt &&
	contains old.txt "holds no post on 2005-04-15" &&
	wm report mywork --user old --as-of 2004-12-01 --days 120 --format json >then.json &&
	equals "$(keys items then.json)" "IA05/R6 due"
'

test_expect_success 'the paper says why and where each is updated; unknown names are said plainly' '
	wm report mywork --user ann >ann.txt &&
	contains ann.txt "My work: Ann Lead" &&
	contains ann.txt "Late one" &&
	contains ann.txt "overdue" &&
	expect_exit 1 wm report mywork --user nobody 2>err &&
	contains err "no user or person called \"nobody\"" &&
	expect_exit 2 wm report mywork 2>err &&
	contains err "--user"
'

test_expect_success 'a manager sees the posts below theirs; long overdue, the reminder is copied to them and the clerk' '
	wm set post "Head of Audit" --reports-to Director >/dev/null &&
	wm report mywork --user bob --format json >boss.json &&
	equals "$(jq -r ".team_posts | join(\",\")" boss.json)" "Head of Audit" &&
	equals "$(keys team boss.json)" "IA05/R1 overdue, IA05/R2 due" &&
	wm add person --ref cl --name "Carol Clerk" --email clerk@example.org >/dev/null &&
	wm add post --ref "Committee Clerk" >/dev/null &&
	wm add holder --post "Committee Clerk" --person cl >/dev/null &&
	wm add committee --ref AUD --name "Audit Committee" --clerk "Committee Clerk" >/dev/null &&
	wm set recommendation IA05/R1 --committee AUD >/dev/null &&
	wm remind --dry-run --json --as-of 2005-04-15 >early.json &&
	equals "$(jq -r ".digests[] | select(.person == \"ann\") | .cc | length" early.json)" 0 &&
	wm add setting --key remind.escalate_after_days --value 10 >/dev/null &&
	wm remind --dry-run --json --as-of 2005-04-15 >esc.json &&
	equals "$(jq -r ".digests[] | select(.person == \"ann\") | .cc | join(\",\")" esc.json)" \
	    "bob@example.org,clerk@example.org" &&
	equals "$(jq -r ".digests[] | select(.person == \"ann\") | [.items[] | select(.escalated) | .key] | join(\",\")" esc.json)" IA05/R1 &&
	wm remove setting remind.escalate_after_days >/dev/null
'

test_expect_success 'the figures an owned indicator is due are listed, each linking to where it is entered' '
	wm add unit --ref CORP --name Corporate >/dev/null &&
	wm add pi --code AQ1 --title "Audits closed" --frequency quarterly --owner "Head of Audit" --reporting-lag 20 >/dev/null &&
	wm report mywork --user ann --format json >figs.json &&
	jq -c "[.items[] | select(.kind == \"figures\") | \"\(.key) \(.why)\"]" figs.json >got &&
	equals "$(cat got)" "[\"AQ1/2004-Q1 overdue\",\"AQ1/2004-Q2 overdue\",\"AQ1/2004-Q3 overdue\",\"AQ1/2004-Q4 overdue\",\"AQ1/2005-Q1 due\"]" &&
	equals "$(jq -r "[.items[] | select(.key == \"AQ1/2005-Q1\")][0].update" figs.json)" "/pis/AQ1/figures?period=2005-Q1&back=%2Fmy" &&
	wm add measurement --pi AQ1 --unit CORP --period 2004-Q4 --value 12 >/dev/null &&
	wm report mywork --user ann --format json >figs2.json &&
	equals "$(jq -c "[.items[] | select(.kind == \"figures\") | .key]" figs2.json)" "[\"AQ1/2005-Q1\"]"
'

serve_start main
URL=$(cat main.url)
login ann ann "ann's pass"

test_expect_success 'the API gives the same list' '
	curl -s -b ann.jar "$URL/api/v1/reports/mywork?user=ann" >api.json &&
	wm report mywork --user ann --format json >cli.json &&
	equals "$(keys items api.json)" "$(keys items cli.json)" &&
	equals "$(keys items api.json)" "IA05/R1 overdue, IA05/R4 due, AQ1/2005-Q1 due, IA05/R2 due"
'

test_expect_success 'nobody reads it without signing in' '
	equals "$(curl -s -o /dev/null -w "%{http_code}" "$URL/api/v1/reports/mywork?user=ann")" 401
'

test_expect_success 'signing in lands on My work, which lists the same with a link to each update form' '
	curl -s -c web.jar -o login.html "$URL/login" &&
	tok=$(sed -n "s/.*name=\"csrf_token\" value=\"\([0-9a-f]*\)\".*/\1/p" login.html) &&
	curl -s -b web.jar -c web.jar -o /dev/null -D h "$URL/login" --data-urlencode username=ann \
	    --data-urlencode "password=ann'"'"'s pass" --data-urlencode "csrf_token=$tok" --data-urlencode next=/ &&
	equals "$(grep -i "^location:" h | tr -d "\r" | sed "s/^[^:]*: *//")" /my &&
	equals "$(page web /my)" 200 &&
	contains page.html "My work: Ann Lead" &&
	contains page.html "href=\"/progress/new?recommendation=IA05%2FR1&amp;back=%2Fmy\"" &&
	contains page.html "href=\"/progress/new?recommendation=IA05%2FR2&amp;back=%2Fmy\"" &&
	lacks page.html "IA05/R5" &&
	contains page.html "href=\"/my\"" &&
	curl -s -b web.jar -o form.html "$URL/progress/new?recommendation=IA05%2FR1&back=%2Fmy" &&
	contains form.html "<option value=\"IA05/R1\" selected>"
'

test_expect_success 'the lead updates an item from the form it links to' '
	login ann ann "ann'"'"'s pass" &&
	equals "$(form ann /recommendations/IA05/R1/progress date=2005-04-15 percent_complete=40 text="Half the teams trained")" 303 &&
	equals "$(wm show recommendation IA05/R1 --json | jq -r ".progress[-1].text")" "Half the teams trained" &&
	page ann /my >/dev/null &&
	contains page.html "2005-04-15"
'

test_expect_success 'an account linked to no person is told so; signed out, /my asks to sign in' '
	login pat pat "planner pass" &&
	equals "$(page pat /my)" 200 &&
	contains page.html "not linked to a person" &&
	equals "$(curl -s -o /dev/null -w "%{http_code}" "$URL/my")" 303
'

serve_stop main
test_done
