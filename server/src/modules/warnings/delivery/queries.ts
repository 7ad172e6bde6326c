/** SQL of the delivery report, list, receipts, acknowledgements and inbox. */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import { ackSecret, deliveryIdOfAckToken } from './ackToken.ts'

export interface WarningHead {
  id: string
  division_code: string
  division_codes: string[]
  references_id: string | null
  sent: Date | string | null
  status: string
}

export async function findWarning(q: Queryable, id: string): Promise<WarningHead | undefined> {
  const [row] = await queryRows<WarningHead>(q, sql`
    SELECT id, division_code, division_codes, references_id, sent, status FROM warnings.warnings WHERE id = ${id}`)
  return row
}

export interface StatusCountRow {
  key: string | null
  total: number
  queued: number
  sent: number
  delivered: number
  failed: number
  acknowledged: number
}

const counts = sql`count(*)::int AS total,
  count(*) FILTER (WHERE status = 'queued')::int AS queued, count(*) FILTER (WHERE status = 'sent')::int AS sent,
  count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*) FILTER (WHERE status = 'failed')::int AS failed,
  count(*) FILTER (WHERE status = 'acknowledged')::int AS acknowledged`

/**
 * The rows of a warning an actor may see: all of them, or only those of one township
 * (`township`: a 12-digit township code, for officers of a township or a village).
 */
export interface DeliveryScope {
  warningId: string
  township: string | null
}

const inScope = (s: DeliveryScope, alias = '') => {
  const col = (name: string) => sql.raw(alias ? `${alias}.${name}` : name)
  return s.township === null
    ? sql`${col('warning_id')} = ${s.warningId}`
    : sql`${col('warning_id')} = ${s.warningId} AND ${col('township_code')} = ${s.township}`
}

export async function countsBy(q: Queryable, scope: DeliveryScope, key: 'none' | 'channel' | 'township'): Promise<StatusCountRow[]> {
  const k = key === 'channel' ? sql`channel` : key === 'township' ? sql`township_code` : sql`NULL::text`
  return queryRows<StatusCountRow>(q, sql`
    SELECT ${k} AS key, ${counts} FROM warnings.deliveries WHERE ${inScope(scope)} GROUP BY 1 ORDER BY 1 NULLS LAST`)
}

/** Cumulative reached (delivered or acknowledged) per minute since `base`. */
export async function reachedPerMinute(q: Queryable, scope: DeliveryScope, base: Date): Promise<Array<{ minute: number; n: number }>> {
  return queryRows<{ minute: number; n: number }>(q, sql`
    SELECT greatest(0, floor(extract(epoch FROM coalesce(delivered_at, acknowledged_at) - ${base.toISOString()}::timestamptz) / 60))::int AS minute, count(*)::int AS n
    FROM warnings.deliveries
    WHERE ${inScope(scope)} AND status IN ('delivered', 'acknowledged')
    GROUP BY 1 ORDER BY 1`)
}

/** Seconds from `base` to the k-th reached delivery (1-based), or null. */
export async function secondsToReached(q: Queryable, scope: DeliveryScope, base: Date, k: number): Promise<number | null> {
  if (k < 1) return null
  const [row] = await queryRows<{ s: number }>(q, sql`
    SELECT extract(epoch FROM coalesce(delivered_at, acknowledged_at) - ${base.toISOString()}::timestamptz)::float8 AS s
    FROM warnings.deliveries WHERE ${inScope(scope)} AND status IN ('delivered', 'acknowledged')
    ORDER BY coalesce(delivered_at, acknowledged_at) OFFSET ${k - 1} LIMIT 1`)
  return row ? Math.max(0, row.s) : null
}

/** Percent of the rows of priority `priority` reached within `seconds` of `base`. */
export async function reachedWithin(q: Queryable, scope: DeliveryScope, base: Date, priority: number, seconds: number): Promise<number | null> {
  const [row] = await queryRows<{ total: number; ok: number }>(q, sql`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE status IN ('delivered', 'acknowledged')
        AND coalesce(delivered_at, acknowledged_at) <= ${base.toISOString()}::timestamptz + ${seconds}::double precision * interval '1 second')::int AS ok
    FROM warnings.deliveries WHERE ${inScope(scope)} AND priority = ${priority}`)
  return row && row.total > 0 ? Math.round((row.ok / row.total) * 1000) / 10 : null
}

export async function firstCreated(q: Queryable, warningId: string): Promise<Date | null> {
  const [row] = await queryRows<{ t: Date | string | null }>(q, sql`SELECT min(created_at) AS t FROM warnings.deliveries WHERE warning_id = ${warningId}`)
  return row?.t ? new Date(row.t) : null
}

export interface DeliveryRow {
  id: string
  subscriber_id: string
  subscriber_name: string
  role: string
  kind: string
  channel: string
  address: string
  township_code: string | null
  status: string
  attempts: number
  last_error: string | null
  provider_message_id: string | null
  created_at: Date | string
  sent_at: Date | string | null
  delivered_at: Date | string | null
  failed_at: Date | string | null
  acknowledged_at: Date | string | null
}

