#!/bin/sh
# Crash safety: `waymark import` killed with SIGKILL at points spread over
# a large import leaves a database that opens, passes SQLite's integrity
# check and its audit chain, and holds all of the file or none of it; the
# import then completes, giving the same database as an import never
# interrupted.
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" = postgresql ]; then
	test_skip "kills an import writing an SQLite file and checks the file; PostgreSQL recovers by its own write-ahead log"
	test_done
	exit
fi

units=6000	# and twelve monthly figures each: 78,000 records in one transaction
kills=8
# Under the sanitizers and valgrind (tests/run sets WM_TEST_LIGHT) the
# point is memory errors on the same paths, not the size: run it smaller.
if [ -n "${WM_TEST_LIGHT:-}" ]; then
	units=1500
	kills=3
fi

# A Waymark data file: a root unit, $units units under it, one PI and a
# year of figures for each unit. Deterministic: the same file every run.
awk -v n=$units 'BEGIN {
	printf "{\"format\": \"waymark-data\", \"version\": 1,\n \"units\": [\n";
	printf "  {\"ref\": \"LOAD\", \"name\": \"Load test root\", \"kind\": \"authority\"}";
	for (i = 1; i <= n; i++)
		printf ",\n  {\"ref\": \"L%d\", \"name\": \"Load unit %d\", \"kind\": \"ocu\", \"parent\": \"LOAD\"}", i, i;
	printf "],\n \"pis\": [{\"code\": \"LD-01\", \"title\": \"Load figure\", \"measure_unit\": \"count\",";
	printf " \"polarity\": \"higher\", \"aggregation\": \"sum\"}],\n \"measurements\": [\n";
	sep = "";
	for (i = 1; i <= n; i++)
		for (m = 1; m <= 12; m++) {
			printf "%s  {\"pi\": \"LD-01\", \"unit\": \"L%d\", \"period\": \"2003-%02d\", \"value\": %d}",
			    sep, i, m, (i * 7 + m * 13) % 1000;
			sep = ",\n";
		}
	printf "]}\n";
}' >big.json

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The database before: the bundled sample. And after: the sample and the file.
wm --db base.db init >/dev/null
wm --db base.db sample >/dev/null
cp base.db whole.db
start=$(now_ms)
wm --db whole.db import big.json >/dev/null
took=$(( $(now_ms) - start ))
wm --db whole.db export whole.json 2>/dev/null

# What "none" and "all" look like, in units, figures and audit entries.
summary() {
	wm --db "$1" report summary --format json |
	    jq -r '"\(.units) \(.measurements) \(.pis)"'
}
none="$(summary base.db) $(sqlite3 base.db "SELECT COUNT(*) FROM audit")"
all="$(summary whole.db) $(sqlite3 whole.db "SELECT COUNT(*) FROM audit")"

test_expect_success 'the file is large, and one import of it is all of it' '
	test "$(wc -c <big.json)" -gt $((units * 900)) &&
	test "$none" != "$all" &&
	wm --db whole.db verify >/dev/null
'

# So that a kill landing after the commit, followed by the import again,
# must also end in the same database.
test_expect_success 'importing the file again changes nothing, not even a version' '
	cp whole.db twice.db &&
	wm --db twice.db import big.json >out &&
	contains out "$((units * 12)) unchanged" &&
	wm --db twice.db export twice.json 2>/dev/null &&
	cmp whole.json twice.json
'

# Kill k of $kills lands at a point in the k-th slice of the time a whole
# import took, at a pseudo-random place within it (seeded, so a failure
# can be repeated).
mid=0 after=0 spilled=0
k=1
while [ $k -le $kills ]; do
	cp base.db test.db
	rm -f test.db-wal test.db-shm
	delay=$(awk -v k=$k -v n=$kills -v t=$took 'BEGIN { srand(k); printf "%.3f", t * (k - 1 + rand()) / n / 1000 }')
	"$WAYMARK" import big.json >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	if kill -0 $pid 2>/dev/null; then
		kill -9 $pid 2>/dev/null
		mid=$((mid + 1))
	else
		after=$((after + 1))
	fi
	wait $pid 2>/dev/null
	# Pages of the unfinished transaction already in the WAL: the hard case.
	[ "$(stat -c %s test.db-wal 2>/dev/null || echo 0)" -gt 0 ] && spilled=$((spilled + 1))
	test_expect_success "killed after ${delay}s: the database opens, is intact, holds all or none" '
		equals "$(sqlite3 test.db "PRAGMA integrity_check")" ok &&
		wm verify >/dev/null &&
		state="$(summary test.db) $(sqlite3 test.db "SELECT COUNT(*) FROM audit")" &&
		if [ "$state" != "$none" ] && [ "$state" != "$all" ]; then
			echo "neither none ($none) nor all ($all): $state"; false
		fi
	'
	k=$((k + 1))
done
echo "# a whole import took ${took} ms; $mid kills landed while it ran ($spilled with" \
    "pages of it already written to the WAL), $after after it ended"

test_expect_success 'after the last kill, the import completes' '
	wm import big.json >out &&
	contains out "imported big.json" &&
	wm verify >/dev/null &&
	equals "$(summary test.db) $(sqlite3 test.db "SELECT COUNT(*) FROM audit")" "$all"
'

test_expect_success 'and gives the same database as an import never interrupted' '
	wm export again.json 2>/dev/null &&
	cmp whole.json again.json
'

test_done
