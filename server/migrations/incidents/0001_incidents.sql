-- The incidents module (事件管理): incidents and their fact history, reporting deadlines,
-- attachments, response activations, tasks, the append-only command log, situation reports,
-- the duty roster and dashboard notifications. Runs on PostgreSQL 15 and 18.
CREATE SCHEMA IF NOT EXISTS incidents;

CREATE TABLE incidents.incidents (
  id uuid PRIMARY KEY,
  -- 突发事件应对法 Art. 2 categories and 总体应急预案 §1.3 kinds (domain/src/incidents/classification.ts)
  category text NOT NULL CHECK (category IN ('natural', 'accident', 'publicHealth', 'socialSecurity')),
  subtype text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  location geometry(Point, 4326),
  address text,
  occurred_at timestamptz NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  -- alarm: from a monitoring alarm; call: 值班接报; village_report: a village officer; manual
  source text NOT NULL CHECK (source IN ('alarm', 'call', 'village_report', 'manual')),
  source_alarm_id uuid,
  -- The call form (值班接报): {name, phone, calledAt, place, account}
  caller jsonb,
  -- deaths, missing, injured, seriousInjuries, affected, evacuated, needingEmergencyAid,
  -- damagedRooms, damagedHouseholds, directLossYuan, hazardType, warningLevel, waterLevelAboveWarningM
  facts jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'responding', 'closed')),
  -- The response in force (the latest activation)
  plan_id uuid,
  plan_name text,
  response_level integer CHECK (response_level BETWEEN 1 AND 4),
  activated_by uuid,
  activated_by_name text,
  activated_at timestamptz,
  -- Derived on every fact change: Decree 493 level (accidents), suggested relief level (natural)
  accident_level integer CHECK (accident_level BETWEEN 1 AND 4),
  relief_level integer CHECK (relief_level BETWEEN 1 AND 4),
  created_by uuid,
  created_by_name text NOT NULL,
  closed_at timestamptz,
  closed_by_name text,
  close_summary text,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_status_idx ON incidents.incidents (status, occurred_at DESC);
CREATE INDEX incidents_division_idx ON incidents.incidents (division_code text_pattern_ops);
CREATE INDEX incidents_location_idx ON incidents.incidents USING gist (location);
CREATE INDEX incidents_alarm_idx ON incidents.incidents (source_alarm_id);

