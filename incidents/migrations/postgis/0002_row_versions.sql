-- A row version per incident (edits based on an older version are refused) and a type index for windowed type
-- queries. Distance queries use the geometry GiST index through a bounding box before the exact geography test.
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS row_version bigint NOT NULL DEFAULT 1;
CREATE INDEX IF NOT EXISTS incidents_type_day ON incidents (event_type, day);
