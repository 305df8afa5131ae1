-- The first SQLite schema (every store made before numbered migrations is at this version).
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO meta (key, value) VALUES ('data_version', 0);
CREATE TABLE IF NOT EXISTS incidents (
    event_type TEXT, lat REAL NOT NULL, lon REAL NOT NULL, started_at TEXT, id TEXT PRIMARY KEY, place TEXT,
    admin1 TEXT, country TEXT, geo_precision TEXT, ended_at TEXT, time_precision TEXT, killed INTEGER,
    injured INTEGER, drones_downed INTEGER, airport_iata TEXT, airport_icao TEXT, status TEXT, verification TEXT,
    sources TEXT, notes TEXT, created_at TEXT, updated_at TEXT, origin TEXT, evidence TEXT, distance_claim TEXT,
    zero_zero_intended INTEGER,
    day TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_day ON incidents (day);
