-- The auth module: users, sessions, API keys and the audit log (审计日志).
-- Runs on PostgreSQL 15 and 18 alike (gen_random_uuid() is built in since 13).
CREATE SCHEMA IF NOT EXISTS auth;

CREATE TABLE auth.users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  -- argon2id PHC string; never leaves the auth module.
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'duty_officer', 'commander', 'department', 'township', 'village', 'enterprise', 'api_client')),
  -- 12-digit division code: the root of the subtree the user may see (管辖范围).
  jurisdiction char(12) NOT NULL CHECK (jurisdiction ~ '^[0-9]{12}$'),
  enterprise_id uuid NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Usernames are unique regardless of case: "Admin" and "admin" are one account.
CREATE UNIQUE INDEX users_username_key ON auth.users (lower(username));
CREATE INDEX users_jurisdiction_idx ON auth.users (jurisdiction);

CREATE TABLE auth.sessions (
  -- SHA-256 (hex) of the random token in the cookie; the token itself is never stored.
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON auth.sessions (user_id);
CREATE INDEX sessions_expires_idx ON auth.sessions (expires_at);

CREATE TABLE auth.api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- The first characters of the key, shown in lists so an operator can tell keys apart.
  prefix text NOT NULL,
  -- SHA-256 (hex) of the whole key: keys are long random strings, so a fast hash suffices.
  key_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'duty_officer', 'commander', 'department', 'township', 'village', 'enterprise', 'api_client')),
  jurisdiction char(12) NOT NULL CHECK (jurisdiction ~ '^[0-9]{12}$'),
  created_by uuid NULL REFERENCES auth.users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz NULL,
  last_used_at timestamptz NULL
);
CREATE INDEX api_keys_jurisdiction_idx ON auth.api_keys (jurisdiction);

CREATE TABLE auth.audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  -- 'user', 'api_key' or 'system' (no actor: 系统).
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'system')),
  actor_id uuid NULL,
  actor_name text NOT NULL,
  actor_role text NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before jsonb NULL,
  after jsonb NULL
);
CREATE INDEX audit_log_entity_idx ON auth.audit_log (entity, entity_id, id DESC);
CREATE INDEX audit_log_actor_idx ON auth.audit_log (actor_id, id DESC);
