-- 019: a lead's word that a recommendation is met in full waits for a planner.
--
-- A progress update by a lead officer whose grade closes the
-- recommendation ("completely") leaves it open and awaiting sign-off; a
-- planner's sign-off (awaiting_signoff set back to 0) closes it. The
-- progress paper says which await sign-off.

ALTER TABLE recommendation ADD COLUMN awaiting_signoff INTEGER NOT NULL DEFAULT 0
	CHECK (awaiting_signoff IN (0, 1));
