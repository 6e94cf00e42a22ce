# lib-load.sh: sourced after lib-http.sh by the tests that put the server
# under load with wm-load (tests/load/wm-load.c) and then check that no
# update was lost.
#
#   load_records 32                      # units L1..L32 under LOAD; LOAD_REFS lists them
#   load_run 64 30 "$URL_A" "$URL_B"     # as pat; load.out, accepted.tsv, LOAD_RC
#   ... stop the servers ...
#   load_check_clean; load_check_logged a.log b.log
#   load_check_audited; load_check_final 32
#
# Each load_check_* returns non-zero with a message a person can act on;
# call them inside test bodies.

LOAD=$BUILD/tests/load/wm-load
[ -x "$LOAD" ] || { echo "Bail out! no load client at $LOAD (run make)"; exit 1; }

# load_records N: the records the clients fight over, L1..LN under LOAD.
# (The clients log in as the planner pat, "planner pass": the script adds her.)
load_records() {
	wm add unit --ref LOAD --name "Load test root" --kind service >/dev/null
	LOAD_REFS=""
	_i=1
	while [ "$_i" -le "$1" ]; do
		wm add unit --ref "L$_i" --name "Load unit $_i" --kind ocu --parent LOAD >/dev/null
		LOAD_REFS="$LOAD_REFS${LOAD_REFS:+,}L$_i"
		_i=$((_i + 1))
	done
}

# load_run CLIENTS SECONDS URL...: wm-load at the top level of a script;
# its report goes to load.out (and, as TAP comments, to the output), the
# accepted updates to accepted.tsv, its exit status to LOAD_RC.
load_run() {
	_clients=$1 _seconds=$2
	shift 2
	_urls=""
	for _u in "$@"; do
		_urls="$_urls --url $_u"
	done
	set +e
	# shellcheck disable=SC2086 # the --url options are meant to split
	"$LOAD" $_urls --user pat --password "planner pass" --refs "$LOAD_REFS" --parent LOAD \
	    --clients "$_clients" --seconds "$_seconds" --accepted accepted.tsv >load.out 2>&1
	LOAD_RC=$?
	set -e
	sed 's/^/# /' load.out
}

# load_check_clean: the load client exited 0, saw no error and had updates accepted.
load_check_clean() {
	if [ "$LOAD_RC" -ne 0 ]; then
		echo "wm-load exited $LOAD_RC:" >&2
		cat load.out >&2
		return 1
	fi
	contains load.out " 0 errors;" || return 1
	[ -s accepted.tsv ] || { echo "no update was accepted" >&2; return 1; }
}

# load_check_logged LOG...: the servers answered nothing with a 5xx, and
# between them logged as accepted (200) exactly as many PATCHes of the load's
# records as the clients saw accepted.
load_check_logged() {
	if cat "$@" | grep -E " 5[0-9][0-9]( |$)" >5xx; then
		echo "$(wc -l <5xx) answers of 5xx; the first:" >&2
		head -5 5xx >&2
		return 1
	fi
	_logged=$(cat "$@" | grep -c " PATCH /api/v1/units/L[0-9]* 200 ")
	_seen=$(wc -l <accepted.tsv | tr -d " ")
	if [ "$_logged" != "$_seen" ]; then
		echo "the servers logged $_logged updates answered 200; the clients saw $_seen" >&2
		return 1
	fi
}

# load_check_audited: the audit log holds every accepted update of the
# load's records (ref, version, name), and no other change to them.
load_check_audited() {
	wm audit --json --limit 0 >audit.json || return 1
	jq -r ".[] | select(.kind == \"units\" and .action == \"set\" and (.ref | test(\"^L[0-9]+$\")))
	    | \"\(.ref)\t\(.after.version)\t\(.after.name)\"" audit.json | sort >audited.tsv
	sort accepted.tsv >want.tsv
	if ! cmp -s want.tsv audited.tsv; then
		echo "accepted updates missing from the audit log (<) or audited but never accepted (>):" >&2
		diff want.tsv audited.tsv | head -20 >&2
		return 1
	fi
}

# load_check_final N: each of the N records ends as its last accepted
# update left it, and its accepted versions run 2, 3, ... without a gap
# (a record never updated is still at version 1).
load_check_final() {
	wm list units --parent LOAD --json |
	    jq -r ".[] | \"\(.ref)\t\(.version)\t\(.name)\"" >final.tsv || return 1
	equals "$(wc -l <final.tsv | tr -d " ")" "$1" || return 1
	sort -k1,1 -k2,2n accepted.tsv | awk '
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
	}' final.tsv - >gaps || {
		echo "lost or misplaced updates:" >&2
		head -20 gaps >&2
		return 1
	}
}
