#!/bin/sh
# Issue 16.25: a database that cannot be written (an archived copy, a
# snapshot) can still be listed, shown, reported, exported and verified:
# commands that only read open it read-only. Writing is refused.
. "$(dirname "$0")/lib.sh"

# as a user the file's mode binds: root's writes ignore it
reader() {
	if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$WAYMARK" "$@"; else "$WAYMARK" "$@"; fi
}

test_expect_success 'setup: a database in a folder nobody here may write' '
	mkdir ro && wm --db ro/w.db init >/dev/null && wm --db ro/w.db sample >/dev/null &&
	chmod 755 . && chmod 444 ro/w.db && chmod 555 ro
'

test_expect_success '16.25: commands that only read work on it' '
	reader --db ro/w.db list units >out && contains out Camden &&
	reader --db ro/w.db show unit Camden >out && contains out Camden &&
	reader --db ro/w.db report summary >out &&
	reader --db ro/w.db audit >out &&
	reader --db ro/w.db export - >out.json && jq -e .audit out.json >/dev/null &&
	reader --db ro/w.db verify >out && contains out "audit log intact"
'

test_expect_success '16.25: and in a folder that may be written, the file itself read-only' '
	chmod 755 ro && chmod 777 ro && chmod 444 ro/w.db &&
	reader --db ro/w.db list units >out && contains out Camden &&
	reader --db ro/w.db verify >out && contains out "audit log intact"
'

test_expect_success '16.25: a command that writes is refused, and says why' '
	expect_exit 1 reader --db ro/w.db set unit Camden --name Elsewhere 2>err &&
	contains err "readonly" &&
	wm --db ro/w.db show unit Camden >out && lacks out Elsewhere
'

test_expect_success 'cleanup' 'chmod 755 ro && chmod 644 ro/w.db'

test_done
