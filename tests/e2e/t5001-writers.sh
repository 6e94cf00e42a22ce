#!/bin/sh
# Several processes writing one database at once (as several servers do):
# nothing is lost, the audit log stays one unbroken chain, and of
# concurrent changes to one record made from the same version exactly one
# wins. Runs on each engine's pass.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm add unit --ref MPS --name "Metropolitan Police Service" --kind service >/dev/null

workers="1 2 3 4 5 6"

test_expect_success 'writers at once: every change is kept and audited' '
	for w in $workers; do
		(
			for i in 1 2 3 4 5 6 7 8; do
				wm add unit --ref "U$w-$i" --name "Unit $w $i" --parent MPS >/dev/null || exit 1
				wm set unit MPS --name "Renamed by $w, $i" >/dev/null || exit 1
			done
		) >"worker$w.out" 2>&1 &
	done &&
	wait &&
	for w in $workers; do
		test ! -s "worker$w.out" || { cat "worker$w.out" >&2; exit 1; }
	done &&
	equals "$(wm list units --json | jq length)" 49 &&
	equals "$(wm audit --json --limit 0 | jq length)" 98
'

# 98: init's checkpoint, the first unit, and 96 changes
test_expect_success 'the audit chain did not fork: it verifies' '
	wm verify >out &&
	contains out "98 entries" &&
	contains out "records match the audit log"
'

test_expect_success 'one version, changed from many processes at once: one wins, the rest conflict' '
	v=$(wm show unit MPS --json | jq .version) &&
	for w in $workers; do
		(
			rc=0
			wm set unit MPS --name "Won by $w" --if-version "$v" >/dev/null 2>"set$w.err" ||
				rc=$?
			echo $rc >"set$w.rc"
		) &
	done &&
	wait &&
	equals "$(cat set*.rc | grep -c "^0$")" 1 &&
	equals "$(cat set*.rc | grep -c "^1$")" 5 &&
	winner=$(grep -l "^0$" set*.rc | sed "s/set\\(.*\\)\\.rc/\\1/") &&
	for w in $workers; do
		[ "$w" = "$winner" ] || contains "set$w.err" "someone else changed it"
	done &&
	equals "$(wm show unit MPS --json | jq -r .name)" "Won by $winner" &&
	equals "$(wm show unit MPS --json | jq .version)" $((v + 1)) &&
	wm verify >/dev/null
'

test_done
