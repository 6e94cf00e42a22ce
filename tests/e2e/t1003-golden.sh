#!/bin/sh
# Golden files of the importer (tests/golden): each case's document is
# imported into an empty database and what it made must be, fact for fact,
# what NAME.expected says. tests/golden/regen writes them afresh; review
# the diff before committing it.
. "$(dirname "$0")/lib.sh"

cd "$SRCDIR" || exit 1
. tests/golden/golden.sh

for c in $(golden_cases); do
	in=$(golden_input "$c")
	if [ -z "$in" ]; then
		test_skip "$c: no input document (the seeds are not at $SEEDS)"
		continue
	fi
	db=$(new_db "golden_$(echo "$c" | tr -c 'a-zA-Z0-9\n' _)")
	test_expect_success "$c reads as tests/golden/$c.expected says" '
		case "$c" in
		models/*) golden_model "$WAYMARK" "$db" "$in" >"$TEST_DIR/got" ;;
		*) golden_facts "$WAYMARK" "$db" "$in" "$TEST_DIR" >"$TEST_DIR/got" ;;
		esac &&
		diff -u "tests/golden/$c.expected" "$TEST_DIR/got"
	'
done

test_done
