-- The monitoring module (监测预警): devices, readings (partitioned by time), alarms and their
-- history, and the rule engine's snapshot. Runs on PostgreSQL 15 and 18.
CREATE SCHEMA IF NOT EXISTS monitoring;

CREATE TABLE monitoring.devices (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  type text NOT NULL,
  name text NOT NULL,
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  location geometry(Point, 4326) NOT NULL,
  expected_interval_s integer NOT NULL CHECK (expected_interval_s > 0),
  enterprise_id uuid,
  hazard_point_id uuid,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  rule_override jsonb NOT NULL DEFAULT '{}'::jsonb,
  api_key_hash text NOT NULL UNIQUE,
  last_seen_at timestamptz,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_division_idx ON monitoring.devices (division_code text_pattern_ops);
CREATE INDEX devices_location_idx ON monitoring.devices USING gist (location);

-- Readings: one row per (device, metric, ts); duplicates are dropped by the primary key.
-- Partitions (one per UTC day) are created on demand by the batch writer and dropped by
-- retention; without a default partition, a day with no partition cannot be written by mistake.
CREATE TABLE monitoring.readings (
  device_id uuid NOT NULL,
  metric text NOT NULL,
  ts timestamptz NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (device_id, metric, ts)
) PARTITION BY RANGE (ts);

CREATE TABLE monitoring.alarms (
  id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES monitoring.devices (id) ON DELETE CASCADE,
  rule_id text NOT NULL,
  rule_name text NOT NULL,
  rule_name_en text NOT NULL,
  division_code text NOT NULL CHECK (division_code ~ '^[0-9]{12}$'),
  level text NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
  -- active: raised or escalated, not yet acknowledged; acknowledged; cleared; closed
  status text NOT NULL CHECK (status IN ('active', 'acknowledged', 'cleared', 'closed')),
  value double precision,
  message text NOT NULL,
  raised_at timestamptz NOT NULL,
  last_changed_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_by text,
  acknowledged_at timestamptz,
  comment text,
  cleared_at timestamptz,
  closed_at timestamptz,
  -- When an unacknowledged alarm is notified again and escalated to the commander.
  renotify_at timestamptz,
  notify_count integer NOT NULL DEFAULT 0
);
-- One alarm in force per (device, rule): transitions change it, never duplicate it.
CREATE UNIQUE INDEX alarms_in_force_idx ON monitoring.alarms (device_id, rule_id) WHERE status IN ('active', 'acknowledged');
CREATE INDEX alarms_status_idx ON monitoring.alarms (status, raised_at DESC);
CREATE INDEX alarms_division_idx ON monitoring.alarms (division_code text_pattern_ops);

CREATE TABLE monitoring.alarm_history (
  id bigserial PRIMARY KEY,
  alarm_id uuid NOT NULL REFERENCES monitoring.alarms (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('raised', 'escalated', 'deescalated', 'acknowledged', 'cleared', 'closed', 'commented', 'notified')),
  level text,
  actor text,
  text text
);
CREATE INDEX alarm_history_alarm_idx ON monitoring.alarm_history (alarm_id, id);

-- The rule engine's state (RuleEngine.toJSON), written periodically and at shutdown.
CREATE TABLE monitoring.rule_state (
  id integer PRIMARY KEY CHECK (id = 1),
  state jsonb NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now()
);
