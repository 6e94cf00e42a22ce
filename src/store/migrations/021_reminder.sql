-- 021: every reminder `waymark remind` sends, or fails to send, is kept.
--
-- One row for each item a message listed and each address it went to: the
-- item (by kind and key, as comments name theirs), who it went to and
-- whose list it was on, why it was listed and which reminder of the rules
-- it was (phase: "before", "today", "overdue:N", "stale:N"), and whether
-- the server took it. A phase already sent to an address is not sent
-- again, which is why a second run on one day sends nothing; a failed one
-- is not counted, so the next run tries again.

CREATE TABLE reminder (
	id @ID@,
	kind TEXT NOT NULL,
	ref TEXT NOT NULL,
	seq INTEGER NOT NULL,
	on_day TEXT NOT NULL,
	sent_to TEXT NOT NULL,
	person TEXT NOT NULL,
	escalation INTEGER NOT NULL DEFAULT 0 CHECK (escalation IN (0, 1)),
	why TEXT NOT NULL,
	phase TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
	error TEXT,
	subject TEXT NOT NULL,
	message TEXT NOT NULL,
	at TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	UNIQUE (kind, ref, seq)
);
CREATE INDEX reminder_sent ON reminder(sent_to, status);
