#!/bin/sh
# The accountability map on the sample: reporting lines to the Management
# Board, who answers for what, and what no one does.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

test_expect_success 'reporting lines up to the Management Board' '
	wm report accountability --format json >a.json &&
	equals "$(jq -r ".board" a.json)" MB &&
	equals "$(jq -r "[.committees[] | select(.line == \"outside\") | .ref] | join(\" \")" a.json)" "FIN FPBV PANEL PPRC" &&
	equals "$(jq -r ".committees[] | select(.ref == \"BVPB\") | .line" a.json)" under &&
	equals "$(jq -r ".committees[] | select(.ref == \"FA\") | .line" a.json)" above &&
	equals "$(jq -r ".committees[] | select(.ref == \"SC-COMM\") | .accountable_for.project" a.json)" 5
'

test_expect_success 'what has no committee, no lead, or a committee outside the line' '
	equals "$(jq -r ".items | length" a.json)" 62 &&
	equals "$(jq -r ".gaps | length" a.json)" 11 &&
	equals "$(jq -r ".gaps[] | select(.ref == \"XX-01\") | .gaps | join(\", \")" a.json)" "no committee, no lead" &&
	equals "$(jq -r ".gaps[] | select(.ref == \"BVA2002/R4\") | .gaps[0]" a.json)" "outside the line" &&
	equals "$(jq -r ".items[] | select(.ref == \"DA2002/R1\") | .through" a.json)" DA2002 &&
	equals "$(jq -r ".items[] | select(.ref == \"SC-01\") | .committee" a.json)" SC-COMM
'

test_expect_success 'mending a gap takes it off the list' '
	wm set pi XX-01 --committee PRC --owner "Head of Corporate Performance" &&
	wm report accountability --format json | jq -e "[.gaps[].ref] | index(\"XX-01\") | not" >/dev/null
'

test_expect_success 'a committee that reports nowhere takes what it answers for out of the line' '
	wm add committee --ref ADHOC --name "Ad hoc group" &&
	wm set project PJ05 --committee ADHOC &&
	wm report accountability --format json >b.json &&
	equals "$(jq -r ".committees[] | select(.ref == \"ADHOC\") | .line" b.json)" outside &&
	equals "$(jq -r ".gaps[] | select(.ref == \"PJ05\") | .gaps[0]" b.json)" "outside the line" &&
	wm report accountability | grep ADHOC | grep -q "never reaches MB"
'

test_expect_success 'another board, and every format' '
	wm report accountability --board PRC --format json | jq -e ".board == \"PRC\"" >/dev/null &&
	expect_exit 1 wm report accountability --board NOBODY 2>err &&
	contains err "NOBODY" &&
	wm report accountability --format md | grep -q "^## Who is accountable for what" &&
	wm report accountability --format html | grep -q "govuk-tag--red" &&
	wm report accountability --format csv | grep -q "^\"Committee\",\"Name\""
'

test_done
