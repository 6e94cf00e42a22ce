-- 012: a rate or ratio target may carry its counts.
--
-- A borough's target of 27.5 burglaries per 1,000 households is 27.5 only
-- with its households; with the numerator and denominator the consistency
-- check adds the boroughs' counts and compares the ratio with the
-- parent's target, as the figures themselves roll up, instead of
-- averaging rates.

ALTER TABLE target ADD COLUMN numerator @REAL@;
ALTER TABLE target ADD COLUMN denominator @REAL@;
