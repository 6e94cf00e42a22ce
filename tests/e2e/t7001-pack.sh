#!/bin/sh
# The committee pack on the sample: each committee's paper follows the
# accountability map (the Performance Review Committee's and the
# Management Board's differ as their remits do), holds every exception its
# sources hold, leaves out what a unit does not report, is laid out as the
# body's template says, and is a paper a clerk can table: Word, PDF and
# Excel. The packs of two committees are golden files (tests/golden/pack).
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-papers.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
export WAYMARK_NOW=2005-04-15T09:00:00Z
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)

test_expect_success 'the packs of two committees are what tests/golden/pack says' '
	grep -v "^#" "$SRCDIR/tests/golden/pack/cases" | while IFS="	" read -r name opts; do
		wm report pack $opts --format model >"$name.got" &&
		diff -u "$SRCDIR/tests/golden/pack/$name.expected" "$name.got" || exit 1
	done
'

test_expect_success 'the Performance Review Committee and the Management Board get different papers' '
	wm report pack --committee PRC --as-of 2005-03 --format json >prc.json &&
	wm report pack --committee MB --as-of 2005-03 --format json >mb.json &&
	equals "$(jq -r ".committee" prc.json)" PRC && equals "$(jq -r ".committee" mb.json)" MB &&
	equals "$(jq -r "[.indicators[].pi] | join(\" \")" prc.json)" SC-01 &&
	equals "$(jq -r ".indicators[0].committee" prc.json)" "in a basket it watches" &&
	equals "$(jq ".recommendations | length" prc.json)" 0 &&
	test "$(jq ".recommendations | length" mb.json)" -gt 0 &&
	jq -e "[.projects[].ref] | index(\"PJ12\")" mb.json >/dev/null &&
	! cmp -s prc.json mb.json
'

test_expect_success 'every exception the Board'"'"'s committees hold is in its pack' '
	for c in $(wm list committees --json | jq -r ".[] | select(.reports_to == \"MB\") | .ref"); do
		wm report exceptions --committee "$c" --as-of 2005-03 --format json |
		    jq -r ".exceptions[].pi" >>want.txt || exit 1
	done &&
	sort -u want.txt >want.sorted && test -s want.sorted &&
	jq -r ".indicators[].pi" mb.json | sort -u >got.sorted &&
	comm -23 want.sorted got.sorted >lost.txt &&
	! test -s lost.txt &&
	wm report chase --as-of 2005-03-31 --format json |
	    jq -r ".leads[].items[] | select(.source == \"DA2002\" and .why == \"overdue\") | .source + \"/\" + .ref" |
	    sort -u >overdue.txt &&
	test -s overdue.txt &&
	jq -r ".recommendations[].ref" mb.json | sort -u >recs.txt &&
	! comm -23 overdue.txt recs.txt | grep .
'

test_expect_success 'a unit'"'"'s pack leaves out what the unit does not report' '
	jq -e "[.indicators[].pi] | index(\"CT-01\")" mb.json >/dev/null &&
	wm report pack --committee MB --as-of 2005-03 --unit Camden --format json >camden.json &&
	equals "$(jq -r .unit camden.json)" Camden &&
	! jq -e "[.indicators[].pi] | index(\"CT-01\")" camden.json >/dev/null &&
	test "$(jq ".indicators | length" camden.json)" -gt 0
'

test_expect_success 'a meeting'"'"'s agenda: each paper from its record, the appendices attached' '
	wm report pack --meeting MB/2005-04-21 >meeting.txt &&
	contains meeting.txt "Management Board, 21 April 2005: the papers" &&
	contains meeting.txt "Report: 3. Date: 21 April 2005. By: Commissioner." &&
	contains meeting.txt "Report: 4. Date: 21 April 2005. By: AC PRS." &&
	contains meeting.txt "Appendix 1: District Audit report on the Policing and Performance Plan 2001/2" &&
	contains meeting.txt "Appendix 1: Updates to chase" &&
	test "$(grep -c "$(printf "\\f")" meeting.txt)" -ge 2 &&
	wm report pack --meeting MB/2005-04-21 --paper 3 >three.txt &&
	contains three.txt "Report: 3" && contains three.txt "Date: 21 April 2005" &&
	contains three.txt "Metropolitan Police Authority" && lacks three.txt "Best value audit action plan" &&
	contains three.txt "the overdue audit recommendations be chased through QPRMG" &&
	expect_exit 1 wm report pack --meeting MB/2005-04-21 --paper 99 2>err &&
	contains err "has no paper 99" &&
	expect_exit 2 wm report pack --meeting MB/2005-04-21 --committee PRC 2>err &&
	contains err "--committee: cannot be given with a meeting" &&
	expect_exit 2 wm report pack 2>err && contains err "whose pack?"
'

