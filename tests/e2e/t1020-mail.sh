#!/bin/sh
# t1020-mail: mail reaches a real SMTP server (python3-aiosmtpd on loopback),
# and a refused recipient or an unreachable server is said plainly.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-smtp.sh"

smtp_need

smtp_start mx
smtp_start picky --refuse nobody@example.org
MX=$(cat mx.url)
PICKY=$(cat picky.url)

test_expect_success 'without a server or a sender, remind says which setting to give' '
	wm init >/dev/null &&
	expect_exit 2 wm remind --test a@example.org 2>err &&
	contains err "set mail.smtp" &&
	expect_exit 2 wm remind --test a@example.org --smtp "$MX" 2>err &&
	contains err "set mail.from"
'

test_expect_success 'a test message reaches the server, from the settings' '
	wm add setting --key mail.smtp --value "$MX" >/dev/null &&
	wm add setting --key mail.from --value waymark@example.org >/dev/null &&
	wm remind --test ann.lead@example.org >out &&
	contains out "sent a test message to ann.lead@example.org" &&
	equals "$(smtp_count mx)" 1 &&
	equals "$(cat mx/001.rcpt)" ann.lead@example.org &&
	contains mx/001.eml "From: waymark@example.org" &&
	contains mx/001.eml "To: ann.lead@example.org" &&
	contains mx/001.eml "Subject: Waymark: a test message" &&
	contains mx/001.eml "Content-Type: text/plain; charset=UTF-8" &&
	contains mx/001.eml "This is a test message from Waymark."
'

test_expect_success '--smtp and --from override the settings' '
	wm remind --test b@example.org --smtp "$PICKY" --from other@example.org >out &&
	equals "$(smtp_count picky)" 1 &&
	contains picky/001.eml "From: other@example.org" &&
	equals "$(smtp_count mx)" 1
'

test_expect_success 'a refused recipient is named, in the server'"'"'s words' '
	expect_exit 1 wm remind --test nobody@example.org --smtp "$PICKY" 2>err &&
	contains err "refused the recipient <nobody@example.org>" &&
	contains err "550" &&
	equals "$(smtp_count picky)" 1
'

test_expect_success 'an address that is not one is refused before any server is asked' '
	expect_exit 1 wm remind --test "a@example.org>
Bcc: c@example.org" 2>err &&
	contains err "is not an e-mail address" &&
	equals "$(smtp_count mx)" 1
'

test_expect_success 'no server listening: said, with the host, never the password' '
	port=$(cat mx/port) &&
	expect_exit 1 wm remind --test a@example.org --smtp "smtp://me:s3cret@127.0.0.1:1" 2>err &&
	contains err "127.0.0.1:1" &&
	lacks err s3cret &&
	expect_exit 1 wm remind --test a@example.org --smtp "http://127.0.0.1:$port" 2>err &&
	contains err "not an smtp:// or smtps:// URL"
'

smtp_stop mx
smtp_stop picky
test_done