export async function findDeliveries(q: Queryable, scope: DeliveryScope, filter: { status?: string | undefined; channel?: string | undefined }, limit: number, offset: number) {
  const conditions: SQL[] = [inScope(scope, 'd')]
  if (filter.status) conditions.push(sql`d.status = ${filter.status}`)
  if (filter.channel) conditions.push(sql`d.channel = ${filter.channel}`)
  const where = sql.join(conditions, sql` AND `)
  const [{ n }] = (await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM warnings.deliveries d WHERE ${where}`)) as [{ n: number }]
  const rows = await queryRows<DeliveryRow>(q, sql`
    SELECT d.id, d.subscriber_id, coalesce(s.name, '（已删除 deleted）') AS subscriber_name, coalesce(s.role, '') AS role,
      coalesce(s.kind, CASE d.priority WHEN 0 THEN 'responsible' ELSE 'public' END) AS kind, d.channel, d.address, d.township_code, d.status, d.attempts,
      d.last_error, d.provider_message_id, d.created_at, d.sent_at, d.delivered_at, d.failed_at, d.acknowledged_at
    -- LEFT: a deleted subscriber's deliveries stay on record (no foreign key, migration 0003)
    FROM warnings.deliveries d LEFT JOIN warnings.subscribers s ON s.id = d.subscriber_id
    WHERE ${where}
    ORDER BY d.priority, d.created_at, d.id LIMIT ${limit} OFFSET ${offset}`)
  return { rows, total: n }
}

export async function findDeliveryForReceipt(q: Queryable, id: string) {
  const [row] = await queryRows<{ id: string; status: string; channel: string; division_code: string }>(q, sql`
    SELECT d.id, d.status, d.channel, w.division_code FROM warnings.deliveries d JOIN warnings.warnings w ON w.id = d.warning_id WHERE d.id = ${id}`)
  return row
}

/** A gateway receipt; never downgrades an acknowledged row; repeats change nothing. */
export async function applyReceipt(q: Queryable, id: string, status: 'delivered' | 'failed', at: string | null, error: string | null): Promise<boolean> {
  const rows = status === 'delivered'
    ? await queryRows<{ id: string }>(q, sql`
        UPDATE warnings.deliveries SET status = 'delivered',
          delivered_at = coalesce(${at}::timestamptz, now()), sent_at = coalesce(sent_at, ${at}::timestamptz, now()), lease_until = NULL
        WHERE id = ${id} AND status IN ('queued', 'sent', 'failed') RETURNING id`)
    : await queryRows<{ id: string }>(q, sql`
        UPDATE warnings.deliveries SET status = 'failed', failed_at = coalesce(${at}::timestamptz, now()),
          last_error = coalesce(${error}, 'gateway receipt: failed'), lease_until = NULL
        WHERE id = ${id} AND status IN ('queued', 'sent') RETURNING id`)
  return rows.length > 0
}

export interface AckRow {
  id: string
  status: string
  acknowledged_at: Date | string
  headline: string
  level: string
  msg_type: string
}

/** Marks acknowledged (idempotent: a second click keeps the first time). */
export async function acknowledge(q: Queryable, by: { token: string } | { id: string; address: string }): Promise<AckRow | undefined> {
  const tokenId = 'token' in by ? deliveryIdOfAckToken(await ackSecret(q), by.token) : null
  if ('token' in by && !tokenId) return undefined
  const where = 'token' in by ? sql`d.id = ${tokenId}` : sql`d.id = ${by.id} AND d.channel = 'app' AND d.address = ${by.address}`
  const [row] = await queryRows<AckRow>(q, sql`
    UPDATE warnings.deliveries d SET status = 'acknowledged', acknowledged_at = coalesce(d.acknowledged_at, now()),
      delivered_at = coalesce(d.delivered_at, now()), sent_at = coalesce(d.sent_at, now()), lease_until = NULL
    FROM warnings.warnings w
    WHERE w.id = d.warning_id AND ${where}
    RETURNING d.id, d.status, d.acknowledged_at, w.headline, w.level, w.msg_type`)
  return row
}

export interface InboxRow {
  id: string
  warning_id: string
  identifier: string
  msg_type: string
  level: string
  headline: string
  description: string
  instruction: string | null
  area_desc: string
  expires: Date | string
  created_at: Date | string
  status: string
  acknowledged_at: Date | string | null
}

export async function findInbox(q: Queryable, userId: string, limit: number, offset: number) {
  const rows = await queryRows<InboxRow>(q, sql`
    SELECT d.id, d.warning_id, w.identifier, w.msg_type, w.level, w.headline, w.description, w.instruction, w.area_desc, w.expires,
      d.created_at, d.status, d.acknowledged_at
    FROM warnings.deliveries d JOIN warnings.warnings w ON w.id = d.warning_id
    WHERE d.channel = 'app' AND d.address = ${userId}
    ORDER BY d.created_at DESC, d.id LIMIT ${limit} OFFSET ${offset}`)
  const [c] = await queryRows<{ total: number; open: number }>(q, sql`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE status <> 'acknowledged')::int AS open
    FROM warnings.deliveries WHERE channel = 'app' AND address = ${userId}`)
  return { rows, total: c?.total ?? 0, unacknowledged: c?.open ?? 0 }
}

/** Reading the inbox delivers what it shows. */
export async function markInboxDelivered(q: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await q.execute(sql`
    UPDATE warnings.deliveries SET status = 'delivered', delivered_at = now(), sent_at = coalesce(sent_at, now())
    WHERE id = ANY(string_to_array(${ids.join(',')}, ',')::uuid[]) AND status IN ('queued', 'sent')`)
}

export async function findWarningText(q: Queryable, id: string) {
  const [row] = await queryRows<{ msg_type: 'Alert' | 'Update' | 'Cancel'; level: 'blue' | 'yellow' | 'orange' | 'red'; headline: string; description: string; instruction: string | null; area_desc: string; expires: Date | string }>(
    q, sql`SELECT msg_type, level, headline, description, instruction, area_desc, expires FROM warnings.warnings WHERE id = ${id}`)
  return row
}
