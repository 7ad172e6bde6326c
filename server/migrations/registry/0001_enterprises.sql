-- The registry module, part 1: enterprises (企业) and their production and storage units
-- (生产单元/储存单元) holding hazardous chemicals, graded by GB 18218-2018 (危险化学品重大危险源).
-- Grades are computed by the server (domain/src/hazmat) in the same transaction as every
-- change, never typed by hand. Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite.
CREATE SCHEMA IF NOT EXISTS registry;

CREATE TABLE registry.enterprises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 统一社会信用代码 (GB 32100-2015), validated with its check character by the server.
  uscc text NOT NULL UNIQUE CHECK (uscc ~ '^[0-9A-HJ-NPQRTUW-Y]{18}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- 国民经济行业分类 GB/T 4754: a section letter, optionally followed by 2–4 digits (C2614).
  industry_code text CHECK (industry_code ~ '^[A-T]([0-9]{2,4})?$'),
  -- 监管类别: hazardous chemicals (生产/经营/使用), fireworks, non-coal mine, tailings pond, metallurgy and trade, other.
  supervision_category text NOT NULL DEFAULT 'other' CHECK (supervision_category IN
    ('hazchem_production', 'hazchem_trading', 'hazchem_use', 'fireworks', 'non_coal_mine', 'tailings_pond', 'metallurgy_trade', 'other')),
  address text CHECK (length(address) <= 300),
  location geometry(Point, 4326),
  division_code char(12) NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  -- [{name, role, phone}]
  contacts jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(contacts) = 'array'),
  employees integer CHECK (employees >= 0),
  -- 安全生产标准化等级: 一级 / 二级 / 三级 / 未达标
  standardization_level text CHECK (standardization_level IN ('level1', 'level2', 'level3', 'none')),
  -- 运营 / 停产 / 关闭
  status text NOT NULL DEFAULT 'operating' CHECK (status IN ('operating', 'suspended', 'closed')),
  -- The most severe level among its units (1 = 一级); NULL when none is a major hazard. Derived.
  major_hazard_level smallint CHECK (major_hazard_level BETWEEN 1 AND 4),
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Jurisdiction scans: division_code LIKE '360281100%'.
CREATE INDEX enterprises_division_prefix_idx ON registry.enterprises (division_code bpchar_pattern_ops);
CREATE INDEX enterprises_location_gist ON registry.enterprises USING gist (location);
CREATE INDEX enterprises_name_trgm ON registry.enterprises USING gin (name gin_trgm_ops);
CREATE INDEX enterprises_category_idx ON registry.enterprises (supervision_category);
CREATE INDEX enterprises_major_hazard_idx ON registry.enterprises (major_hazard_level) WHERE major_hazard_level IS NOT NULL;

-- 生产单元 / 储存单元 with the hazardous chemicals in it and its computed GB 18218 grade.
CREATE TABLE registry.hazard_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES registry.enterprises (id) ON DELETE CASCADE,
  -- The enterprise's division, kept with the row (jurisdiction key; distribution key at province scale).
  division_code char(12) NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('production', 'storage')),
  -- 厂区外可能暴露人员数 (GB 18218-2018 Table 5)
  exposed_people integer NOT NULL CHECK (exposed_people >= 0),
  -- [{cas?, name?, row?, category?, mixture?, quantityT}] as entered
  substances jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(substances) = 'array'),
  -- Computed (clause 4.2 / 4.3): S = Σq/Q, S ≥ 1, α, R, level 1–4 (NULL unless major).
  sum_ratio double precision NOT NULL,
  is_major boolean NOT NULL,
  alpha double precision NOT NULL,
  r_value double precision NOT NULL,
  level smallint CHECK (level BETWEEN 1 AND 4),
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enterprise_id, name),
  CHECK (is_major = (level IS NOT NULL))
);
