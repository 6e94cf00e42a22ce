#!/bin/sh
# Crash safety of the server (issue 9): `waymark serve` killed with SIGKILL
# at a pseudo-random moment while clients add and change records through
# the API, a few rounds over. After each kill the database opens, passes
# its integrity check (and on SQLite, sqlite3's own) and its audit chain;
# every write a client saw acknowledged (2xx) is there, with its audit
# entry; a write under way when the server died is there whole (record and
# audit entry) or not at all; and a server started again serves and
# accepts writes. Then, for contrast, SIGTERM amid writes: the server
# finishes what is under way and exits 0, losing nothing either. Runs in
# both passes: on PostgreSQL the server's connections die with it,
# mid-transaction.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

rounds=5
[ -n "${WM_TEST_LIGHT:-}" ] && rounds=3
writers="1 2 3"

wm init >/dev/null
wm add unit --ref CRASH --name "Crash test root" --kind service >/dev/null
for w in $writers; do
	wm add unit --ref "K$w" --name "Changed by writer $w" --kind ocu --parent CRASH >/dev/null
done
wm user add pat --role planner --password "planner pass" >/dev/null

# writer ROUND W: until the server stops answering, add a unit and change
# K$W (which only this writer changes), one request at a time. Each
# acknowledged write is appended to acked.ROUND.W as "add REF" or
# "set REF VERSION NAME" once its whole answer is in; anything but a 2xx
# or a broken connection goes to odd.ROUND.W. Bounded: 5000 steps at most.
# gone STATUS WHAT: curl failed; a refused or reset connection is the
# kill, but no answer for 60 s is a hung server, and is recorded as odd.
gone() {
	[ "$1" -ne 28 ] || echo "$2: no answer for 60 s" >>"odd.$k.$w"
}

writer() {
	k=$1 w=$2
	csrf=$(cat pat.csrf)
	: >"acked.$k.$w"
	st=$(curl -s --max-time 60 -o "w$w.json" -w "%{http_code}" -b pat.jar "$URL/api/v1/units/K$w") || { gone $? "K$w"; return 0; }
	[ "$st" = 200 ] || { echo "GET K$w: $st $(cat "w$w.json")" >>"odd.$k.$w"; return 0; }
	v=$(jq .version "w$w.json")
	i=1
	while [ $i -le 5000 ]; do
		st=$(curl -s --max-time 60 -o "w$w.json" -w '%{http_code}' -b pat.jar -X POST \
		    -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
		    --data-binary "{\"ref\":\"W$k-$w-$i\",\"name\":\"Added $k $w $i\",\"parent\":\"CRASH\"}" \
		    "$URL/api/v1/units") || { gone $? "POST"; return 0; }
		[ "$st" = 201 ] || { echo "POST W$k-$w-$i: $st $(cat "w$w.json")" >>"odd.$k.$w"; return 0; }
		echo "add W$k-$w-$i" >>"acked.$k.$w"
		st=$(curl -s --max-time 60 -o "w$w.json" -w '%{http_code}' -b pat.jar -X PATCH \
		    -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
		    -H "If-Match: \"$v\"" --data-binary "{\"name\":\"r$k w$w i$i\"}" \
		    "$URL/api/v1/units/K$w") || { gone $? "K$w"; return 0; }
		[ "$st" = 200 ] || { echo "PATCH K$w from $v: $st $(cat "w$w.json")" >>"odd.$k.$w"; return 0; }
		v=$((v + 1))
		echo "set K$w $v r$k w$w i$i" >>"acked.$k.$w"
		i=$((i + 1))
	done
}

