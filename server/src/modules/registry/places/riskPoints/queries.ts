/** The SQL of risk points (风险点), one named query per need. */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../../db/database.ts'
import { queryRows } from '../../../../db/rows.ts'
import { containsPattern } from '../core/scope.ts'

export type ControlLevel = 'company' | 'workshop' | 'team' | 'post'
export interface ControlMeasure {
  /** 管控层级: 公司 / 车间 / 班组 / 岗位 */
  level: ControlLevel
  measure: string
  person: string
}

/** A risk point as stored (snake case, the computed score included). */
export interface RiskPointValues {
  id: string
  name: string
  kind: 'enterprise' | 'public_place'
  enterprise_id: string | null
  place_type: string
  division_code: string
  lon: number | null
  lat: number | null
  method: 'LEC' | 'LS'
  likelihood: number
  exposure: number | null
  consequence: number | null
  severity: number | null
  score: number
  level: 'major' | 'large' | 'general' | 'low'
  colour: 'red' | 'orange' | 'yellow' | 'blue'
  band_label: string | null
  hazards: string
  consequences: string
  control_measures: ControlMeasure[]
  emergency_measures: string
  responsible_person: string
  responsible_phone: string
  review_date: string | null
  synthetic: boolean
}

export interface RiskPointRow extends RiskPointValues {
  created_at: Date | string
  updated_at: Date | string
}

export interface RiskPointFilter {
  prefix: string
  q?: string | undefined
  colour?: string | undefined
  method?: string | undefined
  kind?: string | undefined
  enterpriseId?: string | undefined
}

const columns = sql`r.id, r.name, r.kind, r.enterprise_id, r.place_type, r.division_code,
  ST_X(r.location) AS lon, ST_Y(r.location) AS lat, r.method, r.likelihood, r.exposure, r.consequence, r.severity,
  r.score, r.level, r.colour, r.band_label, r.hazards, r.consequences, r.control_measures, r.emergency_measures,
  r.responsible_person, r.responsible_phone, r.review_date::text AS review_date, r.synthetic, r.created_at, r.updated_at`

const levelOrder = sql`CASE r.level WHEN 'major' THEN 0 WHEN 'large' THEN 1 WHEN 'general' THEN 2 ELSE 3 END`

function where(filter: RiskPointFilter): SQL {
  const conditions = [sql`r.division_code LIKE ${`${filter.prefix}%`}`]
  if (filter.q) conditions.push(sql`r.name ILIKE ${containsPattern(filter.q)}`)
  if (filter.colour) conditions.push(sql`r.colour = ${filter.colour}`)
  if (filter.method) conditions.push(sql`r.method = ${filter.method}`)
  if (filter.kind) conditions.push(sql`r.kind = ${filter.kind}`)
  if (filter.enterpriseId) conditions.push(sql`r.enterprise_id = ${filter.enterpriseId}`)
  return sql.join(conditions, sql` AND `)
}

/** One statement for any number of rows (create, import, demo). */
export async function insertRiskPoints(q: Queryable, rows: readonly RiskPointValues[]): Promise<void> {
  if (rows.length === 0) return
  await q.execute(sql`
    INSERT INTO registry.risk_points (id, name, kind, enterprise_id, place_type, division_code, location, method,
      likelihood, exposure, consequence, severity, score, level, colour, band_label, hazards, consequences,
      control_measures, emergency_measures, responsible_person, responsible_phone, review_date, synthetic)
    SELECT r.id, r.name, r.kind, r.enterprise_id, r.place_type, r.division_code,
      CASE WHEN r.lon IS NULL OR r.lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) END,
      r.method, r.likelihood, r.exposure, r.consequence, r.severity, r.score, r.level, r.colour, r.band_label,
      r.hazards, r.consequences, r.control_measures, r.emergency_measures, r.responsible_person,
      r.responsible_phone, r.review_date, r.synthetic
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, name text, kind text, enterprise_id uuid,
      place_type text, division_code text, lon double precision, lat double precision, method text,
      likelihood double precision, exposure double precision, consequence double precision, severity double precision,
      score double precision, level text, colour text, band_label text, hazards text, consequences text,
      control_measures jsonb, emergency_measures text, responsible_person text, responsible_phone text,
      review_date date, synthetic boolean)`)
}

export async function updateRiskPoint(q: Queryable, row: RiskPointValues): Promise<void> {
  const location = row.lon === null || row.lat === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${row.lon}, ${row.lat}), 4326)`
  await q.execute(sql`
    UPDATE registry.risk_points SET name = ${row.name}, kind = ${row.kind}, enterprise_id = ${row.enterprise_id},
      place_type = ${row.place_type}, division_code = ${row.division_code}, location = ${location}, method = ${row.method},
      likelihood = ${row.likelihood}, exposure = ${row.exposure}, consequence = ${row.consequence}, severity = ${row.severity},
      score = ${row.score}, level = ${row.level}, colour = ${row.colour}, band_label = ${row.band_label},
      hazards = ${row.hazards}, consequences = ${row.consequences},
      control_measures = ${JSON.stringify(row.control_measures)}::jsonb, emergency_measures = ${row.emergency_measures},
      responsible_person = ${row.responsible_person}, responsible_phone = ${row.responsible_phone},
      review_date = ${row.review_date}::date, updated_at = now()
    WHERE id = ${row.id}`)
}

export async function deleteRiskPoint(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM registry.risk_points WHERE id = ${id}`)
}

export async function findRiskPoint(q: Queryable, id: string): Promise<RiskPointRow | null> {
  const rows = await queryRows<RiskPointRow>(q, sql`SELECT ${columns} FROM registry.risk_points r WHERE r.id = ${id}`)
  return rows[0] ?? null
}

/** Highest risk first, then by name. */
export async function findRiskPointPage(
  q: Queryable, filter: RiskPointFilter, page: { limit: number; offset: number },
): Promise<{ rows: RiskPointRow[]; total: number }> {
  const rows = await queryRows<RiskPointRow>(q, sql`
    SELECT ${columns} FROM registry.risk_points r WHERE ${where(filter)}
    ORDER BY ${levelOrder}, r.score DESC, r.name, r.id LIMIT ${page.limit} OFFSET ${page.offset}`)
  const total = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM registry.risk_points r WHERE ${where(filter)}`)
  return { rows, total: total[0]?.n ?? 0 }
}

/** Every matching row (export, three lists, map), highest risk first. */
export async function findAllRiskPoints(q: Queryable, filter: RiskPointFilter): Promise<RiskPointRow[]> {
  return queryRows<RiskPointRow>(q, sql`
    SELECT ${columns} FROM registry.risk_points r WHERE ${where(filter)}
    ORDER BY ${levelOrder}, r.score DESC, r.name, r.id`)
}

export async function countRiskPoints(q: Queryable): Promise<number> {
  const rows = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM registry.risk_points`)
  return rows[0]?.n ?? 0
}
