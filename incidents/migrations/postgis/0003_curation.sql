-- Curation: a review state per incident (rows stored before it count as reviewed), the per-field history of every
-- write, import batches, and tombstones (deleted or merged-away incidents, kept whole for the record).
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS review text NOT NULL DEFAULT 'reviewed';
CREATE INDEX IF NOT EXISTS incidents_review_day ON incidents (review, day);
CREATE TABLE IF NOT EXISTS history (
    seq bigserial PRIMARY KEY, incident_id text NOT NULL, field text NOT NULL, old text, new text,
    actor text NOT NULL, at text NOT NULL, reason text NOT NULL DEFAULT '', batch text
);
CREATE INDEX IF NOT EXISTS history_incident ON history (incident_id, seq);
CREATE INDEX IF NOT EXISTS history_batch ON history (batch, seq);
CREATE INDEX IF NOT EXISTS history_at ON history (at);
CREATE TABLE IF NOT EXISTS batches (
    id text PRIMARY KEY, kind text NOT NULL, source text NOT NULL DEFAULT '', sha256 text NOT NULL DEFAULT '',
    actor text NOT NULL, at text NOT NULL, inserted integer NOT NULL DEFAULT 0, updated integer NOT NULL DEFAULT 0,
    unchanged integer NOT NULL DEFAULT 0, undone_by text
);
CREATE TABLE IF NOT EXISTS tombstones (
    id text PRIMARY KEY, at text NOT NULL, actor text NOT NULL, reason text NOT NULL, merged_into text, record text NOT NULL
);
