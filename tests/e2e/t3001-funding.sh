#!/bin/sh
# What a budget funds, on the sample: the JSON the issue fixes, projects
# that must be funded, covering every aim, and what is refused.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

# With --free-commissioned, work under way is weighed like the rest: the
# knapsack on all twelve candidates.
test_expect_success 'the best use of two million in 2004/05' '
	wm plan funding --budget 2000000 --year 2004/05 --free-commissioned --json >f.json &&
	equals "$(jq -r ".budget" f.json)" 2000000 &&
	equals "$(jq -r ".candidates | length" f.json)" 12 &&
	equals "$(jq -r ".funded | join(\" \")" f.json)" "PJ01 PJ02 PJ03 PJ04 PJ05 PJ06 PJ07 PJ08 PJ10" &&
	equals "$(jq -r ".total_cost" f.json)" 1860000 &&
	equals "$(jq -r ".total_benefit" f.json)" 510 &&
	equals "$(jq -r "[.dropped[].ref] | join(\" \")" f.json)" "PJ11 PJ12 PJ13" &&
	jq -e ".dropped | all(.why | length > 0)" f.json >/dev/null &&
	jq -e ".exact == true" f.json >/dev/null
'

test_expect_success 'the JSON has the members the paper promises, with their types' '
	jq -e "(.budget|type) == \"number\" and (.candidates|type) == \"array\" and
	    (.funded|type) == \"array\" and (.dropped[0]|keys) == [\"ref\", \"why\"] and
	    (.total_cost|type) == \"number\" and (.total_benefit|type) == \"number\"" f.json >/dev/null
'

test_expect_success 'the text says what is funded, what is dropped and why, and the benefit per pound' '
	wm plan funding --budget 2m --year 2004/05 --free-commissioned >f.txt &&
	contains f.txt "Funding within £2,000,000 in 2004/05" &&
	contains f.txt "per pound" &&
	contains f.txt "exactly" &&
	contains f.txt "Dropped" &&
	contains f.txt "making room for it would lose more benefit than it adds"
'

test_expect_success 'the paper goes to --output FILE, and an unwritable one is an error' '
	wm plan funding --budget 2m --year 2004/05 --free-commissioned --format html --output paper.html >out &&
	test ! -s out &&
	contains paper.html "Funding within £2,000,000 in 2004/05" &&
	wm plan funding --budget 2m --year 2004/05 --free-commissioned --output - >dash.txt &&
	cmp dash.txt f.txt &&
	expect_exit 1 wm plan funding --budget 2m --free-commissioned --output no/such/dir/paper.txt 2>err &&
	contains err "no/such/dir/paper.txt"
'

test_expect_success 'projects that must be funded are, and the rest fit round them' '
	wm plan funding --budget 2m --year 2004/05 --free-commissioned --must PJ12 --json >m.json &&
	jq -e ".funded | index(\"PJ12\")" m.json >/dev/null &&
	jq -e ".total_cost <= 2000000" m.json >/dev/null &&
	equals "$(jq -r ".must | join(\" \")" m.json)" PJ12 &&
	wm plan funding --budget 3m --year 2004/05 --free-commissioned --must PJ12,PJ13 --json | jq -e ".funded | index(\"PJ13\")" >/dev/null &&
	wm plan funding --budget 3m --year 2004/05 --free-commissioned --must PJ12 --must PJ13 --json | jq -e ".must | length == 2" >/dev/null
'

test_expect_success 'covering every aim gives up benefit to serve more aims' '
	wm add setting --key portfolio.cover_threshold --value 0.2 >/dev/null &&
	wm plan funding --budget 2m --year 2004/05 --free-commissioned --cover-every-aim --json >c.json &&
	wm remove setting portfolio.cover_threshold >/dev/null &&
	jq -e ".total_benefit < 510" c.json >/dev/null &&
	equals "$(jq -r "[.aims_unserved[].aim] | join(\" \")" c.json)" TTSC/G5.A3 &&
	jq -e ".aims_unserved[0].why | startswith(\"no candidate within the budget serves it enough\")" c.json >/dev/null &&
	jq -e ".funded | index(\"PJ11\")" c.json >/dev/null
