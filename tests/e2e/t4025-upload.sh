#!/bin/sh
# The upload page (/import): a planner sends a document, sees the
# importer's dry run as a page (what would be added, each record, what was
# not read), confirms, and finds the records; a confirm after the records
# changed meanwhile is refused and imports nothing; a file over the
# server's limit is refused with a page saying how large a file may be; a
# Word action plan's column read as a note is read again as the lead when
# the planner says so, and imported that way; a lead may not import, and
# no form without its token is taken.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

wm init >/dev/null
wm sample >/dev/null
wm user add pat --role planner --password "planner pass" >/dev/null
wm user add lee --role lead --password "lead pass" >/dev/null
cp "$SRCDIR/tests/fixtures/upload/action-plan.txt" plan.txt
cp "$SRCDIR/tests/fixtures/upload/action-plan-table.docx" table.docx
TMPDIR=$PWD
export TMPDIR
serve_start main --max-body 65536
URL=$(cat main.url)
login pat pat "planner pass"
login lee lee "lead pass"

# upload WHO FILE [FIELD=VALUE...]: POST the upload form with a file; the page in page.html.
upload() {
	who=$1 file=$2
	shift 2
	for f in "$@"; do set -- "$@" -F "$f"; shift; done
	curl -s -o page.html -w '%{http_code}' -b "$who.jar" \
	    -F "csrf_token=$(cat "$who.csrf")" -F "file=@$file" "$@" "$URL/import"
}
# the token of the previewed upload, from the Confirm form
token() {
	sed -n 's/.*name="upload" value="\([0-9a-f]*\)".*/\1/p' page.html | head -1
}

test_expect_success 'a planner finds the upload page from the Records page, as a form with a file' '
	equals "$(page pat /records)" 200 &&
	contains page.html "href=\"/import\"" &&
	equals "$(page pat /import)" 200 &&
	contains page.html "enctype=\"multipart/form-data\"" &&
	contains page.html "type=\"file\"" &&
	contains page.html "name=\"csrf_token\"" &&
	contains page.html "Up to 64 KB" || contains page.html "Up to 0.06 MB"
'

test_expect_success 'the preview shows what would be added, each record, and imports nothing' '
	equals "$(upload pat plan.txt)" 200 &&
	contains page.html "Check the import" &&
	contains page.html "Nothing has been imported yet" &&
	contains page.html "Would be added" &&
	contains page.html "Reconcile the parking income ledger with the bank every month." &&
	contains page.html "Head of Parking Services" &&
	contains page.html ">FH2<" &&
	contains page.html "Confirm and import" &&
	test -n "$(token)" &&
	test "$(ls waymark-upload-* | wc -l)" -eq 1 &&
	equals "$(call pat GET /api/v1/recommendations/FBCIAAP/FH1)" 404
'

test_expect_success 'what was not read is listed with the reason' '
	printf "| Ref | Recommendation | Owner |\n|---|---|---|\n| FH9 | Count the tickets. | Clerk |\nThis line is stray prose that the tracker does not hold.\n" >odd.txt &&
	equals "$(upload pat odd.txt)" 200 &&
	wm import --dry-run --json odd.txt >dry.json &&
	jq -e ".unread | length > 0" dry.json >/dev/null &&
	contains page.html "Why it was not read" &&
	contains page.html "This line is stray prose that the tracker does not hold." &&
	contains page.html "$(jq -r ".unread[0].why" dry.json | cut -c1-20)"
'

test_expect_success 'Confirm imports exactly what was previewed, audited as the web user' '
	equals "$(upload pat plan.txt)" 200 &&
	t=$(token) &&
	equals "$(form pat /import/confirm upload=$t)" 200 &&
	contains page.html "File imported" &&
	equals "$(call pat GET /api/v1/recommendations/FBCIAAP/FH1)" 200 &&
	jq -e ".text == \"Reconcile the parking income ledger with the bank every month.\"" body.json >/dev/null &&
	equals "$(call pat GET /api/v1/recommendations/FBCIAAP/FH2)" 200 &&
	wm audit --json --ref FBCIAAP/FH1 | jq -e ".[0].actor == \"web:pat\"" >/dev/null &&
	wm audit --json --kind imports | jq -e ".[0].actor == \"web:pat\"" >/dev/null &&
	test ! -e "waymark-upload-$t" &&
	equals "$(form pat /import/confirm upload=$t)" 404 &&
	contains page.html "Upload the file again"
