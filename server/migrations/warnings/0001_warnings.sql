-- The warnings module (预警发布): warnings (CAP alerts and their drafts) and subscribers.
-- Deliveries (one row per recipient × channel) are in 0002. Runs on PostgreSQL 15 and 18.
CREATE SCHEMA IF NOT EXISTS warnings;

CREATE TABLE warnings.warnings (
  id uuid PRIMARY KEY,
  -- CAP identifier, assigned at creation and kept through approval
  identifier text NOT NULL UNIQUE,
  -- draft → submitted → issued; submitted → rejected (back to the author); issued → superseded
  -- (by an Update) or cancelled (by a Cancel); expired is derived from `expires`.
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'rejected', 'issued', 'superseded', 'cancelled')),
  msg_type text NOT NULL DEFAULT 'Alert' CHECK (msg_type IN ('Alert', 'Update', 'Cancel')),
  -- The issued warning an Update or Cancel refers to
  references_id uuid REFERENCES warnings.warnings (id),
  hazard text NOT NULL,
  level text NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
  headline text NOT NULL,
  headline_en text,
  description text NOT NULL,
  description_en text,
  instruction text,
  instruction_en text,
  onset timestamptz,
  expires timestamptz NOT NULL,
  -- The area as the author gave it: {divisionCodes} | {polygon} | {circle}
  area jsonb NOT NULL,
  area_desc text NOT NULL,
  -- The area resolved to geometry (division polygons, the polygon, or the circle as a polygon)
  area_geom geometry(MultiPolygon, 4326) NOT NULL,
  -- 12-digit codes of the divisions the area names or covers (targets division-only subscribers)
  division_codes text[] NOT NULL DEFAULT '{}',
  -- The jurisdiction that owns the warning (the author's, or the narrowest division containing the area)
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  source_alarm_id uuid,
  created_by uuid NOT NULL,
  created_by_name text NOT NULL,
  submitted_at timestamptz,
  approved_by uuid,
  approved_by_name text,
  -- A commander issuing a red warning alone in an emergency (audited)
  emergency_issue boolean NOT NULL DEFAULT false,
  review_comment text,
  -- Set when issued: the CAP `sent` time and the document as published
  sent timestamptz,
  cap_xml text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (onset IS NULL OR expires > onset)
);
CREATE INDEX warnings_status_idx ON warnings.warnings (status, sent DESC);
CREATE INDEX warnings_division_idx ON warnings.warnings (division_code text_pattern_ops);
CREATE INDEX warnings_area_idx ON warnings.warnings USING gist (area_geom);

-- Subscribers (预警接收人): responsible persons, and the public who opt in.
CREATE TABLE warnings.subscribers (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  -- responsible persons are delivered to first
  kind text NOT NULL CHECK (kind IN ('responsible', 'public')),
  -- township_leader 乡镇责任人 | village_leader 村责任人 | grid_officer 网格员 |
  -- hazard_monitor 群测群防员 | enterprise_safety 企业安全员 | department 部门 | public 公众
  role text NOT NULL,
  division_code text CHECK (division_code ~ '^[0-9]{12}$'),
  location geometry(Point, 4326),
  phone text,
  email text,
  -- Group-robot webhooks (a township's WeCom or DingTalk group) are subscribers too
  wecom_webhook text,
  dingtalk_webhook text,
  -- A platform user to push to on the dashboard
  user_id uuid,
  channels text[] NOT NULL CHECK (channels <@ ARRAY['sms', 'email', 'wecom', 'dingtalk', 'app']::text[] AND cardinality(channels) > 0),
  enterprise_id uuid,
  hazard_point_id uuid,
  active boolean NOT NULL DEFAULT true,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (division_code IS NOT NULL OR location IS NOT NULL)
);
CREATE INDEX subscribers_location_idx ON warnings.subscribers USING gist (location) WHERE active;
CREATE INDEX subscribers_division_idx ON warnings.subscribers (division_code text_pattern_ops) WHERE active;
