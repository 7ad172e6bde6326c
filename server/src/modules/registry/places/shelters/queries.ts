/** The SQL of shelters (避灾安置场所). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../../db/database.ts'
import { queryRows } from '../../../../db/rows.ts'
import { containsPattern } from '../core/scope.ts'
import type { ShelterFacility } from './options.ts'

export interface ShelterValues {
  id: string
  name: string
  type: 'indoor' | 'outdoor' | 'mixed'
  level: 'city' | 'township' | 'village'
  capacity: number
  area_m2: number
  facilities: ShelterFacility[]
  address: string
  manager_name: string
  manager_phone: string
  division_code: string
  lon: number
  lat: number
  status: 'available' | 'in_use' | 'closed'
  synthetic: boolean
}

export interface ShelterRow extends ShelterValues {
  created_at: Date | string
  updated_at: Date | string
}

export interface ShelterFilter {
  prefix: string
  q?: string | undefined
  type?: string | undefined
  level?: string | undefined
  status?: string | undefined
}

const columns = sql`s.id, s.name, s.type, s.level, s.capacity, s.area_m2::float8 AS area_m2, s.facilities, s.address,
  s.manager_name, s.manager_phone, s.division_code, ST_X(s.location) AS lon, ST_Y(s.location) AS lat, s.status,
  s.synthetic, s.created_at, s.updated_at`

function where(filter: ShelterFilter): SQL {
  const conditions = [sql`s.division_code LIKE ${`${filter.prefix}%`}`]
  if (filter.q) conditions.push(sql`s.name ILIKE ${containsPattern(filter.q)}`)
  if (filter.type) conditions.push(sql`s.type = ${filter.type}`)
  if (filter.level) conditions.push(sql`s.level = ${filter.level}`)
  if (filter.status) conditions.push(sql`s.status = ${filter.status}`)
  return sql.join(conditions, sql` AND `)
}

export async function insertShelters(q: Queryable, rows: readonly ShelterValues[]): Promise<void> {
  if (rows.length === 0) return
  await q.execute(sql`
    INSERT INTO registry.shelters (id, name, type, level, capacity, area_m2, facilities, address, manager_name, manager_phone,
      division_code, location, status, synthetic)
    SELECT r.id, r.name, r.type, r.level, r.capacity, r.area_m2,
      ARRAY(SELECT jsonb_array_elements_text(r.facilities)), r.address, r.manager_name, r.manager_phone,
      r.division_code, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.status, r.synthetic
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, name text, type text, level text, capacity integer,
      area_m2 numeric, facilities jsonb, address text, manager_name text, manager_phone text, division_code text,
      lon double precision, lat double precision, status text, synthetic boolean)`)
}

export async function updateShelter(q: Queryable, row: ShelterValues): Promise<void> {
  await q.execute(sql`
    UPDATE registry.shelters SET name = ${row.name}, type = ${row.type}, level = ${row.level}, capacity = ${row.capacity},
      area_m2 = ${row.area_m2}, facilities = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(row.facilities)}::jsonb)),
      address = ${row.address}, manager_name = ${row.manager_name}, manager_phone = ${row.manager_phone},
      division_code = ${row.division_code}, location = ST_SetSRID(ST_MakePoint(${row.lon}, ${row.lat}), 4326),
      status = ${row.status}, updated_at = now()
    WHERE id = ${row.id}`)
}

export async function deleteShelter(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM registry.shelters WHERE id = ${id}`)
}

export async function findShelter(q: Queryable, id: string): Promise<ShelterRow | null> {
  const rows = await queryRows<ShelterRow>(q, sql`SELECT ${columns} FROM registry.shelters s WHERE s.id = ${id}`)
  return rows[0] ?? null
}

/** Largest capacity first. */
export async function findShelterPage(q: Queryable, filter: ShelterFilter, page: { limit: number; offset: number }) {
  const rows = await queryRows<ShelterRow>(q, sql`
    SELECT ${columns} FROM registry.shelters s WHERE ${where(filter)}
    ORDER BY s.capacity DESC, s.name, s.id LIMIT ${page.limit} OFFSET ${page.offset}`)
  const total = await queryRows<{ n: number; capacity: number }>(q, sql`
    SELECT count(*)::int AS n, coalesce(sum(s.capacity), 0)::int AS capacity FROM registry.shelters s WHERE ${where(filter)}`)
  return { rows, total: total[0]?.n ?? 0, capacity: total[0]?.capacity ?? 0 }
}

export async function findAllShelters(q: Queryable, filter: ShelterFilter): Promise<ShelterRow[]> {
  return queryRows<ShelterRow>(q, sql`SELECT ${columns} FROM registry.shelters s WHERE ${where(filter)} ORDER BY s.capacity DESC, s.name, s.id`)
}

export async function countShelters(q: Queryable): Promise<number> {
  const rows = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM registry.shelters`)
  return rows[0]?.n ?? 0
}
