#!/bin/sh
# The audit log is tamper-evident: each entry carries the hash of the one
# before, and `waymark verify` names the first entry that breaks the chain,
# whether an entry was edited, removed, reordered or forged onto the end.
# Each case tampers with its own copy of the database through the sqlite3
# shell, as someone with the file but not the program would. Someone who
# also remakes every hash after their edit is caught by verify --against
# an older backup.
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" = postgresql ]; then
	test_skip "the cases tamper with copies of an SQLite database file; the chain itself is checked on PostgreSQL by t5001-writers' verify"
	test_done
	exit
fi

wm init >/dev/null
wm add unit --ref MPA --name "Metropolitan Police Authority" --kind authority >/dev/null
wm add unit --ref TP --name "Territorial Policing" --parent MPA >/dev/null
wm add unit --ref Camden --name Camden --kind ocu --parent TP >/dev/null
wm set unit Camden --pathfinder yes >/dev/null
wm add unit --ref Hackney --name Hackney --kind ocu --parent TP >/dev/null
wm remove unit Hackney >/dev/null
wm add unit --ref Islington --name Islington --kind ocu --parent TP >/dev/null
# entries 1-8: init's checkpoint, then these, in that order

# tamper NAME SQL: a copy of the database with SQL run on it.
tamper() {
	cp test.db "$1.db" &&
	sqlite3 "$1.db" "$2"
}

test_expect_success 'an untouched log verifies, entry by entry' '
	equals "$(sqlite3 test.db "SELECT COUNT(*) FROM audit")" 8 &&
	wm verify >out &&
	contains out "database structure intact" &&
	contains out "audit log intact: 8 entries"
'

test_expect_success 'an edited entry is named' '
	tamper edited "UPDATE audit SET actor = '\''cli:someone-else'\'' WHERE id = 3" &&
	expect_exit 1 wm --db edited.db verify 2>err &&
	contains err "audit entry 3 has been altered"
'

test_expect_success 'an edited record inside an entry is named' '
	tamper content "UPDATE audit SET after = replace(after, '\''true'\'', '\''false'\'') WHERE id = 4" &&
	expect_exit 1 wm --db content.db verify 2>err &&
	contains err "audit entry 4 has been altered"
'

test_expect_success 'an entry whose hash was edited to match nothing is named' '
	tamper rehashed "UPDATE audit SET hash = '\''00'\'' || substr(hash, 3) WHERE id = 5" &&
	expect_exit 1 wm --db rehashed.db verify 2>err &&
	contains err "audit entry 5 has been altered"
'

test_expect_success 'a deleted entry is found at the entry after it' '
	tamper deleted "DELETE FROM audit WHERE id = 4" &&
	expect_exit 1 wm --db deleted.db verify 2>err &&
	contains err "audit entry 5 does not follow entry before it"
'

test_expect_success 'a deleted first entry is found too' '
	tamper first "DELETE FROM audit WHERE id = 1" &&
	expect_exit 1 wm --db first.db verify 2>err &&
	contains err "audit entry 2 does not follow"
'

test_expect_success 'reordered entries are found at the first out of place' '
	tamper reordered "UPDATE audit SET id = -3 WHERE id = 3;
	    UPDATE audit SET id = 3 WHERE id = 4; UPDATE audit SET id = 4 WHERE id = -3" &&
	expect_exit 1 wm --db reordered.db verify 2>err &&
	contains err "audit entry 3 does not follow"
'

test_expect_success 'an entry forged onto the end with a made-up hash is named' '
	tamper forged "INSERT INTO audit (at, actor, action, kind, ref, before, after, prev_hash, hash)
	    SELECT '\''2005-04-15T09:00:00Z'\'', '\''cli:tester'\'', '\''remove'\'', '\''units'\'',
	    '\''Islington'\'', after, NULL, hash, '\''forged'\'' FROM audit WHERE id = 8" &&
	expect_exit 1 wm --db forged.db verify 2>err &&
	contains err "audit entry 9 has been altered"
'

test_expect_success 'a copy of an entry appended again does not chain' '
	tamper copied "INSERT INTO audit (at, actor, action, kind, ref, before, after, prev_hash, hash)
	    SELECT at, actor, action, kind, ref, before, after, prev_hash, hash FROM audit WHERE id = 6" &&
	expect_exit 1 wm --db copied.db verify 2>err &&
	contains err "audit entry 9 does not follow"
