#!/bin/sh
# The small things users hit (issue 17, item 10): a progress date in the
# future or a percentage outside 0-100 refused in words; a lead changes or
# withdraws their own update; the grade starts at the current one; the
# history shows each update's percentage; the sign-in form's user name
# autocompletes; the navigation marks where you are; the heading comes
# before the filters; Sign out names the person; a lead's "completely"
# waits for a planner's sign-off, and the paper says so; small charts keep
# long names apart from their figures.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" --display-name "Pat Planner" >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
serve_start main
URL=$(cat main.url)
for u in pat:"planner pass" lena:"lead password"; do
	login "${u%%:*}" "${u%%:*}" "${u#*:}"
done


test_expect_success 'a progress date in the future and a percentage over 100 are refused in words' '
	equals "$(form lena /recommendations/DA2002/R13/progress date=2005-05-01 text=x \
	    percent_complete=150)" 422 &&
	error_summary >msgs &&
	grep -qx "Date must be today or earlier" msgs &&
	grep -qx "Enter percentage complete from 0 to 100" msgs &&
	lacks page.html "percent_complete:" && lacks page.html "progress date" &&
	contains page.html "value=\"150\"" &&
	equals "$(call lena POST /api/v1/progress "{\"recommendation\":\"DA2002/R13\",\"date\":\"2005-05-01\",\"text\":\"x\"}")" 422 &&
	contains msg.txt "is in the future"
'

test_expect_success 'the grade starts at the current one, and the history shows each percentage' '
	equals "$(page lena /recommendations/DA2002/R13)" 200 &&
	grade=$(wm show recommendation DA2002/R13 --json | jq -r .degree_met) &&
	contains page.html "<option value=\"$grade\" selected>" &&
	equals "$(form lena /recommendations/DA2002/R13/progress date=2005-04-15 degree_met=significantly \
	    percent_complete=80 "text=Most reviews now have action plans")" 303 &&
	page lena /recommendations/DA2002/R13 >/dev/null &&
	contains page.html "2005-04-15: significantly, 80% complete"
'

test_expect_success 'a lead may change or withdraw their own update, not another'"'"'s' '
	seq=$(wm list progress --recommendation DA2002/R13 --json | jq -r "[.[] | select(.entered_by == \"web:lena\")][0].seq") &&
	contains page.html "href=\"/progress/DA2002/R13/$seq/edit?back=" &&
	contains page.html "href=\"/progress/DA2002/R13/$seq/remove\"" &&
	lacks page.html "href=\"/progress/DA2002/R13/1/edit" &&
	equals "$(form lena /progress/DA2002/R13/$seq/edit "text=Most reviews now have action plans, and owners" \
	    date=2005-04-15 degree_met=significantly percent_complete=85)" 303 &&
	equals "$(wm show progress DA2002/R13/$seq --json | jq -r .percent_complete)" 85 &&
	equals "$(page lena /progress/DA2002/R13/1/edit)" 403 &&
	equals "$(form lena /progress/DA2002/R13/$seq/remove)" 303 &&
	expect_exit 1 wm show progress DA2002/R13/$seq &&
	wm list progress --recommendation DA2002/R13 --json >left.json &&
	equals "$(wm show recommendation DA2002/R13 --json | jq -r .degree_met)" \
	    "$(jq -r "[.[] | select(.degree_met != null)] | sort_by(.date, .seq) | last | .degree_met" left.json)" &&
	lacks left.json "Most reviews now have action plans"
'

