-- A row version per incident (edits based on an older version are refused) and an index for type-within-window queries.
ALTER TABLE incidents ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX IF NOT EXISTS incidents_type_day ON incidents (event_type, day);
