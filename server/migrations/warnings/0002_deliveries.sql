-- Deliveries (预警送达): one row per recipient × channel of an issued warning (Alert, Update or
-- Cancel). Written by the fan-out (an idempotent consumer of `warnings.issued`), claimed by the
-- sender loop with FOR UPDATE SKIP LOCKED and a lease. Runs on PostgreSQL 15 and 18.
CREATE TABLE warnings.deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  warning_id uuid NOT NULL REFERENCES warnings.warnings (id) ON DELETE CASCADE,
  subscriber_id uuid NOT NULL REFERENCES warnings.subscribers (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'wecom', 'dingtalk', 'app')),
  -- 0 responsible persons, 1 the public: claimed in this order
  priority smallint NOT NULL DEFAULT 1,
  -- The address at fan-out time: phone, e-mail, webhook URL, or the user id for app push
  address text NOT NULL,
  -- The township (9 significant digits + 000) of the subscriber, for the report; null when unknown
  township_code text CHECK (township_code ~ '^[0-9]{12}$'),
  -- queued → sent → delivered / failed → acknowledged
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'acknowledged')),
  attempts integer NOT NULL DEFAULT 0,
  -- When the row is next due; a claim moves it forward by the lease (the claim expires if the sender dies)
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  last_error text,
  provider_message_id text,
  -- Unguessable: two v4 UUIDs (2 × 122 random bits from the server's strong random source)
  ack_token text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz,
  acknowledged_at timestamptz,
  -- A fan-out repeated after a crash adds nothing
  UNIQUE (warning_id, subscriber_id, channel)
);
-- The sender's claim: due queued rows, responsible persons first
CREATE INDEX deliveries_due_idx ON warnings.deliveries (priority, next_attempt_at) WHERE status = 'queued';
CREATE INDEX deliveries_warning_status_idx ON warnings.deliveries (warning_id, status);
-- The dashboard inbox of a user (channel app)
CREATE INDEX deliveries_app_address_idx ON warnings.deliveries (address, created_at DESC) WHERE channel = 'app';
