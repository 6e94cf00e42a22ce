#!/bin/sh
# Two `waymark serve` processes on one database (issue 8): a change made
# through one is seen through the other at once, a session made on one
# works on the other (and logging out on either ends it on both), and
# concurrent changes to one record from the same version, one through
# each server, give one success and one 412, never a lost update: the
# final record and the audit log hold exactly the accepted changes.
# Runs in both passes: on PostgreSQL, the case the issue names, and on
# SQLite, two servers on one file in WAL mode.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"
. "$SRCDIR/tests/e2e/lib-load.sh"

rounds=20
load_seconds=5
if [ -n "${WM_TEST_LIGHT:-}" ]; then
	rounds=5
	load_seconds=3
fi

wm init >/dev/null
wm add unit --ref MPS --name "Metropolitan Police Service" --kind service >/dev/null
wm add unit --ref RACE --name "Raced over" --kind ocu --parent MPS >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start a
serve_start b
URL_A=$(cat a.url)
URL_B=$(cat b.url)
URL=$URL_A

# on SERVER CALL-ARGS...: `call` through server a or b.
on() {
	_s=$1
	shift
	if [ "$_s" = a ]; then CALL_URL=$URL_A call "$@"; else CALL_URL=$URL_B call "$@"; fi
}

login alice alice "correct horse"

test_expect_success 'a record added through one server is read through the other at once' '
	equals "$(on a alice POST /api/v1/units "{\"ref\":\"Twin\",\"name\":\"Twin\",\"kind\":\"ocu\",\"parent\":\"MPS\"}")" 201 &&
	equals "$(on b alice GET /api/v1/units/Twin)" 200 &&
	equals "$(jq -r .name body.json)" Twin &&
	equals "$(header ETag)" "\"1\"" &&
	equals "$(on b alice GET "/api/v1/units?parent=MPS")" 200 &&
	equals "$(jq "[.items[].ref] | index(\"Twin\") != null" body.json)" true
'

test_expect_success 'a change through the second server is read through the first at once' '
	equals "$(on b alice PATCH /api/v1/units/Twin "{\"name\":\"Twin changed on b\"}" -H "If-Match: \"1\"")" 200 &&
	equals "$(on a alice GET /api/v1/units/Twin)" 200 &&
	equals "$(jq -r .name body.json)" "Twin changed on b" &&
	equals "$(header ETag)" "\"2\"" &&
	equals "$(on a alice PATCH /api/v1/units/Twin "{\"name\":\"stale\"}" -H "If-Match: \"1\"")" 412 &&
	equals "$(on a alice DELETE /api/v1/units/Twin - -H "If-Match: \"2\"")" 204 &&
	equals "$(on b alice GET /api/v1/units/Twin)" 404
'

test_expect_success 'a session made on one server works on the other, for reads and writes' '
	login pat pat "planner pass" &&
	equals "$(on b pat GET /api/v1/me)" 200 &&
	equals "$(jq -r .username body.json)" pat &&
	equals "$(on b pat POST /api/v1/units "{\"ref\":\"ByPat\",\"name\":\"By Pat\",\"kind\":\"ocu\",\"parent\":\"MPS\"}")" 201 &&
	equals "$(on a pat GET "/api/v1/audit?ref=ByPat&limit=1")" 200 &&
	equals "$(jq -r ".items[0].actor" body.json)" web:pat
'

test_expect_success 'the session'"'"'s CSRF token is checked on the other server too' '
	cp pat.jar forger.jar && echo 0123456789abcdef >forger.csrf &&
	equals "$(on b forger POST /api/v1/units "{\"ref\":\"NoToken\",\"name\":\"x\"}")" 403 &&
	equals "$(on a pat GET /api/v1/units/NoToken)" 404
'

test_expect_success 'logging out on the second server ends the session on the first' '
	equals "$(on a pat GET /api/v1/me)" 200 &&
	equals "$(on b pat POST /api/v1/logout)" 204 &&
	equals "$(on a pat GET /api/v1/me)" 401 &&
	equals "$(on a pat GET /api/v1/units)" 401 &&
	equals "$(on b pat GET /api/v1/units)" 401 &&
	login pat pat "planner pass"
'

