#!/bin/sh
# bench/run at a tiny size: every figure is there and is a positive number,
# on this pass's engine (on PostgreSQL, in databases of their own on the
# suite's server), and the API part under wrk for a second beside nginx.
# Nothing here is timed against a target (speed is measured in bench/, not
# asserted in tests): this only keeps the benchmark working.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || { test_skip "bench/run needs sqlite3"; test_done; exit 0; }
[ -x /usr/bin/time ] || { test_skip "bench/run needs /usr/bin/time"; test_done; exit 0; }

# bench ARGS...: bench/run on this pass's engine, quick, as JSON.
bench() {
	if [ "$ENGINE" = postgresql ]; then
		set -- --engine postgresql --pg-server "$WAYMARK_TEST_PG" "$@"
	fi
	"$SRCDIR/bench/run" --json --no-drop-caches --build "$BUILD" "$@"
}
# What a figure holds: an engine too, unless the run was SQLite's alone.
if [ "$ENGINE" = postgresql ]; then
	KEYS="[\"engine\", \"name\", \"ratio\", \"reference\", \"unit\", \"value\"]"
else
	KEYS="[\"name\", \"ratio\", \"reference\", \"unit\", \"value\"]"
fi

test_expect_success 'bench/run --json prints the figures, each a positive number' '
	bench --size 20k --only perf --repeat 3 --keep kept >bench.json &&
	jq -e "(keys | sort) == [\"figures\", \"machine\", \"rows\", \"size\"]" bench.json &&
	equals "$(jq .size bench.json)" 20000 &&
	jq -e ".rows > 19000 and .rows < 21000" bench.json &&
	equals "$(jq -r "[.figures[].name] | join(\",\")" bench.json)" \
	    "import_rows_per_s,exception_report_cold_ms,exception_report_warm_ms,exception_command_ms,pi_trend_ms,peak_rss_mb" &&
	jq -e "all(.figures[]; (keys | sort) == $KEYS)" bench.json &&
	if [ "$ENGINE" = postgresql ]; then
		jq -e "all(.figures[]; .engine == \"postgresql\")" bench.json
	fi &&
	jq -e "all(.figures[]; (.value | type) == \"number\" and .value > 0)" bench.json &&
	# the sqlite3 shell times to the millisecond: a tiny reference may read 0
	jq -e "all(.figures[]; (.reference | type) == \"number\" and .reference >= 0 and
	    (.ratio | type) == \"number\" and .ratio >= 0)" bench.json
'

test_expect_success '--keep leaves the data set and a database waymark can report on' '
	test -s kept/figures.csv && test -s kept/setup.json &&
	if [ "$ENGINE" = postgresql ]; then
		test ! -e kept/waymark.db && exit 0
	fi &&
	wm --db kept/waymark.db report exceptions --format json >exc.json &&
	jq -e ".exceptions | length > 0" exc.json &&
	equals "$(wm --db kept/waymark.db list measurements --json | jq length)" \
	    "$(($(wc -l <kept/figures.csv) - 1))"
'

test_expect_success 'the generator makes the same files every time' '
	"$BUILD/bench/wm-gen" --size 20k again.json again.csv >/dev/null &&
	cmp again.csv kept/figures.csv && cmp again.json kept/setup.json
'

if command -v wrk >/dev/null 2>&1 && { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null 2>&1
then
	test_expect_success 'bench/run --only api loads the API and nginx with wrk' '
		bench --only api --api-seconds 1 >api.json &&
		jq -e "(keys | sort) == [\"figures\", \"machine\", \"rows\", \"size\"]" api.json &&
		equals "$(jq .rows api.json)" 0 &&
		equals "$(jq -r "[.figures[].name] | join(\",\")" api.json)" \
		    "api_body_bytes,api_requests_per_s,api_p50_ms,api_p99_ms" &&
		jq -e "all(.figures[]; (keys | sort) == $KEYS)" api.json &&
		jq -e "all(.figures[]; .value > 0 and .reference > 0 and .ratio > 0)" api.json &&
		# about 4 KB, and nginx served exactly those bytes
		jq -e ".figures[0] | .value > 3000 and .value < 5000 and .value == .reference" api.json
	'
	if [ "$ENGINE" = postgresql ]; then
		test_expect_success '--engine both puts each figure of each engine side by side' '
			"$SRCDIR/bench/run" --engine both --pg-server "$WAYMARK_TEST_PG" --only api \
			    --api-seconds 1 --no-drop-caches --build "$BUILD" >both.txt &&
			contains both.txt "postgresql" &&
			grep -E "^api_requests_per_s +req/s +[0-9]+ +[0-9]+ +[0-9]+ " both.txt &&
			"$SRCDIR/bench/run" --engine both --pg-server "$WAYMARK_TEST_PG" --only api \
			    --api-seconds 1 --no-drop-caches --build "$BUILD" --json >both.json &&
			equals "$(jq -r "[.figures[] | .engine + \":\" + .name] | join(\",\")" both.json)" \
			    "sqlite:api_body_bytes,sqlite:api_requests_per_s,sqlite:api_p50_ms,sqlite:api_p99_ms,postgresql:api_body_bytes,postgresql:api_requests_per_s,postgresql:api_p50_ms,postgresql:api_p99_ms"
		'
	fi
else
	test_skip "bench/run --only api needs wrk and nginx (scripts/install-deps --test)"
fi

test_expect_success 'bad usage is refused with the usage' '
	expect_exit 2 "$SRCDIR/bench/run" --size 2>err && contains err "usage: bench/run" &&
	expect_exit 2 "$SRCDIR/bench/run" --engine mysql 2>err && contains err "usage: bench/run" &&
	expect_exit 2 "$SRCDIR/bench/run" --only reports 2>err && contains err "usage: bench/run" &&
	expect_exit 2 "$BUILD/bench/wm-gen" --size lots a.json a.csv 2>err &&
	contains err "is not a size" &&
	"$SRCDIR/bench/run" --help >out && contains out "exception_report_warm_ms" &&
	contains out "api_requests_per_s"
'

test_done
