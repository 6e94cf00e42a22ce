#!/bin/sh
# bench/run at a tiny size: every figure is there and is a positive number.
# Nothing here is timed against a target (speed is measured in bench/, not
# asserted in tests): this only keeps the benchmark working.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || { test_skip "bench/run needs sqlite3"; test_done; exit 0; }
[ -x /usr/bin/time ] || { test_skip "bench/run needs /usr/bin/time"; test_done; exit 0; }

test_expect_success 'bench/run --json prints the figures, each a positive number' '
	"$SRCDIR/bench/run" --size 20k --json --repeat 3 --no-drop-caches --build "$BUILD" \
	    --keep kept >bench.json &&
	jq -e "(keys | sort) == [\"figures\", \"machine\", \"rows\", \"size\"]" bench.json &&
	equals "$(jq .size bench.json)" 20000 &&
	jq -e ".rows > 19000 and .rows < 21000" bench.json &&
	equals "$(jq -r "[.figures[].name] | join(\",\")" bench.json)" \
	    "import_rows_per_s,exception_report_cold_ms,exception_report_warm_ms,exception_command_ms,pi_trend_ms,peak_rss_mb" &&
	jq -e "all(.figures[]; (keys | sort) == [\"name\", \"ratio\", \"reference\", \"unit\", \"value\"])" bench.json &&
	jq -e "all(.figures[]; (.value | type) == \"number\" and .value > 0)" bench.json &&
	# the sqlite3 shell times to the millisecond: a tiny reference may read 0
	jq -e "all(.figures[]; (.reference | type) == \"number\" and .reference >= 0 and
	    (.ratio | type) == \"number\" and .ratio >= 0)" bench.json
'

test_expect_success '--keep leaves the data set and a database waymark can report on' '
	test -s kept/figures.csv && test -s kept/setup.json &&
	wm --db kept/waymark.db report exceptions --format json >exc.json &&
	jq -e ".exceptions | length > 0" exc.json &&
	equals "$(wm --db kept/waymark.db list measurements --json | jq length)" \
	    "$(($(wc -l <kept/figures.csv) - 1))"
'

test_expect_success 'the generator makes the same files every time' '
	"$BUILD/bench/wm-gen" --size 20k again.json again.csv >/dev/null &&
	cmp again.csv kept/figures.csv && cmp again.json kept/setup.json
'

test_expect_success 'bad usage is refused with the usage' '
	expect_exit 2 "$SRCDIR/bench/run" --size 2>err && contains err "usage: bench/run" &&
	expect_exit 2 "$BUILD/bench/wm-gen" --size lots a.json a.csv 2>err &&
	contains err "is not a size" &&
	"$SRCDIR/bench/run" --help >out && contains out "exception_report_warm_ms"
'

test_done
