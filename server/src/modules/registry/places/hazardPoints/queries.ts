/** The SQL of geological hazard points (地质灾害隐患点). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../../db/database.ts'
import { queryRows } from '../../../../db/rows.ts'
import { containsPattern } from '../core/scope.ts'

export interface HazardPointValues {
  id: string
  name: string
  type: 'landslide' | 'collapse' | 'debris_flow' | 'subsidence'
  scale: 'small' | 'medium' | 'large' | 'huge'
  stability: 'stable' | 'fairly_stable' | 'unstable'
  threatened_households: number
  threatened_people: number
  /** 万元 */
  threatened_property: number
  division_code: string
  monitor_name: string
  monitor_phone: string
  lon: number
  lat: number
  status: 'active' | 'mitigated' | 'cancelled'
  synthetic: boolean
}

export interface HazardPointRow extends HazardPointValues {
  created_at: Date | string
  updated_at: Date | string
}

export interface HazardPointFilter {
  prefix: string
  q?: string | undefined
  type?: string | undefined
  scale?: string | undefined
  status?: string | undefined
}

const columns = sql`h.id, h.name, h.type, h.scale, h.stability, h.threatened_households, h.threatened_people,
  h.threatened_property::float8 AS threatened_property, h.division_code, h.monitor_name, h.monitor_phone,
  ST_X(h.location) AS lon, ST_Y(h.location) AS lat, h.status, h.synthetic, h.created_at, h.updated_at`

function where(filter: HazardPointFilter): SQL {
  const conditions = [sql`h.division_code LIKE ${`${filter.prefix}%`}`]
  if (filter.q) conditions.push(sql`h.name ILIKE ${containsPattern(filter.q)}`)
  if (filter.type) conditions.push(sql`h.type = ${filter.type}`)
  if (filter.scale) conditions.push(sql`h.scale = ${filter.scale}`)
  if (filter.status) conditions.push(sql`h.status = ${filter.status}`)
  return sql.join(conditions, sql` AND `)
}

export async function insertHazardPoints(q: Queryable, rows: readonly HazardPointValues[]): Promise<void> {
  if (rows.length === 0) return
  await q.execute(sql`
    INSERT INTO registry.hazard_points (id, name, type, scale, stability, threatened_households, threatened_people,
      threatened_property, division_code, monitor_name, monitor_phone, location, status, synthetic)
    SELECT r.id, r.name, r.type, r.scale, r.stability, r.threatened_households, r.threatened_people, r.threatened_property,
      r.division_code, r.monitor_name, r.monitor_phone, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.status, r.synthetic
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, name text, type text, scale text, stability text,
      threatened_households integer, threatened_people integer, threatened_property numeric, division_code text,
      monitor_name text, monitor_phone text, lon double precision, lat double precision, status text, synthetic boolean)`)
}

export async function updateHazardPoint(q: Queryable, row: HazardPointValues): Promise<void> {
  await q.execute(sql`
    UPDATE registry.hazard_points SET name = ${row.name}, type = ${row.type}, scale = ${row.scale}, stability = ${row.stability},
      threatened_households = ${row.threatened_households}, threatened_people = ${row.threatened_people},
      threatened_property = ${row.threatened_property}, division_code = ${row.division_code},
      monitor_name = ${row.monitor_name}, monitor_phone = ${row.monitor_phone},
      location = ST_SetSRID(ST_MakePoint(${row.lon}, ${row.lat}), 4326), status = ${row.status}, updated_at = now()
    WHERE id = ${row.id}`)
}

export async function deleteHazardPoint(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM registry.hazard_points WHERE id = ${id}`)
}

export async function findHazardPoint(q: Queryable, id: string): Promise<HazardPointRow | null> {
  const rows = await queryRows<HazardPointRow>(q, sql`SELECT ${columns} FROM registry.hazard_points h WHERE h.id = ${id}`)
  return rows[0] ?? null
}

/** Most people threatened first. */
export async function findHazardPointPage(q: Queryable, filter: HazardPointFilter, page: { limit: number; offset: number }) {
  const rows = await queryRows<HazardPointRow>(q, sql`
    SELECT ${columns} FROM registry.hazard_points h WHERE ${where(filter)}
    ORDER BY h.threatened_people DESC, h.name, h.id LIMIT ${page.limit} OFFSET ${page.offset}`)
  const total = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM registry.hazard_points h WHERE ${where(filter)}`)
  return { rows, total: total[0]?.n ?? 0 }
}

export async function findAllHazardPoints(q: Queryable, filter: HazardPointFilter): Promise<HazardPointRow[]> {
  return queryRows<HazardPointRow>(q, sql`
    SELECT ${columns} FROM registry.hazard_points h WHERE ${where(filter)} ORDER BY h.threatened_people DESC, h.name, h.id`)
}

export async function countHazardPoints(q: Queryable): Promise<number> {
  const rows = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM registry.hazard_points`)
  return rows[0]?.n ?? 0
}
