#!/bin/sh
# wm-dmread (bench/dmread.c) at a tiny size: it makes its XLSX, DOCX and PDF,
# reads each in a process of its own and prints every figure, each a
# positive number. Nothing is timed against a target here: speed and memory
# are measured by the bench (bench/README.md), this only keeps it working.
. "$(dirname "$0")/lib.sh"

command -v jq >/dev/null 2>&1 || { test_skip "needs jq"; test_expect_success 'the PDF tracker reads as one table over its pages, its header on each' '
	wm import --model files/tracker.pdf >pdf.txt &&
	equals "$(grep -c "^table " pdf.txt)" 1 &&
	grep "^table [0-9]*x5 head=3$" pdf.txt &&
	equals "$(grep -c "^noise (page number): Page [1-3] of 3$" pdf.txt)" 3 &&
	grep -q "^| R1 | [a-zA-Z ]* | Head of Finance | 8 September 2026 | Complete$" pdf.txt
'

test_done; exit 0; }

test_expect_success 'wm-dmread makes two trackers and a report, reads them, prints six figures' '
	"$BUILD/bench/wm-dmread" --rows 30 --docx-mb 2 --docx-xml-mb 1 --pdf-pages 3 --keep files \
	    --json >out.json &&
	equals "$(jq -r "[.figures[].name] | join(\",\")" out.json)" \
	    "xlsx_tracker_read_ms,xlsx_tracker_peak_rss_mb,docx_report_read_ms,docx_report_peak_rss_mb,pdf_tracker_read_ms,pdf_tracker_peak_rss_mb" &&
	jq -e "all(.figures[]; (.value | type) == \"number\" and .value > 0)" out.json &&
	test -s files/tracker.xlsx && test -s files/report.docx && test -s files/tracker.pdf
'

test_expect_success 'what it made is what waymark reads: a tracker of 30 rows with real dates' '
	wm init && wm import --model files/tracker.xlsx >model.txt &&
	grep "^table .* head=1 name=Tracker" model.txt &&
	equals "$(grep -c "^| #[0-9]* | " model.txt)" 30 &&
	grep -q "| @20[0-9-]* |" model.txt
'

test_expect_success 'the PDF tracker reads as one table over its pages, its header on each' '
	wm import --model files/tracker.pdf >pdf.txt &&
	equals "$(grep -c "^table " pdf.txt)" 1 &&
	grep "^table [0-9]*x5 head=3$" pdf.txt &&
	equals "$(grep -c "^noise (page number): Page [1-3] of 3$" pdf.txt)" 3 &&
	grep -q "^| R1 | [a-zA-Z ]* | Head of Finance | 8 September 2026 | Complete$" pdf.txt
'

test_done
