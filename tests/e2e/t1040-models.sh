#!/bin/sh
# The document model each reader makes of our own fixtures
# (tests/golden/models): `waymark import --model` on each must print,
# block for block and cell for cell, what NAME.model says. The PDFs among
# them were made by LibreOffice from tests/fixtures/pdf/src; tests/golden/regen
# writes the models afresh after a change that should alter them.
. "$(dirname "$0")/lib.sh"

cd "$SRCDIR" || exit 1
. tests/golden/golden.sh

for c in $(golden_model_cases); do
	in=$(golden_model_input "$c")
	db=$(new_db "model_$(echo "$c" | tr -c 'a-zA-Z0-9\n' _)")
	test_expect_success "the model of $in is tests/golden/models/$c.model" '
		golden_model "$WAYMARK" "$db" "$in" >"$TEST_DIR/got" &&
		diff -u "tests/golden/models/$c.model" "$TEST_DIR/got"
	'
done

test_expect_success 'a damaged PDF is refused in plain words, with exit status 1' '
	db=$(new_db damaged) &&
	"$WAYMARK" --db "$db" init >/dev/null &&
	expect_exit 1 "$WAYMARK" --db "$db" import --model tests/fuzz/regressions/dm_pdf/truncated.pdf \
	    2>"$TEST_DIR/err" &&
	contains "$TEST_DIR/err" "the PDF is damaged"
'

test_done
