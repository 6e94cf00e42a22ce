#!/bin/sh
# make demo's script: it ends with the server running on the sample, and
# the demo logins it prints work.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

WAYMARK_DEMO_LISTEN=127.0.0.1:0 "$SRCDIR/scripts/demo" "$WAYMARK" demo.db >demo.log 2>&1 &
pid=$!
SERVERS=$pid
# up to a minute: under valgrind the demo's steps take many seconds
i=0
until grep -q '^listening on ' demo.log 2>/dev/null || [ "$i" -gt 600 ] ||
    ! kill -0 "$pid" 2>/dev/null; do
	i=$((i + 1))
	sleep 0.1
done
URL=$(sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' demo.log)

test_expect_success 'the demo shows the sample, then prints the address and the logins' '
	contains demo.log "\$ waymark show recommendation DA2002/R13" &&
	contains demo.log "planner / demo-planner" &&
	contains demo.log "listening on http://127.0.0.1:"
'

test_expect_success 'the demo logins sign in to the server it left running' '
	login planner planner demo-planner &&
	equals "$(call planner GET /api/v1/recommendations/DA2002/R13)" 200 &&
	login lead lead demo-lead &&
	equals "$(call lead POST /api/v1/progress "{\"recommendation\":\"DA2002/R13\",\"date\":\"2005-04-15\",\"text\":\"Demo\"}")" 201
'

test_done
