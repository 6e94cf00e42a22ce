#!/bin/sh
# waymark serve: listening, keep-alive, limits, headers, assets, stopping.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm user add alice --role admin --password 'correct horse' >/dev/null
serve_start main --max-body 4096 --threads 2
URL=$(cat main.url)
login alice alice 'correct horse'

test_expect_success 'the server says where it listens, on a port it chose' '
	grep -q "^listening on http://127.0.0.1:[0-9][0-9]*/$" main.log &&
	lacks main.url ":0"
'

test_expect_success 'bad --listen and unknown options are usage errors' '
	expect_exit 2 wm serve --listen nonsense 2>err &&
	contains err "expected ADDRESS:PORT" &&
	expect_exit 2 wm serve --threads 0 2>err &&
	contains err "--threads must be from 1" &&
	expect_exit 2 wm serve --no-such 2>err
'

test_expect_success 'a database that is not set up is refused before listening' '
	expect_exit 1 wm --db empty.db serve --listen 127.0.0.1:0 2>err &&
	contains err "waymark init"
'

test_expect_success 'connections are kept alive between requests' '
	curl -sv -b alice.jar "$URL/api/v1/me" "$URL/api/v1/units" -o /dev/null -o /dev/null \
	    2>trace &&
	contains trace "Re-using existing connection"
'

test_expect_success 'every response carries a CSP without unsafe-inline' '
	curl -s -D h -o /dev/null "$URL/login" &&
	grep -i "^Content-Security-Policy: default-src .self.; script-src .self.;" h &&
	lacks h "unsafe-inline" &&
	grep -qi "^X-Content-Type-Options: nosniff" h &&
	grep -qi "^X-Frame-Options: DENY" h
'

test_expect_success 'a body over --max-body is refused with 413, announced or not' '
	head -c 5000 /dev/zero | tr "\0" x >big &&
	equals "$(call alice POST /api/v1/units "{\"ref\":\"$(cat big)\"}")" 413 &&
	contains body.json "larger than the server accepts" &&
	equals "$(curl -s -o body.json -w "%{http_code}" -b alice.jar -H "X-CSRF-Token: $(cat alice.csrf)" \
	    -H "Content-Type: application/json" -H "Transfer-Encoding: chunked" \
	    --data-binary @big "$URL/api/v1/units")" 413 &&
	equals "$(call alice GET /api/v1/units/big)" 404
'

test_expect_success 'the assets are built in, with their types' '
	curl -s -D h -o css "$URL/assets/govuk-frontend.min.css" &&
	grep -qi "^Content-Type: text/css" h && grep -q "govuk-template" css &&
	curl -s -D h -o js "$URL/assets/govuk-frontend.min.js" &&
	grep -qi "^Content-Type: text/javascript" h &&
	curl -s -D h -o font "$URL/assets/fonts/bold-b542beb274-v2.woff2" &&
	grep -qi "^Content-Type: font/woff2" h &&
	curl -s -o /dev/null -D h "$URL/assets/app.js" && grep -qi "^Content-Type: text/javascript" h &&
	equals "$(curl -s -o /dev/null -w "%{http_code}" "$URL/assets/nothing.css")" 404 &&
	equals "$(curl -s -o /dev/null -w "%{http_code}" -X POST "$URL/assets/app.css")" 405
'

test_expect_success 'HEAD answers like GET without a body' '
	curl -s -I -b alice.jar "$URL/api/v1/units" >h &&
	grep -q "^HTTP/1.1 200" h
'

test_expect_success 'requests are logged, one line each' '
	grep -q " GET /api/v1/me 200 alice$" main.log
'

serve_stop main
test_expect_success 'SIGTERM stops the server cleanly' '
	equals "$(cat main.exit)" 0 &&
	contains main.log "stopped on SIGTERM" &&
	! curl -s -o /dev/null "$URL/login"
'

test_done
