#!/bin/sh
# waymark copy moves a whole database, audit log included, between SQLite
# and PostgreSQL; a round trip gives back the same database (the copy's log
# ends with a checkpoint of what it holds: its rows are numbered afresh). And the same
# data on either engine reads the same: lists, reports and exports.
# Each pass starts from its own engine and goes to the other.
. "$(dirname "$0")/lib.sh"

# A database of the other engine: PostgreSQL from the SQLite pass, a file
# from the PostgreSQL pass.
other_db() {
	if [ "$ENGINE" = sqlite ]; then
		new_pg_db "$1"
	else
		echo "$TEST_DIR/$1.db"
	fi
}

if [ -z "${WAYMARK_TEST_PG:-}" ]; then
	test_skip "no PostgreSQL server to copy to (tests/run starts one)"
	test_done
	exit
fi

wm init >/dev/null
wm sample >/dev/null
# A history with some of everything, and an import that failed halfway
# (on PostgreSQL its rolled-back audit entries used up sequence numbers).
wm set unit Camden --pathfinder yes >/dev/null
wm update recommendation DA2002 R13 --progress "Tracking extended to every review" \
    --degree completely --date 2004-06-30 >/dev/null
wm add unit --ref Gone --name "A unit removed again" >/dev/null
wm remove unit Gone >/dev/null
cat >partly.json <<JSON
{"format": "waymark-data", "version": 1, "units": [
  {"ref": "NewOne", "name": "A new unit"},
  {"ref": "Broken", "name": "Bad parent", "parent": "Nowhere"}]}
JSON
wm import partly.json >/dev/null 2>&1
wm set unit Hackney --name "Hackney BOCU" >/dev/null

test_expect_success 'copy to the other engine and back: the same database every time' '
	there=$(other_db there) && back=$(new_db back) &&
	wm copy --to "$there" >out &&
	contains out "copied" && contains out "measurements      15396" &&
	wm copy --from "$there" --to "$back" >/dev/null &&
	wm export --json original.json 2>/dev/null &&
	wm --db "$there" export --json there.json 2>/dev/null &&
	wm --db "$back" export --json back.json 2>/dev/null &&
	equals "$(jq -r ".audit[-1].action" there.json)" checkpoint &&
	jq ".audit |= .[:-1]" there.json >there-less.json && jq . original.json >original-jq.json &&
	cmp original-jq.json there-less.json &&
	cmp there.json back.json &&
	echo "$there" >there.url
'

test_expect_success 'the copies keep the audit log entry for entry, and it verifies' '
	there=$(cat there.url) &&
	n=$(wm audit --json --limit 0 | jq length) &&
	wm --db "$there" verify >out &&
	contains out "$((n + 1)) entries" &&
	contains out "records match the audit log" &&
	equals "$(wm --db "$there" audit --json --limit 2 | jq -c ".[1] | [.id, .hash]")" \
	    "$(wm audit --json --limit 1 | jq -c ".[0] | [.id, .hash]")" &&
	wm --db "$there" verify --expect-head "$(wm verify --head)" >out &&
	contains out "and 1 after them" &&
	wm --db "$there" set unit Camden --name "Camden BOCU" >/dev/null &&
	wm --db "$there" verify >out &&
	contains out "$((n + 2)) entries"
'

test_expect_success 'a copy goes only into a database without a history, and changes nothing there' '
	there=$(cat there.url) &&
	before=$(wm --db "$there" audit --json --limit 0 | jq length) &&
	expect_exit 1 wm copy --to "$there" 2>err &&
	contains err "already has a history" &&
	equals "$(wm --db "$there" audit --json --limit 0 | jq length)" "$before"
'

test_expect_success 'copy says what is wrong with where it was told to go' '
	expect_exit 2 wm copy 2>err &&
	contains err "--to" &&
	expect_exit 2 wm copy --from "$WAYMARK_DB" --to "$WAYMARK_DB" 2>err &&
	contains err "same database" &&
	expect_exit 1 wm copy --to "postgresql://nobody:sekret@127.0.0.1:1/none" 2>err &&
	contains err "to: postgresql://nobody:***@127.0.0.1:1/none" &&
	lacks err sekret &&
	expect_exit 1 wm copy --from nothing-here.db --to elsewhere.db 2>err &&
	contains err "from: no database at nothing-here.db" &&
	test ! -e elsewhere.db
'

test_expect_success 'the sample on either engine lists, reports and exports the same' '
	mine=$(new_db mine) && theirs=$(other_db theirs) &&
	for db in "$mine" "$theirs"; do
		wm --db "$db" init >/dev/null && wm --db "$db" sample >/dev/null || exit 1
	done &&
	wm help list | sed -n "/^kinds of record:/,\$p" | sed 1d | awk "{print \$1}" >kinds &&
	test "$(wc -l <kinds)" -gt 20 &&
	while read -r kind; do
		wm --db "$mine" list "$kind" --json >a.json &&
		wm --db "$theirs" list "$kind" --json >b.json &&
		cmp a.json b.json || { echo "list $kind differs" >&2; exit 1; }
	done <kinds &&
	for r in "summary" "chase --as-of 2002-10-15" "progress --source DA2002 --format md"; do
		wm --db "$mine" report $r | grep -v "^Database:" >a.out &&
		wm --db "$theirs" report $r | grep -v "^Database:" >b.out &&
		cmp a.out b.out || { echo "report $r differs" >&2; exit 1; }
	done &&
	wm --db "$mine" export --json a.json 2>/dev/null &&
	wm --db "$theirs" export --json b.json 2>/dev/null &&
	cmp a.json b.json
'

test_done
