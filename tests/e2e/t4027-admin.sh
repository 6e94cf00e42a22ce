#!/bin/sh
# Admin that cannot lock everyone out (issue 17 item 8): each account a
# page of its own, where an administrator changes its role, lifts its
# sign-in waits, sets its password, or disables it after confirming; user
# names checked; the last administrator never demoted or disabled; the
# account still chosen after an error; sessions ended on a disable or a
# change of role. The audit log for planners and administrators only, in
# local time, each change before and after, linked to its record, by day.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add alice --role admin --password "admin pass" >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
wm user add lena --role lead --password "lead pass" >/dev/null
wm set recommendation BVA2002/R4 --text "Shape the review programme around the new aims." >/dev/null
# the server's local time is London's: 09:00 UTC on 15 April 2005 is 10:00 there
TZ=Europe/London
export TZ
serve_start main
URL=$(cat main.url)
login alice alice "admin pass"
login pat pat "planner pass"
login mo mo "member pass"
login lena lena "lead pass"

# location: where the last answer sends the browser
location() { header Location; }

test_expect_success 'the accounts, each linked to its own page' '
	equals "$(page alice /admin/users)" 200 &&
	contains page.html "<a href=\"/admin/users/pat\"" &&
	contains page.html ">Planner<" &&
	equals "$(page alice /admin/users/pat)" 200 &&
	contains page.html "<h1 class=\"govuk-heading-l\">pat</h1>" &&
	contains page.html "<option value=\"planner\" selected>Planner</option>" &&
	contains page.html "Lift waits" && contains page.html "Disable user" &&
	equals "$(page alice /admin/users/nobody)" 404
'

test_expect_success 'only an administrator sees or changes them' '
	equals "$(page pat /admin/users)" 403 &&
	equals "$(page pat /admin/users/mo)" 403 &&
	equals "$(form pat /admin/users/mo action=role role=admin)" 403 &&
	equals "$(form pat /admin/users username=sneak role=admin "password=long enough")" 403 &&
	wm list users --json >users.txt && lacks users.txt sneak
'

test_expect_success 'a user name that is not one is refused, and nothing typed is lost' '
	equals "$(form alice /admin/users "username=new bie" display_name=Newbie role=member \
	    "password=newbie pass")" 422 &&
	error_summary >errors.txt &&
	contains errors.txt "letters, digits" &&
	contains page.html "value=\"new bie\"" && contains page.html "value=\"Newbie\"" &&
	equals "$(form alice /admin/users username=shorty role=member password=short)" 422 &&
	error_summary >errors.txt &&
	contains errors.txt "at least 8 characters"
'

test_expect_success 'a user added opens on their page' '
	equals "$(form alice /admin/users username=newbie display_name=Newbie role=member \
	    "password=newbie pass")" 303 &&
	equals "$(location)" "/admin/users/newbie?done=added" &&
	page alice "/admin/users/newbie?done=added" >/dev/null &&
	contains page.html "The user has been added" &&
	login newbie newbie "newbie pass"
'

test_expect_success 'a change of role ends their sessions, and is audited' '
	equals "$(form alice /admin/users/newbie action=role role=planner)" 303 &&
	equals "$(location)" "/admin/users/newbie?done=role" &&
	page alice "/admin/users/newbie?done=role" >/dev/null &&
	contains page.html "Their sessions have ended" &&
	equals "$(call newbie GET /api/v1/me)" 401 &&
	equals "$(wm show user newbie --json | jq -r .role)" planner &&
	page alice "/audit?kind=users" >/dev/null &&
	contains page.html "Role: Member → Planner"
'

test_expect_success 'the last administrator is not demoted; the page stays on them' '
	equals "$(form alice /admin/users/alice action=role role=planner)" 422 &&
	contains page.html "only administrator who can sign in" &&
	contains page.html "<h1 class=\"govuk-heading-l\">alice</h1>" &&
	contains page.html "govuk-error-summary" &&
	equals "$(wm show user alice --json | jq -r .role)" admin
'

