-- The first PostGIS schema: one row per incident, a point geometry generated from lat/lon, day and GiST indexes.
-- Distribution column for Citus: id (the primary key); meta and schema_version are small reference tables.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY);
CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO meta (key, value) VALUES ('data_version', 0) ON CONFLICT (key) DO NOTHING;
CREATE TABLE IF NOT EXISTS incidents (
    event_type text NOT NULL, lat double precision NOT NULL, lon double precision NOT NULL, started_at text NOT NULL,
    id text PRIMARY KEY, place text, admin1 text, country text, geo_precision text, ended_at text, time_precision text,
    killed integer, injured integer, drones_downed integer, airport_iata text, airport_icao text, status text,
    verification text, sources jsonb, notes text, created_at text, updated_at text, origin jsonb, evidence jsonb,
    distance_claim jsonb, zero_zero_intended boolean NOT NULL DEFAULT false,
    day date NOT NULL,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED
);
CREATE INDEX IF NOT EXISTS incidents_day ON incidents (day);
CREATE INDEX IF NOT EXISTS incidents_geom ON incidents USING gist (geom);
