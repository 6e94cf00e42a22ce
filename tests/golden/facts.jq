# facts.jq: the facts of an imported document, from `waymark export`, one
# record a line, for golden files (tests/golden/README.md). Sentences are
# not kept: each text field becomes a short hash of its words, so a golden
# file of a seed holds no sentence of it, yet any change to a text shows.

# A 9-digit hash of a string (djb2 over its code points, mod a prime).
def h: if . == null then null
	else "#" + (reduce explode[] as $c (5381; (. * 33 + $c) % 999999937) | tostring) end;
# A timescale: what it means, and its words (hashed when they are a sentence).
def ts: if . == null then null
	else (if (.text | length) > 40 then .text |= h else . end)
		| [.text, .earliest, .latest]
		+ [(if .ongoing then "ongoing" else empty end), (if .complete then "complete" else empty end),
		   (if .uncertain then "uncertain" else empty end),
		   (if .conditional then "conditional" else empty end)]
	end;
def line($kind; f): .[$kind][]? | [$kind] + f | map(tostring) | join(" | ");

line("posts"; [.ref]),
line("aliases"; [.kind, .name, .target]),
line("sources"; [.ref, .kind, (.title | h), .issued]),
line("plans"; [.ref, .kind, (.title | h), .period_start, .period_end, .doc_date]),
line("nodes"; [.plan, .ref, .kind, .parent, .seq, (.title | h), (.description | h),
	(.measure | h), (.leads | join("; ")), (.timescale | ts), .status, (.status_text | h),
	(.extra | h)]),
line("recommendations"; [.source, .ref, .seq, (.subject | h), (.text | h), .statutory,
	.priority, .priority_label, (.response | h), (.leads | join("; ")), (.timescale | ts),
	.due, .degree_met, .percent_complete, .status, (.status_text | h), (.extra | h)]),
line("progress"; [.recommendation, .seq, .date, (.text | h), .degree_met, .percent_complete]),
line("timetables"; [.ref, (.title | h), .plan, .doc_date]),
line("milestones"; [.timetable, .ref, .seq, (.title | h), .responsible, .status,
	(.timescale | ts), .parent, (.status_text | h), (.extra | h)])
