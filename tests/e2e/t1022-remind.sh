#!/bin/sh
# t1022-remind: `waymark remind` on the sample, through a real SMTP server
# (python3-aiosmtpd on loopback): one digest a person with something to
# update, listing exactly what their My work lists; nothing twice; a
# refused recipient reported, recorded as not sent and sent on the next run.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"
. "$SRCDIR/tests/e2e/lib-smtp.sh"

smtp_need

smtp_start mx
smtp_start picky --refuse ruth.lead@example.org
MX=$(cat mx.url)
PICKY=$(cat picky.url)
DAY=2004-10-01

wm init >/dev/null
wm sample >/dev/null
wm add setting --key mail.from --value waymark@example.org >/dev/null
wm add setting --key mail.base_url --value https://waymark.example.org/ >/dev/null

test_expect_success 'the dry run prints each digest and sends nothing' '
	wm remind --dry-run --as-of $DAY >dry.txt &&
	contains dry.txt "To: alex.planner@example.org" &&
	contains dry.txt "Subject: Waymark: 7 items to update, 7 overdue" &&
	contains dry.txt "Update it: https://waymark.example.org/progress/new?recommendation=BVA2002%2FR11&back=%2Fmy" &&
	contains dry.txt "To: chris.commander@example.org" &&
	contains dry.txt "Objective CAMDEN-2004-05/O1" &&
	contains dry.txt "6 digests to send (dry run: nothing sent)" &&
	equals "$(smtp_count mx)" 0 &&
	equals "$(wm list reminders --json | jq length)" 0
'

test_expect_success 'each digest lists exactly what the person'"'"'s My work lists' '
	wm remind --dry-run --json --as-of $DAY >dry.json &&
	equals "$(jq ".digests | length" dry.json)" 6 &&
	jq -r ".digests[] | .to, .cc[]" dry.json | sort >want.rcpts &&
	jq "[.digests[] | (.items | length) + (.cc | length) * ([.items[] | select(.escalated)] | length)] | add" \
	    dry.json >want.rows &&
	for p in $(jq -r ".digests[].person" dry.json); do
		wm report mywork --user "$p" --as-of $DAY --days 7 --format json |
		    jq -c "[.items[].key]" >want &&
		jq -c --arg p "$p" "[.digests[] | select(.person == \$p) | .items[].key]" dry.json >got &&
		equals "$(cat got)" "$(cat want)" || exit 1
	done
'

