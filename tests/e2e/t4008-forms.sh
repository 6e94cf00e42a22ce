#!/bin/sh
# The forms every kind gets from its description: /KIND/new, /KIND/KEY/edit,
# /KIND/KEY/remove, posted as a browser posts them: every mistake at once,
# in plain words; a conflicting edit shown beside the one typed; a form
# sent after the session ended comes back through signing in; only the
# roles that may write a kind see its forms.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" --display-name "Pat Planner" >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
serve_start main
URL=$(cat main.url)
for u in pat:"planner pass" lena:"lead password" mo:"member pass"; do
	login "${u%%:*}" "${u%%:*}" "${u#*:}"
done


test_expect_success 'the add form of a kind comes from its description' '
	equals "$(page pat /recommendations/new)" 200 &&
	contains page.html "<h1 class=\"govuk-heading-l\">Add a recommendation</h1>" &&
	contains page.html "<select class=\"govuk-select\" id=\"source\" name=\"source\"" &&
	contains page.html "<option value=\"DA2002\">District Audit report on the Policing" &&
	contains page.html "<textarea class=\"govuk-textarea\" id=\"text\" name=\"text\"" &&
	contains page.html "id=\"due-day\" name=\"due-day\" type=\"text\" inputmode=\"numeric\"" &&
	contains page.html "id=\"percent_complete\" name=\"percent_complete\" type=\"text\" value aria-describedby=\"percent_complete-hint\" inputmode=\"decimal\"" &&
	contains page.html "<div class=\"govuk-hint\" id=\"percent_complete-hint\">A number from 0 to 100</div>" &&
	contains page.html "type=\"radio\" value=\"withdrawn\"" &&
	contains page.html "type=\"checkbox\" value=\"AC PRS\"" &&
	lacks page.html "serve --public" && lacks page.html "null:"
'

test_expect_success 'a form with two mistakes says both, in plain words, and keeps what was typed' '
	equals "$(form pat /recommendations/new source=DA2002 ref=R99 percent_complete=lots \
	    due-day=31 due-month=2 due-year=2005 "subject=Kept subject")" 422 &&
	error_summary >msgs &&
	test "$(wc -l <msgs)" -eq 3 &&
	grep -qx "Enter the recommendation" msgs &&
	grep -qx "Due date must be a real date" msgs &&
	grep -qx "Enter percentage complete as a number from 0 to 100" msgs &&
	lacks page.html "percent_complete:" && lacks page.html "&quot;lots&quot; is not" &&
	contains page.html "<a href=\"#due-day\">" &&
	contains page.html "<title>Error: Add a recommendation - Waymark</title>" &&
	contains page.html "value=\"Kept subject\"" && contains page.html "value=\"lots\"" &&
	contains page.html "value=\"31\"" && contains page.html "govuk-form-group--error"
'

test_expect_success 'an unknown reference, a half-given date and a number out of range are named too' '
	equals "$(form pat /recommendations/new source=DA2002 ref=R99 text=x percent_complete=120 \
	    priority=7)" 422 &&
	error_summary >msgs &&
	grep -qx "Enter priority from 1 to 3" msgs &&
	grep -qx "Enter percentage complete from 0 to 100" msgs &&
	equals "$(form pat /targets/new pi=SC-01 unit=Camdn period=2005/06 value=x)" 422 &&
	error_summary >msgs &&
	grep -qx "There is no unit called “Camdn”: did you mean “Camden”?" msgs &&
	grep -qx "Enter value as a number, like 12.5" msgs &&
	equals "$(form pat /milestones/new timetable=TTSC-APPX1 ref=M99 title=x done_on-day=3 \
	    done_on-month= done_on-year=2005)" 422 &&
	error_summary | grep -qx "Date done must include a month"
'

test_expect_success 'a good form adds the record and the record page says so' '
	equals "$(form pat /recommendations/new source=DA2002 ref=R99 "text=Publish the plan" \
	    leads-shown=1 leads=ACHR "leads=AC PRS" statutory=yes priority=2)" 303 &&
	equals "$(header Location)" "/recommendations/DA2002/R99?saved=added" &&
	wm show recommendation DA2002/R99 --json >rec.json &&
	equals "$(jq -r .text rec.json)" "Publish the plan" &&
	equals "$(jq -r ".leads | join(\",\")" rec.json)" "ACHR,AC PRS" &&
	equals "$(jq -r .statutory rec.json)" true &&
	wm audit --kind recommendations --limit 1 >out && contains out "web:pat"
'

test_expect_success 'a new record may come with fields filled in, and go back where it came from' '
	equals "$(page pat "/progress/new?recommendation=DA2002/R99&back=/recommendations/DA2002/R99")" 200 &&
	contains page.html "<option value=\"DA2002/R99\" selected>" &&
	contains page.html "name=\"back\" value=\"/recommendations/DA2002/R99\"" &&
	equals "$(page pat "/progress/new?back=//evil.example")" 200 &&
	lacks page.html "evil.example"
'

test_expect_success 'a record has a page with its fields, names for what it refers to, and its buttons' '
	equals "$(page pat /posts/AC%20PRS)" 200 &&
	contains page.html "Assistant Commissioner, Performance Review and Standards" &&
	contains page.html "<a class=\"govuk-link\" href=\"/units/PRS\">Performance Review and Standards</a>" &&
	contains page.html "href=\"/posts/AC%20PRS/edit\"" && contains page.html "href=\"/posts/AC%20PRS/remove\"" &&
	equals "$(page pat /units)" 200 && contains page.html "href=\"/units/new\"" &&
	contains page.html "href=\"/units/Camden\"" &&
	equals "$(page pat /records)" 200 && contains page.html "href=\"/targets/new\""
