-- The indicators' rules and the targets beside the reference figures (from
-- the setup file through jq; not timed: Waymark's setup import is not either).
CREATE TABLE pis (code TEXT PRIMARY KEY, aggregation TEXT, polarity TEXT, tolerance REAL,
    tolerance_kind TEXT, scale REAL);
CREATE TABLE units (ref TEXT PRIMARY KEY, parent TEXT);
CREATE TABLE targets (pi TEXT, unit TEXT, period TEXT, value REAL, PRIMARY KEY (pi, unit, period));
.import --csv pis.csv pis
.import --csv targets.csv targets
.import --csv units.csv units
ANALYZE;
