-- 010: each audit entry carries the digests of the records it left behind.
--
-- `state` is a JSON object, record name ("units:5", "series:12") to the
-- digest of what that record holds after the change, or null for one
-- removed (model/digest.h). The entry's hash covers it, so `waymark
-- verify` can replay the log and compare every record with its last
-- entry. Entries before this schema have none; `waymark init` writes a
-- checkpoint entry holding every record's digest when it upgrades.

ALTER TABLE audit ADD COLUMN state TEXT;
