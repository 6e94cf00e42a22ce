-- 015: how many figures each series holds, kept beside its blocks.
--
-- `waymark report summary` and a count of the measurements walked every
-- figure of every series to count them: 2.5M figures cost it 130 ms, and
-- it grew with the data. A series row now says how many it holds, in all
-- (figures) and in its archive (archive_figures: a writer that rewrites
-- only the recent part adds those it did not read). Counting is then a
-- scan of this index, whatever the size. Like an index, the counts say
-- nothing the blocks do not, so the audit log's digests leave them out.
-- Rows from before this schema have none (NULL) until `waymark init`
-- counts them; until then they are counted from their blocks.

ALTER TABLE pi_series ADD COLUMN figures BIGINT;
ALTER TABLE pi_series ADD COLUMN archive_figures BIGINT;

CREATE INDEX pi_series_figures ON pi_series(pi_id, period_kind, figures, archive_figures);
