#!/bin/sh
# Cross-site request forgery: every change made with a session carries that
# session's token, in the X-CSRF-Token header (API) or the csrf_token field (forms).
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm user add kim --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login pat pat "planner pass"
login kim kim "planner pass"

test_expect_success 'an API change without the token is refused and changes nothing' '
	equals "$(curl -s -o body.json -w "%{http_code}" -b pat.jar -H "Content-Type: application/json" \
	    --data "{\"ref\":\"Forged\",\"name\":\"Forged\"}" "$URL/api/v1/units")" 403 &&
	contains body.json "X-CSRF-Token" &&
	expect_exit 1 wm show unit Forged 2>/dev/null
'

test_expect_success 'another session'"'"'s token does not do' '
	equals "$(curl -s -o body.json -w "%{http_code}" -b pat.jar -H "X-CSRF-Token: $(cat kim.csrf)" \
	    -H "Content-Type: application/json" --data "{\"ref\":\"Forged\",\"name\":\"F\"}" "$URL/api/v1/units")" 403 &&
	equals "$(call pat POST /api/v1/units "{\"ref\":\"Real\",\"name\":\"Real\"}")" 201
'

test_expect_success 'logging out needs the token too' '
	equals "$(curl -s -o /dev/null -w "%{http_code}" -b pat.jar -X POST "$URL/api/v1/logout")" 403 &&
	equals "$(call pat GET /api/v1/me)" 200 && equals "$(jq -r .username body.json)" pat
'

test_expect_success 'a form posted without the token is refused, with a way forward' '
	equals "$(curl -s -o out.html -w "%{http_code}" -b pat.jar \
	    --data "date=2005-04-15&text=forged" "$URL/recommendations/DA2002/R13/progress")" 403 &&
	contains out.html "The form has expired" &&
	equals "$(curl -s -o out.html -w "%{http_code}" -b pat.jar \
	    --data "date=2005-04-15&text=forged&csrf_token=$(cat kim.csrf)" "$URL/recommendations/DA2002/R13/progress")" 403 &&
	wm list progress --recommendation DA2002/R13 --json >p.json &&
	equals "$(jq "[.[] | select(.text == \"forged\")] | length" p.json)" 0
'

test_expect_success 'every form on the pages carries the token' '
	curl -s -b pat.jar "$URL/recommendations/DA2002/R13" >rec.html &&
	forms=$(grep -o "<form method=\"post\"" rec.html | wc -l) &&
	tokens=$(grep -o "name=\"csrf_token\" value=\"$(cat pat.csrf)\"" rec.html | wc -l) &&
	test "$forms" -ge 3 && equals "$tokens" "$forms"
'

test_expect_success 'the same form with the token is taken' '
	equals "$(curl -s -o /dev/null -w "%{http_code}" -b pat.jar \
	    --data "date=2005-04-15&text=genuine&csrf_token=$(cat pat.csrf)" "$URL/recommendations/DA2002/R13/progress")" 303 &&
	wm list progress --recommendation DA2002/R13 --json >p.json &&
	equals "$(jq "[.[] | select(.text == \"genuine\")] | length" p.json)" 1
'

test_done
