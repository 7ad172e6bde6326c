/** Depots' SQL (resources.depots), one named query per need. */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import type { DepotLevel } from './schemas.ts'

export interface DepotRow {
  id: string
  level: DepotLevel
  name: string
  division_code: string
  lon: number | null
  lat: number | null
  address: string | null
  manager: string | null
  phone: string | null
  capacity_note: string | null
  synthetic: boolean
  created_at: Date | string
  updated_at: Date | string
}

export interface DepotValues {
  level: DepotLevel
  name: string
  division_code: string
  lon: number | null
  lat: number | null
  address: string | null
  manager: string | null
  phone: string | null
  capacity_note: string | null
  synthetic: boolean
}

const columns = sql`d.id::text AS id, d.level, d.name, d.division_code, ST_X(d.location) AS lon, ST_Y(d.location) AS lat,
  d.address, d.manager, d.phone, d.capacity_note, d.synthetic, d.created_at, d.updated_at`

export interface DepotFilter {
  scope: SQL
  nameLike: string | null
  level: DepotLevel | undefined
}

const where = (f: DepotFilter) => sql.join([
  f.scope,
  f.nameLike ? sql`d.name ILIKE ${f.nameLike}` : sql`true`,
  f.level ? sql`d.level = ${f.level}` : sql`true`,
], sql` AND `)

/** A page of depots (city first, then by division and name) and the total count. */
export async function findDepots(q: Queryable, f: DepotFilter, limit: number | null, offset: number): Promise<{ rows: DepotRow[]; total: number }> {
  const rows = await queryRows<DepotRow & { total: number }>(q, sql`
    SELECT ${columns}, count(*) OVER ()::int AS total FROM resources.depots d
    WHERE ${where(f)}
    ORDER BY CASE d.level WHEN 'city' THEN 0 WHEN 'township' THEN 1 ELSE 2 END, d.division_code, d.name, d.id
    ${limit === null ? sql`` : sql`LIMIT ${limit}`} OFFSET ${offset}`)
  return { rows, total: rows[0]?.total ?? (offset === 0 ? 0 : await countDepots(q, f)) }
}

async function countDepots(q: Queryable, f: DepotFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.depots d WHERE ${where(f)}`)
  return row?.n ?? 0
}

export async function findDepotById(q: Queryable, id: string): Promise<DepotRow | null> {
  const [row] = await queryRows<DepotRow>(q, sql`SELECT ${columns} FROM resources.depots d WHERE d.id = ${id}::uuid`)
  return row ?? null
}

export async function findDepotsByIds(q: Queryable, ids: readonly string[]): Promise<DepotRow[]> {
  if (ids.length === 0) return []
  return queryRows<DepotRow>(q, sql`
    SELECT ${columns} FROM resources.depots d
    WHERE d.id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`)
}

const point = (v: { lon: number | null; lat: number | null }) =>
  v.lon === null || v.lat === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${v.lon}, ${v.lat}), 4326)`

/** Adds depots in one statement; returns their ids. */
export async function insertDepots(q: Queryable, values: readonly DepotValues[]): Promise<string[]> {
  if (values.length === 0) return []
  const rows = await queryRows<{ id: string }>(q, sql`
    INSERT INTO resources.depots (level, name, division_code, location, address, manager, phone, capacity_note, synthetic)
    SELECT r.level, r.name, r.division_code,
           CASE WHEN r.lon IS NULL OR r.lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) END,
           r.address, r.manager, r.phone, r.capacity_note, r.synthetic
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS r(level text, name text, division_code text,
      lon double precision, lat double precision, address text, manager text, phone text, capacity_note text, synthetic boolean)
    RETURNING id::text AS id`)
  return rows.map((r) => r.id)
}

export async function updateDepot(q: Queryable, id: string, v: DepotValues): Promise<void> {
  await q.execute(sql`
    UPDATE resources.depots SET level = ${v.level}, name = ${v.name}, division_code = ${v.division_code}, location = ${point(v)},
      address = ${v.address}, manager = ${v.manager}, phone = ${v.phone}, capacity_note = ${v.capacity_note}, updated_at = now()
    WHERE id = ${id}::uuid`)
}

/** Whether the depot has any ledger entry (it then cannot be deleted). */
export async function depotHasMovements(q: Queryable, id: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(q, sql`SELECT 1 AS one FROM resources.movements WHERE depot_id = ${id}::uuid LIMIT 1`)
  return rows.length > 0
}

export async function deleteDepot(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM resources.stock_items WHERE depot_id = ${id}::uuid`)
  await q.execute(sql`DELETE FROM resources.depots WHERE id = ${id}::uuid`)
}

export async function countAllDepots(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.depots`)
  return row?.n ?? 0
}