# race N ID: one round. Reads RACE's version, then changes it from that
# version through both servers at once (two curls started together);
# writes the round's outcome to race.N.
race() {
	n=$1
	equals "$(on a alice GET /api/v1/units/RACE)" 200 || return 1
	etag=$(header ETag)
	v=$(jq .version body.json)
	equals "$etag" "\"$v\"" || return 1
	for s in a b; do
		if [ $s = a ]; then u=$URL_A who=alice; else u=$URL_B who=pat; fi
		curl -s --max-time 60 -o "r$n$s.json" -w '%{http_code}' -b "$who.jar" -X PATCH \
		    -H "X-CSRF-Token: $(cat "$who.csrf")" -H 'Content-Type: application/json' \
		    -H "If-Match: $etag" --data-binary "{\"name\":\"round $n by $s\"}" \
		    "$u/api/v1/units/RACE" >"r$n$s.status" 2>"r$n$s.err" &
	done
	wait
	sa=$(cat "r${n}a.status") sb=$(cat "r${n}b.status")
	case "$sa $sb" in
	"200 412") win=a lose=b ;;
	"412 200") win=b lose=a ;;
	*)
		echo "round $n: from version $v, a answered $sa and b answered $sb;" \
		    "want one 200 and one 412" >&2
		cat "r${n}a.json" "r${n}b.json" "r${n}a.err" "r${n}b.err" >&2
		return 1 ;;
	esac
	contains "r$n$lose.json" "someone else changed it" || return 1
	equals "$(jq .version "r$n$win.json")" $((v + 1)) || return 1
	equals "$(jq -r .name "r$n$win.json")" "round $n by $win" || return 1
	# the other server sees the winner's change at once
	if [ $win = a ]; then other=b; else other=a; fi
	equals "$(on $other alice GET /api/v1/units/RACE)" 200 || return 1
	equals "$(jq -r .name body.json)" "round $n by $win" || return 1
	echo "$((v + 1)) round $n by $win" >"race.$n"
}

test_expect_success "$rounds rounds of one record changed through both servers from one version: one 200, one 412" '
	v0=$(wm show unit RACE --json | jq .version) &&
	n=1 &&
	while [ $n -le '"$rounds"' ]; do
		race $n || exit 1
		n=$((n + 1))
	done &&
	echo "# winners: a $(cat race.* | grep -c "by a$"), b $(cat race.* | grep -c "by b$")" >&2 &&
	equals "$(wm show unit RACE --json | jq .version)" $((v0 + '"$rounds"'))
'

test_expect_success 'the audit log holds exactly the accepted changes, in order, and verifies' '
	n=1 && : >want &&
	while [ $n -le '"$rounds"' ]; do
		cat race.$n >>want
		n=$((n + 1))
	done &&
	wm audit --json --limit 0 >audit.json &&
	jq -r "[.[] | select(.kind == \"units\" and .ref == \"RACE\" and .action == \"set\")]
	    | sort_by(.id) | .[] | \"\(.after.version) \(.after.name)\"" audit.json >got &&
	if ! cmp -s want got; then
		echo "the audit log of RACE differs from the changes the servers accepted:" >&2
		diff want got >&2
		exit 1
	fi &&
	equals "$(jq -r "[.[] | select(.ref == \"RACE\" and .action == \"set\")] | map(.actor) | unique | join(\" \")" audit.json | tr " " "\n" | grep -vc "^web:\(alice\|pat\)$")" 0 &&
	equals "$(wm show unit RACE --json | jq -r .name)" "$(tail -1 want | cut -d" " -f2-)" &&
	wm verify >out && contains out intact
'

test_expect_success 'one record added through both servers at once: one 201, one 409' '
	for s in a b; do
		if [ $s = a ]; then u=$URL_A; else u=$URL_B; fi
		curl -s --max-time 60 -o "add$s.json" -w "%{http_code}" -b alice.jar -X POST \
		    -H "X-CSRF-Token: $(cat alice.csrf)" -H "Content-Type: application/json" \
		    --data-binary "{\"ref\":\"Both\",\"name\":\"added on $s\",\"kind\":\"ocu\",\"parent\":\"MPS\"}" \
		    "$u/api/v1/units" >"add$s.status" &
	done &&
	wait &&
	equals "$(echo $(cat adda.status) $(cat addb.status) | tr " " "\n" | sort | tr "\n" " ")" "201 409 " &&
	equals "$(wm audit --json --limit 0 | jq "[.[] | select(.ref == \"Both\")] | length")" 1 &&
	winner=$(grep -l 201 add?.status | sed "s/add\\(.\\)\\.status/\\1/") &&
	equals "$(wm show unit Both --json | jq -r .name)" "added on $winner"
'

# The same under load: 64 clients dealt to the two servers in turn (one
# session, made through the first), reading and changing 16 records.
load_records 16
load_run 64 $load_seconds "$URL_A" "$URL_B"

test_expect_success "64 clients over both servers for ${load_seconds}s: no error, no 5xx" '
	load_check_clean &&
	load_check_logged a.log b.log
'

test_expect_success '... and every accepted update is audited, none is lost, nothing else changed' '
	load_check_audited &&
	load_check_final 16 &&
	wm verify >out && contains out intact
'

test_done
