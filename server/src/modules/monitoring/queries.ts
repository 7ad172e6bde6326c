/** Named SQL of the monitoring module: devices, readings, alarms, rule state. */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { WarningLevel } from '@yingji/domain/cap/warningLevels'
import type { RollupRow } from './rollups.ts'

export interface DeviceRow {
  id: string
  code: string
  type: string
  name: string
  division_code: string
  lon: number
  lat: number
  expected_interval_s: number
  enterprise_id: string | null
  hazard_point_id: string | null
  params: Record<string, number | null>
  rule_override: Record<string, unknown>
  last_seen_at: Date | string | null
  synthetic: boolean
  status: 'online' | 'offline' | 'never'
  alarm_level: WarningLevel | null
}

export interface NewDevice {
  id: string
  code: string
  type: string
  name: string
  divisionCode: string
  lon: number
  lat: number
  expectedIntervalS: number
  enterpriseId: string | null
  hazardPointId: string | null
  params: Record<string, number | null>
  ruleOverride: object
  apiKeyHash: string
  synthetic: boolean
}

/** A device is online while its last report is within three expected intervals. */
const deviceColumns = sql`
  d.id, d.code, d.type, d.name, d.division_code, ST_X(d.location) AS lon, ST_Y(d.location) AS lat,
  d.expected_interval_s, d.enterprise_id, d.hazard_point_id, d.params, d.rule_override, d.last_seen_at, d.synthetic,
  CASE WHEN d.last_seen_at IS NULL THEN 'never'
       WHEN d.last_seen_at >= now() - make_interval(secs => 3 * d.expected_interval_s) THEN 'online'
       ELSE 'offline' END AS status,
  (SELECT a.level FROM monitoring.alarms a WHERE a.device_id = d.id AND a.status IN ('active', 'acknowledged')
   ORDER BY array_position(ARRAY['blue', 'yellow', 'orange', 'red'], a.level) DESC LIMIT 1) AS alarm_level`

export async function insertDevice(q: Queryable, d: NewDevice): Promise<void> {
  await q.execute(sql`
    INSERT INTO monitoring.devices (id, code, type, name, division_code, location, expected_interval_s, enterprise_id,
      hazard_point_id, params, rule_override, api_key_hash, synthetic)
    VALUES (${d.id}, ${d.code}, ${d.type}, ${d.name}, ${d.divisionCode}, ST_SetSRID(ST_MakePoint(${d.lon}, ${d.lat}), 4326),
      ${d.expectedIntervalS}, ${d.enterpriseId}, ${d.hazardPointId}, ${JSON.stringify(d.params)}::jsonb,
      ${JSON.stringify(d.ruleOverride)}::jsonb, ${d.apiKeyHash}, ${d.synthetic})`)
}

export async function deviceCodeTaken(q: Queryable, code: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(q, sql`SELECT 1 AS n FROM monitoring.devices WHERE code = ${code}`)
  return rows.length > 0
}

export async function findDevice(q: Queryable, id: string): Promise<DeviceRow | undefined> {
  const [row] = await queryRows<DeviceRow>(q, sql`SELECT ${deviceColumns} FROM monitoring.devices d WHERE d.id = ${id}`)
  return row
}

export interface DeviceFilter {
  prefix: string
  type?: string | undefined
  status?: string | undefined
  q?: string | undefined
}

const deviceWhere = (f: DeviceFilter): SQL => {
  const parts = [sql`d.division_code LIKE ${`${f.prefix}%`}`]
  if (f.type) parts.push(sql`d.type = ${f.type}`)
  if (f.q) parts.push(sql`(d.name LIKE ${`%${f.q}%`} OR d.code LIKE ${`%${f.q}%`})`)
  return sql.join(parts, sql` AND `)
}

export async function listDevices(q: Queryable, f: DeviceFilter, limit: number, offset: number): Promise<{ rows: DeviceRow[]; total: number }> {
  const statusWhere = f.status ? sql`WHERE x.status = ${f.status}` : sql``
  const rows = await queryRows<DeviceRow & { total: number }>(q, sql`
    SELECT x.*, count(*) OVER ()::int AS total FROM (
      SELECT ${deviceColumns} FROM monitoring.devices d WHERE ${deviceWhere(f)}) x
    ${statusWhere}
    ORDER BY x.code LIMIT ${limit} OFFSET ${offset}`)
  return { rows, total: rows[0]?.total ?? 0 }
}

export async function updateDevice(q: Queryable, id: string, d: Omit<NewDevice, 'id' | 'apiKeyHash' | 'synthetic' | 'type' | 'code'>): Promise<void> {
  await q.execute(sql`
    UPDATE monitoring.devices SET name = ${d.name}, division_code = ${d.divisionCode},
      location = ST_SetSRID(ST_MakePoint(${d.lon}, ${d.lat}), 4326), expected_interval_s = ${d.expectedIntervalS},
      enterprise_id = ${d.enterpriseId}, hazard_point_id = ${d.hazardPointId}, params = ${JSON.stringify(d.params)}::jsonb,
      rule_override = ${JSON.stringify(d.ruleOverride)}::jsonb, updated_at = now()
    WHERE id = ${id}`)
}