'

test_expect_success 'the change form keeps the key and changes the rest' '
	equals "$(page pat /units/Camden/edit)" 200 &&
	lacks page.html "id=\"ref\"" && contains page.html "value=\"Camden\"" &&
	equals "$(form pat /units/Camden/edit version=1 "name=Camden Borough" kind=ocu parent=TP \
	    pathfinder=yes published=yes)" 303 &&
	equals "$(header Location)" "/units/Camden?saved=changed" &&
	equals "$(wm show unit Camden --json | jq -r .name)" "Camden Borough"
'

test_expect_success 'a change made meanwhile by someone else is shown beside the one typed' '
	v=$(wm show unit Hackney --json | jq -r .version) &&
	wm set unit Hackney --name "Hackney Central" >/dev/null &&
	equals "$(form pat /units/Hackney/edit version=$v "name=Hackney Borough" kind=ocu parent=TP \
	    pathfinder=yes published=yes)" 409 &&
	contains page.html "Someone else changed this unit" &&
	grep -q "<td class=\"govuk-table__cell\">Hackney Central</td><td class=\"govuk-table__cell\">Hackney Borough</td>" page.html &&
	contains page.html "value=\"Hackney Borough\"" &&
	equals "$(wm show unit Hackney --json | jq -r .name)" "Hackney Central" &&
	v2=$(grep -o "name=\"version\" value=\"[0-9]*\"" page.html | grep -o "[0-9]*") &&
	test "$v2" -gt "$v" &&
	equals "$(form pat /units/Hackney/edit version=$v2 "name=Hackney Borough" kind=ocu parent=TP \
	    pathfinder=yes published=yes)" 303 &&
	equals "$(wm show unit Hackney --json | jq -r .name)" "Hackney Borough"
'

test_expect_success 'removing asks first, then removes' '
	wm add theme --ref GONE --name "To be removed" >/dev/null &&
	equals "$(page pat /themes/GONE/remove)" 200 &&
	contains page.html "Are you sure you want to remove To be removed?" &&
	contains page.html "govuk-button--warning" &&
	wm show theme GONE >/dev/null &&
	equals "$(form pat /themes/GONE/remove version=1)" 303 &&
	equals "$(header Location)" "/themes?removed=GONE" &&
	expect_exit 1 wm show theme GONE
'

test_expect_success 'removing what others refer to says what and asks again' '
	equals "$(page pat /themes/BURG/remove)" 200 &&
	contains page.html "What refers to it" &&
	grep -q "theme rules (BURG/[^)]*) would be removed with it" page.html &&
	contains page.html "name=\"cascade\"" &&
	equals "$(form pat /themes/BURG/remove version=1)" 409 &&
	contains page.html "Other records refer to this theme" &&
	wm show theme BURG >/dev/null &&
	equals "$(form pat /themes/BURG/remove version=1 cascade=yes)" 303 &&
	expect_exit 1 wm show theme BURG &&
	test "$(wm list theme_rules --json | jq "[.[] | select(.theme == \"BURG\")] | length")" -eq 0
'

test_expect_success 'a form sent after the session ended comes back, filled in, once signed in again' '
	rm -f gone.jar &&
	curl -s -o page.html -w "%{http_code}" -c gone.jar --data-urlencode csrf_token=old \
	    --data-urlencode source=DA2002 --data-urlencode ref=R98 \
	    --data-urlencode "text=Typed before the session ended & not lost" \
	    "$URL/recommendations/new" >st &&
	equals "$(cat st)" 401 &&
	contains page.html "Sign in again" &&
	resume=$(grep -o "name=\"resume\" value=\"[^\"]*\"" page.html | sed "s/.*value=\"//; s/\"$//; s/&amp;/\&/g") &&
	token=$(grep -o "name=\"csrf_token\" value=\"[^\"]*\"" page.html | sed "s/.*value=\"//; s/\"$//") &&
	curl -s -o page.html -w "%{http_code}" -b gone.jar -c gone.jar --data-urlencode "csrf_token=$token" \
	    --data-urlencode next=/recommendations/new --data-urlencode "resume=$resume" \
	    --data-urlencode username=pat --data-urlencode "password=planner pass" "$URL/login" >st &&
	equals "$(cat st)" 200 &&
	contains page.html "You are signed in again" &&
	contains page.html "Typed before the session ended &amp; not lost" &&
	contains page.html "<option value=\"DA2002\" selected>" &&
	expect_exit 1 wm show recommendation DA2002/R98
'

test_expect_success 'only those who may write a kind see its forms' '
	equals "$(page mo /units/new)" 403 &&
	equals "$(page mo /units/Camden)" 200 && lacks page.html "/units/Camden/edit" &&
	equals "$(page lena /units/Camden/edit)" 403 &&
	equals "$(page lena /recommendations)" 200 && lacks page.html "/recommendations/new" &&
	equals "$(page pat /recommendations)" 200 && contains page.html "href=\"/recommendations/new\"" &&
	equals "$(form mo /units/new ref=X name=X)" 403 &&
	expect_exit 1 wm show unit X &&
	equals "$(page pat /users/new)" 404 && equals "$(page pat /imports/new)" 404
'

test_expect_success 'a duplicate key is refused in words, with what was typed' '
	equals "$(form pat /themes/new ref=ASB name=Again)" 409 &&
	contains page.html "There is already a theme with that key" &&
	contains page.html "value=\"Again\""
'

test_done
