#!/bin/sh
# Load (issue 9): 64 clients on loopback for 30 s, mixing reads (pages of
# units, one unit, the audit log) with updates made with If-Match, through
# the API (tests/load/wm-load.c). It must end with no errors (a 412 under
# contention is an answer, not an error; a 5xx, another status or a broken
# connection is) and no lost update: every update the server accepted is
# in the audit log, nothing else is, each record's versions have no gap,
# and each record ends as its last accepted update left it. The latency
# percentiles and req/s are printed as TAP comments.
#
# The full 30 s runs in the SQLite pass only, to keep `make check` bounded;
# the PostgreSQL pass and the sanitizer pass (WM_TEST_LIGHT) run the same
# checks for 5 s. WM_LOAD_SECONDS overrides the time, for development.
# No assertion is about time: the numbers are printed, not judged.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

LOAD=$BUILD/tests/load/wm-load
[ -x "$LOAD" ] || { echo "Bail out! no load client at $LOAD (run make)"; exit 1; }
if [ "$ENGINE" = sqlite ] && [ -z "${WM_TEST_LIGHT:-}" ]; then
	seconds=30
else
	seconds=5
fi
seconds=${WM_LOAD_SECONDS:-$seconds}
clients=64
records=32

# The records the clients fight over: fewer than the clients, so that
# updates from the same version meet and some are refused with 412.
wm init >/dev/null
wm add unit --ref LOAD --name "Load test root" --kind service >/dev/null
refs=""
i=1
while [ $i -le $records ]; do
	wm add unit --ref "L$i" --name "Load unit $i" --kind ocu --parent LOAD >/dev/null
	refs="$refs${refs:+,}L$i"
	i=$((i + 1))
done
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)

set +e
"$LOAD" --url "$URL" --user pat --password "planner pass" --refs "$refs" --parent LOAD \
    --clients $clients --seconds "$seconds" --accepted accepted.tsv >load.out 2>&1
load_rc=$?
set -e
sed 's/^/# /' load.out
serve_stop main

test_expect_success "$clients clients for ${seconds}s: the load client ran and saw no error" '
	if [ "$load_rc" -ne 0 ]; then
		echo "wm-load exited $load_rc:" >&2
		cat load.out >&2
		exit 1
	fi &&
	contains load.out " 0 errors;" &&
	test -s accepted.tsv
'

test_expect_success 'the server answered no request with a 5xx, and stopped cleanly' '
	if grep -E " 5[0-9][0-9]( |$)" main.log >5xx; then
		echo "$(wc -l <5xx) answers of 5xx; the first:" >&2
		head -5 5xx >&2
		exit 1
	fi &&
	equals "$(cat main.exit)" 0
'

test_expect_success 'the server accepted exactly the updates the clients saw accepted' '
	equals "$(grep -c " PATCH /api/v1/units/L[0-9]* 200 " main.log)" "$(wc -l <accepted.tsv | tr -d " ")"
'

test_expect_success 'every accepted update is in the audit log, and no other change to the records' '
	wm audit --json --limit 0 >audit.json &&
	jq -r ".[] | select(.kind == \"units\" and .action == \"set\" and (.ref | test(\"^L[0-9]+$\")))
	    | \"\(.ref)\t\(.after.version)\t\(.after.name)\"" audit.json | sort >audited.tsv &&
	sort accepted.tsv >want.tsv &&
	if ! cmp -s want.tsv audited.tsv; then
		echo "accepted updates missing from the audit log (<) or audited but never accepted (>):" >&2
		diff want.tsv audited.tsv | head -20 >&2
		exit 1
	fi
'

# Reads the final records (ref, version, name), then the accepted updates
# sorted by ref and version: each record's accepted versions must run 2, 3,
# ... without a gap, and the record must end as its last accepted update
# left it. A record never updated must still be at version 1.
cat >gaps.awk <<'EOF'
BEGIN { FS = "\t" }
FNR == NR { fv[$1] = $2; fn[$1] = $3; next }
{
	prev = ($1 in last) ? last[$1] : 1
	if ($2 != prev + 1) {
		print $1 ": accepted version " $2 " follows version " prev
		bad = 1
	}
	last[$1] = $2
	lastname[$1] = $3
}
END {
	for (r in fv) {
		v = (r in last) ? last[r] : 1
		if (fv[r] != v || ((r in last) && fn[r] != lastname[r])) {
			print r ": ends at version " fv[r] " named \"" fn[r] "\", but its last" \
			    " accepted update was version " v " named \"" lastname[r] "\""
			bad = 1
		}
	}
	exit bad
}
EOF

test_expect_success 'each record ends as its last accepted update left it, its versions without a gap' '
	wm list units --parent LOAD --json |
	    jq -r ".[] | \"\(.ref)\t\(.version)\t\(.name)\"" >final.tsv &&
	equals "$(wc -l <final.tsv | tr -d " ")" '"$records"' &&
	sort -k1,1 -k2,2n accepted.tsv | awk -f gaps.awk final.tsv - >gaps || {
		echo "lost or misplaced updates:" >&2
		head -20 gaps >&2
		exit 1
	}
'

test_expect_success 'the audit chain verifies after the load' '
	wm verify >out &&
	contains out intact
'

test_done
