#!/bin/sh
# Every report as a paper to take away: an Excel workbook read back with a
# real XLSX reader (numbers are numbers, dates are dates, a status is its
# colour, the header row frozen, nothing a formula).
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null
export WAYMARK_NOW=2003-01-31T09:00:00Z

# A Python with openpyxl reads the workbooks (python3-openpyxl: scripts/install-deps --test).
PY=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c "import openpyxl" 2>/dev/null; then
		PY=$p
		break
	fi
done
xlsx() { "$PY" "$SRCDIR/tests/e2e/read-xlsx.py" "$1"; }

if [ -n "$PY" ]; then
test_expect_success 'a workbook has a sheet per table, typed cells and a frozen header' '
	wm set recommendation BVA2002/R4 --subject "=1+2" &&
	wm report chase --output chase.xlsx &&
	xlsx chase.xlsx >cells.txt &&
	contains cells.txt "sheet	Report	" &&
	contains cells.txt "A1	s	Recommendations to chase" &&
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

test_done
