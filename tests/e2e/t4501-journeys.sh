#!/bin/sh
# The web application's journeys in headless Chromium, one script each
# (tests/browser/journey-*.mjs), each on a fresh copy of the sample with
# its own servers: a planner adds a recommendation with two mistakes
# first; a borough's lead enters a month's figures with an outlier, the
# owner approves it and the public sees it only then; the session ends
# mid-form and the form survives signing in; a planner uploads an action
# plan, previews and confirms it; a planner searches from the header and
# the public finds only what is published; a lead lands on My work and
# updates an item from it; the public home page. Every
# journey checks axe-core on its pages and a phone's width (390 x 844).
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

need_browser

# The sample once, with the journeys' accounts; each journey gets its own copy.
sample() {
	wm --db "$1" init >/dev/null &&
	wm --db "$1" sample >/dev/null &&
	wm --db "$1" user add pat --role planner --password "planner pass" >/dev/null &&
	wm --db "$1" user add cc --role lead --person ccommander --password "borough pass" >/dev/null &&
	wm --db "$1" user add jo --role lead --person janalyst --password "owner pass" >/dev/null
}
if [ "$ENGINE" = sqlite ]; then
	base=$(new_db base)
	sample "$base"
fi

# journey NAME: a fresh copy, a server and a public one, the script, the servers stopped.
journey() {
	if [ "$ENGINE" = sqlite ]; then
		db=$TEST_DIR/$1.db
		cp "$base" "$db"
	else
		db=$(new_db "$1")
		sample "$db"
	fi
	WAYMARK_DB=$db
	serve_start "$1"
	serve_start "$1-public" --public
	node "$SRCDIR/tests/browser/journey-$1.mjs" "$(cat "$1.url")" "$SRCDIR/tests/out" \
	    "$(cat "$1-public.url")" >"$1.tap" 2>&1
	echo $? >"$1.exit"
	serve_stop "$1"
	serve_stop "$1-public"
}

for j in recommendation figures session upload search mywork; do
	journey "$j"
done
# the public journey runs against the public server
if [ "$ENGINE" = sqlite ]; then
	db=$TEST_DIR/public.db
	cp "$base" "$db"
else
	db=$(new_db public)
	sample "$db"
fi
WAYMARK_DB=$db
serve_start pub --public
node "$SRCDIR/tests/browser/journey-public.mjs" "$(cat pub.url)" "$SRCDIR/tests/out" >public.tap 2>&1
echo $? >public.exit
serve_stop pub

for j in recommendation figures session upload search mywork public; do
	test_expect_success "the $j journey in a browser" "
		sed 's/^/# /' $j.tap &&
		! grep -q '^not ok' $j.tap && grep -q '^ok' $j.tap &&
		test \"\$(cat $j.exit)\" = 0
	"
done

test_done
