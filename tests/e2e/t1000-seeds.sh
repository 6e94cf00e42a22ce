#!/bin/sh
# The five seed papers, read as the documents issue asks: exact counts and
# values. The papers live outside the repository; without them the tests
# are skipped and say so.
. "$(dirname "$0")/lib.sh"

S0="$SEEDS/000_bde3d28857b592c6.txt"
S1="$SEEDS/001_860aaeefca73d761.txt"
S2="$SEEDS/002_da1ab3edd00d7dc3.txt"
S3="$SEEDS/003_e151d48980bab60d.txt"
S4="$SEEDS/004_8a3584b528f67d05.txt"

if [ ! -f "$S0" ]; then
	for t in action-plan progress-summary key-actions timetable-and-goals priorities \
	    nothing-unread-is-content reimport; do
		test_skip "$t: the seed papers are not at $SEEDS"
	done
	test_done
	exit 0
fi

wm init >/dev/null

test_expect_success 'seed 000: 13 recommendations with their priorities, and 8 milestones' '
	wm import --json "$S0" >r0.json &&
	equals "$(jq .created.recommendations r0.json)" 13 &&
	equals "$(jq .created.milestones r0.json)" 8 &&
	src=$(jq -r .source r0.json) &&
	wm list recommendations --source "$src" --json >recs.json &&
	equals "$(jq -r "[.[] | .priority // \"null\"] | join(\",\")" recs.json)" \
	    "3,3,null,3,3,3,null,3,3,2,3,3,null" &&
	equals "$(jq -r ".[10].leads | join(\"|\")" recs.json)" \
	    "AC PRS|Dir of Resources|Head of Corporate Planning" &&
	equals "$(jq -r ".[0].timescale.text" recs.json)" "Strategy launch in autumn" &&
	equals "$(jq -r ".[0].timescale.earliest" recs.json)" 2002-09-01
'

test_expect_success 'seed 004: 13 recommendations with degree met, statutory flags and dated progress' '
	wm import --json "$S4" >r4.json &&
	equals "$(jq -r .date r4.json)" 2002-03-31 &&
	equals "$(jq .created.recommendations r4.json)" 13 &&
	equals "$(jq .created.progress r4.json)" 13 &&
	src=$(jq -r .source r4.json) &&
	wm list recommendations --source "$src" --json >recs.json &&
	equals "$(jq -r "[.[].degree_met] | join(\",\")" recs.json)" \
	    "partially,completely,moderately,completely,completely,significantly,significantly,moderately,significantly,completely,completely,completely,significantly" &&
	equals "$(jq -r "[.[] | select(.statutory == true) | .ref] | join(\",\")" recs.json)" "R1,R3" &&
	equals "$(jq -r "[.[] | select(.statutory == false) | .ref] | join(\",\")" recs.json)" \
	    "R2,R5,R6,R8,R9,R11,R12" &&
	equals "$(jq -r ".[0].progress[0].date" recs.json)" 2002-03-31 &&
	lacks recs.json "Recommendation met"
'

test_expect_success 'seed 002: 5 priorities and 37 key actions, each with lead, timescale and measure' '
	wm import --json "$S2" >r2.json &&
	plan=$(jq -r ".data.plans // [] | length" r2.json) &&
	wm list actions --json >acts.json &&
	equals "$(jq length acts.json)" 37 &&
	equals "$(jq "[.[] | select((.leads|length) > 0 and .timescale.text != null and .measure != null)] | length" acts.json)" 37 &&
	equals "$(jq -r "[.[].plan] | unique | length" acts.json)" 1 &&
	p=$(jq -r ".[0].plan" acts.json) &&
	equals "$(wm list priorities --plan "$p" --json | jq length)" 5 &&
	equals "$(jq -r "[.[] | select(.parent | endswith(\"/P3\"))] | length" acts.json)" 11
'

test_expect_success 'seed 001: the 5 goals and a timetable of 22 entries' '
	wm import --json "$S1" >r1.json &&
	equals "$(jq .created.milestones r1.json)" 22 &&
	wm list goals --plan TTSC --json >goals.json &&
	equals "$(jq length goals.json)" 5 &&
	equals "$(jq -r ".[0].title" goals.json)" "Developing safer communities" &&
	tt=$(jq -r ".data.timetables[0].ref // empty" r1.json; wm list timetables --json | jq -r ".[] | select(.title | startswith(\"Development\")) | .ref") &&
	wm list milestones --timetable "$tt" --json >ms.json &&
	equals "$(jq length ms.json)" 22 &&
	equals "$(jq -r ".[17].timescale.earliest" ms.json)" 2003-01-13 &&
	equals "$(jq -r ".[18].timescale.earliest" ms.json)" 2003-01-01
'

test_expect_success 'seed 003: the 3 policing priorities for 2004/05' '
	wm import --json "$S3" >r3.json &&
	equals "$(wm list priorities --plan PP-2004-05 --json | jq -r "[.[].title] | join(\"|\")")" \
	    "Securing the capital against terrorism|Tackling serious crime|Providing reassurance to Londoners"
'

test_expect_success 'nothing reported unread is content: no unread line is a table row, key action, list item of goals or date line' '
	for r in r0 r1 r2 r3 r4; do
		jq -r ".unread[] | .why" $r.json | grep -v -e "narrative" -e "heading" \
		    -e "a list item, not in a list of goals" && exit 1
		jq -r ".unread[] | .text" $r.json | grep -E "^(R[0-9]+|[a-k]\)) " && exit 1
		true
	done &&
	equals "$(jq ".unread | length" r0.json)" 0 &&
	equals "$(jq ".unread | length" r4.json)" 0
'

test_expect_success 're-importing the same papers changes nothing' '
	before=$(wm audit --limit 0 --json | jq length) &&
	for f in "$S0" "$S1" "$S2" "$S3" "$S4"; do
		wm import --json "$f" >again.json &&
		equals "$(jq "[.created[], .changed[]] | add // 0" again.json)" 0 || exit 1
	done &&
	equals "$(wm audit --limit 0 --json | jq length)" "$before"
'

test_done