test_expect_success 'a lead'"'"'s "completely" waits for a planner'"'"'s sign-off, and the paper says so' '
	equals "$(form lena /recommendations/DA2002/R13/progress date=2005-04-15 degree_met=completely \
	    "text=Every review has an action plan")" 303 &&
	wm show recommendation DA2002/R13 --json >r.json &&
	equals "$(jq -r .status r.json)" open && equals "$(jq -r .awaiting_signoff r.json)" true &&
	page pat /recommendations/DA2002/R13 >/dev/null &&
	contains page.html "stays open until a planner signs it off" &&
	contains page.html "Sign off as met in full" &&
	page lena /recommendations/DA2002/R13 >/dev/null && lacks page.html "Sign off as met in full" &&
	page pat "/recommendations?source=DA2002" >/dev/null && contains page.html "Awaiting sign-off" &&
	wm report progress --source DA2002 >paper.txt &&
	grep -q "Awaiting sign-off: *R13" paper.txt &&
	contains paper.txt "(awaiting a planner'"'"'s sign-off)" &&
	equals "$(form lena /recommendations/DA2002/R13/signoff)" 403 &&
	equals "$(call lena PATCH /api/v1/recommendations/DA2002/R13 "{\"awaiting_signoff\":false}")" 403 &&
	equals "$(call pat PATCH /api/v1/recommendations/DA2002/R12 "{\"awaiting_signoff\":true}")" 403 &&
	equals "$(form pat /recommendations/DA2002/R13/signoff version=1)" 412 &&
	equals "$(form pat /recommendations/DA2002/R13/signoff)" 303 &&
	equals "$(form pat /recommendations/DA2002/R13/signoff)" 409 &&
	wm show recommendation DA2002/R13 --json >r.json &&
	equals "$(jq -r .status r.json)" closed && equals "$(jq -r .awaiting_signoff r.json)" false
'

test_expect_success 'a planner'"'"'s "completely" closes it at once' '
	equals "$(form pat /recommendations/DA2002/R12/progress date=2005-04-15 degree_met=completely \
	    "text=Done")" 303 &&
	equals "$(wm show recommendation DA2002/R12 --json | jq -r .status)" closed
'

test_expect_success 'the sign-in form autocompletes the user name' '
	curl -s "$URL/login" >login.html &&
	contains login.html "name=\"username\" type=\"text\" value autocomplete=\"username\""
'

test_expect_success 'the navigation marks the page, and the section of a page under it' '
	page pat /recommendations >/dev/null &&
	contains page.html "href=\"/recommendations\" aria-current=\"page\"" &&
	page pat /recommendations/DA2002/R13 >/dev/null &&
	contains page.html "href=\"/recommendations\" aria-current=\"true\"" &&
	lacks page.html "aria-current=\"page\""
'

test_expect_success 'the heading comes before the filters, and Sign out names the person' '
	for p in /recommendations /exceptions /scorecard /audit /pis/SC-01; do
		page pat "$p" >/dev/null &&
		tr -d "\n" <page.html | sed "s/.*<main /<main /" >main.html &&
		h1=$(grep -bo "<h1" main.html | head -1 | cut -d: -f1) &&
		f=$(grep -bo "<form method=\"get\"" main.html | head -1 | cut -d: -f1) &&
		test "$h1" -lt "$f" || { echo "$p: filters before the heading" >&2; exit 1; }
	done &&
	contains page.html "Sign out Pat Planner" &&
	page lena / >/dev/null && contains page.html "Sign out Ruth Lead"
'

test_expect_success 'small charts keep a long name apart from its figure' '
	page pat /pis/SC-01 >/dev/null &&
	contains page.html ">Kensington and Chelsea</text>" &&
	grep -o "<text x=\"[0-9.]*\" y=\"[0-9.]*\" text-anchor=\"start\" class=\"c-h\">Kensington and Chelsea</text><text x=\"[0-9.]*\" y=\"[0-9.]*\"" page.html >t.txt &&
	name_y=$(sed "s/.*y=\"\([0-9.]*\)\" text-anchor=\"start\" class=\"c-h\".*/\1/" t.txt) &&
	value_y=$(sed "s/.*<\/text><text x=\"[0-9.]*\" y=\"\([0-9.]*\)\"/\1/" t.txt) &&
	test "${value_y%.*}" -gt "${name_y%.*}"
'

test_done
