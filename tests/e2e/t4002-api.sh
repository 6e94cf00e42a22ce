#!/bin/sh
# The JSON API: every kind through the generic engine, paging, filters,
# ETags and If-Match, errors people can act on, the audit log, reports.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login alice alice "correct horse"
login pat pat "planner pass"

test_expect_success 'the index names every kind; the description needs no login' '
	equals "$(call pat GET /api/v1)" 200 &&
	equals "$(jq ".kinds | length" body.json)" "$(wm help kinds | grep -c "^## ")" &&
	equals "$(call nobody GET /api/v1/openapi.json)" 200 &&
	equals "$(jq -r .openapi body.json)" 3.0.3
'

test_expect_success 'every kind lists, with the same records and field names as the CLI' '
	call alice GET /api/v1 >/dev/null && jq -r ".kinds[]" body.json >kinds &&
	while read -r k; do
		equals "$(call alice GET "/api/v1/$k?limit=10000")" 200 || { echo "kind $k" >&2; exit 1; }
		jq .items body.json >api1.json
		equals "$(call alice GET "/api/v1/$k?limit=10000&offset=10000")" 200
		jq -S -s ".[0] + .[1].items" api1.json body.json >api.json
		wm list "$k" --json | jq -S . >cli.json
		cmp -s api.json cli.json || { echo "kind $k differs from the CLI" >&2; exit 1; }
		equals "$(jq .total body.json)" "$(jq length cli.json)"
	done <kinds
'

test_expect_success 'pages of records carry the total' '
	equals "$(call pat GET "/api/v1/units?limit=5&offset=5")" 200 &&
	equals "$(jq ".items | length" body.json)" 5 &&
	equals "$(jq .total body.json)" "$(wm list units --json | jq length)" &&
	equals "$(jq -r ".items[0].ref" body.json)" "$(wm list units --json | jq -r ".[5].ref")" &&
	equals "$(call pat GET "/api/v1/units?limit=abc")" 400 &&
	contains msg.txt "limit: \"abc\" is not a whole number" &&
	equals "$(call pat GET "/api/v1/units?limit=20000")" 400
'

test_expect_success 'query parameters filter by field, from/to by period' '
	equals "$(call pat GET "/api/v1/units?kind=ocu&pathfinder=yes")" 200 &&
	equals "$(jq .total body.json)" 6 &&
	equals "$(call pat GET "/api/v1/measurements?pi=SC-01&unit=Camden&from=2004/05&to=2004/05")" 200 &&
	equals "$(jq .total body.json)" 12 &&
	equals "$(jq -r ".items[0].period" body.json)" 2004-04 &&
	equals "$(call pat GET "/api/v1/units?colour=blue")" 400 &&
	contains msg.txt "units cannot be filtered by \"colour\"" &&
	equals "$(call pat GET "/api/v1/units?parent=Nowhere")" 404 &&
	contains msg.txt "unknown unit \"Nowhere\""
'

test_expect_success 'one record has its version as ETag; If-None-Match gives 304' '
	equals "$(call pat GET /api/v1/measurements/SC-01/Camden/2004-04)" 200 &&
	equals "$(header ETag)" "\"1\"" &&
	equals "$(jq -r .unit body.json)" Camden &&
	equals "$(call pat GET /api/v1/measurements/SC-01/Camden/2004-04 - -H "If-None-Match: \"1\"")" 304 &&
	equals "$(call pat GET /api/v1/measurements/SC-01/Camden/2004-04 - -H "If-None-Match: \"7\"")" 200
'

test_expect_success 'keys with spaces and slashes are escaped in the path' '
	equals "$(call pat GET "/api/v1/posts/AC%20PRS")" 200 &&
	equals "$(jq -r .ref body.json)" "AC PRS" &&
	equals "$(call pat GET "/api/v1/targets/SC-01/Camden/2004%2F05")" 200 &&
	equals "$(jq -r .period body.json)" 2004/05
'

test_expect_success 'POST adds a record: 201, Location and the record' '
	equals "$(call pat POST /api/v1/units "{\"ref\":\"Testbury\",\"name\":\"Testbury\",\"kind\":\"ocu\",\"parent\":\"TP\"}")" 201 &&
	equals "$(header Location)" /api/v1/units/Testbury &&
	equals "$(jq -r .parent body.json)" TP &&
	equals "$(jq .version body.json)" 1 &&
	wm show unit Testbury >out && contains out Testbury
'

test_expect_success 'a record that exists, lacks a field or is wrong says why' '
	equals "$(call pat POST /api/v1/units "{\"ref\":\"Testbury\",\"name\":\"Again\"}")" 409 &&
	contains msg.txt "unit \"Testbury\" already exists" &&
	equals "$(call pat POST /api/v1/units "{\"ref\":\"Nameless\"}")" 422 &&
	contains body.json "unit needs name" &&
	equals "$(call pat POST /api/v1/units "{\"ref\":\"K\",\"name\":\"K\",\"kind\":\"ocuu\"}")" 422 &&
	contains msg.txt "did you mean \"ocu\"" &&
	equals "$(jq -r .error.code body.json)" "bad input"
'

test_expect_success 'PATCH with the current If-Match changes it and moves the ETag on' '
	equals "$(call pat PATCH /api/v1/units/Testbury "{\"name\":\"Testbury Borough\"}" -H "If-Match: \"1\"")" 200 &&
	equals "$(header ETag)" "\"2\"" &&
	equals "$(jq -r .name body.json)" "Testbury Borough"
'

