#!/bin/sh
# waymark backup copies the database while others write to it, and
# waymark restore puts a copy back; neither trusts a file it should not.
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" = postgresql ]; then
	test_skip "waymark backup and restore are SQLite's online backup of a file; a PostgreSQL database is backed up with pg_dump (docs/deploy.md)"
	test_done
	exit
fi

wm init >/dev/null
wm sample >/dev/null

test_expect_success 'a backup is a checked, self-contained copy' '
	wm backup b1.db >out &&
	contains out "backed up $WAYMARK_DB to b1.db" &&
	contains out "checked and complete" &&
	test ! -e b1.db-wal &&
	equals "$(sqlite3 b1.db "PRAGMA journal_mode")" delete &&
	equals "$(sqlite3 b1.db "PRAGMA integrity_check")" ok &&
	test -z "$(ls | grep tmp)"
'

test_expect_success 'the backup holds exactly what the database holds' '
	wm export one.json 2>/dev/null &&
	wm --db b1.db export two.json 2>/dev/null &&
	cmp one.json two.json &&
	wm --db b1.db verify >out &&
	contains out "audit log intact"
'

test_expect_success 'a backup never replaces a file' '
	echo precious >kept &&
	expect_exit 1 wm backup kept 2>err &&
	contains err "kept exists already" &&
	equals "$(cat kept)" precious
'

test_expect_success 'backup needs a file name' '
	expect_exit 2 wm backup 2>err && contains err "waymark backup FILE"
'

# A writer adds units QX1..QX120, one command each; backups are taken while
# it runs. Each backup must be sound and hold a prefix QX1..QXk of the
# writer's units, each with its audit entry: a moment of the database.
test_expect_success 'backups taken while another process writes are each a moment of it' '
	( i=1; while [ $i -le 120 ]; do
		wm add unit --ref QX$i --name "Writer unit $i" >/dev/null 2>>writer.err ||
		    echo "add QX$i failed" >>writer.err
		i=$((i + 1))
	done; touch writer.done ) &
	n=0 mid=0
	while [ ! -e writer.done ] && [ $n -lt 40 ]; do
		n=$((n + 1))
		wm backup during$n.db >/dev/null
	done
	wait
	test ! -s writer.err &&
	wm backup during-final.db >/dev/null &&
	for b in during*.db; do
		equals "$(sqlite3 $b "PRAGMA integrity_check")" ok &&
		wm --db $b verify >/dev/null &&
		k=$(sqlite3 $b "SELECT COUNT(*) FROM unit WHERE ref LIKE '\''QX%'\''") &&
		top=$(sqlite3 $b "SELECT COALESCE(MAX(CAST(substr(ref, 3) AS INTEGER)), 0)
		    FROM unit WHERE ref LIKE '\''QX%'\''") &&
		equals "$top" "$k" &&
		equals "$(sqlite3 $b "SELECT COUNT(*) FROM audit WHERE kind = '\''units'\''
		    AND action = '\''add'\'' AND ref LIKE '\''QX%'\''")" "$k" &&
		case $k in 0|120) ;; *) mid=$((mid + 1)) ;; esac || return 1
	done &&
	equals "$(sqlite3 during-final.db "SELECT COUNT(*) FROM unit WHERE ref LIKE '\''QX%'\''")" 120 &&
	echo "$n backups while writing, $mid of them part-way through" >during.note
'
[ -f during.note ] && echo "# $(cat during.note)"

test_expect_success 'restore into a new database gives the same database' '
	wm --db new.db restore b1.db >out &&
	contains out "restored new.db from b1.db" &&
	contains out "chain intact" &&
	wm --db new.db export three.json 2>/dev/null &&
	cmp one.json three.json
'

test_expect_success 'restore will not replace a database with a history unless forced' '
	expect_exit 2 wm restore b1.db 2>err &&
	contains err "audit entries that restoring b1.db would replace" &&
	contains err "--force" &&
	wm show unit QX120 >/dev/null
'

test_expect_success 'a forced restore puts the database back as it was' '
	wm restore --force b1.db >out &&
	contains out "restored" &&
	expect_exit 1 wm show unit QX1 2>/dev/null &&
	wm export four.json 2>/dev/null &&
	cmp one.json four.json &&
	wm verify >/dev/null
'

test_expect_success 'restore refuses what is not a sound Waymark backup' '
	expect_exit 1 wm --db x.db restore nothere.db 2>err &&
	contains err "nothere.db: No such file" &&
	echo "not a database at all" >junk.db &&
	expect_exit 1 wm --db x.db restore junk.db 2>err &&
	contains err "not restored" &&
	sqlite3 plain.db "CREATE TABLE t (x)" &&
	expect_exit 1 wm --db x.db restore plain.db 2>err &&
	contains err "plain.db is not a Waymark database" &&
	expect_exit 2 wm restore "$WAYMARK_DB" 2>err &&
	contains err "is the database itself"
'

test_expect_success 'restore refuses a backup from a newer waymark' '
	cp b1.db newer.db &&
	sqlite3 newer.db "INSERT INTO schema_version VALUES (999, '\''999_future.sql'\'', '\''2030-01-01'\'')" &&
	expect_exit 1 wm --db y.db restore newer.db 2>err &&
	contains err "newer than this waymark knows"
'

test_expect_success 'restore refuses a damaged backup' '
	cp b1.db damaged.db &&
	pages=$(sqlite3 damaged.db "PRAGMA page_count") &&
	printf "\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377" |
	    dd of=damaged.db bs=1 seek=$((4096 * (pages / 2) + 8)) conv=notrunc 2>/dev/null &&
	expect_exit 1 wm --db z.db restore damaged.db 2>err &&
	contains err "not restored"
'

test_done
