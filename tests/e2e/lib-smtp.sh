# lib-smtp.sh: a real SMTP server on loopback for the mail tests, after lib.sh
# (and after lib-http.sh, if a script wants both: its trap stops both kinds).
#
#   smtp_start NAME [--refuse ADDRESS]...   starts tests/e2e/smtpd.py; its URL in NAME.url
#   smtp_stop NAME                          stops it (at the top level of the script)
#   smtp_need                               skips the script when there is no aiosmtpd
#
# What it received is in NAME/NNN.eml (the message) and NAME/NNN.rcpt (the
# envelope's recipients). Without python3-aiosmtpd the script skips.

SMTPD_PY=/usr/bin/python3
smtp_have() {
	"$SMTPD_PY" -c 'import aiosmtpd' 2>/dev/null
}

# smtp_need: skip the whole script (at its top level) without python3-aiosmtpd.
smtp_need() {
	if ! smtp_have; then
		test_skip 'python3-aiosmtpd is not installed (scripts/install-deps --test)'
		test_done
		exit 0
	fi
}

SMTP_SERVERS=""
smtp_start() {
	_n=$1
	shift
	mkdir -p "$_n"
	"$SMTPD_PY" "$SRCDIR/tests/e2e/smtpd.py" "$TEST_DIR/$_n" "$@" >"$_n.log" 2>&1 &
	echo $! >"$_n.pid"
	SMTP_SERVERS="$SMTP_SERVERS $!"
	_i=0
	until [ -f "$_n/port" ]; do
		if ! kill -0 "$(cat "$_n.pid")" 2>/dev/null || [ "$_i" -gt 100 ]; then
			echo "Bail out! SMTP server $_n did not start:"
			sed 's/^/# /' "$_n.log"
			exit 1
		fi
		_i=$((_i + 1))
		sleep 0.1
	done
	echo "smtp://127.0.0.1:$(cat "$_n/port")" >"$_n.url"
}

smtp_stop() {
	_p=$(cat "$1.pid")
	kill -TERM "$_p" 2>/dev/null || :
	wait "$_p" 2>/dev/null || true
}

# How many messages NAME received.
smtp_count() {
	ls "$1" | grep -c '\.eml$' || true
}

smtp_cleanup() {
	_rc=$?
	for _p in $SMTP_SERVERS ${SERVERS:-}; do
		kill -TERM "$_p" 2>/dev/null || :
	done
	cleanup
	exit $_rc
}
trap smtp_cleanup EXIT
