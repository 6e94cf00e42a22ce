-- The reference trend: one indicator's figures over every month for every
-- leaf unit, and the months rolled up to the whole (a ratio's counts summed).
SELECT period, unit, value FROM m WHERE pi = :pi ORDER BY period, unit;
SELECT period, sum(numerator) * 1000.0 / sum(denominator), sum(value), avg(value)
  FROM m WHERE pi = :pi AND value <> '' GROUP BY period ORDER BY period;
