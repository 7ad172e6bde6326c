-- The dispatch module (调度): the road network routed on, and road closures (封路) that routing
-- honours at once. Runs on PostgreSQL 15 and 18.
CREATE SCHEMA IF NOT EXISTS dispatch;

-- One road line; the in-memory routing graph is built from these rows (joined at shared vertices).
CREATE TABLE dispatch.roads (
  id bigserial PRIMARY KEY,
  geometry geometry(LineString, 4326) NOT NULL,
  -- national 国道, provincial 省道, county 县道, township 乡道, village 村道, other
  class text NOT NULL CHECK (class IN ('national', 'provincial', 'county', 'township', 'village', 'other')),
  name text,
  speed_kmh double precision NOT NULL CHECK (speed_kmh > 0 AND speed_kmh <= 150),
  oneway boolean NOT NULL DEFAULT false,
  -- Where the row came from: 'synthetic', 'osm', 'geojson' (+ file name).
  source text NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roads_geometry_idx ON dispatch.roads USING gist (geometry);

-- A closure closes every road segment meeting its geometry until it is removed.
CREATE TABLE dispatch.closures (
  id uuid PRIMARY KEY,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- Polygon, LineString, or Point with radius_m (a circle).
  geometry geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geometry) IN ('POLYGON', 'LINESTRING', 'POINT')),
  radius_m double precision CHECK (radius_m IS NULL OR (radius_m > 0 AND radius_m <= 50000)),
  incident_id uuid,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_by text,
  removed_at timestamptz,
  CHECK ((GeometryType(geometry) = 'POINT') = (radius_m IS NOT NULL))
);
CREATE INDEX closures_active_idx ON dispatch.closures (created_at) WHERE removed_at IS NULL;
