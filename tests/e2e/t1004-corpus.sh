#!/bin/sh
# The development corpus (../shared/corpus, see its README): every
# document, in every format it comes in, imported with --dry-run --json
# and compared with what a careful reader found in it (NAME.expected.json)
# by tests/corpus/compare.jq: counts by kind exact, and for each record
# its ref, parent, lead, timescale, due date, priority and status. The
# score is printed per document and in total.
#
# Where our reading differs from an expected file, the difference is
# listed in tests/corpus/differences.json with why: "ours" where we think
# our reading is the right one, "gap" where the reader cannot yet read
# the layout. A test fails for a difference that is not listed, and for a
# listed one that no longer happens, so the list stays true: a better
# reading must take its entry off, and a worse one cannot pass unseen. Formats whose reader
# this build lacks are skipped, saying so.
. "$(dirname "$0")/lib.sh"

CORPUS=${CORPUS:-$SRCDIR/../shared/corpus}
LIST="$SRCDIR/tests/corpus/differences.json"
if [ ! -f "$CORPUS/README.md" ]; then
	test_skip "the corpus is not at $CORPUS"
	test_done
	exit 0
fi
wm init >/dev/null

: >results.jsonl
for exp in "$CORPUS"/*.expected.json; do
	name=$(basename "$exp" .expected.json)
	for ext in txt html docx odt pdf xlsx ods; do
		f="$CORPUS/$name.$ext"
		[ -f "$f" ] || continue
		set +e
		wm import --dry-run --json "$f" >got.json 2>err.txt
		st=$?
		set -e
		if grep -q "cannot read .* files yet" err.txt; then
			test_skip "$name.$ext: $(sed 's/^[^:]*: //' err.txt | head -1)"
			continue
		fi
		[ -s got.json ] || echo '{}' >got.json
		jq -c -n --slurpfile exp "$exp" --slurpfile got got.json --arg doc "$name" \
		    --arg format "$ext" --argjson status "$st" \
		    -f "$SRCDIR/tests/corpus/compare.jq" >>results.jsonl
	done
done

# the score, per document and in total
jq -r -s '.[] | "# \(.doc) \(.format): \(.matched)/\(.records) records, \(.equal)/\(.fields) fields, counts \(if .counts_ok then "exact" else "DIFFER" end)"' results.jsonl
jq -r -s 'group_by(.format)[] | "# total \(.[0].format): \(length) documents, \([.[] | select(.counts_ok)] | length) with exact counts, \([.[].equal] | add)/\([.[].fields] | add) fields (\(if ([.[].fields] | add) > 0 then ([.[].equal] | add) * 1000 / ([.[].fields] | add) | floor / 10 else 100 end)%)"' results.jsonl

# every difference must be on the list, as the list says it
listed() { # listed DIFF-JSON: is it on the list?
	jq -e -n --argjson d "$1" --slurpfile l "$LIST" '
		def s: if . == null then "null" else tostring end;
		any($l[0][]; .doc == $d.doc and ((.format // "*") == "*" or .format == $d.format) and
		    .record == $d.record and .field == $d.field and (.read | s) == ($d.read | s))' >/dev/null
}
while read -r line; do
	doc=$(echo "$line" | jq -r '"\(.doc).\(.format)"')
	unlisted=$(echo "$line" | jq -c '.differences[]' | while read -r d; do
		listed "$d" || echo "$d"
	done)
	test_expect_success "$doc reads as its expected file says, or as the list of differences says" "
		if [ -n '$(echo "$unlisted" | sed "s/'/'\\\\''/g")' ]; then
			echo 'differences not on tests/corpus/differences.json:'
			echo '$(echo "$unlisted" | sed "s/'/'\\\\''/g")'
			exit 1
		fi
	"
done <results.jsonl

test_expect_success 'every difference on the list still happens' '
	jq -c ".[]" "$LIST" | while read -r l; do
		jq -e -s --argjson l "$l" "
			def s: if . == null then \"null\" else tostring end;
			any(.[].differences[]; .doc == \$l.doc and
			    ((\$l.format // \"*\") == \"*\" or .format == \$l.format) and
			    .record == \$l.record and .field == \$l.field and (.read | s) == (\$l.read | s))
		" results.jsonl >/dev/null || { echo "no longer happens: $l"; exit 1; }
	done
'

test_done
