#!/bin/sh
# The audit log vouches for what each record holds now: every entry
# carries the digests of the records it left behind, so `waymark verify`
# names a record edited, added or deleted in SQL behind Waymark's back,
# and an anchor kept elsewhere (`verify --head`) catches the last entries
# deleted. Imports of figures keep every figure they changed with its old
# value, and an export imported again holds the same doubles and verifies.
# On both engines: the edits go through each engine's own SQL shell.
. "$(dirname "$0")/lib.sh"

fx="$SRCDIR/tests/fixtures/perf"
wm init >/dev/null
wm sample >/dev/null
wm user add pat --role member --password "a long enough password" >/dev/null
wm import "$fx/setup.json" >/dev/null
wm import "$fx/figures.csv" >/dev/null
wm import "$fx/targets.csv" >/dev/null

# tampered NAME SQL: a copy of the database with SQL run on it behind Waymark's back.
tampered() {
	_db=$(new_db "$1") &&
	wm --db "$_db" init >/dev/null &&
	wm export --json "$1.json" 2>/dev/null &&
	wm --db "$_db" import "$1.json" >/dev/null &&
	db_sql "$_db" "$2" >/dev/null &&
	echo "$_db"
}

test_expect_success 'an untouched database matches its log, record by record' '
	wm verify >out &&
	contains out "audit log intact" &&
	contains out "records match the audit log"
'

test_expect_success 'a member made admin in SQL is named' '
	db=$(tampered admin "UPDATE app_user SET role = '\''admin'\'' WHERE username = '\''pat'\''") &&
	expect_exit 1 wm --db "$db" verify >out 2>err &&
	contains out "users pat (users:" &&
	contains out "changed since its last audit entry" &&
	contains err "1 of" && contains err "differ from what the audit log says"
'

test_expect_success 'a target edited in SQL is named, with the entry that last set it' '
	db=$(tampered target "UPDATE target SET value = 1 WHERE period = '\''2004/05'\''
	    AND unit_id = (SELECT id FROM unit WHERE ref = '\''CAM'\'')
	    AND pi_id = (SELECT id FROM pi WHERE code = '\''BUR'\'')") &&
	expect_exit 1 wm --db "$db" verify >out &&
	contains out "targets BUR/CAM/2004/05" &&
	contains out "changed since its last audit entry"
'

test_expect_success 'progress deleted in SQL is named as gone' '
	db=$(tampered progress "DELETE FROM progress WHERE id = (SELECT MIN(id) FROM progress)") &&
	expect_exit 1 wm --db "$db" verify >out &&
	contains out "gone, though its last audit entry keeps it"
'

test_expect_success 'an account added in SQL is named as not in the log' '
	db=$(tampered inserted "INSERT INTO app_user (username, role, password_hash, created_at)
	    SELECT '\''mallory'\'', '\''admin'\'', password_hash, created_at FROM app_user
	    WHERE username = '\''pat'\''") &&
	expect_exit 1 wm --db "$db" verify >out &&
	contains out "users mallory" &&
	contains out "not in the audit log: added behind Waymark'\''s back"
'

test_expect_success 'a figure changed inside its stored block is caught' '
	db=$(tampered figure "UPDATE pi_series SET version = version + 1") &&
	expect_exit 1 wm --db "$db" verify >out &&
	contains out "the recent figures of BUR"
'

test_expect_success 'verify --head prints the anchor, and --expect-head checks it' '
	wm verify --head >anchor &&
	grep -Eq "^[0-9]+:[0-9a-f]{64}$" anchor &&
	wm verify --expect-head "$(cat anchor)" >out &&
	contains out "holds the anchored" && contains out "and 0 after them" &&
	wm add unit --ref NEW1 --name "New one" >/dev/null &&
	wm add unit --ref NEW2 --name "New two" >/dev/null &&
	wm verify --expect-head "$(cat anchor)" >out &&
	contains out "and 2 after them"
'

test_expect_success 'the last entries deleted are caught by the anchor' '
	db=$(tampered tail "SELECT 1") &&
	wm --db "$db" verify --head >tail-anchor &&
	n=$(cut -d: -f1 tail-anchor) &&
	wm --db "$db" add unit --ref NEW3 --name "New three" >/dev/null &&
	wm --db "$db" add unit --ref NEW4 --name "New four" >/dev/null &&
	db_sql "$db" "DELETE FROM audit WHERE id > $n - 1" &&
	expect_exit 1 wm --db "$db" verify --expect-head "$(cat tail-anchor)" 2>err &&
	contains err "the anchor was taken at entry $n: the last 1 entries have been removed" &&
	expect_exit 1 wm --db "$db" verify >out 2>err &&
	contains err "differ from what the audit log says"
'

test_expect_success 'a history rewritten up to the anchor is caught by it' '
	h=$(cut -d: -f2 anchor) && n=$(cut -d: -f1 anchor) &&
	expect_exit 1 wm verify --expect-head "$n:$(echo "$h" | tr 0-9a-f 1-9a-f0)" 2>err &&
	contains err "audit entry $n is not the one the anchor was taken at" &&
	expect_exit 2 wm verify --expect-head "not-an-anchor" 2>err &&
	contains err "is not COUNT:HASH"
'

test_expect_success 'a figures file that changes figures keeps each with its old and new value' '
	printf "pi,unit,period,value,numerator,denominator,flag\n" >changed.csv &&
	printf "BUR,CAM,2004-04,11,,,\nDET,BAR,2004-04,,70,200,\nBUR,BAR,2004-05,13,,,estimate\n" \
	    >>changed.csv &&
	wm import changed.csv >out &&
	contains out "2 changed" &&
	wm audit --kind measurements --limit 3 --json >a.json &&
	equals "$(jq -r ".[0].after.changed" a.json)" 2 &&
	equals "$(jq -r ".[0].after.changes_in.count" a.json)" 2 &&
	jq ".[] | select(.after.pi == \"BUR\") | .after" a.json >bur.json &&
	equals "$(jq -r ".units[.unit[0]] + \" \" + .period[0]" bur.json)" "CAM 2004-04" &&
	equals "$(jq -c "[.old, .new]" bur.json)" "[[10],[11]]" &&
	jq ".[] | select(.after.pi == \"DET\") | .after" a.json >det.json &&
	equals "$(jq -c ".old[0]" det.json)" \
	    "{\"value\":30,\"flag\":\"actual\",\"numerator\":60,\"denominator\":200}" &&
	equals "$(jq -r ".new[0].numerator" det.json)" 70 &&
	jq -e ".[0].state | to_entries | map(select(.key | startswith(\"series:\"))) | length >= 2" \
	    a.json >/dev/null &&
	wm verify >out && contains out "records match the audit log"
'

test_expect_success 'a targets file that changes targets keeps the old ones too' '
	printf "pi,unit,period,target,tolerance\nBUR,CAM,2004/05,125,\n" >t2.csv &&
	wm import t2.csv >out &&
	wm audit --kind targets --limit 1 --json >t.json &&
	equals "$(jq -r ".[0].after.changes[0].key" t.json)" BUR/CAM/2004/05 &&
	equals "$(jq -r ".[0].after.changes[0].old.value" t.json)" 120 &&
	equals "$(jq -r ".[0].after.changes[0].new.value" t.json)" 125 &&
	wm verify >out && contains out "records match the audit log"
'

test_expect_success 'a paper imported names the entries that hold what it changed' '
	wm import "$SRCDIR/tests/fixtures/docs/overtime-progress.txt" >/dev/null &&
	wm import "$SRCDIR/tests/fixtures/docs/overtime-progress-later.txt" >/dev/null &&
	wm audit --kind imports --limit 1 --json >i.json &&
	first=$(jq -r ".[0].after.entries.first" i.json) &&
	last=$(jq -r ".[0].after.entries.last" i.json) &&
	test "$first" -le "$last" &&
	wm audit --limit 200 --json >all.json &&
	jq -e "[.[] | select(.id >= $first and .id <= $last)] | length == ($last - $first + 1)" \
	    all.json >/dev/null &&
	jq -e "[.[] | select(.id >= $first and .id <= $last and .action == \"set\"
	    and .before != null)] | length > 0" all.json >/dev/null &&
	wm verify >out && contains out "records match the audit log"
