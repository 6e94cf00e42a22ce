-- The reference load: the figures CSV into a plain table with the sqlite3
-- shell's .import, then the indexes the reference queries need, covering
-- them so that no query goes back to the table. bench/run times this whole
-- script (process start included) for the load rate.
CREATE TABLE m (pi TEXT, unit TEXT, period TEXT, value REAL, numerator REAL,
    denominator REAL, flag TEXT);
.import --csv --skip 1 figures.csv m
CREATE INDEX m_period ON m (period, pi, unit, value, flag);
CREATE INDEX m_series ON m (pi, unit, period, value, numerator, denominator, flag);
