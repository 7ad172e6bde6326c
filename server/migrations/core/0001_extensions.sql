-- Extensions every module may use. PGlite ships PostGIS 3.6 and pg_trgm; the Debian server
-- (PostgreSQL 15) needs postgresql-15-postgis-3 installed.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
