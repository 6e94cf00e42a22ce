-- 014: who added an update, and when.
--
-- A lead officer adds progress updates, date revisions and project
-- reports on what their posts lead, and may change or withdraw their own
-- for a while after (model/authz.c; the setting updates.edit_hours). For
-- that the record must say whose it is: entered_by is the actor as the
-- audit log names them ("web:lena"), entered_at the instant, both set by
-- Waymark when the record is added. Records from before this schema have
-- neither, so they are no lead's to change.

ALTER TABLE progress ADD COLUMN entered_by TEXT;
ALTER TABLE progress ADD COLUMN entered_at TEXT;
ALTER TABLE due_change ADD COLUMN entered_by TEXT;
ALTER TABLE due_change ADD COLUMN entered_at TEXT;
ALTER TABLE project_report ADD COLUMN entered_by TEXT;
ALTER TABLE project_report ADD COLUMN entered_at TEXT;
