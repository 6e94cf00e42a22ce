# compare.jq: what Waymark read from a corpus document against what a
# careful reader found (../shared/corpus/NAME.expected.json, README there).
#
#   jq -n --slurpfile exp NAME.expected.json --slurpfile got preview.json \
#       --arg doc NAME --arg format txt --argjson status 0 -f compare.jq
#
# Prints {"doc", "format", "fields", "equal", "records", "matched",
# "counts_ok", "differences": [{"doc", "format", "record", "field",
# "expected", "read"}]}. Records are matched in document order, by kind
# and title (a prefix either way: the expected title is the first 60
# characters); then ref, parent, lead, timescale, due, priority and status
# are compared, words folded to lower case, spaces collapsed and trailing
# punctuation trimmed. Counts by kind must be exact; a negative must give
# no records and exit with status 1.

def norm: if . == null then null
	else tostring | gsub("\\s+"; " ") | sub("^ "; "") | sub("[ .,;:]+$"; "") | ascii_downcase end;
def title_match($e; $g):
	($e | norm) as $a | ($g | norm) as $b |
	$a == null or ($b != null and ($b | startswith($a)) or ($a | startswith($b // "\u0000")));

$exp[0] as $E | $got[0] as $G |
($G.records // []) as $R |
["ref", "parent", "lead", "timescale", "due", "priority", "status"] as $fields |
# match each expected record to the first of ours after the last matched, of its kind and title
(reduce range(0; $E.records | length) as $i ({j: 0, m: []};
	$E.records[$i] as $e |
	(first(range(.j; $R | length) as $k
		| select($R[$k].kind == $e.kind and
		    (if $e.title != null then title_match($e.title; $R[$k].title)
		     elif $e.ref != null then ($e.ref | norm) == ($R[$k].ref | norm)
		     else true end))
		| $k) // null) as $k |
	if $k == null then .m += [null] else .m += [$k] | .j = $k + 1 end)) as $match |
[range(0; $E.records | length) as $i |
	$E.records[$i] as $e | $match.m[$i] as $k |
	if $k == null then {record: ($i + 1), field: "record", expected: ($e.title // $e.ref), read: null}
	else ($fields[] as $f |
		select(($e[$f] | norm) != ($R[$k][$f] | norm)) |
		{record: ($i + 1), field: $f, expected: $e[$f], read: $R[$k][$f]})
	end] as $field_diffs |
# counts by kind, and records of ours no expected one matched
([($E.counts // {}) | keys[]] + [$R[].kind + "s" | sub("ys$"; "ies")] | unique) as $kinds |
[$kinds[] as $k |
	(($E.counts // {})[$k] // 0) as $want |
	([$R[] | select((.kind + "s" | sub("ys$"; "ies")) == $k)] | length) as $have |
	select($want != $have) | {record: null, field: ("count of " + $k), expected: $want, read: $have}]
	as $count_diffs |
(if $E.kind == "negative" and $status != 1 then
	[{record: null, field: "exit status", expected: 1, read: $status}] else [] end) as $neg |
{doc: $doc, format: $format,
 records: ($E.records | length), matched: ([$match.m[] | select(. != null)] | length),
 fields: (($E.records | length) * ($fields | length)),
 equal: (($E.records | length) * ($fields | length) -
	([$field_diffs[] | select(.field != "record")] | length) -
	([$field_diffs[] | select(.field == "record")] | length) * ($fields | length)),
 counts_ok: (($count_diffs | length) == 0),
 differences: [($field_diffs + $count_diffs + $neg)[] | {doc: $doc, format: $format} + .]}
