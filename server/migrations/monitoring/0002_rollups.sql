-- Rollups (汇总) of readings per minute and per hour, for charts over days and weeks. The batch
-- writer maintains them in the statement that inserts the readings, from the rows actually
-- inserted, so a duplicate reading never counts twice. Kept as long as the raw readings.
CREATE TABLE monitoring.rollups (
  device_id uuid NOT NULL,
  metric text NOT NULL,
  bucket text NOT NULL CHECK (bucket IN ('1m', '1h')),
  ts timestamptz NOT NULL,
  n integer NOT NULL CHECK (n > 0),
  sum double precision NOT NULL,
  min double precision NOT NULL,
  max double precision NOT NULL,
  PRIMARY KEY (device_id, metric, bucket, ts)
);
CREATE INDEX rollups_ts_idx ON monitoring.rollups (ts);

-- Readings stored before this migration.
INSERT INTO monitoring.rollups (device_id, metric, bucket, ts, n, sum, min, max)
  SELECT device_id, metric, '1m', date_trunc('minute', ts), count(*), sum(value), min(value), max(value)
  FROM monitoring.readings GROUP BY device_id, metric, date_trunc('minute', ts);
INSERT INTO monitoring.rollups (device_id, metric, bucket, ts, n, sum, min, max)
  SELECT device_id, metric, '1h', date_trunc('hour', ts), count(*), sum(value), min(value), max(value)
  FROM monitoring.readings GROUP BY device_id, metric, date_trunc('hour', ts);
