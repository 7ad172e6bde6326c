/** Subscribers' SQL (warnings.subscribers). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'

export interface SubscriberValues {
  name: string
  kind: 'responsible' | 'public'
  role: string
  division_code: string | null
  lon: number | null
  lat: number | null
  phone: string | null
  email: string | null
  wecom_webhook: string | null
  dingtalk_webhook: string | null
  user_id: string | null
  channels: string[]
  enterprise_id: string | null
  hazard_point_id: string | null
  active: boolean
  synthetic: boolean
}

export interface SubscriberRow extends SubscriberValues {
  id: string
  division_name: string | null
  created_at: Date | string
  updated_at: Date | string
}

const columns = sql`s.id::text AS id, s.name, s.kind, s.role, s.division_code, ST_X(s.location) AS lon, ST_Y(s.location) AS lat, s.phone, s.email,
  s.wecom_webhook, s.dingtalk_webhook, s.user_id::text AS user_id, s.channels, s.enterprise_id::text AS enterprise_id,
  s.hazard_point_id::text AS hazard_point_id, s.active, s.synthetic, s.created_at, s.updated_at,
  (SELECT d.name FROM geo.divisions d WHERE d.code = s.division_code) AS division_name`

const textArray = (values: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`
const point = (v: { lon: number | null; lat: number | null }) =>
  v.lon === null || v.lat === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${v.lon}, ${v.lat}), 4326)`

export interface SubscriberFilter {
  /** jurisdiction prefix: subscribers whose division is in it, or (no division) whose point is in its area */
  prefix: string
  divisionPrefix?: string | undefined
  role?: string | undefined
  kind?: string | undefined
  channel?: string | undefined
  q?: string | undefined
}

export const inJurisdiction = (prefix: string): SQL => sql`(s.division_code LIKE ${prefix + '%'}
  OR (s.division_code IS NULL AND EXISTS (SELECT 1 FROM geo.division_areas a WHERE a.division_code = rpad(${prefix}, 12, '0') AND ST_Covers(a.geometry, s.location))))`

const where = (f: SubscriberFilter) => sql.join([
  inJurisdiction(f.prefix),
  f.divisionPrefix ? sql`s.division_code LIKE ${f.divisionPrefix + '%'}` : sql`true`,
  f.role ? sql`s.role = ${f.role}` : sql`true`,
  f.kind ? sql`s.kind = ${f.kind}` : sql`true`,
  f.channel ? sql`${f.channel} = ANY (s.channels)` : sql`true`,
  f.q ? sql`(s.name ILIKE ${'%' + f.q + '%'} OR s.phone LIKE ${'%' + f.q + '%'})` : sql`true`,
], sql` AND `)

export async function findSubscribers(q: Queryable, f: SubscriberFilter, limit: number, offset: number) {
  const rows = await queryRows<SubscriberRow>(q, sql`SELECT ${columns} FROM warnings.subscribers s WHERE ${where(f)}
    ORDER BY s.kind DESC, s.division_code NULLS LAST, s.role, s.name, s.id LIMIT ${limit} OFFSET ${offset}`)
  const [count] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM warnings.subscribers s WHERE ${where(f)}`)
  return { rows, total: count?.n ?? 0 }
}

export async function findSubscriber(q: Queryable, id: string): Promise<SubscriberRow | null> {
  const [row] = await queryRows<SubscriberRow>(q, sql`SELECT ${columns} FROM warnings.subscribers s WHERE s.id = ${id}::uuid`)
  return row ?? null
}

/** The division whose area holds a point (the narrowest), for jurisdiction checks of located subscribers. */
export async function divisionAt(q: Queryable, lon: number, lat: number): Promise<string | null> {
  const [row] = await queryRows<{ code: string }>(q, sql`
    SELECT d.code::text AS code FROM geo.division_areas a JOIN geo.divisions d ON d.code = a.division_code
    WHERE ST_Covers(a.geometry, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))
    ORDER BY CASE d.level WHEN 'village' THEN 0 WHEN 'township' THEN 1 ELSE 2 END LIMIT 1`)
  return row?.code ?? null
}

export async function insertSubscriber(q: Queryable, id: string, v: SubscriberValues): Promise<void> {
  await q.execute(sql`
    INSERT INTO warnings.subscribers (id, name, kind, role, division_code, location, phone, email, wecom_webhook, dingtalk_webhook, user_id,
      channels, enterprise_id, hazard_point_id, active, synthetic)
    VALUES (${id}::uuid, ${v.name}, ${v.kind}, ${v.role}, ${v.division_code}, ${point(v)}, ${v.phone}, ${v.email}, ${v.wecom_webhook},
      ${v.dingtalk_webhook}, ${v.user_id}::uuid, ${textArray(v.channels)}, ${v.enterprise_id}::uuid, ${v.hazard_point_id}::uuid, ${v.active}, ${v.synthetic})`)
}

export async function updateSubscriber(q: Queryable, id: string, v: SubscriberValues): Promise<void> {
  await q.execute(sql`
    UPDATE warnings.subscribers SET name = ${v.name}, kind = ${v.kind}, role = ${v.role}, division_code = ${v.division_code}, location = ${point(v)},
      phone = ${v.phone}, email = ${v.email}, wecom_webhook = ${v.wecom_webhook}, dingtalk_webhook = ${v.dingtalk_webhook}, user_id = ${v.user_id}::uuid,
      channels = ${textArray(v.channels)}, active = ${v.active}, updated_at = now()
    WHERE id = ${id}::uuid`)
}

export async function deleteSubscriber(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM warnings.subscribers WHERE id = ${id}::uuid`)
}
