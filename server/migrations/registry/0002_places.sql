-- Registry places: risk points (风险点), geological hazard points (地质灾害隐患点),
-- shelters (避灾安置场所) and experts (专家库). Every row is scoped by a 12-digit division code.
CREATE SCHEMA IF NOT EXISTS registry;

-- 风险点: scored by LEC (D = L × E × C) or LS (R = L × S); score, level and colour are computed
-- by the service from the configured bands and stored so lists and maps can filter on them.
CREATE TABLE registry.risk_points (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('enterprise', 'public_place')),
  -- registry.enterprises is another part of the module: referenced by id only.
  enterprise_id uuid,
  place_type text NOT NULL DEFAULT '',
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  location geometry(Point, 4326),
  method text NOT NULL CHECK (method IN ('LEC', 'LS')),
  likelihood double precision NOT NULL,
  exposure double precision,
  consequence double precision,
  severity double precision,
  score double precision NOT NULL,
  level text NOT NULL CHECK (level IN ('major', 'large', 'general', 'low')),
  colour text NOT NULL CHECK (colour IN ('red', 'orange', 'yellow', 'blue')),
  band_label text,
  hazards text NOT NULL DEFAULT '',
  consequences text NOT NULL DEFAULT '',
  control_measures jsonb NOT NULL DEFAULT '[]'::jsonb,
  emergency_measures text NOT NULL DEFAULT '',
  responsible_person text NOT NULL DEFAULT '',
  responsible_phone text NOT NULL DEFAULT '',
  review_date date,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_points_division_idx ON registry.risk_points (division_code text_pattern_ops);
CREATE INDEX risk_points_enterprise_idx ON registry.risk_points (enterprise_id);
CREATE INDEX risk_points_location_idx ON registry.risk_points USING gist (location);

-- 地质灾害隐患点
CREATE TABLE registry.hazard_points (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('landslide', 'collapse', 'debris_flow', 'subsidence')),
  scale text NOT NULL CHECK (scale IN ('small', 'medium', 'large', 'huge')),
  stability text NOT NULL CHECK (stability IN ('stable', 'fairly_stable', 'unstable')),
  threatened_households integer NOT NULL CHECK (threatened_households >= 0),
  threatened_people integer NOT NULL CHECK (threatened_people >= 0),
  threatened_property numeric(12, 2) NOT NULL CHECK (threatened_property >= 0),
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  monitor_name text NOT NULL,
  monitor_phone text NOT NULL,
  location geometry(Point, 4326) NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'mitigated', 'cancelled')),
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hazard_points_division_idx ON registry.hazard_points (division_code text_pattern_ops);
CREATE INDEX hazard_points_location_idx ON registry.hazard_points USING gist (location);

-- 避灾安置场所
CREATE TABLE registry.shelters (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('indoor', 'outdoor', 'mixed')),
  level text NOT NULL CHECK (level IN ('city', 'township', 'village')),
  capacity integer NOT NULL CHECK (capacity > 0),
  area_m2 numeric(12, 2) NOT NULL CHECK (area_m2 > 0),
  facilities text[] NOT NULL DEFAULT '{}',
  address text NOT NULL DEFAULT '',
  manager_name text NOT NULL,
  manager_phone text NOT NULL,
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  location geometry(Point, 4326) NOT NULL,
  status text NOT NULL CHECK (status IN ('available', 'in_use', 'closed')),
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shelters_division_idx ON registry.shelters (division_code text_pattern_ops);
CREATE INDEX shelters_location_idx ON registry.shelters USING gist (location);

-- 专家库
CREATE TABLE registry.experts (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  field text NOT NULL,
  title text NOT NULL DEFAULT '',
  organisation text NOT NULL DEFAULT '',
  phone text NOT NULL,
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX experts_division_idx ON registry.experts (division_code text_pattern_ops);
CREATE INDEX experts_field_idx ON registry.experts (field);
