#!/bin/sh
# A whole database as one JSON file: export, import into an empty
# database, export again gives the same file, but for the checkpoint the
# restore adds to the log (the copy's figures are laid out afresh, and the
# log's digests name stored rows: docs/RELIABILITY.md).
. "$(dirname "$0")/lib.sh"

wm init >/dev/null
wm sample >/dev/null
copy=$(new_db copy)

test_expect_success 'export writes the documented format' '
	wm export --json one.json 2>/dev/null &&
	equals "$(jq -r .format one.json)" waymark-export &&
	equals "$(jq ".units | length > 0" one.json)" true &&
	equals "$(jq ".audit | length > 0" one.json)" true
'

test_expect_success 'export, import into an empty database, export again: identical' '
	wm --db "$copy" init >/dev/null &&
	wm --db "$copy" import one.json >out &&
	contains out "imported one.json" &&
	wm --db "$copy" export --json two.json 2>/dev/null &&
	equals "$(jq -r ".audit[-1].action" two.json)" checkpoint &&
	equals "$(jq -r ".audit[-1].ref" two.json)" "restored from an export" &&
	jq ".audit |= .[:-1]" two.json >two-less.json &&
	jq . one.json >one-jq.json &&
	cmp one-jq.json two-less.json
'

test_expect_success 'the copy restored again is the same file, with no second checkpoint' '
	three=$(new_db three) &&
	wm --db "$three" init >/dev/null &&
	wm --db "$three" import two.json >/dev/null &&
	wm --db "$three" export --json three.json 2>/dev/null &&
	cmp two.json three.json
'

test_expect_success 'the copy has the audit log, and it verifies' '
	wm --db "$copy" verify >out && contains out "intact" &&
	contains out "records match the audit log"
'

test_expect_success 'an export does not restore over a database with a history' '
	expect_exit 1 wm --db "$copy" import one.json 2>err &&
	contains err "only into a new database"
'

test_expect_success 'a JSON syntax error names the line' '
	printf "{\n  \"format\": \"waymark-data\",\n  \"units\": [,]\n}\n" >bad.json &&
	expect_exit 1 wm import bad.json 2>err &&
	contains err "bad.json:3:"
'

test_expect_success 'an import is all or nothing' '
	before=$(wm list units --json | jq length) &&
	cat >partly.json <<-JSON &&
	{"format": "waymark-data", "version": 1, "units": [
	  {"ref": "NewOne", "name": "A new unit"},
	  {"ref": "Broken", "name": "Bad parent", "parent": "Nowhere"}]}
	JSON
	expect_exit 1 wm import partly.json 2>err &&
	contains err "Nowhere" &&
	equals "$(wm list units --json | jq length)" "$before"
'

test_expect_success 'import --dry-run reports and writes nothing' '
	cat >one.json <<-JSON &&
	{"format": "waymark-data", "version": 1, "units": [{"ref": "DryRun", "name": "Dry"}]}
	JSON
	wm import --dry-run one.json >out &&
	contains out "would import" &&
	expect_exit 1 wm show unit DryRun 2>/dev/null
'

test_expect_success 'export - writes to standard output' '
	wm export - 2>/dev/null | jq -e ".format == \"waymark-export\"" >/dev/null
'

test_done
