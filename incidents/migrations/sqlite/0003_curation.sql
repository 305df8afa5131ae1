-- Curation: a review state per incident (rows stored before it count as reviewed), the per-field history of every
-- write, import batches, and tombstones (deleted or merged-away incidents, kept whole for the record).
ALTER TABLE incidents ADD COLUMN review TEXT NOT NULL DEFAULT 'reviewed';
CREATE INDEX IF NOT EXISTS incidents_review_day ON incidents (review, day);
CREATE TABLE IF NOT EXISTS history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT,
    actor TEXT NOT NULL, at TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', batch TEXT
);
CREATE INDEX IF NOT EXISTS history_incident ON history (incident_id, seq);
CREATE INDEX IF NOT EXISTS history_batch ON history (batch, seq);
CREATE INDEX IF NOT EXISTS history_at ON history (at);
CREATE TABLE IF NOT EXISTS batches (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL, at TEXT NOT NULL, inserted INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0, undone_by TEXT
);
CREATE TABLE IF NOT EXISTS tombstones (
    id TEXT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, merged_into TEXT, record TEXT NOT NULL
);
