#!/bin/sh
# Everything that has a lead is tracked as recommendations are: key
# actions, objectives and milestones take dated updates, percentages,
# grades and revised dates through the same progress and revisions, under
# the same rules; a database made before (schema 21) keeps its register.
. "$(dirname "$0")/lib.sh"

test_expect_success 'a plan with a key action and an objective, a timetable with a milestone' '
	wm init >/dev/null &&
	wm add unit --ref MPA --name "Metropolitan Police Authority" >/dev/null &&
	wm add post --ref HCP --title "Head of Corporate Planning" --unit MPA >/dev/null &&
	wm add plan --ref CS --title "Corporate strategy" --doc-date 2004-04-01 >/dev/null &&
	wm add priority --plan CS --ref P1 --title "Safer streets" >/dev/null &&
	wm add action --plan CS --ref P1.a --parent P1 --title "Open the hub" --leads HCP \
	    --timescale "March 2005" >/dev/null &&
	wm add objective --plan CS --ref O1 --title "Fewer burglaries" --leads HCP \
	    --timescale "December 2004" >/dev/null &&
	wm add timetable --ref TT --title "Launch" --doc-date 2004-04-01 >/dev/null &&
	wm add milestone --timetable TT --ref M1 --seq 1 --title "Workshop" --post HCP \
	    --timescale "June 2004" >/dev/null &&
	equals "$(wm show action CS/P1.a --json | jq -r ".due + \" \" + .due_original")" \
	    "2005-03-31 2005-03-31"
'

test_expect_success 'an update on a key action carries its grade and percentage onto it' '
	wm update action CS P1.a --progress "Site found" --degree partially --percent 40 \
	    --date 2005-01-10 >out &&
	contains out "updated action CS/P1.a: in_progress, degree met partially" &&
	wm show action CS/P1.a --json >a.json &&
	equals "$(jq -r "[.degree_met, .percent_complete, .last_update, .progress[0].text] | join(\",\")" a.json)" \
	    "partially,40,2005-01-10,Site found" &&
	equals "$(jq -r ".progress | length" a.json)" 1
'

test_expect_success 'it is overdue and red by the register rules, as a recommendation would be' '
	equals "$(jq -r "[.overdue, .days_overdue, .rag] | map(tostring) | join(\",\")" a.json)" \
	    "true,15,red"
'

test_expect_success 'a revision moves its due date and shows as slippage' '
	wm add revision --node CS/P1.a --changed-on 2005-02-01 --new-due 2005-06-30 \
	    --reason "planning permission" >out &&
	contains out "revision node:CS/P1.a/1" &&
	wm show action CS/P1.a --json >a.json &&
	equals "$(jq -r "[.due, .due_original, .slippage.revisions, .slippage.days, .overdue, .rag] | map(tostring) | join(\",\")" a.json)" \
	    "2005-06-30,2005-03-31,1,91,false,amber"
'

test_expect_success 'a timescale changed by hand moves the due date as a revision' '
	wm set objective CS/O1 --timescale "March 2005" >/dev/null &&
	equals "$(wm list revisions --json | jq -r ".[] | select(.node == \"CS/O1\") | .old_due + \">\" + .new_due")" \
	    "2004-12-31>2005-03-31"
'

test_expect_success 'an update is found by its key, and the run of what it is on refuses two' '
	equals "$(wm show progress node:CS/P1.a/1 --json | jq -r .text)" "Site found" &&
	expect_exit 1 wm add progress --node CS/O1 --milestone TT/M1 --date 2005-01-01 \
	    --text x 2>err && contains err "not several" &&
	expect_exit 1 wm add progress --date 2005-01-01 --text x 2>err &&
	contains err "recommendation or node or milestone"
'

test_expect_success 'a grade not on the scale is refused, a closing one marks it done that day' '
	expect_exit 1 wm update milestone TT M1 --progress x --degree nearly 2>err &&
	contains err "not a grade" &&
	wm update milestone TT M1 --progress "Held" --degree completely --date 2004-06-20 >out &&
	wm show milestone TT/M1 --json >m.json &&
	equals "$(jq -r "[.status, .done_on, .rag] | join(\",\")" m.json)" "done,2004-06-20,closed"
'

test_expect_success 'the body scale for what is not a recommendation is a setting' '
	wm add scale --ref RAGS --name "Traffic lights" >/dev/null &&
	wm add grade --scale RAGS --label "on track" --seq 1 --percent 50 >/dev/null &&
	wm add grade --scale RAGS --label "delivered" --seq 2 --percent 100 --closes true >/dev/null &&
	wm add setting --key tracking.scale --value RAGS >/dev/null &&
	expect_exit 1 wm update objective CS O1 --progress x --degree partially 2>err &&
	contains err "on track, delivered" &&
	wm update objective CS O1 --progress "Going well" --degree "on track" --date 2005-02-01 >/dev/null &&
	equals "$(wm show objective CS/O1 --json | jq -r ".percent")" 50
