# lib-http.sh: sourced after lib.sh by the web server's tests (t4xxx).
#
# Servers listen on a free loopback port (port 0: the kernel picks one and
# the server prints it), are started at the top level of a script (test
# bodies run in subshells), and are stopped when the script ends.
#
#   serve_start main --public        # server "main"; its address is in main.url
#   URL=$(cat main.url)
#   login alice alice 'correct horse' # cookies in alice.jar, CSRF token in alice.csrf
#   status=$(call alice PATCH /api/v1/units/Camden '{"name":"C"}' -H 'If-Match: "1"')
#   # the body is in body.json, the headers in headers.txt, an error's message in msg.txt

SERVERS=""
# This trap replaces lib.sh's: it stops the servers first, then runs that
# cleanup (which also drops the PostgreSQL databases the script made).
trap 'rc=$?; for p in $SERVERS; do kill "$p" 2>/dev/null || :; done; cleanup; exit $rc' EXIT
trap 'exit 130' INT TERM

# serve_start NAME [OPTIONS...]
serve_start() {
	name=$1
	shift
	"$WAYMARK" serve --listen 127.0.0.1:0 "$@" >"$name.log" 2>&1 &
	pid=$!
	echo "$pid" >"$name.pid"
	SERVERS="$SERVERS $pid"
	i=0
	until grep -q '^listening on ' "$name.log" 2>/dev/null; do
		if ! kill -0 "$pid" 2>/dev/null || [ "$i" -gt 100 ]; then
			echo "Bail out! server $name did not start:"
			sed 's/^/# /' "$name.log"
			exit 1
		fi
		i=$((i + 1))
		sleep 0.1
	done
	sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' "$name.log" | head -1 >"$name.url"
}

# serve_stop NAME: SIGTERM, and wait for it to finish; its exit status is in NAME.exit.
# (At the top level of a script: a test body's subshell cannot wait for it.)
serve_stop() {
	pid=$(cat "$1.pid")
	kill -TERM "$pid"
	set +e
	wait "$pid"
	echo $? >"$1.exit"
	set -e
}

# call WHO METHOD PATH [BODY|- [CURL OPTIONS...]]: prints the status ("-": no body).
call() {
	who=$1 method=$2 path=$3
	shift 3
	if [ $# -gt 0 ]; then
		body=$1
		shift
		[ "$body" = - ] || set -- -H 'Content-Type: application/json' --data-binary "$body" "$@"
	fi
	csrf=""
	[ -f "$who.csrf" ] && csrf=$(cat "$who.csrf")
	curl -s -o body.json -D headers.txt -w '%{http_code}' -b "$who.jar" -c "$who.jar" \
	    -X "$method" -H "X-CSRF-Token: $csrf" "$@" "${CALL_URL:-$URL}$path"
	jq -r '.error.message? // empty' body.json >msg.txt 2>/dev/null || :
}

# login WHO USERNAME PASSWORD: log in through the API, keeping the cookie and CSRF token.
login() {
	rm -f "$1.jar" "$1.csrf"
	st=$(call "$1" POST /api/v1/login "{\"username\": \"$2\", \"password\": \"$3\"}")
	if [ "$st" != 200 ]; then
		echo "login $2: $st $(cat body.json)" >&2
		return 1
	fi
	jq -r .csrf_token body.json >"$1.csrf"
}

# header NAME: a header of the last response (headers.txt), without its name.
header() {
	grep -i "^$1:" headers.txt | head -1 | sed 's/^[^:]*: *//' | tr -d '\r'
}

# page WHO PATH: GET a page as WHO into page.html (from $PAGE_URL, else $URL); prints the status.
page() {
	curl -s -o page.html -w '%{http_code}' -b "$1.jar" "${PAGE_URL:-$URL}$2"
}

# form WHO PATH FIELD=VALUE...: POST a form as a browser does, with WHO's session and its
# CSRF token; the page is in page.html, the headers in headers.txt; prints the status.
form() {
	who=$1 path=$2
	shift 2
	for f in "$@"; do set -- "$@" --data-urlencode "$f"; shift; done
	curl -s -o page.html -D headers.txt -w '%{http_code}' -b "$who.jar" -c "$who.jar" \
	    --data-urlencode "csrf_token=$(cat "$who.csrf" 2>/dev/null)" "$@" "${FORM_URL:-$URL}$path"
}

# need_python3: skip the whole script (at its top level) unless python3 can run.
need_python3() {
	if ! command -v python3 >/dev/null 2>&1; then
		test_skip 'python3 is not installed (scripts/install-deps --test installs it)'
		test_done
		exit 0
	fi
}

# run_sweep WHAT: run tests/e2e/sweep.py WHAT on config.json (at a script's top level); its
# failures, one a line, are in sweep.out, its counts in counts.json (shown as a TAP comment).
run_sweep() {
	python3 "$SRCDIR/tests/e2e/sweep.py" "$1" config.json >sweep.out 2>&1
	echo $? >sweep.rc
	tail -1 sweep.out >counts.json
	sed 's/^/# /' counts.json
}

# sweep_passed: the sweep listed no failure and ended well.
sweep_passed() {
	if grep -v "^{" sweep.out | grep -q .; then
		sed -n "1,40p" sweep.out >&2
		return 1
	fi
	equals "$(cat sweep.rc)" 0
}

# need_browser: skip the whole script (at its top level) unless headless Chromium can run.
need_browser() {
	chromium=${CHROMIUM:-/usr/bin/chromium}
	if [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1 ||
	    [ ! -d "$SRCDIR/node_modules/playwright-core" ] || [ ! -d "$SRCDIR/node_modules/axe-core" ]; then
		test_skip 'needs chromium, node and the npm test packages: run scripts/install-deps --test'
		test_done
		exit 0
	fi
}

# error_summary: the messages of page.html's error summary, one a line.
error_summary() {
	tr '\n' ' ' <page.html | sed 's/.*govuk-error-summary__list">//; s/<\/ul>.*//' |
	    sed 's/<\/li>/\n/g' | sed 's/<[^>]*>//g; /^ *$/d'
}
