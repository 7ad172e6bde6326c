-- The resources module (应急资源): depots (储备库) and the supplies catalogue (物资目录), stock
-- as an append-only ledger of movements (出入库台账), reserves (协议储备 / 产能储备), rescue
-- teams (救援队伍) with members and certificates. Runs on PostgreSQL 15 + PostGIS 3.3 and on
-- PGlite (PostgreSQL 18 + PostGIS 3.6).
CREATE SCHEMA IF NOT EXISTS resources;

CREATE TABLE resources.depots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 市级 / 乡镇级 / 村级
  level text NOT NULL CHECK (level IN ('city', 'township', 'village')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  division_code char(12) NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  location geometry(Point, 4326),
  address text,
  manager text,
  phone text,
  capacity_note text,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX depots_division_idx ON resources.depots (division_code bpchar_pattern_ops);
CREATE INDEX depots_location_gist ON resources.depots USING gist (location);

CREATE TABLE resources.supplies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- 生活类 living / 抢险类 rescue
  category text NOT NULL CHECK (category IN ('living', 'rescue')),
  unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 10),
  spec text,
  -- Months a batch keeps; NULL = does not expire.
  shelf_life_months integer CHECK (shelf_life_months > 0),
  -- The authority that defines the entry (the county for the shared catalogue).
  division_code char(12) NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per depot × supply that has ever moved: the minimum stock, and the row a movement
-- locks (FOR UPDATE) so that two concurrent outs cannot both pass the on-hand check.
CREATE TABLE resources.stock_items (
  depot_id uuid NOT NULL REFERENCES resources.depots (id) ON DELETE RESTRICT,
  supply_id uuid NOT NULL REFERENCES resources.supplies (id) ON DELETE RESTRICT,
  min_quantity integer NOT NULL DEFAULT 0 CHECK (min_quantity >= 0),
  PRIMARY KEY (depot_id, supply_id)
);

-- The ledger. Append-only: a correction is a new movement (the trigger below refuses changes).
-- A transfer (调拨) is a transfer_out row and a transfer_in row sharing transfer_id and document_no;
-- stock that expires moves by batch (batch_expiry), so an out may write one row per batch drawn.
CREATE TABLE resources.movements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('in', 'out', 'transfer_out', 'transfer_in', 'loss')),
  depot_id uuid NOT NULL,
  supply_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  batch_expiry date,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  document_no text NOT NULL CHECK (length(document_no) BETWEEN 1 AND 64),
  transfer_id uuid,
  -- The depot's division at the time of the movement (scoping without a join).
  division_code char(12) NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  actor_kind text NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  synthetic boolean NOT NULL DEFAULT false,
  FOREIGN KEY (depot_id, supply_id) REFERENCES resources.stock_items (depot_id, supply_id) ON DELETE RESTRICT,
  CHECK ((kind IN ('transfer_out', 'transfer_in')) = (transfer_id IS NOT NULL))
);
CREATE INDEX movements_stock_idx ON resources.movements (depot_id, supply_id, batch_expiry);
CREATE INDEX movements_division_idx ON resources.movements (division_code bpchar_pattern_ops, occurred_at DESC);
CREATE INDEX movements_document_idx ON resources.movements (document_no);

CREATE FUNCTION resources.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'resources.movements is append-only: record a correcting movement instead';
END $$;
CREATE TRIGGER movements_append_only BEFORE UPDATE OR DELETE ON resources.movements
  FOR EACH ROW EXECUTE FUNCTION resources.refuse_ledger_change();

-- Quantity on hand per depot × supply × batch, derived from the ledger (never stored).
CREATE VIEW resources.stock_batches AS
  SELECT m.depot_id, m.supply_id, m.batch_expiry,
         sum(CASE WHEN m.kind IN ('in', 'transfer_in') THEN m.quantity ELSE -m.quantity END)::integer AS quantity
  FROM resources.movements m
  GROUP BY m.depot_id, m.supply_id, m.batch_expiry;

CREATE VIEW resources.stock_on_hand AS
  SELECT s.depot_id, s.supply_id, s.min_quantity,
         coalesce((SELECT sum(b.quantity) FROM resources.stock_batches b
                   WHERE b.depot_id = s.depot_id AND b.supply_id = s.supply_id), 0)::integer AS quantity
  FROM resources.stock_items s;

-- Reserves (储备): agreement reserves (协议储备: a supplier holds goods on call) and production-
-- capacity reserves (产能储备: an enterprise can produce so much a day).
CREATE TABLE resources.reserves (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('agreement', 'capacity')),
  supplier_name text NOT NULL CHECK (length(supplier_name) BETWEEN 1 AND 100),
  -- The registry's enterprise, when the supplier is registered there (not a foreign key: another module).
  enterprise_id uuid,
  division_code char(12) NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  contact_name text,
  contact_phone text,
  response_hours numeric(6, 1) NOT NULL CHECK (response_hours > 0),
  contract_start date,
  contract_end date,
  note text,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start)
);
CREATE INDEX reserves_division_idx ON resources.reserves (division_code bpchar_pattern_ops);

CREATE TABLE resources.reserve_items (
  reserve_id uuid NOT NULL REFERENCES resources.reserves (id) ON DELETE CASCADE,
  position integer NOT NULL,
  supply_id uuid REFERENCES resources.supplies (id) ON DELETE SET NULL,
  item_name text NOT NULL,
  unit text NOT NULL,
  -- Agreement: quantity on call (协议储备量); capacity: units produced per day (日产能).
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (reserve_id, position)
);
CREATE INDEX reserve_items_supply_idx ON resources.reserve_items (supply_id);

-- Rescue teams (救援队伍): professional and social forces.
CREATE TABLE resources.teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- 综合 / 森林消防 / 防汛抢险 / 矿山 / 危化 / 医疗 / 社会应急力量
  type text NOT NULL CHECK (type IN ('comprehensive', 'forest_fire', 'flood', 'mine', 'hazmat', 'medical', 'social')),
  level text NOT NULL CHECK (level IN ('city', 'township', 'village', 'enterprise')),
  division_code char(12) NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  enterprise_id uuid,
  location geometry(Point, 4326),
  base_address text,
  leader_name text,
  leader_phone text,
  headcount integer NOT NULL DEFAULT 0 CHECK (headcount >= 0),
  -- 待命 ready / 出动 deployed / 休整 resting / 不可用 unavailable
  status text NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'deployed', 'resting', 'unavailable')),
  -- Hazard keys the team can handle (flood, landslide, hazmat …).
  capabilities text[] NOT NULL DEFAULT '{}',
  -- [{name, quantity}]
  equipment jsonb NOT NULL DEFAULT '[]'::jsonb,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX teams_division_idx ON resources.teams (division_code bpchar_pattern_ops);
CREATE INDEX teams_location_gist ON resources.teams USING gist (location);
CREATE INDEX teams_capabilities_gin ON resources.teams USING gin (capabilities);

CREATE TABLE resources.team_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES resources.teams (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  phone text,
  role text,
  skills text[] NOT NULL DEFAULT '{}',
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX team_members_team_idx ON resources.team_members (team_id);

CREATE TABLE resources.member_certificates (
  member_id uuid NOT NULL REFERENCES resources.team_members (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  number text,
  expires_on date,
  PRIMARY KEY (member_id, position)
);
CREATE INDEX member_certificates_expiry_idx ON resources.member_certificates (expires_on);
