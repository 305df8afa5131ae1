-- A row version per incident (edits based on an older version are refused), a type index, and a geography index
-- so distance queries (ST_DWithin on geography) use an index too.
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS row_version bigint NOT NULL DEFAULT 1;
CREATE INDEX IF NOT EXISTS incidents_type_day ON incidents (event_type, day);
CREATE INDEX IF NOT EXISTS incidents_geog ON incidents USING gist ((geom::geography));
