#!/bin/sh
# wm-forms (bench/forms.c) once: it loads the sample, signs an
# administrator in, and asks the router for every form page; each answers
# 200 but the kinds whose forms are elsewhere (users, comments), and each
# figure is a number. Nothing is timed against a target here: the lead
# measures on a quiet machine (bench/README.md).
. "$(dirname "$0")/lib.sh"

command -v jq >/dev/null 2>&1 || { test_skip "needs jq"; test_done; exit 0; }

test_expect_success 'wm-forms asks for every form page, and each answers' '
	"$BUILD/bench/wm-forms" --repeat 1 --json >out.json &&
	jq -e ".pages | length > 60" out.json >/dev/null &&
	equals "$(jq -r "[.pages[] | select(.status != 200) | .path] | join(\" \")" out.json)" \
	    "/users/new /users/bench/edit /comments/new" &&
	jq -e "[.pages[].path] | index(\"/recommendations/new\") and index(\"/import\") and
	    index(\"/admin/users/bench\") and index(\"/pis/SC-01/figures?period=2005-03\")" \
	    out.json >/dev/null &&
	jq -e "all(.pages[] | select(.status == 200); .bytes > 1000 and
	    (.median_ms | type) == \"number\" and .median_ms >= 0)" out.json >/dev/null
'

test_expect_success 'the table names the target; bad usage is refused' '
	"$BUILD/bench/wm-forms" --repeat 1 >out.txt &&
	contains out.txt "target < 50 ms" && contains out.txt "/recommendations/new" &&
	expect_exit 2 "$BUILD/bench/wm-forms" --repeat 0 2>err && contains err "--repeat takes" &&
	expect_exit 2 "$BUILD/bench/wm-forms" --nonsense 2>err && contains err usage
'

test_done
