#!/bin/sh
# The OpenAPI description checked against what the server really answers:
# every path, the errors, a change, a stale change (tests/http/openapi-check.mjs).
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

if ! command -v node >/dev/null 2>&1; then
	test_skip 'node is not installed (scripts/install-deps --test installs it)'
	test_done
	exit 0
fi

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login pat pat "planner pass"

test_expect_success 'the description is valid JSON naming OpenAPI 3 and every kind' '
	equals "$(call pat GET /api/v1/openapi.json)" 200 &&
	equals "$(jq -r .openapi body.json)" 3.0.3 &&
	equals "$(jq -r ".paths | keys | map(select(test(\"^/[a-z_]+$\"))) | length" body.json)" \
	    "$(( $(wm help kinds | grep -c "^## ") + 5 ))"
'

session=$(awk '$6 == "waymark_session" { print $7 }' pat.jar)
node "$SRCDIR/tests/http/openapi-check.mjs" "$URL" "$session" "$(cat pat.csrf)" >check.tap 2>&1
status=$?
test_expect_success 'every answer the server gives is one the description lists, in its shape' '
	cat check.tap | grep -v "^ok" >&2 || true;
	equals '"$status"' 0 &&
	test "$(grep -c "^ok" check.tap)" -gt 90
'

test_done
