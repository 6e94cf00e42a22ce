-- The reference exception query: every indicator at every leaf unit for the
-- latest month (no roll-up), its year to date against the year's target
-- (pro rata for a sum), and only what is red, worse three months running,
-- missing or estimated.
WITH
p0 AS (SELECT max(period) AS p FROM m),
p1 AS (SELECT max(period) AS p FROM m, p0 WHERE period < p0.p),
p2 AS (SELECT max(period) AS p FROM m, p1 WHERE period < p1.p),
p3 AS (SELECT max(period) AS p FROM m, p2 WHERE period < p2.p),
fy AS (SELECT CASE WHEN substr(p, 6, 2) >= '04' THEN CAST(substr(p, 1, 4) AS INTEGER)
           ELSE CAST(substr(p, 1, 4) AS INTEGER) - 1 END AS y, p FROM p0),
span AS (SELECT printf('%04d-04', y) AS first, p AS last,
           printf('%04d/%02d', y, (y + 1) % 100) AS target_period,
           CAST(substr(p, 6, 2) AS INTEGER) - 3 + CASE WHEN substr(p, 6, 2) >= '04' THEN 0 ELSE 12 END
             AS months FROM fy),
ytd AS (SELECT m.pi, m.unit, sum(m.value) AS total, avg(m.value) AS mean,
           max(m.flag = 'estimate') AS estimated
         FROM m, span WHERE m.period BETWEEN span.first AND span.last AND m.value <> ''
         GROUP BY m.pi, m.unit),
judged AS (
  SELECT t.pi, t.unit, pis.polarity, pis.tolerance, pis.tolerance_kind,
    CASE WHEN pis.aggregation = 'sum' THEN ytd.total ELSE ytd.mean END AS actual,
    CASE WHEN pis.aggregation = 'sum' THEN t.value * span.months / 12.0 ELSE t.value END AS target,
    c0.value AS v0, c1.value AS v1, c2.value AS v2, c3.value AS v3, c0.flag AS flag,
    ytd.estimated
  FROM targets t
  JOIN pis ON pis.code = t.pi
  JOIN span ON t.period = span.target_period
  LEFT JOIN ytd ON ytd.pi = t.pi AND ytd.unit = t.unit
  LEFT JOIN m c0 ON c0.pi = t.pi AND c0.unit = t.unit AND c0.period = (SELECT p FROM p0)
  LEFT JOIN m c1 ON c1.pi = t.pi AND c1.unit = t.unit AND c1.period = (SELECT p FROM p1)
  LEFT JOIN m c2 ON c2.pi = t.pi AND c2.unit = t.unit AND c2.period = (SELECT p FROM p2)
  LEFT JOIN m c3 ON c3.pi = t.pi AND c3.unit = t.unit AND c3.period = (SELECT p FROM p3)
  WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.parent = t.unit)
),
rated AS (
  SELECT *,
    CASE WHEN actual IS NULL THEN 0
         WHEN polarity = 'lower' THEN actual - target
         WHEN polarity = 'higher' THEN target - actual ELSE 0 END AS miss,
    CASE WHEN tolerance_kind = 'percent' THEN abs(target) * tolerance / 100.0 ELSE tolerance END
      AS allowed,
    CASE WHEN v0 = '' OR v1 = '' OR v2 = '' OR v3 = '' OR v3 IS NULL THEN 0
         WHEN polarity = 'lower' THEN v0 > v1 AND v1 > v2 AND v2 > v3
         WHEN polarity = 'higher' THEN v0 < v1 AND v1 < v2 AND v2 < v3 ELSE 0 END AS worsening
  FROM judged)
SELECT pi, unit, actual, target,
  CASE WHEN miss > allowed THEN 'red' WHEN miss > 0 THEN 'amber' ELSE 'green' END AS status,
  worsening, v0 IS NULL OR v0 = '' AS missing, flag = 'estimate' AS estimated
FROM rated
WHERE miss > allowed OR worsening OR v0 IS NULL OR v0 = '' OR flag = 'estimate'
ORDER BY miss / CASE WHEN target = 0 THEN 1 ELSE abs(target) END DESC, pi, unit;
