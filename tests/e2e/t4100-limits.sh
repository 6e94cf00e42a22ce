#!/bin/sh
# Issue 16.21 and 16.2: ranges, lengths and key characters come from the
# kinds' descriptions and hold for every front end: the command line, the
# API (which says which field and why, for a form), figures files and
# whole-database JSON files.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login pat pat "planner pass"

test_expect_success 'the command line refuses a percentage outside 0-100, saying what is right' '
	expect_exit 1 wm set recommendation DA2002/R1 --percent-complete -300 2>err &&
	contains err "percent_complete" && contains err "from 0 to 100" &&
	expect_exit 1 wm set recommendation DA2002/R1 --percent-complete 1e308 2>err &&
	wm show recommendation DA2002/R1 --json >r.json &&
	test "$(jq .percent_complete r.json)" != -300
'

test_expect_success 'the API answers 422 naming the field and a reason a program can act on' '
	equals "$(call pat PATCH /api/v1/recommendations/DA2002/R1 "{\"percent_complete\": 120}")" 422 &&
	equals "$(jq -r .error.field body.json)" percent_complete &&
	equals "$(jq -r .error.reason body.json)" range &&
	equals "$(call pat PATCH /api/v1/recommendations/DA2002/R1 "{\"priority\": 9}")" 422 &&
	equals "$(jq -r .error.reason body.json)" range
'

test_expect_success 'text longer than a field allows is refused, by characters' '
	head -c 900000 /dev/zero | tr "\0" a >big.txt &&
	jq -Rn --rawfile t big.txt "{text: \$t}" >big.json &&
	equals "$(call pat PATCH /api/v1/recommendations/DA2002/R1 @big.json)" 422 &&
	equals "$(jq -r .error.reason body.json)" length
'

test_expect_success 'keys with line breaks, tabs or only spaces are refused everywhere' '
	equals "$(call pat POST /api/v1/units "{\"ref\":\"Cam\\r\\nden\",\"name\":\"x\"}")" 422 &&
	equals "$(jq -r .error.reason body.json)" key_chars &&
	equals "$(call pat POST /api/v1/units "{\"ref\":\"a\\tb\",\"name\":\"x\"}")" 422 &&
	equals "$(call pat POST /api/v1/units "{\"ref\":\"   \",\"name\":\"x\"}")" 422 &&
	expect_exit 1 wm add unit --ref "$(printf "x\ty")" --name x 2>err &&
	contains err "control characters"
'

test_expect_success 'figures near the largest double are refused in a figures file, naming the line' '
	printf "pi,unit,period,value\nSC-01,Camden,2009-01,1.7e308\nSC-01,Camden,2009-02,12\n" >f.csv &&
	expect_exit 1 wm import f.csv >out 2>&1 &&
	contains out "line 2" && contains out "from -1e15 to 1e15" &&
	wm list measurements --pi SC-01 --unit Camden --from 2009-01 --json >m.json &&
	equals "$(jq length m.json)" 0
'

test_expect_success 'and in a JSON file, and through the API' '
	echo "{\"format\":\"waymark-data\",\"measurements\":[{\"pi\":\"SC-01\",\"unit\":\"Camden\",\"period\":\"2009-03\",\"value\":1.7e308}]}" >d.json &&
	expect_exit 1 wm import d.json 2>err &&
	contains err "not allowed" &&
	equals "$(call pat POST /api/v1/measurements "{\"pi\":\"SC-01\",\"unit\":\"Camden\",\"period\":\"2009-04\",\"value\":-1.7e308}")" 422 &&
	equals "$(call pat POST /api/v1/targets "{\"pi\":\"SC-01\",\"unit\":\"Camden\",\"period\":\"2009/10\",\"value\":1e300}")" 422
'

test_expect_success 'help and the OpenAPI description show the same limits' '
	wm help add progress >h.txt && contains h.txt "0 to 100" &&
	call pat GET /api/v1/openapi.json >/dev/null &&
	jq -e "[.. | objects | select(.maximum? == 100)] | length > 0" body.json >/dev/null &&
	jq -e "[.. | objects | select(.maxLength? == 20000)] | length > 0" body.json >/dev/null
'

test_done