-- Every change of the facts, with the grades before and after.
CREATE TABLE incidents.fact_changes (
  id bigserial PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents.incidents (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text NOT NULL,
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  note text
);
CREATE INDEX fact_changes_incident_idx ON incidents.fact_changes (incident_id, id);

-- Reporting deadlines (国务院令第493号 Art. 9–11) of an accident, tracked step by step.
CREATE TABLE incidents.reporting_steps (
  incident_id uuid NOT NULL REFERENCES incidents.incidents (id) ON DELETE CASCADE,
  step text NOT NULL CHECK (step IN ('county', 'city', 'province', 'national')),
  due_at timestamptz NOT NULL,
  done_at timestamptz,
  done_by_name text,
  PRIMARY KEY (incident_id, step)
);

CREATE TABLE incidents.attachments (
  id uuid PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents.incidents (id) ON DELETE CASCADE,
  -- A photo of a task's feedback
  task_id uuid,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  bytes bytea NOT NULL,
  uploaded_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_incident_idx ON incidents.attachments (incident_id);

-- Activations and level changes (启动/调整响应), oldest first.
CREATE TABLE incidents.responses (
  id bigserial PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents.incidents (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL,
  plan_name text NOT NULL,
  level integer NOT NULL CHECK (level BETWEEN 1 AND 4),
  previous_level integer,
  comment text,
  actor_id uuid,
  actor_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX responses_incident_idx ON incidents.responses (incident_id, id);

CREATE TABLE incidents.tasks (
  id uuid PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents.incidents (id) ON DELETE CASCADE,
  -- The checklist item it came from (plan, level, item): one task per item and incident
  plan_id uuid,
  level integer,
  checklist_item_id text,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  detail text,
  -- department or township (by name); team: resources.teams (id); team_type: any team of a type (none chosen yet); user: auth.users
  assignee_kind text NOT NULL CHECK (assignee_kind IN ('department', 'township', 'team', 'team_type', 'user')),
  assignee_name text NOT NULL,
  assignee_team_id uuid,
  assignee_user_id uuid,
  status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'accepted', 'in_progress', 'done', 'blocked')),
  deadline timestamptz,
  feedback text,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  started_at timestamptz,
  done_at timestamptz
);
CREATE INDEX tasks_incident_idx ON incidents.tasks (incident_id, created_at);
CREATE UNIQUE INDEX tasks_checklist_item_idx ON incidents.tasks (incident_id, checklist_item_id) WHERE checklist_item_id IS NOT NULL;

-- Status changes and feedback of tasks.
CREATE TABLE incidents.task_updates (
  id bigserial PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES incidents.tasks (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text NOT NULL,
  from_status text,
  to_status text,
  text text
);
CREATE INDEX task_updates_task_idx ON incidents.task_updates (task_id, id);

-- The command log (指挥日志). Append-only: a correction is an annotation, a new row pointing at
-- the earlier one (the trigger below refuses changes).
CREATE TABLE incidents.log (
  id bigserial PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents.incidents (id),
  at timestamptz NOT NULL DEFAULT now(),
  -- system entries: created, graded, facts_changed, plan_activated, level_changed, task_created,
  -- task_status, sitrep_saved, sitrep_exported, warning_issued, reporting_done, closed;
  -- manual: decision, call, note; annotation
  kind text NOT NULL,
  manual boolean NOT NULL DEFAULT false,
  actor_kind text NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  data jsonb,
  annotates bigint REFERENCES incidents.log (id)
);
CREATE INDEX log_incident_idx ON incidents.log (incident_id, id);

CREATE FUNCTION incidents.refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'incidents.log is append-only: add an annotation instead';
END $$;
CREATE TRIGGER log_append_only BEFORE UPDATE OR DELETE ON incidents.log
  FOR EACH ROW EXECUTE FUNCTION incidents.refuse_log_change();

-- Situation reports (续报): one row per issue (第N期), every save a new version.
CREATE TABLE incidents.sitreps (
  id uuid PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents.incidents (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number > 0),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (incident_id, number)
);

CREATE TABLE incidents.sitrep_versions (
  sitrep_id uuid NOT NULL REFERENCES incidents.sitreps (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  title text NOT NULL,
  -- 发文单位, 签发人
  issuer text NOT NULL,
  signer text NOT NULL DEFAULT '',
  report_date date NOT NULL,
  -- [{key, heading, text}]
  sections jsonb NOT NULL,
  saved_by_name text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sitrep_id, version)
);

-- The duty roster (值班表): 带班领导 (leader) and 值班员 (officer) shifts per division.
CREATE TABLE incidents.duty_shifts (
  id uuid PRIMARY KEY,
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  role text NOT NULL CHECK (role IN ('leader', 'officer')),
  user_id uuid,
  person_name text NOT NULL CHECK (length(person_name) BETWEEN 1 AND 50),
  phone text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX duty_shifts_time_idx ON incidents.duty_shifts (starts_at, ends_at);
CREATE INDEX duty_shifts_division_idx ON incidents.duty_shifts (division_code text_pattern_ops);

-- Handover notes (交接班记录).
CREATE TABLE incidents.duty_handovers (
  id uuid PRIMARY KEY,
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  shift_id uuid REFERENCES incidents.duty_shifts (id) ON DELETE SET NULL,
  from_name text NOT NULL,
  to_name text NOT NULL,
  notes text NOT NULL CHECK (length(notes) BETWEEN 1 AND 4000),
  at timestamptz NOT NULL DEFAULT now(),
  created_by_name text NOT NULL,
  synthetic boolean NOT NULL DEFAULT false
);
CREATE INDEX duty_handovers_division_idx ON incidents.duty_handovers (division_code text_pattern_ops, at DESC);

-- Dashboard notifications (工作台通知): to a user, or to a role within a division subtree.
CREATE TABLE incidents.notifications (
  id bigserial PRIMARY KEY,
  incident_id uuid REFERENCES incidents.incidents (id) ON DELETE CASCADE,
  recipient_user_id uuid,
  recipient_role text,
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  CHECK (recipient_user_id IS NOT NULL OR recipient_role IS NOT NULL)
);
CREATE INDEX notifications_user_idx ON incidents.notifications (recipient_user_id, id DESC);
CREATE INDEX notifications_role_idx ON incidents.notifications (recipient_role, id DESC);
