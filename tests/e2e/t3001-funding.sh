#!/bin/sh
# What a budget funds, on the sample: the JSON the issue fixes, projects
# that must be funded, covering every aim, and what is refused.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

test_expect_success 'the best use of two million in 2004/05' '
	wm plan funding --budget 2000000 --year 2004/05 --json >f.json &&
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
	wm plan funding --budget 2m --year 2004/05 >f.txt &&
	contains f.txt "Funding within £2,000,000 in 2004/05" &&
	contains f.txt "per pound" &&
	contains f.txt "exactly" &&
	contains f.txt "Dropped" &&
	contains f.txt "making room for it would lose more benefit than it adds"
'

test_expect_success 'the paper goes to --output FILE, and an unwritable one is an error' '
	wm plan funding --budget 2m --year 2004/05 --format html --output paper.html >out &&
	test ! -s out &&
	contains paper.html "Funding within £2,000,000 in 2004/05" &&
	wm plan funding --budget 2m --year 2004/05 --output - >dash.txt &&
	cmp dash.txt f.txt &&
	expect_exit 1 wm plan funding --budget 2m --output no/such/dir/paper.txt 2>err &&
	contains err "no/such/dir/paper.txt"
'

test_expect_success 'projects that must be funded are, and the rest fit round them' '
	wm plan funding --budget 2m --year 2004/05 --must PJ12 --json >m.json &&
	jq -e ".funded | index(\"PJ12\")" m.json >/dev/null &&
	jq -e ".total_cost <= 2000000" m.json >/dev/null &&
	equals "$(jq -r ".must | join(\" \")" m.json)" PJ12 &&
	wm plan funding --budget 3m --year 2004/05 --must PJ12,PJ13 --json | jq -e ".funded | index(\"PJ13\")" >/dev/null &&
	wm plan funding --budget 3m --year 2004/05 --must PJ12 --must PJ13 --json | jq -e ".must | length == 2" >/dev/null
'

test_expect_success 'covering every aim gives up benefit to serve more aims' '
	wm plan funding --budget 2m --year 2004/05 --cover-every-aim --json >c.json &&
	jq -e ".total_benefit < 510" c.json >/dev/null &&
	equals "$(jq -r "[.aims_unserved[].aim] | join(\" \")" c.json)" TTSC/G5.A3 &&
	equals "$(jq -r ".aims_unserved[0].why" c.json)" "no candidate within the budget serves it" &&
	jq -e ".funded | index(\"PJ11\")" c.json >/dev/null
'

test_expect_success 'whole-life costs without --year, and a budget written as people write it' '
	wm plan funding --budget "£20m" --json >w.json &&
	equals "$(jq -r ".funded | length" w.json)" 12 &&
	equals "$(jq -r ".year" w.json)" null &&
	wm plan funding --budget 750k --json | jq -e ".budget == 750000" >/dev/null
'

test_expect_success 'every report format' '
	wm plan funding --budget 2m --year 2004/05 --format md | grep -q "^## Funded" &&
	wm plan funding --budget 2m --year 2004/05 --format html | grep -q "<table" &&
	wm plan funding --budget 2m --year 2004/05 --format csv | head -1 | grep -q "\"Project\",\"Title\""
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
