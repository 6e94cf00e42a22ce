#!/bin/sh
# Issue 16.20: the database's own error text never reaches a client. A
# key changed onto another record's is 409 naming the key; no answer
# names a table, a column or a constraint.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login pat pat "planner pass"

no_schema_words() {
	for w in UNIQUE constraint "unit.ref" SQLITE duplicate\ key violates; do
		lacks body.json "$w" || return 1
	done
}

test_expect_success 'changing a key onto another record is 409 with the key, in plain words' '
	equals "$(call pat PATCH /api/v1/units/Camden "{\"ref\":\"Islington\"}")" 409 &&
	contains msg.txt "unit \"Islington\" already exists" &&
	no_schema_words
'

test_expect_success 'and so on the command line' '
	expect_exit 1 wm set unit Camden --ref Islington 2>err &&
	contains err "unit \"Islington\" already exists" &&
	lacks err UNIQUE
'

test_expect_success 'adding a second record with a key is 409 too, and a link listed twice 422' '
	equals "$(call pat POST /api/v1/units "{\"ref\":\"Camden\",\"name\":\"x\"}")" 409 &&
	no_schema_words &&
	equals "$(call pat PATCH /api/v1/recommendations/DA2002/R1 "{\"leads\":[\"AC PRS\",\"AC PRS\"]}")" 422 &&
	contains msg.txt "listed twice" && no_schema_words
'

test_done
