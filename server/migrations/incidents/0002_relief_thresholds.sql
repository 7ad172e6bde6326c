-- A county's own thresholds for the suggested disaster-relief response level (自然灾害救助应急
-- 响应), replacing the national defaults (domain/src/incidents/reliefThresholds.national.json)
-- for incidents in that county. `rules` has the shape of ReliefResponseRules.
CREATE TABLE incidents.relief_thresholds (
  county_code text PRIMARY KEY CHECK (county_code ~ '^[0-9]{6}000000$'),
  rules jsonb NOT NULL,
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
