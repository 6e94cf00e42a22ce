#!/bin/sh
# Accounts: waymark user, logging in and out, sessions shared by servers,
# the login throttle, and the login form.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null

test_expect_success 'user add takes --password, or one line of standard input' '
	wm user add alice --role admin --password "correct horse" >out &&
	contains out "added user alice (admin)" &&
	printf "member pass\n" | wm user add mo --role member --display-name "Mo Member" >out &&
	contains out "added user mo (member)" &&
	wm list users --json >users.json &&
	equals "$(jq -r ".[] | select(.username == \"mo\") | .display_name" users.json)" "Mo Member" &&
	equals "$(jq "[.[] | has(\"password_hash\")] | any" users.json)" false
'

test_expect_success 'passwords are kept only as Argon2id hashes' '
	db_sql "$WAYMARK_DB" "SELECT password_hash FROM app_user" >hashes &&
	equals "$(grep -c "^.argon2id.v=" hashes)" 2 &&
	lacks hashes "correct horse"
'

test_expect_success 'bad accounts are refused with reasons' '
	expect_exit 1 wm user add shorty --role member --password short 2>err &&
	contains err "at least 8 characters" &&
	expect_exit 1 wm user add bad --role emperor --password "long enough" 2>err &&
	contains err "not one of" &&
	expect_exit 1 wm user add alice --role member --password "long enough" 2>err &&
	contains err "already exists" &&
	printf "" | expect_exit 1 wm user add empty --role member 2>err &&
	contains err "no password given" &&
	expect_exit 2 wm user frobnicate 2>err
'

test_expect_success 'user passwd sets a new password' '
	printf "second pass\n" | wm user passwd mo >out &&
	contains out "set the password of mo" &&
	expect_exit 1 wm user passwd nobody --password "whatever1" 2>err &&
	contains err "unknown user"
'

serve_start a
serve_start b
URL=$(cat a.url)
URL_B=$(cat b.url)

test_expect_success 'login gives a session cookie and a CSRF token' '
	equals "$(call alice POST /api/v1/login "{\"username\":\"alice\",\"password\":\"correct horse\"}")" 200 &&
	equals "$(jq -r .role body.json)" admin &&
	equals "$(jq -r ".csrf_token | length" body.json)" 64 &&
	header Set-Cookie >cookie &&
	contains cookie "waymark_session=" && contains cookie "HttpOnly" &&
	contains cookie "SameSite=Lax" && lacks cookie "Secure"
'

test_expect_success 'a session made on one server works on another sharing the database' '
	login alice alice "correct horse" &&
	equals "$(CALL_URL=$URL_B call alice GET /api/v1/me)" 200 &&
	equals "$(jq -r .username body.json)" alice
'

test_expect_success 'a wrong password gets 401 and the same words as an unknown user' '
	equals "$(call x POST /api/v1/login "{\"username\":\"mo\",\"password\":\"nope nope\"}")" 401 &&
	jq -r .error.message body.json >one &&
	equals "$(call x POST /api/v1/login "{\"username\":\"ghost\",\"password\":\"nope nope\"}")" 401 &&
	jq -r .error.message body.json >two &&
	equals "$(cat one)" "$(cat two)" &&
	contains one "user name or password is wrong"
'

test_expect_success 'logout ends the session, on every server' '
	login mo mo "second pass" &&
	equals "$(call mo POST /api/v1/logout)" 204 &&
	equals "$(call mo GET /api/v1/units)" 401 &&
	equals "$(CALL_URL=$URL_B call mo GET /api/v1/units)" 401
'

test_expect_success 'a new password ends the sessions of the old one' '
	login mo mo "second pass" &&
	wm user passwd mo --password "third pass" >/dev/null &&
	equals "$(call mo GET /api/v1/me)" 401
'

test_expect_success 'failures make the name wait from that address (429 with Retry-After), across servers' '
	for i in 1 2 3; do
		equals "$(call x POST /api/v1/login "{\"username\":\"mo\",\"password\":\"guess $i\"}")" 401
	done &&
	equals "$(CALL_URL=$URL_B call x POST /api/v1/login "{\"username\":\"mo\",\"password\":\"third pass\"}")" 429 &&
	contains body.json "too many failed sign-ins" &&
	test "$(header Retry-After)" -gt 0 &&
	login alice alice "correct horse" &&
	wm user unlock mo >out && contains out "lifted" &&
	login mo mo "third pass"
'

test_expect_success 'the login form works without script, protected by its own token' '
	curl -s -c form.jar "$URL/login?next=/recommendations" >login.html &&
	contains login.html "name=\"csrf_token\"" &&
	token=$(sed -n "s/.*name=\"csrf_token\" value=\"\([0-9a-f]*\)\".*/\1/p" login.html) &&
	test -n "$token" &&
	curl -s -o /dev/null -D h -b form.jar -c form.jar \
	    --data-urlencode "username=alice" --data-urlencode "password=correct horse" \
	    --data-urlencode "csrf_token=$token" --data-urlencode "next=/recommendations" "$URL/login" &&
	grep -q "^HTTP/1.1 303" h && grep -qi "^Location: /recommendations" h &&
	equals "$(curl -s -o /dev/null -w "%{http_code}" -b form.jar "$URL/recommendations")" 200
'

test_expect_success 'the login form refuses a post without its token, and other sites as next' '
	equals "$(curl -s -o out.html -w "%{http_code}" --data "username=alice&password=correct+horse&csrf_token=abc" "$URL/login")" 403 &&
	contains out.html "had expired" &&
	curl -s -c f2.jar "$URL/login" >l.html &&
	token=$(sed -n "s/.*name=\"csrf_token\" value=\"\([0-9a-f]*\)\".*/\1/p" l.html) &&
	curl -s -o /dev/null -D headers.txt -b f2.jar --data "username=alice&password=correct+horse&csrf_token=$token&next=//evil.example/" "$URL/login" &&
	equals "$(header Location)" /my
'

test_expect_success 'a wrong password on the form says so, keeping the name typed' '
	curl -s -c f3.jar "$URL/login" >l.html &&
	token=$(sed -n "s/.*name=\"csrf_token\" value=\"\([0-9a-f]*\)\".*/\1/p" l.html) &&
	equals "$(curl -s -o out.html -w "%{http_code}" -b f3.jar --data "username=alice&password=wrong+horse&csrf_token=$token" "$URL/login")" 401 &&
	contains out.html "govuk-error-summary" && contains out.html "value=\"alice\""
'

test_expect_success 'cookies are Secure behind a trusted TLS proxy only' '
	equals "$(call p POST /api/v1/login "{\"username\":\"alice\",\"password\":\"correct horse\"}" -H "X-Forwarded-Proto: https")" 200 &&
	header Set-Cookie | grep -v Secure
'
serve_start proxied --trusted-proxy 127.0.0.1
test_expect_success '... and are Secure when the trusted proxy says https' '
	equals "$(CALL_URL=$(cat proxied.url) call p POST /api/v1/login "{\"username\":\"alice\",\"password\":\"correct horse\"}" -H "X-Forwarded-Proto: https")" 200 &&
	header Set-Cookie | grep -q "; Secure"
'

test_done
