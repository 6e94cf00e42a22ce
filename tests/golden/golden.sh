# golden.sh: what tests/golden/regen and tests/e2e/t1003-golden.sh share.
#
# A case is an input document and NAME.expected beside the others of its
# group: tests/golden/seeds/NNN.expected for the seed paper NNN_*.txt in
# ../shared/seeds (read where it is: its sentences stay out of the
# repository), tests/golden/docs/NAME.expected for our own
# tests/fixtures/docs/NAME.* (any format), tests/golden/models/NAME.expected
# for the document model the reader makes of the same fixture (`waymark
# import --model`). The expected output of a seed or a document is the
# import's counts, what it did not read, and the facts of every record it
# made (facts.jq): the test is a diff.

GOLDEN_DIR=tests/golden
: "${SEEDS:=../shared/seeds}"

# golden_input CASE: the input document of a case ("seeds/000", "docs/NAME").
golden_input() {
	case "$1" in
	seeds/*) ls "$SEEDS/${1#seeds/}"_*.txt 2>/dev/null | head -1 ;;
	docs/* | models/*)
		ls "tests/fixtures/docs/${1#*/}".* 2>/dev/null | grep -v '\.expected$' | head -1 ;;
	esac
}

# golden_cases: every case, "group/name", one a line.
golden_cases() {
	for f in "$GOLDEN_DIR"/seeds/*.expected "$GOLDEN_DIR"/docs/*.expected \
	    "$GOLDEN_DIR"/models/*.expected; do
		[ -f "$f" ] || continue
		f=${f#"$GOLDEN_DIR"/}
		echo "${f%.expected}"
	done
}

# golden_facts WAYMARK DB INPUT DIR: import INPUT into the empty database DB
# (a file or a PostgreSQL URL) and print what it made, keeping the import's
# report and the export in the directory DIR.
golden_facts() {
	_w=$1 _db=$2 _in=$3 _dir=$4
	"$_w" --db "$_db" init >/dev/null || return 1
	case "$_in" in
	*/fixtures/docs/*)
		# what was not read, and why, is part of what a fixture shows
		"$_w" --db "$_db" import --dry-run --json "$_in" 2>/dev/null |
		    jq -r '.unread[]? | "unread \(.where): \(.why)"' ;;
	esac
	"$_w" --db "$_db" import --json "$_in" >"$_dir/report.json" 2>"$_dir/err"
	echo "exit $?"
	jq -r '"created " + ([.created | to_entries[] | "\(.key)=\(.value)"] | join(" ")),
	    "kinds " + ((.kinds // []) | join(", ")),
	    "date \(.date)", "source \(.source)"' "$_dir/report.json" || return 1
	"$_w" --db "$_db" export "$_dir/export.json" 2>/dev/null || return 1
	jq -r -f "$GOLDEN_DIR/facts.jq" "$_dir/export.json"
}

# golden_model WAYMARK DB INPUT: the document model the reader makes of INPUT.
golden_model() {
	"$1" --db "$2" init >/dev/null && "$1" --db "$2" import --model "$3"
}

# golden_each regen: write each case's expected output from the build.
golden_each() {
	_tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX")
	for c in $(golden_cases); do
		_in=$(golden_input "$c")
		if [ -z "$_in" ]; then
			echo "skipped $c: no input (the seeds are not at $SEEDS?)"
			continue
		fi
		_db="$_tmp/$(echo "$c" | tr / _).db"
		case "$c" in
		models/*) golden_model "$build/waymark" "$_db" "$_in" >"$GOLDEN_DIR/$c.expected" ;;
		*) golden_facts "$build/waymark" "$_db" "$_in" "$_tmp" >"$GOLDEN_DIR/$c.expected" ;;
		esac
		echo "wrote $GOLDEN_DIR/$c.expected"
	done
	rm -rf "$_tmp"
}