test_expect_success 'disabling asks first, then ends their sessions' '
	login newbie newbie "newbie pass" &&
	equals "$(form alice /admin/users/newbie action=disable)" 200 &&
	contains page.html "Disable newbie?" &&
	contains page.html "name=\"confirm\" value=\"yes\"" &&
	equals "$(call newbie GET /api/v1/me)" 200 &&
	equals "$(form alice /admin/users/newbie action=disable confirm=yes)" 303 &&
	equals "$(call newbie GET /api/v1/me)" 401 &&
	equals "$(wm show user newbie --json | jq -r .disabled)" true &&
	page alice /admin/users/newbie >/dev/null &&
	contains page.html "Enable user" &&
	equals "$(form alice /admin/users/newbie action=enable)" 303 &&
	login newbie newbie "newbie pass"
'

test_expect_success 'the last administrator is not disabled either' '
	equals "$(form alice /admin/users/alice action=disable confirm=yes)" 422 &&
	contains page.html "only administrator who can sign in" &&
	equals "$(wm show user alice --json | jq -r .disabled)" false
'

test_expect_success 'waits after failed sign-ins are lifted from the account page' '
	for i in 1 2 3 4; do call x POST /api/v1/login "{\"username\":\"mo\",\"password\":\"guess $i\"}" >/dev/null; done &&
	equals "$(call x POST /api/v1/login "{\"username\":\"mo\",\"password\":\"member pass\"}")" 429 &&
	equals "$(form alice /admin/users/mo action=unlock)" 303 &&
	equals "$(call x POST /api/v1/login "{\"username\":\"mo\",\"password\":\"member pass\"}")" 200 &&
	wm audit --kind users --json | jq -r ".[].action" >actions.txt &&
	contains actions.txt unlock
'

test_expect_success 'a password set from the page; a short one is refused beside its box' '
	equals "$(form alice /admin/users/mo action=password password=tiny)" 422 &&
	contains page.html "<h1 class=\"govuk-heading-l\">mo</h1>" &&
	contains page.html "govuk-input--error" &&
	equals "$(form alice /admin/users/mo action=password "password=a longer one")" 303 &&
	login mo mo "a longer one"
'

test_expect_success 'the audit log is the planners and administrators, not a member or a lead' '
	equals "$(page pat /audit)" 200 &&
	contains page.html "href=\"/audit\"" &&
	equals "$(page mo /audit)" 403 &&
	equals "$(page lena /audit)" 403 &&
	page mo /recommendations >/dev/null && lacks page.html "href=\"/audit\"" &&
	equals "$(call mo GET /api/v1/audit)" 403 &&
	contains msg.txt "planners and administrators" &&
	equals "$(call pat GET "/api/v1/audit?limit=1000")" 200 &&
	equals "$(jq "[.items[] | select(.kind == \"users\")] | length" body.json)" 0
'

test_expect_success 'each entry in local time, what changed before and after, linked to its record' '
	page pat "/audit?kind=recommendations" >/dev/null &&
	contains page.html "15 April 2005, 10:00" &&
	contains page.html "href=\"/recommendations/BVA2002/R4\" class=\"govuk-link\">Recommendation BVA2002/R4</a>" &&
	contains page.html ": Shape the best value review programme around the corporate strategy&#39;s priorities and aims. → Shape the review programme around the new aims." &&
	contains page.html ">Changed<" &&
	lacks page.html "kind=users"
'

test_expect_success 'a filter by day, in local time; a day that is not one says so' '
	page pat "/audit?from=2005-04-15&to=2005-04-15&kind=recommendations" >/dev/null &&
	contains page.html "BVA2002/R4" &&
	page pat "/audit?from=2005-04-16" >/dev/null &&
	lacks page.html "BVA2002/R4" &&
	page pat "/audit?to=2005-04-14" >/dev/null &&
	lacks page.html "BVA2002/R4" &&
	equals "$(page pat "/audit?from=15+April")" 422 &&
	error_summary >errors.txt &&
	contains errors.txt "Enter the first day as a date" &&
	equals "$(page pat "/audit?from=2005-04-16&to=2005-04-15")" 422
'

test_done
