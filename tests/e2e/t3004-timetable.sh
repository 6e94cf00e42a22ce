#!/bin/sh
# Timetables on the sample: fuzzy dates kept as written, what is overdue,
# the Gantt chart and a calendar file.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

test_expect_success 'milestones with their dates as written and what they mean' '
	wm report timetable --format json >t.json &&
	equals "$(jq -r ".as_of" t.json)" 2005-04-15 &&
	equals "$(jq -r "[.timetables[].milestones[]] | length" t.json)" 30 &&
	jq -e ".timetables[0].milestones[] | select(.ref == \"M2\") | .timescale == \"June/July\" and
	    .earliest == \"2002-06-01\" and .latest == \"2002-07-31\" and .fuzzy" t.json >/dev/null &&
	jq -e ".timetables[0].milestones[] | select(.ref == \"M6\") | .uncertain" t.json >/dev/null
'

test_expect_success 'overdue as of a date' '
	wm report timetable --timetable BVA2002-LAUNCH --as-of 2002-12-01 --format json >o.json &&
	equals "$(jq -r "[.timetables[].milestones[] | select(.overdue) | .ref] | join(\" \")" o.json)" M7 &&
	equals "$(jq -r ".timetables[0].milestones[] | select(.ref == \"M7\") | .days_overdue" o.json)" 1 &&
	wm report timetable --as-of 2002-12-31 >o.txt &&
	contains o.txt "overdue by 31 days"
'

test_expect_success 'the Gantt chart shows fuzzy dates as fuzzy and overdue milestones' '
	wm report timetable --as-of 2002-12-31 --format svg >g.svg &&
	head -c 4 g.svg | grep -q "<svg" &&
	contains g.svg "g-fuzzy" &&
	contains g.svg "overdue 31 days" &&
	contains g.svg "some time within the span" &&
	if command -v xmllint >/dev/null; then xmllint --noout g.svg; fi &&
	wm report timetable --format html | grep -q "Gantt chart of the milestones"
'

test_expect_success 'an iCalendar file of every milestone' '
	wm report timetable --format ics --output t.ics &&
	equals "$(head -1 t.ics | tr -d "\r")" BEGIN:VCALENDAR &&
	equals "$(tail -1 t.ics | tr -d "\r")" END:VCALENDAR &&
	equals "$(grep -c "^BEGIN:VEVENT" t.ics)" 30 &&
	grep -q "^UID:TTSC-APPX1/M5@waymark" t.ics &&
	grep -q "^DTSTART;VALUE=DATE:20020911" t.ics &&
	equals "$(grep -c "$(printf "\r")$" t.ics)" "$(wc -l <t.ics | tr -d " ")"
'

test_expect_success 'a milestone that cannot be placed becomes a to-do' '
	wm add milestone --timetable TTSC-APPX1 --ref M23 --title "Celebrate" --timescale "when funding allows" &&
	wm report timetable --format ics | grep -c "^BEGIN:VTODO" | grep -q "^1$" &&
	wm report timetable >u.txt &&
	contains u.txt "cannot be placed"
'

test_expect_success 'every format; a timetable that is not there' '
	wm report timetable --format md | grep -q "^## Timetable for launching" &&
	wm report timetable --format csv | head -1 | grep -q "^\"Ref\",\"Milestone\"" &&
	expect_exit 1 wm report timetable --timetable NOPE 2>err &&
	contains err "NOPE" &&
	expect_exit 2 wm report timetable --as-of soon 2>err
'

test_expect_success 'a step that names only a month follows the steps before it' '
	cat >tt.json <<-EOF &&
	{"format": "waymark-data", "version": 1,
	 "timetables": [{"ref": "TT-ORDER", "title": "Order", "doc_date": "2002-09-19"}],
	 "milestones": [
	  {"timetable": "TT-ORDER", "ref": "A", "seq": 1, "title": "a", "timescale": "December"},
	  {"timetable": "TT-ORDER", "ref": "B", "seq": 2, "title": "b", "timescale": "13 January 2003"},
	  {"timetable": "TT-ORDER", "ref": "C", "seq": 3, "title": "c", "timescale": "January"},
	  {"timetable": "TT-ORDER", "ref": "D", "seq": 0, "title": "d", "timescale": "January"}]}
	EOF
	wm import tt.json >/dev/null &&
	wm list milestones --timetable TT-ORDER --json >m.json &&
	equals "$(jq -r "sort_by(.ref) | map(.ref + \"=\" + .timescale.earliest) | join(\" \")" m.json)" \
	    "A=2002-12-01 B=2003-01-13 C=2003-01-01 D=2002-01-01" &&
	wm report timetable --timetable TTSC-APPX1 --format json >s.json &&
	equals "$(jq -r ".timetables[0].milestones[] | select(.ref == \"M19\") | .earliest" s.json)" \
	    2003-01-01
'

# Issue 15.15: as of a date, the status is the status then: done by then
# by its done_on, or with none when its whole span had passed.
test_expect_success 'as of a date, a milestone is done only if it was done by then' '
	wm report timetable --timetable TTSC-APPX1 --as-of 2002-09-17 --format json >a.json &&
	equals "$(jq -r "[.timetables[0].milestones[] | select(.ref | test(\"^M[1-5]$\")) | .status] | join(\" \")" a.json)" "done done done planned in_progress" &&
	equals "$(jq -r ".timetables[0].milestones[] | select(.ref == \"M4\") | [.status_now, .done_on] | join(\" \")" a.json)" "done 2002-09-19" &&
	wm report timetable --timetable BVA2002-LAUNCH --as-of 2002-08-01 --format json >b.json &&
	equals "$(jq -r "[.timetables[0].milestones[3:5][] | .status] | join(\" \")" b.json)" "in_progress planned" &&
	equals "$(wm report timetable --timetable BVA2002-LAUNCH --as-of 2003-01-31 --format json | jq -r "[.timetables[0].milestones[3:5][] | .status] | join(\" \")")" "done done"
'

test_done
