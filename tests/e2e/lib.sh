# lib.sh: sourced by every end-to-end test script (after git's t/test-lib.sh).
#
# Each script runs in a fresh temporary directory with its own database
# and a fixed clock, drives the real waymark binary, and prints TAP:
#
#   test_expect_success 'what it shows' '
#       wm init &&
#       wm list units >out &&
#       grep Camden out
#   '
#   test_done
#
# A test's body runs in a subshell with `set -e`; it passes if it exits 0.

set -u
: "${BUILD:=$(cd "$(dirname "$0")/../.." && pwd)/build}"
WAYMARK=${WAYMARK:-$BUILD/waymark}
SRCDIR=$(cd "$(dirname "$0")/../.." && pwd)
SEEDS=${SEEDS:-$SRCDIR/../shared/seeds}
[ -x "$WAYMARK" ] || { echo "Bail out! no waymark binary at $WAYMARK (run make)"; exit 1; }

TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/waymark-e2e.XXXXXX")
trap 'rm -rf "$TEST_DIR"' EXIT
cd "$TEST_DIR" || exit 1
export WAYMARK_DB="$TEST_DIR/test.db"
export WAYMARK_NOW="2005-04-15T09:00:00Z"
export USER=tester

test_count=0
test_failed=0

wm() {
	"$WAYMARK" "$@"
}

# expect_exit CODE COMMAND...: the command must exit with CODE.
expect_exit() {
	want=$1
	shift
	set +e
	"$@"
	got=$?
	set -e
	if [ "$got" -ne "$want" ]; then
		echo "expected exit $want, got $got from: $*" >&2
		return 1
	fi
}

# contains FILE TEXT: FILE must contain TEXT (a fixed string).
contains() {
	if ! grep -qF -- "$2" "$1"; then
		echo "expected $1 to contain: $2" >&2
		echo "--- $1:" >&2
		head -40 "$1" >&2
		return 1
	fi
}

# lacks FILE TEXT: FILE must not contain TEXT.
lacks() {
	if grep -qF -- "$2" "$1"; then
		echo "expected $1 not to contain: $2" >&2
		return 1
	fi
}

# equals A B: two strings must be equal.
equals() {
	if [ "$1" != "$2" ]; then
		echo "expected \"$2\", got \"$1\"" >&2
		return 1
	fi
}

test_expect_success() {
	test_count=$((test_count + 1))
	if out=$( (set -e; eval "$2") 2>&1 ); then
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		printf '%s\n' "$out" | sed 's/^/#   /'
	fi
}

# test_skip 'why': say a test was skipped and why; a skip is not a pass.
test_skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count # SKIP $1"
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}
