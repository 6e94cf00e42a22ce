#!/bin/sh
# Every report as a paper to take away: an Excel workbook read back with a
# real XLSX reader (numbers are numbers, dates are dates, a status is its
# colour, the header row frozen, nothing a formula); a PDF read back with
# poppler (A4, fonts embedded, the paper's figures in its text); Word and
# OpenDocument files opened by LibreOffice (all in one run) and their text
# holding the same figures; the HTML paper's print styles.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-papers.sh"

wm init >/dev/null
wm sample >/dev/null
export WAYMARK_NOW=2003-01-31T09:00:00Z


if [ -n "$PY" ]; then
test_expect_success 'a workbook has a sheet per table, typed cells and a frozen header' '
	wm set recommendation BVA2002/R4 --subject "=1+2" &&
	wm report chase --output chase.xlsx &&
	xlsx chase.xlsx >cells.txt &&
	contains cells.txt "sheet	Report	" &&
	contains cells.txt "A1	s	Updates to chase" &&
	grep "^sheet	" cells.txt | grep -v "	Report	" >sheets.txt &&
	test "$(wc -l <sheets.txt)" -ge 3 &&
	! grep -v "frozen=A2" sheets.txt &&
	contains sheets.txt "sheet	AC PRS	" &&
	grep -q "	n	3	#,##0	" cells.txt &&
	grep -q "	d	2002-05-31	yyyy-mm-dd	" cells.txt &&
	grep -q "	s	red	General	FFF6D7D2" cells.txt &&
	grep -q "	s	=1+2	" cells.txt &&
	! grep -q "	f	" cells.txt
'

test_expect_success 'every report makes a workbook that opens' '
	for r in summary chase "progress --source DA2002" performance "exceptions --as-of 2004-03" consistency "trend --pi SC-02" portfolio money accountability timetable themes; do
		wm report $r --format xlsx --output r.xlsx &&
		xlsx r.xlsx >cells.txt &&
		contains cells.txt "sheet	Report	" || { echo "report $r"; exit 1; }
	done
'

test_expect_success 'the indicator'"'"'s format: decimals and a percentage' '
	wm report exceptions --as-of 2004-03 --output exc.xlsx &&
	xlsx exc.xlsx >cells.txt &&
	grep -q "	n	[0-9.]*	#,##0.0\"%\"	" cells.txt
'
else
test_skip 'no Python with openpyxl to read workbooks (scripts/install-deps --test)'
fi

test_expect_success '--output picks the format from the extension; a terminal gets no workbook' '
	wm report summary --output s.xlsx &&
	equals "$(head -c 2 s.xlsx)" PK &&
	wm report summary --output s.md && contains s.md "# What this database holds" &&
	wm report summary --format csv --output s.xlsx && contains s.xlsx "\"Kind\",\"Records\""
'

REPORTS='summary|chase|progress --source DA2002|performance|exceptions --as-of 2004-03|consistency|trend --pi SC-02|portfolio|money|accountability|timetable|themes'

# The figures the paper must show: the exceptions of 2005-03 as the text paper gives them.
wm report exceptions --as-of 2005-03 >exc.txt
FIG=$(grep "^WF-01" exc.txt | grep -o "[0-9][0-9,]*\.[0-9]%" | head -1)

test_expect_success 'every report writes a PDF, a Word and an OpenDocument file' '
	echo "$REPORTS" | tr "|" "\n" >reports.txt &&
	n=0 &&
	while read -r r; do
		n=$((n + 1)) &&
		for f in pdf docx odt; do
			wm report $r --output "r$n.$f" || { echo "report $r as $f"; exit 1; }
			test -s "r$n.$f" || exit 1
		done
	done <reports.txt &&
	equals "$(head -c 4 r1.pdf)" "%PDF" && equals "$(head -c 2 r1.docx)" PK &&
	equals "$(head -c 2 r1.odt)" PK
'

