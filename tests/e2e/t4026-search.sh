#!/bin/sh
# The site-wide search at /search?q= (issue 17 item 5): every kind's names
# and texts, each word the start of a word there, every word needed; kept
# in step with every write; each hit linked to its record's page; the
# public finds only what is published; the query written back escaped; a
# search box in every page's header; a database made before the search
# is filled by `waymark init`. On either engine, the same answers.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm set source DA2002 --published no >/dev/null
serve_start main --public
URL=$(cat main.url)
login pat pat "planner pass"

# hits: the results' links, one a line, the best first
hits() { sed 's/<h2/\n<h2/g' page.html | sed -n 's|^<h2[^>]*><a href="\([^"]*\)".*|\1|p'; }
count() { sed -n 's|.*id="search-count">\([^<]*\)<.*|\1|p' page.html; }

test_expect_success 'a word of a recommendation text finds it, linked to its page' '
	equals "$(page pat "/search?q=continuous+improvement")" 200 &&
	hits >hits.txt &&
	grep -qx /recommendations/DA2002/R3 hits.txt &&
	contains page.html "Build best value principles into everyday work" &&
	contains page.html ">Recommendation<" &&
	equals "$(page pat /recommendations/DA2002/R3)" 200
'

test_expect_success 'the start of a word finds it, in any case; every word is needed' '
	page pat "/search?q=TOWER+haml" >/dev/null &&
	hits >hits.txt &&
	grep -qx /units/TowerHamlets hits.txt &&
	contains page.html ">Tower Hamlets<" &&
	page pat "/search?q=tower+haml+nowhereatall" >/dev/null &&
	contains page.html "Nothing holds every word of" &&
	lacks page.html "<h2 class=\"govuk-heading-s"
'

test_expect_success 'names count for more than texts: the unit comes before what mentions it' '
	page pat "/search?q=best+value+group" >/dev/null &&
	equals "$(hits | head -1)" /units/BestValue
'

test_expect_success 'a change is found at once, and what it replaced no longer is' '
	wm set recommendation BVA2002/R4 --text "Plant a quokka sanctuary beside every station." \
	    >/dev/null &&
	page pat "/search?q=quokka" >/dev/null &&
	equals "$(hits)" /recommendations/BVA2002/R4 &&
	equals "$(count)" "1 record holds every word of &quot;quokka&quot;." &&
	page pat "/search?q=shape+programme+corporate+strategy" >/dev/null &&
	hits >hits.txt &&
	lacks hits.txt BVA2002/R4
'

test_expect_success 'a record added is found, and gone once removed' '
	wm add committee --ref WOMBAT --name "Wombat Oversight Panel" >/dev/null &&
	page pat "/search?q=wombat" >/dev/null &&
	equals "$(hits)" /committees/WOMBAT &&
	wm remove committee WOMBAT >/dev/null &&
	page pat "/search?q=wombat" >/dev/null &&
	equals "$(hits)" ""
'

test_expect_success 'the framework is found under its own pages' '
	page pat "/search?q=developing+safer+communities" >/dev/null &&
	hits >hits.txt &&
	grep -qx /framework/TTSC/G1 hits.txt
'

test_expect_success 'the public finds only what is published' '
	curl -s "$URL/search?q=continuous+improvement" >page.html &&
	hits >hits.txt &&
	lacks hits.txt DA2002 &&
	curl -s "$URL/search?q=quokka" >page.html &&
	equals "$(hits)" /recommendations/BVA2002/R4
'

test_expect_success 'the words are written back escaped, and odd ones are only words' '
	page pat "/search?q=%3Cscript%3Ealert(1)%3C/script%3E+%22+*+NEAR(+OR" >/dev/null &&
	contains page.html "value=\"&lt;script&gt;alert(1)&lt;/script&gt; &quot; * NEAR( OR\"" &&
	lacks page.html "<script>alert" &&
	equals "$(page pat "/search?q=%E2%80%94+quokka")" 200 &&
	equals "$(hits)" /recommendations/BVA2002/R4 &&
	equals "$(page pat "/search?q=%FF%FE")" 422 &&
	contains page.html "not text" &&
	equals "$(page pat "/search?q=")" 200 &&
	lacks page.html search-count
'

test_expect_success 'every page has the search box in its header; the search page its own' '
	page pat /recommendations >/dev/null &&
	contains page.html "role=\"search\"" &&
	contains page.html "<form method=\"get\" action=\"/search\"><label for=\"header-search\"" &&
	page pat "/search?q=x" >/dev/null &&
	lacks page.html header-search &&
	curl -s "$URL/login" >page.html &&
	lacks page.html header-search
'

test_expect_success 'a database whose search is empty (made before it) is filled by waymark init' '
	db_sql "$WAYMARK_DB" "DELETE FROM search_doc" &&
	page pat "/search?q=quokka" >/dev/null &&
	equals "$(hits)" "" &&
	wm init >init.txt &&
	grep -q "^indexed [0-9]* records for search" init.txt &&
	page pat "/search?q=quokka" >/dev/null &&
	equals "$(hits)" /recommendations/BVA2002/R4
'

test_done
