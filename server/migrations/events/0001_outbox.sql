-- Transactional outbox (发件箱): events written in the same transaction as the change that
-- caused them, delivered to the bus afterwards by the dispatcher (server/src/modules/events/outbox.ts).
CREATE SCHEMA IF NOT EXISTS events;

CREATE TABLE events.outbox (
  id uuid PRIMARY KEY,
  -- Commit order within one database; delivery follows it best-effort (retries may reorder).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  -- When the row may next be claimed: now when written, later while claimed (a lease) or after a failure (backoff).
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  delivered_at timestamptz
);

-- The dispatcher's only question: which undelivered rows are due?
CREATE INDEX outbox_pending_idx ON events.outbox (available_at, seq) WHERE delivered_at IS NULL;

-- Idempotent consumers (幂等消费): an event id recorded here was applied by that consumer,
-- in the same transaction as its effect.
CREATE TABLE events.consumed (
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  consumed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
