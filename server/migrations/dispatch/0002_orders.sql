-- Dispatch orders (调拨单) from a supplies allocation, their lines, and saved evacuation plans
-- (转移安置方案). A draft order is the solver's answer; confirming it writes the stock movements
-- in the resources ledger (depot lines) and records calls on agreement reserves (reserve lines,
-- no ledger movement: the goods are the supplier's until delivered). Runs on PostgreSQL 15 and 18.
CREATE SCHEMA IF NOT EXISTS dispatch;

CREATE TABLE dispatch.orders (
  id uuid PRIMARY KEY,
  -- DD-YYYYMMDD-XXXXXX, also the ledger's document_no of the movements it writes
  order_no text NOT NULL UNIQUE CHECK (length(order_no) BETWEEN 1 AND 64),
  status text NOT NULL CHECK (status IN ('draft', 'confirmed', 'cancelled')),
  -- The jurisdiction the order was planned in (the author's)
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  -- The request as given (demands and source filters) and the demand points resolved
  request jsonb NOT NULL,
  demands jsonb NOT NULL,
  -- [{demandIndex, supplyId, quantity}] left unmet by the plan
  unmet jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Σ seconds × quantity of the lines
  objective_seconds double precision NOT NULL CHECK (objective_seconds >= 0),
  solve_ms double precision NOT NULL CHECK (solve_ms >= 0),
  created_by uuid,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_by uuid,
  confirmed_by_name text,
  confirmed_at timestamptz,
  CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
);
CREATE INDEX orders_division_idx ON dispatch.orders (division_code text_pattern_ops, created_at DESC);

CREATE TABLE dispatch.order_lines (
  order_id uuid NOT NULL REFERENCES dispatch.orders (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  source_kind text NOT NULL CHECK (source_kind IN ('depot', 'reserve')),
  -- resources.depots / resources.reserves ids (another module: not foreign keys)
  source_id uuid NOT NULL,
  source_name text NOT NULL,
  source_division_code text NOT NULL CHECK (source_division_code ~ '^[0-9]{12}$'),
  source_location geometry(Point, 4326),
  demand_index integer NOT NULL CHECK (demand_index >= 0),
  demand_label text NOT NULL,
  demand_location geometry(Point, 4326) NOT NULL,
  supply_id uuid NOT NULL,
  supply_name text NOT NULL,
  unit text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  travel_seconds double precision NOT NULL CHECK (travel_seconds >= 0),
  PRIMARY KEY (order_id, position)
);
CREATE INDEX order_lines_source_idx ON dispatch.order_lines (source_id);

CREATE TABLE dispatch.evacuation_plans (
  id uuid PRIMARY KEY,
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  -- The area as given: {divisionCodes} | {polygon} | {warningId}, and maxMinutes
  request jsonb NOT NULL,
  -- The plan as answered: villages, shelters, assignments with routes, people without a place
  result jsonb NOT NULL,
  people integer NOT NULL CHECK (people >= 0),
  unassigned integer NOT NULL CHECK (unassigned >= 0),
  person_seconds double precision NOT NULL CHECK (person_seconds >= 0),
  solve_ms double precision NOT NULL CHECK (solve_ms >= 0),
  created_by uuid,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evacuation_plans_division_idx ON dispatch.evacuation_plans (division_code text_pattern_ops, created_at DESC);
