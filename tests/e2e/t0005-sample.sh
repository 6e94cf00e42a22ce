#!/bin/sh
# The bundled sample: the framework, the two registers, the figures.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null

test_expect_success 'sample loads' '
	wm sample >out &&
	contains out "loaded the bundled sample"
'

test_expect_success 'the five goals of Towards the Safest City' '
	wm list goals --json >goals.json &&
	equals "$(jq length goals.json)" 5 &&
	equals "$(jq -r "[.[].plan] | unique | join(\",\")" goals.json)" TTSC &&
	jq -r ".[].title" goals.json >titles &&
	contains titles "Developing safer communities" &&
	contains titles "Securing the capital against terrorism" &&
	contains titles "Revitalising the criminal justice system" &&
	contains titles "Developing a professional and effective workforce" &&
	contains titles "Reforming delivery of policing services"
'

test_expect_success '26 recommendations from two sources' '
	wm list recommendations --json >recs.json &&
	equals "$(jq length recs.json)" 26 &&
	equals "$(jq "[.[].source] | unique | length" recs.json)" 2
'

test_expect_success 'loading the sample twice changes nothing' '
	before=$(wm audit --limit 0 --json | jq length) &&
	wm sample >out &&
	lacks out " 1 created" &&
	equals "$(wm audit --limit 0 --json | jq length)" "$before"
'

test_expect_success 'the borough figures show missing and estimated data' '
	wm list measurements --flag not_available --json >na.json &&
	equals "$(jq "length > 0" na.json)" true &&
	contains na.json "Home Office has not released data" &&
	wm list measurements --flag estimate --json >est.json &&
	equals "$(jq "length > 0" est.json)" true
'

test_expect_success 'figures can be limited to a PI, a unit and a range of periods' '
	wm list measurements --pi SC-01 --unit Camden --from 2004-01 --to 2004-03 --json >m.json &&
	equals "$(jq -r "[.[].period] | join(\",\")" m.json)" "2004-01,2004-02,2004-03"
'

test_done
