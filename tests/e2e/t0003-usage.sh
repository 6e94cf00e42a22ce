#!/bin/sh
# Help tells the truth; bad usage exits 2 with a hint.
. "$(dirname "$0")/lib.sh"

test_expect_success 'waymark help lists the commands' '
	wm help >out &&
	for c in init sample list show add set remove import export audit verify; do
		contains out "  $c "
	done
'

test_expect_success 'no command is a usage error' '
	expect_exit 2 wm 2>err &&
	contains err "usage: waymark"
'

test_expect_success 'an unknown command suggests the nearest' '
	expect_exit 2 wm lst units 2>err &&
	contains err "did you mean \"list\""
'

test_expect_success 'every command answers --help with its usage' '
	for c in init sample list show add set remove import export audit verify help version; do
		wm $c --help >out &&
		contains out "usage: waymark" || exit 1
	done
'

test_expect_success 'help for a kind lists its fields from the schema' '
	wm help add recommendation >out &&
	contains out "--degree_met" &&
	contains out "key: source/ref" &&
	wm add pi --help >out &&
	contains out "--aggregation" &&
	wm add --help >out &&
	contains out "kinds of record"
'

test_expect_success 'an unknown option is a usage error with a hint' '
	wm init >/dev/null &&
	expect_exit 2 wm list units --jsn 2>err || true &&
	expect_exit 2 wm show unit X --jsn 2>err &&
	contains err "did you mean --json"
'

test_expect_success 'an unknown kind is a usage error with a hint' '
	expect_exit 2 wm list unitz 2>err &&
	contains err "did you mean \"units\""
'

test_expect_success 'docs/kinds.md is what the binary says' '
	wm help kinds >kinds.md &&
	diff -u "$SRCDIR/docs/kinds.md" kinds.md
'

test_expect_success 'a report takes a format and refuses options it does not know' '
	wm report summary --format md >out &&
	contains out "| Kind | Records |" &&
	wm report summary --format json >out.json &&
	jq -e ".units == 0" out.json >/dev/null &&
	expect_exit 2 wm report summary --unit Camden 2>err &&
	contains err "--unit: this report takes no options" &&
	expect_exit 2 wm report summary --format docz 2>err &&
	expect_exit 2 wm report sumary 2>err &&
	contains err "did you mean \"summary\""
'

# The command loads what few commands need as modules (base/module.h): a
# program without them still does everything else, and says what is missing.
if [ -f "$(dirname "$WAYMARK")/waymark-pdf.so" ]; then
test_expect_success 'a module missing is named, and the rest still works' '
	mkdir lone && cp "$WAYMARK" lone/waymark &&
	lone/waymark --db lone.db init >/dev/null &&
	lone/waymark --db lone.db report summary >out &&
	contains out "What this database holds" &&
	pdf="$SRCDIR/tests/golden/formats/pdf-timetable.pdf" &&
	expect_exit 1 lone/waymark --db lone.db import --model "$pdf" 2>err &&
	contains err "reading PDF needs the module waymark-pdf.so" &&
	expect_exit 1 lone/waymark --db lone.db report summary --format docx --output s.docx 2>err &&
	contains err "waymark-office.so" &&
	expect_exit 1 lone/waymark --db postgresql://nobody@127.0.0.1:1/none list units 2>err &&
	contains err "waymark-pg.so" &&
	expect_exit 1 lone/waymark --db lone.db remind --test a@example.org \
	    --smtp smtp://127.0.0.1:1 --from w@example.org 2>err &&
	contains err "sending mail needs the module waymark-mail.so" &&
	"$WAYMARK" --db lone.db import --model "$pdf" >model &&
	contains model "Local Plan Review"
'
else
test_skip 'the modules are not beside $WAYMARK'
fi

test_expect_success 'version prints the version and schema' '
	wm version >out &&
	contains out "waymark 0." && contains out "schema"
'

test_done