test_expect_success 'sending needs a server; then one message a person, to them' '
	expect_exit 2 wm remind --as-of $DAY 2>err &&
	contains err "set mail.smtp" &&
	wm add setting --key mail.smtp --value "$MX" >/dev/null &&
	wm remind --as-of $DAY >out &&
	contains out "sent to alex.planner@example.org (copied to commissioner@example.org): 7 items for Alex Planner" &&
	contains out "sent to chris.commander@example.org: 3 items for Chris Commander" &&
	contains out "6 digests sent, 0 failed" &&
	equals "$(smtp_count mx)" 6 &&
	cat mx/*.rcpt | sort >rcpts &&
	equals "$(cat rcpts)" "$(cat want.rcpts)"
'

test_expect_success 'long overdue, the digest is copied to the holder of the post above' '
	f=$(grep -l "^alex.planner@example.org$" mx/*.rcpt) &&
	contains $f commissioner@example.org &&
	contains ${f%.rcpt}.eml "Cc: commissioner@example.org" &&
	contains ${f%.rcpt}.eml "copied to the holder of the post" &&
	wm list reminders --json | jq -e "[.[] | select(.sent_to == \"commissioner@example.org\" and .escalation)] | length > 0" >/dev/null
'

test_expect_success 'a message says what is due, with its links and the My work page' '
	f=$(grep -l "^alex.planner@example.org$" mx/*.rcpt) &&
	m=${f%.rcpt}.eml &&
	contains $m "Subject: Waymark: 7 items to update, 7 overdue" &&
	contains $m "From: waymark@example.org" &&
	contains $m "Recommendation BVA2002/R11: Integrated planning cycle" &&
	contains $m "854 days overdue" &&
	contains $m "https://waymark.example.org/progress/new?recommendation=BVA2002%2FR7&back=%2Fmy" &&
	contains $m "https://waymark.example.org/my" &&
	equals "$(grep -c "^- " $m)" 7
'

test_expect_success 'a second run the same day sends nothing' '
	wm remind --as-of $DAY >again &&
	contains again "0 digests sent, 0 failed, 6 already sent" &&
	equals "$(smtp_count mx)" 6
'

test_expect_success 'every message is recorded on each item it listed, and verify vouches for them' '
	wm list reminders --json >rem.json &&
	equals "$(jq length rem.json)" "$(cat want.rows)" &&
	equals "$(jq -r "[.[] | select(.ref == \"BVA2002/R11\")][0] | [.sent_to, .status, .why, .on_day] | join(\" \")" rem.json)" \
	    "alex.planner@example.org sent overdue 2004-10-01" &&
	equals "$(wm audit --kind reminders --limit 1000 --json | jq length)" "$(cat want.rows)" &&
	wm verify >/dev/null
'

test_expect_success 'a week on, what is still overdue is sent again' '
	wm remind --as-of 2004-10-08 >week &&
	contains week "sent to alex.planner@example.org" &&
	test "$(smtp_count mx)" -gt 6 &&
	smtp_count mx >week.count
'

test_expect_success 'a refused recipient is reported and recorded as not sent; the others go' '
	wm add setting --key remind.overdue_every_days --value 1 >/dev/null &&
	expect_exit 1 wm remind --as-of 2004-10-09 --smtp "$PICKY" >out 2>err &&
	contains err "not sent to ruth.lead@example.org" &&
	contains err "refused the recipient <ruth.lead@example.org>" &&
	contains err "tried again on the next run" &&
	contains out "digests sent, 1 failed" &&
	test "$(grep -c "^sent to" out)" -gt 0 &&
	equals "$(smtp_count picky)" "$(grep -c "^sent to" out)" &&
	wm list reminders --json | jq -e "[.[] | select(.status == \"failed\" and .sent_to == \"ruth.lead@example.org\")] | length == 3" >/dev/null
'

test_expect_success 'the next run sends what failed, and only that' '
	wm remind --as-of 2004-10-09 >retry &&
	contains retry "sent to ruth.lead@example.org" &&
	contains retry "1 digest sent, 0 failed, 5 already sent" &&
	equals "$(smtp_count mx)" $(($(cat week.count) + 1)) &&
	equals "$(head -1 "mx/$(printf %03d $(($(cat week.count) + 1))).rcpt")" ruth.lead@example.org
'

test_expect_success 'someone with nothing but no address is said, not lost' '
	wm set person rlead --email "" >/dev/null 2>&1 || wm set person rlead --email null >/dev/null &&
	wm remind --as-of 2004-10-10 >out 2>err &&
	contains err "Ruth Lead (rlead) has 3 items to update but no e-mail address" &&
	contains out "1 without an address"
'

wm user add pat --role planner --password "planner pass" >/dev/null
serve_start main
URL=$(cat main.url)
login pat pat "planner pass"

test_expect_success 'the item'"'"'s page shows the reminders sent about it' '
	equals "$(page pat /recommendations/BVA2002/R11)" 200 &&
	contains page.html "Reminders sent" &&
	contains page.html "alex.planner@example.org" &&
	equals "$(page pat /recommendations/DA2002/R2)" 200 &&
	lacks page.html "Reminders sent"
'

test_expect_success 'bench/remind still runs (tiny; nothing timed)' '
	"$BUILD/bench/wm-remind" --people 20 --items 100 --repeat 1 --json >bench.json &&
	equals "$(jq .digests bench.json)" 20 &&
	jq -e ".items_listed > 0 and .median_ms > 0" bench.json >/dev/null
'

serve_stop main
smtp_stop mx
smtp_stop picky
test_done
