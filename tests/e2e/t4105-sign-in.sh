#!/bin/sh
# Issue 16.6, 16.10, 16.15, 16.16 (and 16.8's part a script can see):
# where a sign-in may send the browser, changing one's own password,
# counting failed sign-ins before the password is checked, and waits that
# grow per name and address instead of a lock, lifted by an administrator.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
wm user add lena --role lead --password "lead password" >/dev/null
serve_start main --trusted-proxy 127.0.0.1
URL=$(cat main.url)
login alice alice "correct horse"

test_expect_success '16.6: next= sends only to a path on this site' '
	for bad in "/%09/evil.example" "//evil.example" "/%5Cevil.example" "/%0d%0aSet-Cookie:x" \
	    "/%20/evil.example" "http://evil.example" "/x%0a"; do
		curl -s -o /dev/null -D h -b alice.jar "$URL/login?next=$bad" &&
		equals "$(grep -i "^location:" h | tr -d "\r" | sed "s/^[^:]*: *//")" /my || exit 1
	done &&
	curl -s -o /dev/null -D h -b alice.jar "$URL/login?next=/recommendations" &&
	grep -qi "^location: /recommendations" h
'

test_expect_success '16.10: changing one own password needs the current one; 204, and the session goes on' '
	login mo mo "member pass" &&
	equals "$(call mo PATCH /api/v1/users/mo "{\"password\":\"a new pass\"}")" 403 &&
	contains msg.txt "current password" &&
	equals "$(call mo PATCH /api/v1/users/mo "{\"password\":\"a new pass\",\"current_password\":\"wrong\"}")" 403 &&
	equals "$(call mo PATCH /api/v1/users/mo "{\"password\":\"a new pass\",\"current_password\":\"member pass\"}")" 204 &&
	equals "$(call mo GET /api/v1/me)" 200 &&
	login mo mo "a new pass"
'

test_expect_success '16.15: sixteen guesses at once: only the first few are checked, the rest wait' '
	for i in $(seq 1 16); do
		curl -s -o /dev/null -w "%{http_code}\n" -H "Content-Type: application/json" \
		    --data-binary "{\"username\":\"lena\",\"password\":\"guess $i\"}" "$URL/api/v1/login" >>race.txt &
	done &&
	wait &&
	equals "$(wc -l <race.txt)" 16 &&
	test "$(grep -c "^401$" race.txt)" -le 3 &&
	equals "$(grep -vc "^401$\|^429$" race.txt)" 0
'

test_expect_success '16.16: the right password waits from the guesser address, not from elsewhere' '
	equals "$(call x POST /api/v1/login "{\"username\":\"lena\",\"password\":\"lead password\"}")" 429 &&
	test "$(header Retry-After)" -gt 0 &&
	equals "$(call y POST /api/v1/login "{\"username\":\"lena\",\"password\":\"lead password\"}" -H "X-Forwarded-For: 192.0.2.50")" 200
'

test_expect_success '16.16: an administrator lifts the wait (waymark user unlock)' '
	wm user unlock lena --address 127.0.0.1 >out &&
	contains out "lifted" &&
	equals "$(call x POST /api/v1/login "{\"username\":\"lena\",\"password\":\"lead password\"}")" 200 &&
	expect_exit 2 wm user unlock
'

test_done
