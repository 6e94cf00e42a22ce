#!/bin/sh
# Every list: searched, sorted, paged and filtered by its address; names
# rather than codes; every list and every report downloads as CSV and as
# an Excel workbook whose numbers are numbers and dates are dates.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"
. "$SRCDIR/tests/e2e/lib-papers.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login pat pat "planner pass"

# cells: a page's table cells as text, one a line
cells() { sed 's/<td/\n<td/g' page.html | sed -n 's/^<td[^>]*>\(<[^>]*>\)*\([^<]*\).*/\2/p'; }
# download WHO PATH FILE: GET a download; prints the status
download() { curl -s -o "$3" -D headers.txt -w '%{http_code}' -b "$1.jar" "$URL$2"; }

test_expect_success 'a list shows names, not codes, and sorts by any column both ways' '
	equals "$(page pat "/units?sort=name")" 200 &&
	cells >asc.txt &&
	equals "$(head -1 asc.txt)" "Barking and Dagenham" &&
	contains page.html "aria-sort=\"ascending\"" &&
	contains page.html "href=\"?sort=name&amp;dir=desc\"" &&
	contains page.html ">Territorial Policing<" &&
	page pat "/units?sort=name&dir=desc" >/dev/null &&
	cells >desc.txt &&
	equals "$(head -1 desc.txt)" "Westminster" &&
	contains page.html "aria-sort=\"descending\""
'

test_expect_success 'numbers sort as numbers and references as people number them' '
	page pat "/recommendations?source=DA2002&sort=ref" >/dev/null &&
	cells | grep "^DA2002/" >refs.txt &&
	equals "$(sed -n 2p refs.txt)" "DA2002/R2" &&
	equals "$(tail -1 refs.txt)" "DA2002/R$(wc -l <refs.txt | tr -d " ")"
'

test_expect_success 'the search box keeps the rows holding every word, in any case' '
	page pat "/units?q=TOWER+ham" >/dev/null &&
	contains page.html "Showing 1 unit." &&
	equals "$(cells | head -1)" "Tower Hamlets" &&
	equals "$(cells | grep -c .)" 4 &&
	contains page.html "value=\"TOWER ham\"" &&
	page pat "/units?q=nowhere-at-all" >/dev/null &&
	contains page.html "Nothing matches"
'

test_expect_success 'a long list comes fifty rows a page, with links that keep the filters' '
	page pat "/units?sort=name" >/dev/null &&
	contains page.html "Showing 1 to 50 of 51 units." &&
	contains page.html "href=\"/units?page=2&amp;sort=name\"" &&
	page pat "/units?sort=name&page=2" >/dev/null &&
	contains page.html "Showing 51 to 51 of 51 units." &&
	equals "$(cells | head -1)" "Westminster"
'

test_expect_success 'the filter form chooses by name, and sorting keeps the filters' '
	page pat "/units?kind=ocu&sort=name&dir=desc" >/dev/null &&
	contains page.html "<option value=\"ocu\" selected>OCU</option>" &&
	contains page.html "<option value=\"TP\">Territorial Policing</option>" &&
	contains page.html "href=\"?kind=ocu&amp;sort=name&amp;dir=asc\"" &&
	contains page.html "name=\"sort\" value=\"name\"" &&
	cells | sed -n "3~4p" | sort -u >kinds.txt &&
	equals "$(cat kinds.txt)" "OCU"
'

test_expect_success 'a filter naming nothing says so on the form' '
	equals "$(page pat "/units?parent=Nowhere")" 404 &&
	contains page.html "govuk-error-summary" &&
	contains page.html "Nowhere"
'

test_expect_success 'a list too long to hold is read a page at a time until filtered' '
	page pat /measurements >/dev/null &&
	contains page.html "too many to search, sort or download" &&
	lacks page.html "format=xlsx" &&
	equals "$(download pat "/measurements?format=csv" m.csv)" 400 &&
	page pat "/measurements?pi=SC-01&unit=Camden&sort=value&dir=desc" >/dev/null &&
	contains page.html "Showing 36 figures." &&
	contains page.html "format=xlsx"
'

test_expect_success 'a list downloads as CSV: every row the filters and search let through, sorted' '
	equals "$(download pat "/units?kind=ocu&q=ham&sort=name&dir=desc&page=2&format=csv" u.csv)" 200 &&
	equals "$(header Content-Type)" "text/csv; charset=utf-8" &&
	equals "$(header Content-Disposition)" "attachment; filename=\"units.csv\"" &&
	equals "$(head -1 u.csv | tr -d "\r")" "\"Name\",\"Reference\",\"Kind\",\"Parent\"" &&
	equals "$(sed -n 2p u.csv | tr -d "\r")" "\"Waltham Forest\",\"WalthamForest\",\"OCU\",\"Territorial Policing\"" &&
	lacks u.csv "Westminster"
'

if [ -n "$PY" ]; then
test_expect_success 'every list downloads as a workbook: numbers as numbers, dates as dates, the header frozen' '
	equals "$(download pat "/measurements?pi=SC-01&unit=Camden&format=xlsx" m.xlsx)" 200 &&
	xlsx m.xlsx >m.txt &&
	grep -q "^sheet	Figures	frozen=A2	rows=37" m.txt &&
	grep -q "^D2	n	" m.txt &&
	download pat "/recommendations?format=xlsx" r.xlsx >/dev/null &&
	xlsx r.xlsx >r.txt &&
	grep -q "^D[0-9]*	d	2002-" r.txt &&
	! grep -q "	f	" r.txt &&
	for k in $(curl -s "$URL/api/v1" -b pat.jar | jq -r ".kinds[]"); do
		st=$(download pat "/$k?format=xlsx" "$k.xlsx") &&
		case "$st" in
		200) xlsx "$k.xlsx" >"$k.txt" && grep -q "frozen=A2" "$k.txt" || { echo "$k" >&2; exit 1; } ;;
		400 | 403 | 404) ;;
		*) echo "$k: $st" >&2; exit 1 ;;
		esac
	done
'

test_expect_success 'the indicators and the register download too' '
	equals "$(download pat "/pis?sort=code&format=xlsx" p.xlsx)" 200 &&
	xlsx p.xlsx >p.txt && grep -q "A1	s	Code" p.txt &&
	equals "$(download pat "/recommendations?overdue=yes&format=csv" o.csv)" 200 &&
	contains o.csv "\"Overdue\""
'

test_expect_success 'every report page downloads as CSV and as a workbook' '
	for p in exceptions scorecard projects timetable committees themes reports/chase; do
		equals "$(download pat "/$p?format=xlsx" rep.xlsx)" 200 &&
		xlsx rep.xlsx | grep -q "^sheet" &&
		equals "$(download pat "/$p?format=csv" rep.csv)" 200 &&
		grep -q "^Content-Disposition: attachment" headers.txt || { echo "$p" >&2; exit 1; }
	done
'
else
test_skip 'the workbooks: no python3 with openpyxl (scripts/install-deps --test)'
fi

test_expect_success 'a format no list writes is a page saying what there is' '
	equals "$(page pat "/units?format=pdf")" 400 &&
	contains page.html "CSV file" &&
	equals "$(page pat "/exceptions?format=mp3")" 400 &&
	contains page.html "downloads as"
'

test_done
