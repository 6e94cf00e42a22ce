#!/bin/sh
# wm-pack (bench/pack.c) once: it loads the sample, writes PRC's and MB's
# packs and MB's April 2005 meeting as Word and as PDF, and prints each
# figure, a positive number, and each paper's size, which is the size of
# the paper `waymark report pack` writes. Nothing is timed against a target
# here: the lead measures on a quiet machine (bench/README.md).
. "$(dirname "$0")/lib.sh"

command -v jq >/dev/null 2>&1 || { test_skip "needs jq"; test_done; exit 0; }

test_expect_success 'wm-pack writes three papers in two formats and prints their figures' '
	"$BUILD/bench/wm-pack" --repeat 1 --json >out.json &&
	equals "$(jq -r "keys_unsorted | join(\",\")" out.json)" \
	    "repeat,prc_docx_first_ms,prc_docx_ms,prc_docx_bytes,prc_pdf_first_ms,prc_pdf_ms,prc_pdf_bytes,mb_docx_first_ms,mb_docx_ms,mb_docx_bytes,mb_pdf_first_ms,mb_pdf_ms,mb_pdf_bytes,mb_meeting_docx_first_ms,mb_meeting_docx_ms,mb_meeting_docx_bytes,mb_meeting_pdf_first_ms,mb_meeting_pdf_ms,mb_meeting_pdf_bytes,peak_rss_mb" &&
	jq -e "all(.[]; type == \"number\" and . > 0)" out.json
'

test_expect_success 'what it times is the paper the command writes' '
	WAYMARK_NOW=2005-04-15T09:00:00Z && export WAYMARK_NOW &&
	wm init >/dev/null && wm sample >/dev/null &&
	wm report pack --committee PRC --as-of 2005-03 --output prc.pdf &&
	wm report pack --meeting MB/2005-04-21 --output mb.docx &&
	equals "$(jq .prc_pdf_bytes out.json)" "$(wc -c <prc.pdf)" &&
	equals "$(jq .mb_meeting_docx_bytes out.json)" "$(wc -c <mb.docx)"
'

test_expect_success 'the table names the target; bad usage is refused' '
	"$BUILD/bench/wm-pack" --repeat 1 >out.txt &&
	contains out.txt "target < 500 ms" && contains out.txt "mb_meeting" &&
	expect_exit 2 "$BUILD/bench/wm-pack" --repeat 0 2>err && contains err "--repeat takes" &&
	expect_exit 2 "$BUILD/bench/wm-pack" --lots 2>err && contains err "usage: wm-pack"
'

test_done
