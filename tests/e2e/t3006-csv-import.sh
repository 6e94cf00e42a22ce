#!/bin/sh
# Projects and consultation issues from CSV: told apart by their header,
# rows taken whole or reported with their line and why.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

cat >projects.csv <<'CSV'
Ref,Title,Description,Unit,Status,Benefit,Aims,One-off 2004/05,Recurring 2004/05
PJ20,Street lighting with councils,"Better lighting on estates, with the councils",Lambeth,proposed,30,"TTSC/G1.A2=0.5; G1.A3",£60000,"£5,000"
PJ21,Crime mapping for partners,Shared maps of hot spots,DOI,proposed,25,TTSC/G5.A3=0.7,80000,10000
PJ22,Mystery project,"In a unit that does not exist",Atlantis,proposed,10,,1000,
CSV
cat >issues.csv <<'CSV'
ref,source,date,text,themes
C101,public attitude survey,2004-10-02,"More patrols near the station, please",
C102,best value review,2004-11-12,"Victims want to be ""kept informed""
about their cases",VICTIM
C103,stakeholder feedback,2004-13-01,A bad date,
CSV

test_expect_success 'a file with bad rows imports nothing, and says which and why' '
	expect_exit 1 wm import projects.csv >out 2>err &&
	contains out "line 4 not read" &&
	contains out "unknown unit \"Atlantis\"" &&
	contains err "--partial" &&
	expect_exit 1 wm show project PJ20 2>/dev/null
'

test_expect_success 'with --partial the good rows come in with their costs and aims' '
	wm import --partial --json projects.csv >r.json &&
	equals "$(jq -r ".kinds[0]" r.json)" "projects (csv)" &&
	equals "$(jq -r ".created.projects" r.json)" 2 &&
	equals "$(jq -r ".created.costs" r.json)" 2 &&
	equals "$(jq -r ".created.contributions" r.json)" 3 &&
	equals "$(jq -r ".unread[0].line" r.json)" 4 &&
	equals "$(wm show cost PJ20/2004/05 --json | jq -r .recurring)" 5000 &&
	equals "$(wm show contribution PJ20/TTSC/G1.A3 --json | jq -r .weight)" 1
'

test_expect_success 'importing it again changes nothing, and the new projects are in the portfolio' '
	wm import --partial --json projects.csv | jq -e ".created == {} and .changed == {}" >/dev/null &&
	wm report portfolio --format json | jq -e "[.gaps[].aim] | index(\"TTSC/G5.A3\")" >/dev/null &&
	wm plan funding --budget 1m --year 2004/05 --json | jq -e ".candidates | index(\"PJ21\")" >/dev/null
'

test_expect_success 'consultation issues, a quoted line break counted in the line numbers' '
	expect_exit 1 wm import --dry-run issues.csv >d.out &&
	contains d.out "line 5 not read" &&
	wm import --partial issues.csv >/dev/null &&
	equals "$(wm show issue C102 --json | jq -r ".themes[0]")" VICTIM &&
	wm report themes --format json | jq -e ".issues[] | select(.ref == \"C101\") | .themes[0].theme == \"VIS\"" >/dev/null
'

test_expect_success 'a column Waymark does not read is named' '
	printf "ref,title,colour\nPJ30,Paint,red\n" >odd.csv &&
	expect_exit 1 wm import odd.csv 2>err &&
	contains err "column \"colour\""
'

test_done