'

# Issue 15.17: two million would drop C3i, running, at 1.9 million. By
# default the running and commissioned projects are funded first and named.
test_expect_success 'running and commissioned projects are funded first, and the paper says so' '
	expect_exit 1 wm plan funding --budget 2m --year 2004/05 2>err &&
	contains err "--free-commissioned" && contains err "PJ12" &&
	wm plan funding --budget 4.5m --year 2004/05 --json >p.json &&
	equals "$(jq -r ".prefunded | join(\" \")" p.json)" "PJ01 PJ03 PJ05 PJ06 PJ07 PJ08 PJ10 PJ11 PJ12" &&
	jq -e ".funded | index(\"PJ12\")" p.json >/dev/null &&
	equals "$(jq -r ".must | length" p.json)" 0 &&
	wm plan funding --budget 4.5m --year 2004/05 | tr "\n" " " | sed "s/  */ /g" >p.txt &&
	contains p.txt "Pre-funded: 9 commissioned or running projects" &&
	contains p.txt "under way: funded first"
'

# Issue 15.18: one line for "covers an aim": the portfolio's gap threshold.
test_expect_success 'covering an aim means what the portfolio means: the setting portfolio.cover_threshold' '
	wm report portfolio --format json >pf.json &&
	equals "$(jq -r ".threshold" pf.json)" 0.5 &&
	wm plan funding --budget 4.5m --year 2004/05 --cover-every-aim --json >cv.json &&
	equals "$(jq -r ".cover_threshold" cv.json)" 0.5 &&
	for a in $(jq -r ".gaps[] | select(.why == \"weak\") | .aim" pf.json); do
		jq -e --arg a "$a" "[.aims_unserved[].aim] | index(\$a)" cv.json >/dev/null || return 1
	done &&
	wm add setting --key portfolio.cover_threshold --value 0.1 >/dev/null &&
	equals "$(wm report portfolio --format json | jq -r ".threshold")" 0.1 &&
	equals "$(wm plan funding --budget 4.5m --year 2004/05 --cover-every-aim --json | jq -r ".cover_threshold")" 0.1 &&
	wm remove setting portfolio.cover_threshold >/dev/null
'

test_expect_success 'whole-life costs without --year, and a budget written as people write it' '
	wm plan funding --budget "£20m" --json >w.json &&
	equals "$(jq -r ".funded | length" w.json)" 12 &&
	equals "$(jq -r ".year" w.json)" null &&
	wm plan funding --budget 750k --json | jq -e ".budget == 750000" >/dev/null
'

test_expect_success 'every report format' '
	wm plan funding --budget 2m --year 2004/05 --free-commissioned --format md | grep -q "^## Funded" &&
	wm plan funding --budget 2m --year 2004/05 --free-commissioned --format html | grep -q "<table" &&
	wm plan funding --budget 2m --year 2004/05 --free-commissioned --format csv | head -1 | grep -q "\"Project\",\"Title\""
'

test_expect_success 'what is refused, and why' '
	expect_exit 2 wm plan funding 2>err && contains err "--budget" &&
	expect_exit 2 wm plan funding --budget lots 2>err && contains err "not a sum of money" &&
	expect_exit 1 wm plan funding --budget 1m --must PJ09 2>err && contains err "closed" &&
	expect_exit 1 wm plan funding --budget 1m --must PJ88 2>err && contains err "PJ88" &&
	expect_exit 1 wm plan funding --budget 100k --year 2004/05 --must PJ12 2>err &&
	contains err "more than the budget of £100,000" &&
	expect_exit 2 wm plan funding --budget 1m --year 2004 2>err && contains err "financial year" &&
	expect_exit 2 wm plan funding --budget 1m --colour red 2>err && contains err "--colour" &&
	expect_exit 2 wm plan budgets 2>err && contains err "funding" &&
	expect_exit 2 wm plan funding --budget 1m PJ05 2>err && contains err "--must"
'

test_done