'

test_expect_success 'removing a key action removes its updates and revisions, each audited' '
	wm add action --plan CS --ref P1.b --parent P1 --title "Temporary" >/dev/null &&
	wm update action CS P1.b --progress "x" --date 2005-01-01 >/dev/null &&
	expect_exit 1 wm remove action CS/P1.b 2>err &&
	wm remove action CS/P1.b --cascade >/dev/null &&
	equals "$(wm list progress --json | jq "[.[] | select(.node == \"CS/P1.b\")] | length")" 0 &&
	wm verify >/dev/null
'

test_expect_success 'chase lists key actions, objectives and milestones beside recommendations' '
	wm add milestone --timetable TT --ref M2 --seq 2 --title "Launch event" --post HCP \
	    --timescale "January 2005" >/dev/null &&
	wm report chase --format json >chase.json &&
	equals "$(jq -r "[.leads[] | select(.lead == \"HCP\") | .items[] | .kind + \":\" + .source + \"/\" + .ref] | sort | join(\",\")" chase.json)" \
	    "milestones:TT/M2,nodes:CS/O1,nodes:CS/P1.a" &&
	equals "$(jq -r "[.leads[].items[] | select(.ref == \"M2\") | .item, .why] | join(\",\")" chase.json)" \
	    "milestone,overdue" &&
	wm report chase >chase.txt && contains chase.txt "Updates to chase" &&
	contains chase.txt "key action"
'

test_expect_success 'the timetable holds a milestone to its revised date and shows its progress' '
	wm update milestone TT M2 --progress "Venue booked" --percent 60 --date 2005-01-20 >/dev/null &&
	wm add revision --milestone TT/M2 --changed-on 2005-01-20 --new-due 2005-05-31 >/dev/null &&
	wm report timetable --format json >tt.json &&
	equals "$(jq -r ".timetables[].milestones[] | select(.ref == \"M2\") | [.due, .percent, .last_update, .overdue] | map(tostring) | join(\",\")" tt.json)" \
	    "2005-05-31,60,2005-01-20,false"
'

test_expect_success 'posts, committees and indicators carry what reminders need' '
	wm add post --ref CEO --title "Chief Executive" --unit MPA --email ceo@example.org >/dev/null &&
	wm set post HCP --reports-to CEO --email planning@example.org >/dev/null &&
	wm add committee --ref PRC --name "Performance Review Committee" --clerk HCP >/dev/null &&
	wm add pi --code SC-01 --title "Burglaries" --owner HCP --reporting-lag 45 >/dev/null &&
	equals "$(wm show post HCP --json | jq -r ".reports_to + \" \" + .email")" \
	    "CEO planning@example.org" &&
	equals "$(wm show committee PRC --json | jq -r .clerk)" HCP &&
	equals "$(wm show pi SC-01 --json | jq -r ".owner + \" \" + (.reporting_lag|tostring)")" "HCP 45" &&
	expect_exit 1 wm set pi SC-01 --reporting-lag 9999 2>err
'

# from its first figure on (before it, reporting had not begun); SC-01 has none, so
# every month of the year before is due
test_expect_success 'each period'"'"'s figure is due its reporting lag after the period, and chased' '
	wm add pi --code SC-02 --title "Street crime" --owner HCP --frequency quarterly \
	    --reporting-lag 45 >/dev/null &&
	wm add measurement --pi SC-02 --unit MPA --period 2004-Q1 --value 10 >/dev/null &&
	wm add measurement --pi SC-02 --unit MPA --period 2004-Q4 --value 12 >/dev/null &&
	wm report chase --format json >chase.json &&
	equals "$(jq "[.leads[].items[] | select(.source == \"SC-01\")] | length" chase.json)" 13 &&
	equals "$(jq -r "[.leads[] | select(.lead == \"HCP\") | .items[] | select(.source == \"SC-02\") | .ref + \"@\" + .due] | join(\",\")" chase.json)" \
	    "2004-Q2@2004-08-14,2004-Q3@2004-11-14" &&
	equals "$(jq -r "[.leads[].items[] | select(.source == \"SC-02\")][0] | .item + \",\" + .why" chase.json)" \
	    "figure,figure not in" &&
	wm set pi SC-02 --reporting-lag "" >/dev/null &&
	wm report chase --format json >chase.json &&
	equals "$(jq -r "[.leads[].items[] | select(.source == \"SC-02\") | .due] | join(\",\")" chase.json)" \
	    "2004-07-30,2004-10-30"
'

test_expect_success 'the committee pack holds a key action to its revised date' '
	wm add action --plan CS --ref P1.c --parent P1 --title "Recruit wardens" --leads HCP \
	    --committee PRC --timescale "January 2005" >/dev/null &&
	wm update action CS P1.c --progress "Advert out" --percent 25 --date 2005-01-15 >/dev/null &&
	wm report pack --committee PRC --as-of 2005-04 --format json >pack.json &&
	equals "$(jq -r ".late[] | select(.ref == \"CS/P1.c\") | [.latest, .percent, .last_update] | map(tostring) | join(\",\")" pack.json)" \
	    "2005-01-31,25,2005-01-15" &&
	wm add revision --node CS/P1.c --changed-on 2005-02-01 --new-due 2005-09-30 >/dev/null &&
	wm report pack --committee PRC --as-of 2005-04 --format json >pack.json &&
	equals "$(jq "[.late[] | select(.ref == \"CS/P1.c\")] | length" pack.json)" 0
'

. "$SRCDIR/tests/e2e/lib-http.sh"
wm add person --ref ann --name "Ann Lead" >/dev/null
wm add holder --post HCP --person ann >/dev/null
wm user add ann --role lead --person ann --display-name "Ann Lead" --password "lead password" >/dev/null
wm user add bob --role lead --password "lead password" >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
for u in ann bob; do login $u $u "lead password"; done
login pat pat "planner pass"

test_expect_success 'a lead finds the update form on a key action page, and the update is theirs' '
	equals "$(page ann /framework/CS/P1.a)" 200 &&
	contains page.html "href=\"/progress/new?node=CS%2FP1.a&amp;back=" &&
	equals "$(page ann "/progress/new?node=CS/P1.a")" 200 &&
	equals "$(form ann "/progress/new" node=CS/P1.a date=2005-04-14 text="Builders in" \
	    percent_complete=70)" 303 &&
	wm show action CS/P1.a --json >a.json &&
	equals "$(jq -r "[.percent_complete, .last_update, .progress[-1].author] | map(tostring) | join(\",\")" a.json)" \
	    "70,2005-04-14,Ann Lead" &&
	equals "$(page ann /framework/CS/P1.a)" 200 && contains page.html "Builders in" &&
	edit=$(grep -o "href=\"/progress/[^\"]*/edit[^\"]*\"" page.html | head -1 |
	    sed -e "s/^href=\"//" -e "s/\"$//" -e "s/&amp;/\&/g") &&
	test -n "$edit" && equals "$(page ann "$edit")" 200 && contains page.html "Builders in"
'

test_expect_success 'through the API too; a lead who does not lead it is refused' '
	equals "$(call ann POST /api/v1/progress "{\"milestone\":\"TT/M1\",\"date\":\"2005-04-15\",\"text\":\"Report written\",\"percent_complete\":100}")" 201 &&
	equals "$(jq -r .seq body.json)" 2 &&
	equals "$(call ann GET "/api/v1/progress/milestone:TT%2FM1/2")" 200 &&
	equals "$(jq -r .text body.json)" "Report written" &&
	equals "$(call bob POST /api/v1/progress "{\"node\":\"CS/P1.a\",\"date\":\"2005-04-15\",\"text\":\"x\"}")" 403 &&
	contains msg.txt "plan items and milestones that a post you hold leads" &&
	equals "$(page bob /framework/CS/P1.a)" 200 && ! contains page.html "/progress/new?node="
'

test_expect_success 'a lead saying a key action is done leaves it for a planner to sign off' '
	equals "$(call ann POST /api/v1/progress "{\"node\":\"CS/O1\",\"date\":\"2005-04-15\",\"text\":\"All done\",\"degree_met\":\"delivered\"}")" 201 &&
	wm show objective CS/O1 --json >o.json &&
	equals "$(jq -r "[.status, .awaiting_signoff, .degree_met] | map(tostring) | join(\",\")" o.json)" \
	    "in_progress,true,delivered" &&
	equals "$(call ann PATCH /api/v1/nodes/CS%2FO1 "{\"awaiting_signoff\":false}")" 403 &&
	equals "$(call pat PATCH /api/v1/nodes/CS%2FO1 "{\"awaiting_signoff\":false}")" 200 &&
	equals "$(jq -r "[.status, .awaiting_signoff] | map(tostring) | join(\",\")" body.json)" "done,false"
'
serve_stop main

# the parts of a migration for DB's engine (-- @sqlite, -- @postgresql, -- @both)
engine_sections() {
	case "$1" in postgres://* | postgresql://*) e=postgresql ;; *) e=sqlite ;; esac
	awk -v e="$e" '$1 == "--" && ($2 == "@sqlite" || $2 == "@postgresql" || $2 == "@both") {
	    s = substr($2, 2); next } s == "" || s == "both" || s == e'
}

# a database of this pass's engine at schema 21, made from migrations 001-021
# and the rows tests/fixtures/upgrade/make.sh took from one main's waymark made
old_database() {
	{
		echo "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
		    applied_at TEXT NOT NULL);"
		for f in "$SRCDIR"/src/store/migrations/0*.sql; do
			[ "$(basename "$f" | cut -c1-3)" -gt 21 ] ||
			    sed -e "$(ddl_for "$1")" "$f" | engine_sections "$1"
		done
		# SQLite's dump writes a newline as char(10), PostgreSQL's chr(10)
		case "$1" in
		postgres://* | postgresql://*)
			sed "s/char(10)/chr(10)/g" "$SRCDIR/tests/fixtures/upgrade/schema21.sql" ;;
		*) cat "$SRCDIR/tests/fixtures/upgrade/schema21.sql" ;;
		esac
	} | db_sql "$1" - >/dev/null &&
	# the rows came with their ids: PostgreSQL numbers the next ones after them
	if [ "$ENGINE" = postgresql ]; then
		db_sql "$1" "DO \$\$ DECLARE r record; BEGIN FOR r IN SELECT table_name FROM
		    information_schema.columns WHERE table_schema = current_schema() AND
		    is_identity = 'YES' LOOP EXECUTE format('SELECT setval(pg_get_serial_sequence(%L,
		    %L), COALESCE((SELECT MAX(id) FROM %I), 0) + 1, false)', r.table_name, 'id',
		    r.table_name); END LOOP; END \$\$" >/dev/null
	fi
}

old=$(new_db old)
test_expect_success 'a database made at schema 21 is upgraded with its register as it was' '
	old_database "$old" &&
	expect_exit 1 wm --db "$old" list progress 2>err && contains err "upgrade" &&
	wm --db "$old" init >out && contains out "from schema 21" &&
	wm --db "$old" list progress --json >p.json &&
	equals "$(jq -r "[.[] | .recommendation + \"/\" + (.seq|tostring) + \"=\" + .text] | join(\";\")" p.json)" \
	    "DA2002/R1/1=Draft written;DA2002/R1/2=Consulted on;DA2002/R2/1=Done;DA2002/R3/1=Trainers hired" &&
	equals "$(jq -r "[.[] | .entered_by] | unique | join(\",\")" p.json)" "cli:fixture" &&
	equals "$(wm --db "$old" list revisions --json | jq -r ".[] | .recommendation + \" \" + .old_due + \">\" + .new_due + \" \" + .reason")" \
	    "DA2002/R1 2002-12-31>2003-03-31 Waiting for the census" &&
	wm --db "$old" show recommendation DA2002/R1 --json >r.json &&
	equals "$(jq -r "[.due, .due_original, .degree_met, .slippage.revisions] | map(tostring) | join(\",\")" r.json)" \
	    "2003-03-31,2002-12-31,moderately,1"
'

test_expect_success 'verify passes after the upgrade, and the history of updates is kept' '
	wm --db "$old" verify >out && contains out "records match the audit log" &&
	wm --db "$old" audit --kind progress --json >h.json &&
	equals "$(jq -r "[.[] | .action + \" \" + .ref] | reverse | join(\";\")" h.json)" \
	    "add DA2002/R1/1;add DA2002/R1/2;add DA2002/R2/1;add DA2002/R3/1;remove DA2002/R3/1;add DA2002/R3/1"
'

test_expect_success 'the upgraded key action has a due date from its timescale and takes updates' '
	equals "$(wm --db "$old" show action CS/P1.a --json | jq -r .due)" 2005-03-31 &&
	wm --db "$old" update action CS P1.a --progress "Begun" --percent 10 --date 2005-01-01 >/dev/null &&
	wm --db "$old" update recommendation DA2002 R3 --progress "More" --date 2005-01-02 >/dev/null &&
	equals "$(wm --db "$old" list progress --json | jq -r "[.[] | select(.recommendation == \"DA2002/R3\") | .seq] | join(\",\")")" "1,2" &&
	wm --db "$old" verify >/dev/null
'

test_done