test_expect_success 'the body changes its template: name, numbering, headings, the sections it uses' '
	wm set setting paper.template --value "{\"body\": \"Test Authority\", \"number\": \"{committee}/{year}/{ref}\", \"sections\": [{\"part\": \"summary\", \"heading\": \"Purpose\"}, {\"part\": \"supporting\", \"heading\": \"The pack\"}]}" &&
	wm report pack --meeting PRC/2005-04-14 >t.txt &&
	contains t.txt "Test Authority" && contains t.txt "Report: PRC/2005/5" &&
	contains t.txt "Purpose" && contains t.txt "The pack" &&
	lacks t.txt "A. Recommendations" && lacks t.txt "Financial implications" &&
	expect_exit 1 wm set setting paper.template --value "not json" 2>err &&
	wm set setting paper.template --value "{\"sections\": [{\"part\": \"poems\"}]}" &&
	expect_exit 1 wm report pack --committee PRC 2>err &&
	contains err "\"part\" is one of summary" &&
	wm set setting paper.template --value "{\"body\": \"Metropolitan Police Authority\"}"
'

if command -v pdfinfo >/dev/null 2>&1; then
test_expect_success 'the paper as a PDF: A4, fonts embedded, its figures in its text' '
	wm report pack --committee PRC --as-of 2005-03 --output prc.pdf &&
	pdfinfo prc.pdf | grep -q "^Page size:.*(A4)" &&
	pdffonts prc.pdf | tail -n +3 >fonts.txt && test -s fonts.txt &&
	! awk "{ if (\$(NF-4) != \"yes\") bad = 1 } END { exit !bad }" fonts.txt &&
	pdftotext -layout prc.pdf prc.txt &&
	contains prc.txt "Metropolitan Police Authority" && contains prc.txt "SC-01" &&
	contains prc.txt "28.0" && contains prc.txt "Indicators off track"
'
fi

if command -v soffice >/dev/null 2>&1; then
test_expect_success 'LibreOffice opens the Word papers, which hold the figures' '
	wm report pack --committee PRC --as-of 2005-03 --output prc.docx &&
	wm report pack --meeting MB/2005-04-21 --output agenda.docx &&
	wm report pack --committee MB --as-of 2005-03 --output mb-odt.odt &&
	timeout 300 soffice -env:UserInstallation="file://$PWD/lo-profile" --headless \
	    --convert-to pdf --outdir lo prc.docx agenda.docx mb-odt.odt >lo.log 2>&1 &&
	for f in prc agenda mb-odt; do
		pdftotext -layout "lo/$f.pdf" "lo/$f.txt" || { cat lo.log; exit 1; }
	done &&
	contains lo/prc.txt "SC-01" && contains lo/prc.txt "28.0" && contains lo/prc.txt "Page 1 of" &&
	contains lo/agenda.txt "DA2002/R6" && contains lo/agenda.txt "PJ12" &&
	contains lo/mb-odt.txt "WF-01"
'
fi

if [ -n "$PY" ]; then
test_expect_success 'the paper as a workbook: a sheet per table, numbers as numbers' '
	wm report pack --committee MB --as-of 2005-03 --output mb.xlsx &&
	xlsx mb.xlsx >cells.txt &&
	contains cells.txt "sheet	Indicators off track	frozen=A2" &&
	grep -q "	n	821	#,##0	" cells.txt &&
	grep -q "	s	WF-01	" cells.txt
'
fi

test_expect_success 'the API serves the pack as a download, its options in its own words' '
	login pat pat "planner pass" &&
	equals "$(call pat GET "/api/v1/reports/pack?committee=PRC&as_of=2005-03&format=docx")" 200 &&
	grep -qi "^Content-Disposition: attachment; filename=\"pack.docx\"" headers.txt &&
	equals "$(head -c 2 body.json)" PK &&
	equals "$(call pat GET "/api/v1/reports/pack?committee=PRC&meeting=MB/2005-04-21")" 400 &&
	contains msg.txt "committee: cannot be given with a meeting" &&
	equals "$(call pat GET "/api/v1/reports/pack?committee=NOPE")" 404
'

test_expect_success 'a meeting'"'"'s page lists its papers, each to download' '
	equals "$(page pat /meetings/MB/2005-04-21)" 200 &&
	contains page.html ">Papers</h2>" &&
	contains page.html "Exceptions across the framework" &&
	contains page.html "href=\"/api/v1/reports/pack?meeting=MB%2F2005-04-21&amp;paper=3&amp;format=docx\"" &&
	contains page.html "href=\"/api/v1/reports/pack?meeting=MB%2F2005-04-21&amp;format=pdf\"" &&
	equals "$(call pat GET "/api/v1/reports/pack?meeting=MB%2F2005-04-21&paper=3&format=docx")" 200 &&
	equals "$(head -c 2 body.json)" PK &&
	equals "$(page pat /meetings/PPRC/2002-07-22)" 200 && contains page.html "Update on MPA/MPS" &&
	wm add meeting --committee PRC --date 2005-06-09 >/dev/null &&
	equals "$(page pat /meetings/PRC/2005-06-09)" 200 &&
	contains page.html "No paper is on its agenda yet." && lacks page.html "format=docx"
'

test_done