'

test_expect_success 'with several entries altered, the first is named' '
	tamper several "UPDATE audit SET ref = '\''X'\'' WHERE id IN (2, 6)" &&
	expect_exit 1 wm --db several.db verify 2>err &&
	contains err "audit entry 2 has been altered" &&
	lacks err "entry 6"
'

test_expect_success 'a tampered copy is refused by restore, and says why' '
	wm --db fresh.db init >/dev/null &&
	expect_exit 1 wm --db fresh.db restore edited.db 2>err &&
	contains err "not restored: audit entry 3 has been altered"
'

# rechain DB FROM: recompute the hash of entry FROM and every entry after
# it, as someone who knows how the chain is made (BLAKE2b-256 over the
# previous hash and the fields, each followed by 0x1F, the record digests
# last where the entry has them) would.
rechain() {
	sep=$(printf "\036")
	last=$(sqlite3 "$1" "SELECT MAX(id) FROM audit")
	prev=$(sqlite3 "$1" "SELECT COALESCE(MAX(hash), printf('%064d', 0)) FROM audit
	    WHERE id = $(($2 - 1))")
	i=$2
	while [ "$i" -le "$last" ]; do
		sqlite3 -separator "$sep" "$1" "SELECT at, actor, action, kind, ref,
		    COALESCE(before, ''), COALESCE(after, ''), state IS NOT NULL, COALESCE(state, '')
		    FROM audit WHERE id = $i" |
		{
			IFS=$sep read -r at actor action kind ref before after has state
			{
				printf "%s\037%s\037%s\037%s\037%s\037%s\037%s\037%s\037" "$prev" "$at" \
				    "$actor" "$action" "$kind" "$ref" "$before" "$after"
				[ "$has" = 1 ] && printf "%s\037" "$state"
			} | b2sum -l 256 | cut -c1-64
		} >hash.txt
		hash=$(cat hash.txt)
		sqlite3 "$1" "UPDATE audit SET prev_hash = '$prev', hash = '$hash' WHERE id = $i"
		prev=$hash
		i=$((i + 1))
	done
}

test_expect_success 'the chain is made as documented (a forger can make it too)' '
	tamper same "SELECT 1" >/dev/null &&
	before=$(sqlite3 same.db "SELECT group_concat(hash) FROM audit") &&
	rechain same.db 1 &&
	equals "$(sqlite3 same.db "SELECT group_concat(hash) FROM audit")" "$before"
'

test_expect_success 'a history rewritten with every hash made again passes verify alone' '
	wm backup anchor.db >/dev/null &&
	tamper rewritten "UPDATE audit SET actor = '\''cli:someone-else'\'' WHERE id = 3" &&
	rechain rewritten.db 3 &&
	wm --db rewritten.db verify >out &&
	contains out "audit log intact: 8 entries" &&
	contains out "records match the audit log"
'

test_expect_success 'but not against a backup taken before it: the rewritten entry is named' '
	expect_exit 1 wm --db rewritten.db verify --against anchor.db 2>err &&
	contains err "audit entry 8 is not the one anchor.db holds" &&
	contains err "rewritten"
'

test_expect_success 'entries removed from the end leave records the log no longer vouches for' '
	tamper truncated "DELETE FROM audit WHERE id >= 7" &&
	expect_exit 1 wm --db truncated.db verify >out 2>err &&
	contains out "units Islington (units:4): changed since its last audit entry" &&
	contains err "differ from what the audit log says"
'

test_expect_success 'and are found against a backup' '
	expect_exit 1 wm --db truncated.db verify --against anchor.db 2>err &&
	contains err "stops before entry 8"
'

test_expect_success 'a log that only grew since the backup passes against it' '
	wm add unit --ref Barnet --name Barnet --kind ocu --parent TP >/dev/null &&
	wm verify --against anchor.db >out &&
	contains out "audit log holds all 8 entries of anchor.db, unchanged"
'

test_expect_success 'the database itself is still intact after all that' '
	wm verify >out && contains out "audit log intact: 9 entries"
'

test_done
