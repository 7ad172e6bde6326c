-- Who has read which dashboard notification: a notification to a role is shared by everyone
-- with the role, so reading it is recorded per reader (user or API key), not on the row.
CREATE TABLE incidents.notification_reads (
  notification_id bigint NOT NULL REFERENCES incidents.notifications (id) ON DELETE CASCADE,
  reader_id text NOT NULL,
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, reader_id)
);
