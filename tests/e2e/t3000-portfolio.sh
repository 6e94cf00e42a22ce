#!/bin/sh
# The portfolio on the sample: the aims x projects matrix, its gaps and
# overlaps, in every format, and the heat map as a file of its own.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

test_expect_success 'gaps are the aims commissioned work serves too little' '
	wm report portfolio --format json >p.json &&
	equals "$(jq -r "[.gaps[].aim] | join(\" \")" p.json)" "TTSC/G3.A1 TTSC/G4.A2 TTSC/G5.A3" &&
	equals "$(jq -r ".gaps[] | select(.aim == \"TTSC/G5.A3\") | .why" p.json)" unserved &&
	equals "$(jq -r ".gaps[] | select(.aim == \"TTSC/G4.A2\") | .served" p.json)" 0.2 &&
	equals "$(jq -r ".matrix[] | select(.aim == \"TTSC/G1.A1\") | .weights.PJ01" p.json)" 0.8
'

test_expect_success 'overlaps say how alike and why they were paired' '
	equals "$(jq -r "[.overlaps[] | .projects | join(\"+\")] | join(\" \")" p.json)" "PJ01+PJ02 PJ03+PJ04" &&
	jq -e ".overlaps[0].similarity > 0.5 and .overlaps[0].similarity < 1" p.json >/dev/null &&
	jq -e ".overlaps[0].shared_terms | index(\"burglary\")" p.json >/dev/null &&
	jq -e ".overlaps[0].aims | index(\"TTSC/G1.A1\")" p.json >/dev/null &&
	wm report portfolio >p.txt &&
	contains p.txt "words in common: burglary" &&
	contains p.txt "no commissioned or running project serves it" &&
	contains p.txt "2004-03-01 red: Second centre handover delayed"
'

test_expect_success 'thresholds are the reader'\''s to set' '
	wm report portfolio --threshold 0.9 --format json | jq -e ".gaps | length > 3" >/dev/null &&
	wm report portfolio --similarity 0.99 --format json | jq -e ".overlaps | length == 0" >/dev/null &&
	expect_exit 2 wm report portfolio --similarity 2 2>err &&
	contains err "--similarity" &&
	expect_exit 2 wm report portfolio --simlarity 0.4 2>err &&
	contains err "did you mean --similarity"
'

test_expect_success 'one plan only, and a plan that is not there' '
	wm report portfolio --plan TTSC --format json | jq -e ".plan == \"TTSC\" and (.matrix | length) == 13" >/dev/null &&
	expect_exit 1 wm report portfolio --plan NOPLAN 2>err &&
	contains err "NOPLAN"
'

test_expect_success 'every format, and the heat map as a well-formed SVG file' '
	wm report portfolio --format md >p.md && contains p.md "| Aim | Title | PJ01 |" &&
	wm report portfolio --format html >p.html && contains p.html "<svg" &&
	contains p.html "Heat map of the aims against the projects" &&
	wm report portfolio --format csv >p.csv && head -1 p.csv | grep -q "^\"Aim\",\"Title\",\"PJ01\"" &&
	wm report portfolio --format svg --output heat.svg &&
	head -c 4 heat.svg | grep -q "<svg" &&
	contains heat.svg "PJ01 (running) serves TTSC/G1.A1: 0.8" &&
	if command -v xmllint >/dev/null; then xmllint --noout heat.svg; fi
'

test_expect_success 'svg is only for the reports that draw one' '
	expect_exit 2 wm report money --format svg 2>err &&
	contains err "not one of text, md, html, csv, json" &&
	expect_exit 2 wm report portfolio --format ics 2>err &&
	contains err "or for this report svg"
'

test_expect_success 'list projects gives each its total cost and benefit' '
	wm list projects --json >pj.json &&
	equals "$(jq -r ".[] | select(.ref == \"PJ12\") | .cost" pj.json)" 7600000 &&
	equals "$(jq -r ".[] | select(.ref == \"PJ12\") | .benefit" pj.json)" 95 &&
	wm add project --ref PJ99 --title "Not costed yet" &&
	equals "$(wm show project PJ99 --json | jq -r .cost)" null
'

test_expect_success 'weights and benefits are checked' '
	expect_exit 1 wm add contribution --project PJ01 --aim TTSC/G2.A1 --weight 1.5 2>err &&
	contains err "from 0 to 1" &&
	expect_exit 1 wm set project PJ01 --benefit -3 2>err &&
	contains err "enter 0 or more"
'

test_done