export async function setDeviceKeyHash(q: Queryable, id: string, apiKeyHash: string): Promise<void> {
  await q.execute(sql`UPDATE monitoring.devices SET api_key_hash = ${apiKeyHash}, updated_at = now() WHERE id = ${id}`)
}

/** What the ingest path and the rule engine need of every device. */
export interface DeviceKeyRow {
  id: string
  code: string
  type: string
  name: string
  division_code: string
  api_key_hash: string
  expected_interval_s: number
  params: Record<string, number | null>
  rule_override: Record<string, unknown>
}

export async function allDeviceKeys(q: Queryable): Promise<DeviceKeyRow[]> {
  return queryRows<DeviceKeyRow>(q, sql`
    SELECT id, code, type, name, division_code, api_key_hash, expected_interval_s, params, rule_override FROM monitoring.devices`)
}

export async function syntheticDevices(q: Queryable): Promise<{ id: string; code: string }[]> {
  return queryRows(q, sql`SELECT id, code FROM monitoring.devices WHERE synthetic ORDER BY code`)
}

interface SiteRow { id: string; name: string; division_code: string; lon: number; lat: number }

/**
 * The registry sites the simulated network attaches devices to (read-only, for the demo only):
 * operating hazardous-chemicals enterprises with a location, and active geological hazard points.
 */
export async function simulatorSites(q: Queryable): Promise<{ enterprises: SiteRow[]; hazardPoints: SiteRow[] }> {
  const enterprises = await queryRows<SiteRow>(q, sql`
    SELECT id, name, division_code, ST_X(location) AS lon, ST_Y(location) AS lat FROM registry.enterprises
    WHERE location IS NOT NULL AND status = 'operating' AND supervision_category IN ('hazchem_production', 'hazchem_trading', 'hazchem_use')
    ORDER BY uscc`)
  const hazardPoints = await queryRows<SiteRow>(q, sql`
    SELECT id, name, division_code, ST_X(location) AS lon, ST_Y(location) AS lat FROM registry.hazard_points
    WHERE status = 'active' ORDER BY name, id`)
  return { enterprises, hazardPoints }
}

export async function touchDevices(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await q.execute(sql`
    UPDATE monitoring.devices SET last_seen_at = now()
    WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`)
}

// --- readings ---

/** Creates the partition holding UTC day `dayStartMs` (idempotent). */
export async function ensureDayPartition(q: Queryable, dayStartMs: number): Promise<void> {
  const from = new Date(dayStartMs).toISOString()
  const to = new Date(dayStartMs + 86_400_000).toISOString()
  const name = `readings_${from.slice(0, 10).replaceAll('-', '')}`
  await q.execute(sql.raw(`CREATE TABLE IF NOT EXISTS monitoring.${name} PARTITION OF monitoring.readings FOR VALUES FROM ('${from}') TO ('${to}')`))
}

export async function readingPartitions(q: Queryable): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(q, sql`
    SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
    JOIN pg_namespace n ON n.oid = p.relnamespace
    WHERE n.nspname = 'monitoring' AND p.relname = 'readings' ORDER BY c.relname`)
  return rows.map((r) => r.name)
}

export async function dropPartition(q: Queryable, name: string): Promise<void> {
  if (!/^readings_\d{8}$/.test(name)) throw new Error(`not a readings partition: ${name}`)
  await q.execute(sql.raw(`DROP TABLE IF EXISTS monitoring.${name}`))
}

/**
 * One multi-row insert for a whole batch (arrays expanded by unnest); rows whose (device,
 * metric, ts) is already stored are skipped. The batch must not repeat a key (the writer
 * removes repeats first). Returns null when every row was inserted — the usual case, answered
 * by a count alone — else the keys `device|metric|tsMs` of the rows inserted.
 * Metric names are checked against the catalogue ([a-z_]) before they get here.
 */
export async function insertReadings(q: Queryable, deviceIds: readonly string[], metrics: readonly string[], ts: readonly number[], values: readonly number[]): Promise<Set<string> | null> {
  // Devices and metrics go as small lists plus a 1-based index per row: parsing a uuid or a
  // text array element costs the database far more than an integer.
  const devices = dictionary(deviceIds)
  const names = dictionary(metrics)
  const rows = await queryRows<{ n: number | null; k: string | null }>(q, sql`
    WITH inserted AS (
      INSERT INTO monitoring.readings (device_id, metric, ts, value)
      SELECT (${`{${devices.entries.join(',')}}`}::uuid[])[r.d], (${`{${names.entries.join(',')}}`}::text[])[r.m], to_timestamp(r.ts / 1000.0), r.value
      FROM unnest(${`{${devices.indexes.join(',')}}`}::int[], ${`{${names.indexes.join(',')}}`}::int[],
                  ${`{${ts.join(',')}}`}::float8[], ${`{${values.join(',')}}`}::float8[]) AS r(d, m, ts, value)
      ON CONFLICT DO NOTHING
      RETURNING device_id, metric, ts),
    counted AS (SELECT count(*)::int AS n FROM inserted)
    SELECT n, NULL AS k FROM counted
    UNION ALL
    SELECT NULL, device_id || '|' || metric || '|' || round(extract(epoch FROM ts) * 1000)::bigint FROM inserted
    WHERE (SELECT n FROM counted) < ${deviceIds.length}::int`)
  if (rows.some((r) => r.n === deviceIds.length)) return null
  return new Set(rows.flatMap((r) => (r.k === null ? [] : [r.k])))
}

