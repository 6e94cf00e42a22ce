#!/bin/sh
# t1023-completeness: the exception report (and so the committee pack)
# counts, for one committee over the period, the progress updates and the
# figures that fell due, how many came in and how many on time, and who
# has not updated (issue 18 item 4). On the sample, as of 2005-03.
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null

# By hand, for QPRMG (it answers for the District Audit report DA2002, its
# source's committee) over 2005-03-01..2005-03-31, stale after 90 days:
# - DA2002's open recommendations are R1, R3, R6, R7, R8, R9 and R13; each
#   was last updated 2002-03-31, so each has been stale since 2002-06-30
#   and is due an update on the period's first day, 2005-03-01 (R6, R7,
#   R9 and R13's due dates are in 2002-2003, not in the period): 7 due.
# - R2, R4, R5, R10, R11 and R12 are closed with nothing said in March
#   2005: not due.
# - No update is dated in March 2005: 0 in, 0 on time, 7 not in.
# - QPRMG answers for no indicator: 0 figures due.
# - Leads of the seven: AC PRS leads R1, R3, R7, R8, R9 and R13 (6); the
#   Head of Corporate Performance R1, R8 and R9 (3); ACHR R6 (1).
test_expect_success 'QPRMG in 2005-03: 7 updates due, none in, who has not updated' '
	wm report exceptions --committee QPRMG --as-of 2005-03 --format json >q.json &&
	equals "$(jq -c ".completeness | [.from, .to, .updates.due, .updates.in, .updates.on_time, .updates.missing, .figures.due]" q.json)" \
	    "[\"2005-03-01\",\"2005-03-31\",7,0,0,7,0]" &&
	equals "$(jq -r ".missing_updates" q.json)" 7 &&
	equals "$(jq -r "[.completeness.not_in[] | select(.lead == \"AC PRS\") | .item] | join(\" \")" q.json)" \
	    "DA2002/R1 DA2002/R13 DA2002/R3 DA2002/R7 DA2002/R8 DA2002/R9" &&
	equals "$(jq -r ".completeness.not_in_by_lead | [.[\"Head of Corporate Performance\"], .ACHR] | join(\" \")" q.json)" "3 1" &&
	equals "$(jq -r "[.completeness.not_in[].due] | unique | join(\" \")" q.json)" 2005-03-01
'

# An update on R3 dated 2005-03-01 is on time (due that day); one on R1
# dated 2005-03-10 came in late: 7 due, 2 in, 1 on time, 5 not in.
test_expect_success 'an update on the day due is on time, one after it is late' '
	wm add progress --recommendation DA2002/R3 --date 2005-03-01 --text "Reviewed" >/dev/null &&
	wm add progress --recommendation DA2002/R1 --date 2005-03-10 --text "Late word" >/dev/null &&
	wm report exceptions --committee QPRMG --as-of 2005-03 --format json >q.json &&
	equals "$(jq -c ".completeness.updates | [.due, .in, .on_time, .missing]" q.json)" "[7,2,1,5]" &&
	equals "$(jq -r "[.completeness.not_in[].item] | unique | join(\" \")" q.json)" \
	    "DA2002/R13 DA2002/R6 DA2002/R7 DA2002/R8 DA2002/R9"
'

# PRC answers for three monthly indicators, with the default reporting lag
# of 30 days: January 2005's figure of each falls due on 2 March and
# February's on 30 March, so 3 x 2 = 6 due, all of them in. When a figure
# was entered is not stored, so its timeliness is said to be unknown.
test_expect_success 'figures due: counted, and their timeliness said to be unknown' '
	wm report exceptions --committee PRC --as-of 2005-03 --format json >p.json &&
	equals "$(jq -c ".completeness.figures | [.due, .in, .missing, .on_time]" p.json)" "[6,6,0,null]" &&
	wm report exceptions --committee PRC --as-of 2005-03 --format model >p.txt &&
	contains p.txt "whether it came in on time is not known"
'

test_expect_success 'the section is in every format, by the committee name too, and in the pack' '
	wm report exceptions --committee "QPRMG Strategic Committee" --as-of 2005-03 --format html >q.html &&
	contains q.html "Updates and figures: complete and on time" &&
	contains q.html "DA2002/R13" &&
	wm report pack --committee QPRMG --as-of 2005-03 --format model >pack.txt &&
	contains pack.txt "7 progress updates fell due" &&
	contains pack.txt "2 came in, 1 of them on time"
'

test_done
