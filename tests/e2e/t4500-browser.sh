#!/bin/sh
# The web application in headless Chromium (tests/browser/run.mjs): the
# progress-update journey, axe-core on every page, 320 px, print, no script.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

need_browser

wm init >/dev/null
wm sample >/dev/null
wm user add alice --role admin --password "correct horse" >/dev/null
wm user add lena --role lead --person rlead --password "lead password" >/dev/null
wm user add mo --role member --password "member pass" >/dev/null
serve_start main
URL=$(cat main.url)

# Screenshots of failures are kept with the other test output, and so is
# one page of a paper in each format (tests/out/papers/, tests/browser/papers.mjs).
node "$SRCDIR/tests/browser/run.mjs" "$URL" "$SRCDIR/tests/out"