'

# column N: the number of the preview's form field for the column headed N
column() { sed -n "s/.*name=\"head-\([0-9]*\)\" value=\"$1\".*/\1/p" page.html | head -1; }

test_expect_success 'a Word action plan: a column the importer does not know is kept as a note' '
	equals "$(upload pat table.docx as=recommendations)" 200 &&
	contains page.html "Count the cash from every pay and display machine in pairs" &&
	contains page.html "Read it another way" &&
	n=$(column Champion) && test -n "$n" &&
	contains page.html "<select class=\"govuk-select\" id=\"col-$n\" name=\"col-$n\"" &&
	tr -d "\n" <page.html | sed "s/.*id=\"col-$n\"//; s/<\/select>.*//" >sel.html &&
	contains sel.html "<option value=\"extra\" selected>Kept as a note</option>" &&
	lacks page.html "Parking Services Manager</td>"
'

test_expect_success 'said to be the lead, it is read again so, and imported so' '
	t=$(token) && n=$(column Champion) &&
	equals "$(form pat /import/again upload=$t as=recommendations head-$n=Champion was-$n=extra \
	    col-$n=lead)" 200 &&
	contains page.html "Columns read as you said" &&
	contains page.html "Champion=lead" &&
	contains page.html "Parking Services Manager</td>" &&
	t2=$(token) && test -n "$t2" && test "$t2" != "$t" &&
	test ! -e "waymark-upload-$t" &&
	equals "$(form pat /import/confirm upload=$t2)" 200 &&
	contains page.html "File imported" &&
	wm list recommendations --json >recs.json &&
	jq -e "[.[] | select(.ref == \"PA1\")][0].leads == [\"Parking Services Manager\"]" recs.json >/dev/null &&
	jq -e "[.[] | select(.ref == \"PA2\")][0].leads == [\"Head of Transport\"]" recs.json >/dev/null
'

test_expect_success 'a field that is not one is no change; an upload not ours is not read again' '
	equals "$(upload pat table.docx as=recommendations)" 200 &&
	t=$(token) && n=$(column Champion) &&
	equals "$(form pat /import/again upload=$t head-$n=Champion was-$n=extra col-$n=owner)" 200 &&
	lacks page.html "Columns read as you said" &&
	equals "$(form pat /import/again upload=0123)" 404 &&
	equals "$(form lee /import/again upload=$(token))" 403
'

test_expect_success 'a confirm after the records changed meanwhile is refused, importing nothing' '
	sed "s/FH1/FH5/; s/FH2/FH6/" plan.txt >plan2.txt &&
	st=$(upload pat plan2.txt) &&
	{ equals "$st" 200 || { grep -o "govuk-error-summary.\{0,300\}" page.html; false; }; } &&
	t=$(token) &&
	equals "$(call pat PATCH /api/v1/recommendations/FBCIAAP/FH1 "{\"response\": \"Agreed.\"}")" 200 &&
	equals "$(form pat /import/confirm upload=$t)" 409 &&
	contains page.html "changed the records after you previewed" &&
	contains page.html "Nothing was imported" &&
	equals "$(call pat GET /api/v1/recommendations/FBCIAAP/FH5)" 404
'

test_expect_success 'a file over the limit is refused with a page saying how large one may be' '
	head -c 70000 /dev/zero | tr "\0" x >big.txt &&
	st=$(upload pat big.txt) &&
	equals "$st" 413 &&
	contains page.html "The file is too big" &&
	contains page.html "Waymark takes files of up to"
'

test_expect_success 'no file: the form again, with the error in its summary' '
	st=$(curl -s -o page.html -w "%{http_code}" -b pat.jar -F "csrf_token=$(cat pat.csrf)" -F "as=" "$URL/import") &&
	equals "$st" 400 &&
	contains page.html "govuk-error-summary" &&
	contains page.html "Choose a file to upload"
'

test_expect_success 'a lead may not import; a form without its token is refused' '
	equals "$(page lee /import)" 403 &&
	equals "$(upload lee plan.txt)" 403 &&
	st=$(curl -s -o page.html -w "%{http_code}" -b pat.jar -F "file=@plan.txt" "$URL/import") &&
	equals "$st" 403 &&
	contains page.html "The form has expired"
'

test_expect_success 'someone not signed in is sent to sign in' '
	st=$(curl -s -o /dev/null -w "%{http_code}" "$URL/import") &&
	equals "$st" 303
'

test_done