/** The distinct values of `column` and, for each element, its 1-based position among them. */
function dictionary(column: readonly string[]): { entries: string[]; indexes: number[] } {
  const positions = new Map<string, number>()
  const entries: string[] = []
  const indexes = new Array<number>(column.length)
  for (let i = 0; i < column.length; i++) {
    const value = column[i]!
    let at = positions.get(value)
    if (at === undefined) {
      entries.push(value)
      positions.set(value, (at = entries.length))
    }
    indexes[i] = at
  }
  return { entries, indexes }
}

/** Adds a batch's rollups (one row per device, metric, bucket and bucket start) to the stored ones. */
export async function addRollups(q: Queryable, unordered: readonly RollupRow[]): Promise<void> {
  if (unordered.length === 0) return
  // Rows are upserted (and locked) in key order: two batches written at once then wait for each
  // other on a shared rollup row instead of deadlocking.
  const rollups = [...unordered].sort((a, b) => compareText(a.deviceId, b.deviceId) || compareText(a.metric, b.metric)
    || compareText(a.bucket, b.bucket) || a.ts - b.ts)
  const column = <T>(pick: (r: RollupRow) => T) => `{${rollups.map(pick).join(',')}}`
  await q.execute(sql`
    INSERT INTO monitoring.rollups AS o (device_id, metric, bucket, ts, n, sum, min, max)
    SELECT device_id, metric, bucket, to_timestamp(ts / 1000.0), n, sum, min, max
    FROM unnest(${column((r) => r.deviceId)}::uuid[], ${column((r) => r.metric)}::text[], ${column((r) => r.bucket)}::text[],
                ${column((r) => r.ts)}::float8[], ${column((r) => r.n)}::int[], ${column((r) => r.sum)}::float8[],
                ${column((r) => r.min)}::float8[], ${column((r) => r.max)}::float8[]) AS r(device_id, metric, bucket, ts, n, sum, min, max)
    ON CONFLICT (device_id, metric, bucket, ts) DO UPDATE SET
      n = o.n + EXCLUDED.n, sum = o.sum + EXCLUDED.sum, min = least(o.min, EXCLUDED.min), max = greatest(o.max, EXCLUDED.max)`)
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export interface ReadingPoint { ts: Date | string; value: number }

export async function readingsRaw(q: Queryable, deviceId: string, metric: string, from: Date, to: Date, limit: number): Promise<ReadingPoint[]> {
  return queryRows<ReadingPoint>(q, sql`
    SELECT ts, value FROM monitoring.readings
    WHERE device_id = ${deviceId} AND metric = ${metric} AND ts >= ${from.toISOString()} AND ts <= ${to.toISOString()}
    ORDER BY ts LIMIT ${limit}`)
}

/**
 * A series from the stored rollups (per minute or hour): sums for rainfall (an amount per
 * report), averages for everything else.
 */
export async function readingsBucketed(q: Queryable, deviceId: string, metric: string, from: Date, to: Date, bucket: '1m' | '1h', sum: boolean): Promise<ReadingPoint[]> {
  const aggregate = sum ? sql`sum` : sql`sum / n`
  return queryRows<ReadingPoint>(q, sql`
    SELECT ts, (${aggregate})::float8 AS value FROM monitoring.rollups
    WHERE device_id = ${deviceId} AND metric = ${metric} AND bucket = ${bucket} AND ts >= date_trunc(${bucket === '1m' ? 'minute' : 'hour'}, ${from.toISOString()}::timestamptz) AND ts <= ${to.toISOString()}
    ORDER BY ts LIMIT 100000`)
}

/** Deletes the rollups of buckets that start before `cutoff` (retention). */
export async function dropRollupsBefore(q: Queryable, cutoff: Date): Promise<void> {
  await q.execute(sql`DELETE FROM monitoring.rollups WHERE ts < ${cutoff.toISOString()}`)
}

// --- rule state ---

export async function saveRuleState(q: Queryable, state: unknown): Promise<void> {
  await q.execute(sql`
    INSERT INTO monitoring.rule_state (id, state, saved_at) VALUES (1, ${JSON.stringify(state)}::jsonb, now())
    ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, saved_at = EXCLUDED.saved_at`)
}

export async function loadRuleState(q: Queryable): Promise<{ state: unknown; saved_at: Date | string } | undefined> {
  const [row] = await queryRows<{ state: unknown; saved_at: Date | string }>(q, sql`SELECT state, saved_at FROM monitoring.rule_state WHERE id = 1`)
  return row
}
