# lib-smtp.sh: a real SMTP server on loopback for the mail tests, after lib.sh.
#
#   smtp_start NAME [--refuse ADDRESS]...   starts tests/e2e/smtpd.py; its URL in NAME.url
#   smtp_stop NAME                          stops it (at the top level of the script)
#
# What it received is in NAME/NNN.eml (the message) and NAME/NNN.rcpt (the
# envelope's recipients). Without python3-aiosmtpd the script skips.

SMTPD_PY=/usr/bin/python3
smtp_have() {
	"$SMTPD_PY" -c 'import aiosmtpd' 2>/dev/null
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
	kill -TERM "$_p" 2>/dev/null
	wait "$_p" 2>/dev/null || true
}

# How many messages NAME received.
smtp_count() {
	ls "$1" | grep -c '\.eml$' || true
}

smtp_cleanup() {
	for _p in $SMTP_SERVERS; do
		kill -TERM "$_p" 2>/dev/null
	done
	cleanup
}
trap smtp_cleanup EXIT
