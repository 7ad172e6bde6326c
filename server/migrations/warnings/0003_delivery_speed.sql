-- Faster fan-out (issue #5 point 8: a township's full recipient list within 1 s of approval).
-- Measured on 61,000 rows: the row writes, not the selection, took most of the time; per row
-- PGlite spent ~20 µs on each gen_random_uuid() (three per row), and each foreign key added a
-- per-row lookup that also locks (and dirties) the referenced row.

-- The acknowledgement link's token is now an HMAC of the delivery id with a per-database
-- secret (delivery/ackToken.ts): nothing to store, generate or index per row.
ALTER TABLE warnings.deliveries DROP COLUMN ack_token;
CREATE TABLE warnings.delivery_secrets (
  id smallint PRIMARY KEY CHECK (id = 1),
  -- 256 random bits, hex; created at first use (not by the migration, so a prepared template
  -- copied to many data folders does not share one secret)
  secret text NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Rows are written only by the fan-out, from the warning and subscribers it reads in the same
-- statement; only drafts (which have no deliveries) are ever deleted, and a deleted subscriber
-- keeps the record of what was sent to them (the address is stored on the row).
ALTER TABLE warnings.deliveries DROP CONSTRAINT deliveries_warning_id_fkey;
ALTER TABLE warnings.deliveries DROP CONSTRAINT deliveries_subscriber_id_fkey;

-- Every per-warning query is served by the UNIQUE (warning_id, subscriber_id, channel) index.
DROP INDEX warnings.deliveries_warning_status_idx;
