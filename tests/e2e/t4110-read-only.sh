#!/bin/sh
# Issue 16.25: a database that cannot be written (an archived copy, a
# snapshot) can still be listed, shown, reported, exported and verified:
# commands that only read open it read-only. Writing is refused.
. "$(dirname "$0")/lib.sh"

# as a user the file's mode binds: root's writes ignore it. nobody may not
# reach the build (a clone under /root, or a 0700 temporary folder), so it
# runs a copy of the program here, with a copy of the leak suppressions.
reader() {
	if [ "$(id -u)" = 0 ]; then
		LSAN_OPTIONS="suppressions=$TEST_DIR/lsan.supp:print_suppressions=0" \
		    runuser -u nobody -- "$TEST_DIR/waymark" "$@"
	else
		"$WAYMARK" "$@"
	fi
}
if [ "$(id -u)" = 0 ]; then
	cp "$WAYMARK" "$TEST_DIR/waymark" && cp "$SRCDIR/tests/lsan.supp" "$TEST_DIR/lsan.supp" &&
	    chmod 755 "$TEST_DIR/waymark" && chmod 644 "$TEST_DIR/lsan.supp"
fi

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