if command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
test_expect_success 'the PDF is A4 with its fonts embedded, and holds the figures' '
	test -n "$FIG" &&
	wm report exceptions --as-of 2005-03 --output exc.pdf &&
	pdfinfo exc.pdf >info.txt &&
	grep -q "^Page size:.*(A4)" info.txt &&
	test "$(sed -n "s/^Pages: *//p" info.txt)" -ge 1 &&
	pdffonts exc.pdf | tail -n +3 >fonts.txt &&
	test -s fonts.txt &&
	! awk "{ if (\$(NF-4) != \"yes\") bad = 1 } END { exit !bad }" fonts.txt &&
	pdftotext -layout exc.pdf exc.pdf.txt &&
	contains exc.pdf.txt "Exception report" && contains exc.pdf.txt "WF-01" &&
	contains exc.pdf.txt "$FIG" && contains exc.pdf.txt "Page 1 of"
'

test_expect_success 'a long table breaks across pages with its header on each' '
	wm report timetable --format pdf --output tt.pdf &&
	pages=$(pdfinfo tt.pdf | sed -n "s/^Pages: *//p") &&
	test "$pages" -ge 2 &&
	for p in $(seq 2 "$pages"); do
		pdftotext -f "$p" -l "$p" -layout tt.pdf page.txt &&
		contains page.txt "Page $p of $pages" &&
		grep -q "^Ref  *Milestone" page.txt || exit 1
	done
'
else
test_skip 'no pdfinfo/pdftotext to read PDFs back (poppler-utils: scripts/install-deps --test)'
fi

if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
test_expect_success 'LibreOffice opens the Word and OpenDocument papers, which hold the figures' '
	wm report exceptions --as-of 2005-03 --output exc.docx &&
	wm report exceptions --as-of 2005-03 --output exc-odt.odt &&
	wm report trend --pi SC-02 --output trend.docx &&
	wm report chase --output chase-odt.odt &&
	timeout 300 soffice -env:UserInstallation="file://$PWD/lo-profile" --headless \
	    --convert-to pdf --outdir lo exc.docx exc-odt.odt trend.docx chase-odt.odt >lo.log 2>&1 &&
	for f in exc exc-odt trend chase-odt; do
		test -s "lo/$f.pdf" || { cat lo.log; exit 1; }
		pdftotext -layout "lo/$f.pdf" "lo/$f.txt"
	done &&
	contains lo/exc.txt "WF-01" && contains lo/exc.txt "$FIG" && contains lo/exc.txt "Page 1 of" &&
	contains lo/exc-odt.txt "WF-01" && contains lo/exc-odt.txt "$FIG" &&
	contains lo/trend.txt "The figures" && contains lo/chase-odt.txt "Updates to chase"
'
else
test_skip 'no LibreOffice to open Word and OpenDocument papers (libreoffice-writer-nogui: scripts/install-deps --test)'
fi

if [ -n "$PY" ]; then
test_expect_success 'the Word paper is Word'"'"'s own: heading styles, a repeated header, shading, page fields' '
	wm report exceptions --as-of 2005-03 --output e.docx &&
	"$PY" -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.read(\"word/document.xml\").decode()); print(z.read(\"word/footer1.xml\").decode()); print(z.read(\"word/styles.xml\").decode())" e.docx >doc.xml &&
	contains doc.xml "<w:pStyle w:val=\"Title\"/>" &&
	contains doc.xml "<w:tblHeader/>" &&
	contains doc.xml "w:fill=\"F6D7D2\"" &&
	contains doc.xml "w:instr=\" PAGE \"" && contains doc.xml "w:instr=\" NUMPAGES \"" &&
	contains doc.xml "<w:name w:val=\"heading 1\"/>" &&
	wm report trend --pi SC-02 --output t.docx &&
	"$PY" -c "import zipfile,sys; print(\"\\n\".join(zipfile.ZipFile(sys.argv[1]).namelist()))" t.docx >names.txt &&
	contains names.txt "word/media/image1.png"
'
fi

test_expect_success 'the HTML paper prints on A4 with page numbers and the title, no link addresses' '
	wm report chase --format html >c.html &&
	contains c.html "@page{size:A4" && contains c.html "counter(pages)" &&
	contains c.html "@bottom-left{content:\"Updates\\20 to\\20 chase\"" &&
	contains c.html "a[href]::after{content:none}" &&
	contains c.html "thead{display:table-header-group}" && lacks c.html "href=\"/recommendations"
'

test_done