# The checks after each kill: the database opens and is intact, and holds
# every acknowledged write, each whole, and no half-written one.
check_round() {
	k=$1
	if [ "$ENGINE" = sqlite ]; then
		equals "$(sqlite3 "$WAYMARK_DB" "PRAGMA integrity_check")" ok || return 1
	fi
	wm verify >verify.out || { cat verify.out >&2; return 1; }
	contains verify.out intact || return 1
	wm list units --parent CRASH --json >units.json || return 1
	wm audit --json --limit 0 >audit.json || return 1
	for w in $writers; do
		if [ -s "odd.$k.$w" ]; then
			echo "writer $w of round $k got an answer it should not have:" >&2
			cat "odd.$k.$w" >&2
			return 1
		fi
		# every acknowledged add is there, with its audit entry
		grep "^add " "acked.$k.$w" | cut -d" " -f2 | sort >want.add
		jq -r ".[] | .ref | select(startswith(\"W$k-$w-\"))" units.json | sort >have.add
		jq -r ".[] | select(.action == \"add\") | .ref | select(startswith(\"W$k-$w-\"))" \
		    audit.json | sort >audited.add
		missing=$(comm -23 want.add have.add)
		if [ -n "$missing" ]; then
			echo "round $k, writer $w: acknowledged adds missing: $missing" >&2
			return 1
		fi
		# at most the one add under way at the kill is there unacknowledged
		extra=$(comm -13 want.add have.add | wc -l)
		[ "$extra" -le 1 ] || { echo "round $k, writer $w: $extra unacknowledged adds" >&2; return 1; }
		# and no record is there without its audit entry, or the other way round
		cmp -s have.add audited.add || {
			echo "round $k, writer $w: records and their audit entries differ:" >&2
			diff have.add audited.add >&2
			return 1
		}
		# every acknowledged change is in the audit log, as acknowledged
		grep "^set " "acked.$k.$w" | cut -d" " -f2- | sort >want.set
		jq -r ".[] | select(.action == \"set\" and .ref == \"K$w\")
		    | \"\(.ref) \(.after.version) \(.after.name)\"" audit.json | sort >have.set
		missing=$(comm -23 want.set have.set)
		if [ -n "$missing" ]; then
			echo "round $k, writer $w: acknowledged changes not in the audit log: $missing" >&2
			return 1
		fi
		# K$w is at its last acknowledged change, or the one under way at the kill
		last=$(grep "^set " "acked.$k.$w" | tail -1 | cut -d" " -f3-)
		wm show unit "K$w" --json >k.json
		got=$(jq -r '"\(.version) \(.name)"' k.json)
		if [ -n "$last" ] && [ "$got" != "$last" ]; then
			lv=${last%% *}
			if [ "$(jq .version k.json)" -ne $((lv + 1)) ] ||
			    ! grep -q " $((lv + 1)) $(jq -r .name k.json)\$" have.set; then
				echo "round $k, writer $w: K$w is \"$got\"; last acknowledged: \"$last\"" >&2
				return 1
			fi
		fi
	done
	return 0
}

# round K SIGNAL DELAY: start a server, set the writers going, and DELAY
# seconds after their first acknowledged writes send the server SIGNAL.
# Leaves the server's exit status in status, the acknowledged counts in
# n_add and n_set. (At the top level: the script must wait for the server.)
round() {
	k=$1
	serve_start "s$k"
	URL=$(cat "s$k.url")
	[ -f pat.csrf ] || login pat pat "planner pass"
	pids=""
	for w in $writers; do
		writer "$k" "$w" &
		pids="$pids $!"
	done
	# counted from the writers' first acknowledged writes, so that a slow
	# start (valgrind, a busy machine) still leaves writes to interrupt
	i=0
	until [ "$(cat acked.$k.* 2>/dev/null | wc -l)" -ge 3 ] || [ $i -ge 600 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	sleep "$3"
	spid=$(cat "s$k.pid")
	kill -"$2" "$spid"
	set +e
	{ wait "$spid"; } 2>/dev/null	# not the shell's "Killed" amid the TAP
	status=$?
	for p in $pids; do wait "$p"; done
	set -e
	n_add=$(cat acked.$k.* | grep -c "^add " || :)
	n_set=$(cat acked.$k.* | grep -c "^set " || :)
}

adds=0 sets=0
k=1
while [ $k -le $rounds ]; do
	# Kill k lands in the k-th slice of 0.2 to 1.5 s into the writing, at a
	# pseudo-random place within it (seeded: a failure can be repeated).
	delay=$(awk -v k=$k -v n=$rounds 'BEGIN { srand(k); printf "%.2f", 0.2 + 1.3 * (k - 1 + rand()) / n }')
	round $k KILL "$delay"
	adds=$((adds + n_add)) sets=$((sets + n_set))
	test_expect_success "round $k: killed after ${delay}s ($n_add adds, $n_set changes acknowledged): intact, nothing acknowledged lost" '
		equals "$status" 137 &&
		test "$n_add" -gt 0 &&
		check_round '"$k"'
	'
	k=$((k + 1))
done
echo "# $rounds kills; $adds adds and $sets changes acknowledged over them"

# The orderly stop, for contrast: SIGTERM finishes the requests under way.
round $k TERM 0.5
test_expect_success "stopped by SIGTERM amid writes ($n_add adds, $n_set changes acknowledged): exits 0, nothing acknowledged lost" '
	{ equals "$status" 0 || { echo "the server said:"; tail -n 20 "s'"$k"'.log"; false; }; } &&
	test "$n_add" -gt 0 &&
	check_round '"$k"'
'

serve_start again
URL=$(cat again.url)

test_expect_success 'a server started again serves, and accepts writes' '
	equals "$(call pat GET /api/v1/units?parent=CRASH)" 200 &&
	equals "$(jq .total body.json)" "$(wm list units --parent CRASH --json | jq length)" &&
	equals "$(call pat POST /api/v1/units "{\"ref\":\"After\",\"name\":\"After the crashes\",\"parent\":\"CRASH\"}")" 201 &&
	equals "$(call pat GET /api/v1/units/K1)" 200 &&
	etag=$(header ETag) &&
	equals "$(call pat PATCH /api/v1/units/K1 "{\"name\":\"after\"}" -H "If-Match: $etag")" 200 &&
	equals "$(call pat GET /api/v1/units/K1)" 200 &&
	equals "$(jq -r .name body.json)" after &&
	wm verify >out && contains out intact
'

serve_stop again
test_expect_success 'and stops cleanly' '
	equals "$(cat again.exit)" 0
'

test_done