test_expect_success 'PATCH with a stale If-Match gets 412 and changes nothing' '
	equals "$(call pat PATCH /api/v1/units/Testbury "{\"name\":\"Lost update\"}" -H "If-Match: \"1\"")" 412 &&
	contains body.json "someone else changed it" &&
	equals "$(call pat GET /api/v1/units/Testbury)" 200 &&
	equals "$(jq -r .name body.json)" "Testbury Borough" &&
	equals "$(jq .version body.json)" 2 &&
	equals "$(call pat PATCH /api/v1/units/Testbury "{\"name\":\"x\"}" -H "If-Match: 2")" 400 &&
	contains body.json "version in double quotes"
'

test_expect_success 'DELETE with a stale If-Match gets 412; with the current one, 204' '
	equals "$(call pat DELETE /api/v1/units/Testbury - -H "If-Match: \"1\"")" 412 &&
	wm show unit Testbury >/dev/null &&
	equals "$(call pat DELETE /api/v1/units/Testbury - -H "If-Match: \"2\"")" 204 &&
	equals "$(call pat GET /api/v1/units/Testbury)" 404 &&
	contains msg.txt "Testbury"
'

test_expect_success 'a record others refer to is not removed, and the answer says why' '
	equals "$(call pat DELETE /api/v1/units/TP)" 409 &&
	contains msg.txt "refer to it" &&
	equals "$(jq -r ".error.referred_by[0].kind" body.json)" units
'

test_expect_success 'bad bodies: not JSON, not an object, not JSON typed, empty' '
	equals "$(call pat POST /api/v1/units "{\"ref\": \"A\",")" 400 &&
	contains body.json "not valid JSON: line 1" &&
	equals "$(call pat POST /api/v1/units "[1, 2]")" 400 &&
	contains body.json "must be a JSON object" &&
	equals "$(call pat POST /api/v1/units "{\"ref\":\"A\",\"ref\":\"B\"}")" 400 &&
	equals "$(curl -s -o body.json -w "%{http_code}" -b pat.jar -H "X-CSRF-Token: $(cat pat.csrf)" --data "ref=A" "$URL/api/v1/units")" 415 &&
	contains body.json "Content-Type: application/json" &&
	equals "$(curl -s -o body.json -w "%{http_code}" -b pat.jar -X POST -H "X-CSRF-Token: $(cat pat.csrf)" -H "Content-Type: application/json" "$URL/api/v1/units")" 400 &&
	contains body.json "body is empty"
'

test_expect_success 'wrong methods and addresses are answered, with a hint' '
	equals "$(call pat PUT /api/v1/units)" 405 &&
	equals "$(header Allow)" "GET, POST" &&
	equals "$(call pat POST /api/v1/audit "{}")" 405 &&
	equals "$(call pat GET /api/v1/unitz)" 404 &&
	contains body.json "did you mean /api/v1/units" &&
	equals "$(call pat GET /api/v1/unit)" 404 &&
	contains body.json "did you mean /api/v1/units" &&
	equals "$(call pat POST /api/v1/imports "{}")" 403 &&
	contains body.json "recorded by Waymark itself"
'

test_expect_success 'changes through the API are in the same audit log as the CLI' '
	equals "$(call pat GET "/api/v1/audit?kind=units&limit=3")" 200 &&
	equals "$(jq -r ".items[0].actor" body.json)" web:pat &&
	equals "$(jq -r ".items[0].action" body.json)" remove &&
	test "$(jq .total body.json)" -ge 3 &&
	wm audit --kind units --limit 5 >out && contains out "web:pat" &&
	wm verify >out && contains out "intact" || wm verify
'

test_expect_success 'reports answer as JSON, with options as query parameters' '
	equals "$(call pat GET /api/v1/reports)" 200 &&
	jq -r ".reports[].name" body.json | grep -qx summary &&
	equals "$(call pat GET /api/v1/reports/summary)" 200 &&
	equals "$(jq .units body.json)" "$(wm list units --json | jq length)" &&
	equals "$(call pat GET "/api/v1/reports/summary?colour=red")" 400 &&
	contains body.json "colour: this report takes no options" &&
	jq -e ".error.options[0].option == \"colour\"" body.json >/dev/null &&
	equals "$(call pat GET "/api/v1/reports/chase?stale_days=x")" 400 &&
	contains msg.txt "stale_days: \"x\" is not a whole number" &&
	equals "$(call pat GET /api/v1/reports/nothing)" 404
'

test_expect_success 'an empty option is one not given, as the pages take it' '
	equals "$(call pat GET "/api/v1/reports/chase?stale_days=&as_of=2002-10-15")" 200 &&
	cp body.json empty.json &&
	equals "$(call pat GET "/api/v1/reports/chase?as_of=2002-10-15")" 200 &&
	cp body.json none.json &&
	cmp empty.json none.json &&
	equals "$(jq .stale_days none.json)" 90
'

test_expect_success 'an administrator adds a user with a password through the API' '
	equals "$(call alice POST /api/v1/users "{\"username\":\"sam\",\"role\":\"member\",\"password\":\"sam password\"}")" 201 &&
	equals "$(jq "has(\"password\")" body.json)" false &&
	login sam sam "sam password" &&
	equals "$(call alice PATCH /api/v1/users/sam "{\"password\":\"new sam pass\"}")" 204 &&
	login sam sam "new sam pass" &&
	equals "$(call alice POST /api/v1/users "{\"username\":\"nopw\",\"role\":\"member\"}")" 422 &&
	contains msg.txt "needs a \"password\""
'

test_expect_success 'me says who the session is' '
	equals "$(call pat GET /api/v1/me)" 200 &&
	equals "$(jq -r .role body.json)" planner &&
	equals "$(jq -r .csrf_token body.json)" "$(cat pat.csrf)"
'

test_done
