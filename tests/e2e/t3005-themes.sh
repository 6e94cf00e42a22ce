#!/bin/sh
# Consultation themes on the sample: rules and hand-given themes, counts by
# theme and source over time, the aims themes bear on.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

test_expect_success 'counts by theme, by rule and by hand, over financial years' '
	wm report themes --format json >t.json &&
	equals "$(jq -r ".periods | join(\" \")" t.json)" "2002/03 2003/04 2004/05" &&
	equals "$(jq -r ".themes[] | select(.ref == \"VIS\") | .count" t.json)" 7 &&
	equals "$(jq -r ".themes[] | select(.ref == \"VIS\") | .by_hand" t.json)" 2 &&
	equals "$(jq -r ".themes[] | select(.ref == \"BURG\") | .by_period[\"2004/05\"]" t.json)" 1 &&
	equals "$(jq -r ".themes[] | select(.ref == \"VICTIM\") | .by_source[\"best value review\"] | add" t.json)" 3
'

test_expect_success 'the aims each theme bears on, and the issues none covers' '
	equals "$(jq -r ".themes[] | select(.ref == \"TERROR\") | [.aims[].aim] | join(\" \")" t.json)" "TTSC/G2.A1 TTSC/G2.A2" &&
	equals "$(jq -r ".untagged | join(\" \")" t.json)" "C004 C040 C034" &&
	wm report themes >t.txt &&
	contains t.txt "Issues no theme covers" &&
	contains t.txt "Someone broke into my car"
'

test_expect_success 'editing a rule re-tags every issue' '
	wm add theme_rule --theme BURG --pattern "broke into" &&
	wm report themes --format json | jq -e ".untagged == [\"C004\", \"C040\"]" >/dev/null &&
	equals "$(wm report themes --format json | jq -r ".rules[] | select(.pattern == \"broke into\") | .matches")" 1
'

test_expect_success 'by quarter, one source, a range of dates' '
	wm report themes --by quarter --format json | jq -e ".periods[0] == \"2002-Q2\"" >/dev/null &&
	wm report themes --source "best value review" --format json | jq -e "[.issues[].source] | unique == [\"best value review\"]" >/dev/null &&
	wm report themes --from 2004/05 --format json | jq -e ".periods == [\"2004/05\"]" >/dev/null &&
	expect_exit 2 wm report themes --by week 2>err &&
	contains err "month, quarter, fyear or year"
'

test_expect_success 'every format' '
	wm report themes --format md | grep -q "^## Issues by theme and source over time" &&
	wm report themes --format html | grep -q "govuk-table" &&
	wm report themes --format csv | head -1 | grep -q "^\"Theme\",\"Issues\",\"By rule\""
'

test_done