'

test_expect_success 'reals edited through Waymark round-trip export and import exactly, and verify' '
	wm set measurement BUR/CAM/2004-05 --value 0.30000000000000004 >/dev/null &&
	wm set target BUR/BAR/2004/05 --value 1e-17 >/dev/null &&
	wm set measurement BUR/LAM/2004-04 --value 123456789.12345679 >/dev/null &&
	wm export --json round.json 2>/dev/null &&
	grep -q "0.30000000000000004" round.json &&
	copy=$(new_db copy) &&
	wm --db "$copy" init >/dev/null &&
	wm --db "$copy" import round.json >/dev/null &&
	wm --db "$copy" verify >out &&
	contains out "audit log intact" && contains out "records match the audit log" &&
	equals "$(wm --db "$copy" show measurement BUR/CAM/2004-05 --json | jq -r .value)" \
	    0.30000000000000004 &&
	equals "$(wm --db "$copy" show measurement BUR/LAM/2004-04 --json | jq -r .value)" \
	    123456789.12345679 &&
	equals "$(wm --db "$copy" show target BUR/BAR/2004/05 --json | jq -r .value)" 1e-17 &&
	wm --db "$copy" export --json round2.json 2>/dev/null &&
	jq ".audit |= .[:-1]" round2.json >r2.json && jq . round.json >r1.json &&
	cmp r1.json r2.json
'

test_expect_success 'a figure note changed alone is audited, and verify holds (found by t4112)' '
	wm verify --head >head0 &&
	wm set measurement CJ-01/BarkingDagenham/2002-04 --note "Counted again by hand" >/dev/null &&
	wm verify --head >head1 &&
	test "$(cut -d: -f1 head1)" -eq $(($(cut -d: -f1 head0) + 1)) &&
	wm audit --kind measurements --limit 1 >out &&
	contains out "CJ-01/BarkingDagenham/2002-04" &&
	wm set measurement CJ-01/BarkingDagenham/2002-04 --note "Counted again by hand" >/dev/null &&
	wm verify --head >head2 &&
	equals "$(cat head2)" "$(cat head1)" &&
	wm verify >out &&
	contains out "records match the audit log"
'

test_expect_success 'a figure note emptied is gone, and audited (found by t4111)' '
	wm verify --head >head0 &&
	wm set measurement CJ-01/BarkingDagenham/2002-04 --note "" >/dev/null &&
	wm verify --head >head1 &&
	test "$(cut -d: -f1 head1)" -eq $(($(cut -d: -f1 head0) + 1)) &&
	wm show measurement CJ-01/BarkingDagenham/2002-04 --json >out &&
	equals "$(jq -r .note out)" null &&
	wm set measurement CJ-01/BarkingDagenham/2002-04 --flag estimate >/dev/null &&
	wm show measurement CJ-01/BarkingDagenham/2002-04 --json >out &&
	equals "$(jq -r .note out)" null &&
	wm verify >out &&
	contains out "records match the audit log"
'

test_done
