-- The plans module (应急预案): plans with metadata, filing (备案), command organisation, response
-- levels I–IV with machine-readable activation criteria, per-level checklists, attachments,
-- drills (演练) and the revision history. Runs on PostgreSQL 15 and 18 alike.
CREATE SCHEMA IF NOT EXISTS plans;

CREATE TABLE plans.plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- 总体 overall / 专项 special / 部门 department / 基层 grassroots / 企业 enterprise / 重大活动保障 majorEvent
  type text NOT NULL CHECK (type IN ('overall', 'special', 'department', 'grassroots', 'enterprise', 'majorEvent')),
  -- Hazard keys the plan covers (flood, rainstorm, hazmatLeak …); empty: every hazard (总体预案)
  hazard_types text[] NOT NULL DEFAULT '{}',
  owner_department text NOT NULL,
  -- 发布机关 level and name
  issuing_level text NOT NULL CHECK (issuing_level IN ('county', 'township', 'village', 'department', 'enterprise')),
  issuing_authority text NOT NULL,
  document_number text,
  version text NOT NULL DEFAULT '1',
  issued_on date,
  effective_on date,
  -- Evaluation/revision due; null: effective_on + 3 years (domain/src/plans/planFlags.ts)
  revision_due date,
  -- notRequired / pending (未备案) / filed (已备案)
  filing_status text NOT NULL DEFAULT 'pending' CHECK (filing_status IN ('notRequired', 'pending', 'filed')),
  filed_on date,
  filed_with text,
  -- Plan-specific drill interval in months; null: the type's default
  drill_interval_months integer CHECK (drill_interval_months IS NULL OR drill_interval_months BETWEEN 1 AND 120),
  division_code char(12) NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  enterprise_id uuid,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'effective', 'superseded')),
  -- 指挥部 and working groups: {headquarters, commander, deputyCommanders, office, memberDepartments, groups[{name, lead, members[], duties}]}
  organisation jsonb,
  summary text,
  -- Stable key of a demonstration plan (idempotent seeding); null for real plans
  demo_key text UNIQUE,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (filing_status <> 'filed' OR filed_on IS NOT NULL)
);
CREATE INDEX plans_division_idx ON plans.plans (division_code bpchar_pattern_ops);
CREATE INDEX plans_hazard_types_gin ON plans.plans USING gin (hazard_types);

-- Response levels (响应等级): 1 = Ⅰ级 (highest) … 4 = Ⅳ级
CREATE TABLE plans.plan_levels (
  plan_id uuid NOT NULL REFERENCES plans.plans (id) ON DELETE CASCADE,
  level integer NOT NULL CHECK (level BETWEEN 1 AND 4),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- Activation criteria (domain/src/plans/criteria.ts Condition); null: activated by decision only
  criteria jsonb,
  PRIMARY KEY (plan_id, level)
);

-- Per-level checklists (响应任务清单) that become tasks when the level is activated
CREATE TABLE plans.plan_checklist_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  level integer NOT NULL,
  ord integer NOT NULL,
  -- department (by name) / township (the townships of the incident's area) / teamType (resources.teams.type)
  assignee_kind text NOT NULL CHECK (assignee_kind IN ('department', 'township', 'teamType')),
  assignee text NOT NULL,
  task text NOT NULL,
  deadline_minutes integer NOT NULL CHECK (deadline_minutes BETWEEN 1 AND 43200),
  FOREIGN KEY (plan_id, level) REFERENCES plans.plan_levels (plan_id, level) ON DELETE CASCADE,
  UNIQUE (plan_id, level, ord)
);

-- Attachments (预案文本): PDF or DOCX, kept in the database (a few MB each)
CREATE TABLE plans.plan_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans.plans (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by_name text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_attachments_plan_idx ON plans.plan_attachments (plan_id);

-- Drills (演练): 桌面 tabletop / 实战 live
CREATE TABLE plans.plan_drills (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans.plans (id) ON DELETE CASCADE,
  drill_type text NOT NULL CHECK (drill_type IN ('tabletop', 'live')),
  name text NOT NULL,
  held_on date NOT NULL,
  participants text NOT NULL DEFAULT '',
  participant_count integer CHECK (participant_count IS NULL OR participant_count >= 0),
  evaluation text NOT NULL DEFAULT '',
  problems text NOT NULL DEFAULT '',
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_drills_plan_idx ON plans.plan_drills (plan_id, held_on DESC);

-- Version history (修订记录): one row per saved change of metadata or content, with a snapshot
CREATE TABLE plans.plan_revisions (
  id bigserial PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES plans.plans (id) ON DELETE CASCADE,
  version text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_name text NOT NULL,
  summary text NOT NULL,
  snapshot jsonb NOT NULL
);
CREATE INDEX plan_revisions_plan_idx ON plans.plan_revisions (plan_id, id DESC);
