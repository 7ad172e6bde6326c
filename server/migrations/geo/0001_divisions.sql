-- The geo module: administrative divisions (行政区划, GB/T 2260 + NBS 统计用区划代码), their
-- areas (boundaries) and rivers. Geometry in WGS84 (SRID 4326). Runs on PostgreSQL 15 +
-- PostGIS 3.3 and on PGlite (PostgreSQL 18 + PostGIS 3.6).
CREATE SCHEMA IF NOT EXISTS geo;

CREATE TABLE geo.divisions (
  code char(12) PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- Counties and below: provinces and prefectures are not stored (a county's parent_code still names its prefecture).
  level text NOT NULL CHECK (level IN ('county', 'township', 'village')),
  -- 县级市 / 街道 / 镇 / 乡 / 其他(开发区/园区) / 居委会 / 村委会 / 场区生活区 / 虚拟社区 …
  type text NOT NULL,
  -- Derived from the code; not a foreign key: a county's prefecture is usually not loaded.
  parent_code char(12) CHECK (parent_code ~ '^[0-9]{12}$'),
  population integer CHECK (population >= 0),
  -- True when location or population were generated (no open source has them).
  synthetic boolean NOT NULL DEFAULT false,
  location geometry(Point, 4326),
  -- Which edition of the code list the row comes from, e.g. NBS-2023.
  code_edition text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX divisions_parent_idx ON geo.divisions (parent_code);
-- Subtree scans (jurisdiction = a code prefix): code LIKE '360281100%'.
CREATE INDEX divisions_code_prefix_idx ON geo.divisions (code bpchar_pattern_ops);
CREATE INDEX divisions_location_gist ON geo.divisions USING gist (location);
-- Name search: name ILIKE '%镇桥%'.
CREATE INDEX divisions_name_trgm ON geo.divisions USING gin (name gin_trgm_ops);

-- A division's area (county boundary today; township polygons when a source exists).
CREATE TABLE geo.division_areas (
  division_code char(12) PRIMARY KEY REFERENCES geo.divisions (code) ON DELETE CASCADE,
  geometry geometry(MultiPolygon, 4326) NOT NULL,
  source text NOT NULL
);
CREATE INDEX division_areas_gist ON geo.division_areas USING gist (geometry);

CREATE TABLE geo.rivers (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The division whose data set brought the river (scopes reloads, not visibility).
  division_code char(12) NOT NULL REFERENCES geo.divisions (code) ON DELETE CASCADE,
  -- Null for the lines the source leaves unnamed.
  name text,
  name_en text,
  geometry geometry(LineString, 4326) NOT NULL,
  source text NOT NULL
);
CREATE INDEX rivers_division_idx ON geo.rivers (division_code);
CREATE INDEX rivers_gist ON geo.rivers USING gist (geometry);
