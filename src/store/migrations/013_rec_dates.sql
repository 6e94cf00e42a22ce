-- 013: two dates a recommendation was missing.
--
-- timescale_date: the date of the document its timescale was read from. A
-- later progress summary that revises the timescale is read against its
-- own date ("within 3 months" of 30 September 2002), and the revision of
-- the due date it makes is dated with it, not with the day it was typed
-- in. completed_on: when it was completed, where the document says
-- ("Completed March 2002"), or a timescale of "Complete" closes it.

ALTER TABLE recommendation ADD COLUMN timescale_date TEXT;
ALTER TABLE recommendation ADD COLUMN completed_on TEXT;
