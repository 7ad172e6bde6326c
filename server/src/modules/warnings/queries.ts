/** Warnings' SQL (warnings.warnings). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'

export type WarningStatus = 'draft' | 'submitted' | 'rejected' | 'issued' | 'superseded' | 'cancelled'
export type MsgType = 'Alert' | 'Update' | 'Cancel'

export interface WarningRow {
  id: string
  identifier: string
  status: WarningStatus
  msg_type: MsgType
  references_id: string | null
  hazard: string
  level: string
  headline: string
  headline_en: string | null
  description: string
  description_en: string | null
  instruction: string | null
  instruction_en: string | null
  onset: Date | string | null
  expires: Date | string
  area: unknown
  area_desc: string
  area_geojson: string
  division_codes: string[]
  division_code: string
  source_alarm_id: string | null
  created_by: string
  created_by_name: string
  submitted_at: Date | string | null
  approved_by: string | null
  approved_by_name: string | null
  emergency_issue: boolean
  review_comment: string | null
  sent: Date | string | null
  cap_xml: string | null
  created_at: Date | string
  updated_at: Date | string
}

const columns = sql`w.id::text AS id, w.identifier, w.status, w.msg_type, w.references_id::text AS references_id, w.hazard, w.level,
  w.headline, w.headline_en, w.description, w.description_en, w.instruction, w.instruction_en, w.onset, w.expires, w.area, w.area_desc,
  ST_AsGeoJSON(w.area_geom, 6) AS area_geojson, w.division_codes, w.division_code, w.source_alarm_id::text AS source_alarm_id,
  w.created_by::text AS created_by, w.created_by_name, w.submitted_at, w.approved_by::text AS approved_by, w.approved_by_name,
  w.emergency_issue, w.review_comment, w.sent, w.cap_xml, w.created_at, w.updated_at`

export const textArray = (values: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`
export const geometryOf = (geojson: string) => sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))`

export interface WarningValues {
  hazard: string
  level: string
  headline: string
  headline_en: string | null
  description: string
  description_en: string | null
  instruction: string | null
  instruction_en: string | null
  onset: string | null
  expires: string
  area: unknown
  area_desc: string
  area_geojson: string
  division_codes: string[]
  division_code: string
  source_alarm_id: string | null
}

export interface NewWarning extends WarningValues {
  id: string
  identifier: string
  status: WarningStatus
  msg_type: MsgType
  references_id: string | null
  created_by: string
  created_by_name: string
}

export async function insertWarning(q: Queryable, v: NewWarning): Promise<void> {
  await q.execute(sql`
    INSERT INTO warnings.warnings (id, identifier, status, msg_type, references_id, hazard, level, headline, headline_en, description,
      description_en, instruction, instruction_en, onset, expires, area, area_desc, area_geom, division_codes, division_code,
      source_alarm_id, created_by, created_by_name)
    VALUES (${v.id}::uuid, ${v.identifier}, ${v.status}, ${v.msg_type}, ${v.references_id}::uuid, ${v.hazard}, ${v.level}, ${v.headline},
      ${v.headline_en}, ${v.description}, ${v.description_en}, ${v.instruction}, ${v.instruction_en}, ${v.onset}::timestamptz,
      ${v.expires}::timestamptz, ${JSON.stringify(v.area)}::jsonb, ${v.area_desc}, ${geometryOf(v.area_geojson)}, ${textArray(v.division_codes)},
      ${v.division_code}, ${v.source_alarm_id}::uuid, ${v.created_by}::uuid, ${v.created_by_name})`)
}

export async function updateWarningValues(q: Queryable, id: string, v: WarningValues): Promise<void> {
  await q.execute(sql`
    UPDATE warnings.warnings SET hazard = ${v.hazard}, level = ${v.level}, headline = ${v.headline}, headline_en = ${v.headline_en},
      description = ${v.description}, description_en = ${v.description_en}, instruction = ${v.instruction}, instruction_en = ${v.instruction_en},
      onset = ${v.onset}::timestamptz, expires = ${v.expires}::timestamptz, area = ${JSON.stringify(v.area)}::jsonb, area_desc = ${v.area_desc},
      area_geom = ${geometryOf(v.area_geojson)}, division_codes = ${textArray(v.division_codes)}, division_code = ${v.division_code},
      updated_at = now()
    WHERE id = ${id}::uuid`)
}

export async function findWarning(q: Queryable, id: string, forUpdate = false): Promise<WarningRow | null> {
  const [row] = await queryRows<WarningRow>(q, sql`SELECT ${columns} FROM warnings.warnings w WHERE w.id = ${id}::uuid ${forUpdate ? sql`FOR UPDATE` : sql``}`)
  return row ?? null
}

/** Visible to a jurisdiction prefix: owned within it, or issued (or since replaced) and covering part of it. */
export const visibleTo = (prefix: string): SQL => sql`(w.division_code LIKE ${prefix + '%'}
  OR (w.status IN ('issued', 'superseded', 'cancelled') AND EXISTS (SELECT 1 FROM unnest(w.division_codes) c WHERE c LIKE ${prefix + '%'})))`

export async function findWarnings(q: Queryable, f: { prefix: string; status?: string | undefined; hazard?: string | undefined }, limit: number, offset: number) {
  const where = sql.join([visibleTo(f.prefix), f.status ? sql`w.status = ${f.status}` : sql`true`, f.hazard ? sql`w.hazard = ${f.hazard}` : sql`true`], sql` AND `)
  const rows = await queryRows<WarningRow>(q, sql`SELECT ${columns} FROM warnings.warnings w WHERE ${where}
    ORDER BY coalesce(w.sent, w.updated_at) DESC, w.id LIMIT ${limit} OFFSET ${offset}`)
  const [count] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM warnings.warnings w WHERE ${where}`)
  return { rows, total: count?.n ?? 0 }
}

export async function setStatus(q: Queryable, id: string, status: WarningStatus, extra: SQL = sql``): Promise<void> {
  await q.execute(sql`UPDATE warnings.warnings SET status = ${status}, updated_at = now() ${extra} WHERE id = ${id}::uuid`)
}

export async function deleteWarning(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM warnings.warnings WHERE id = ${id}::uuid`)
}

/** How many identifiers begin with the prefix (the next sequence within one second). */
export async function countIdentifiers(q: Queryable, prefix: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM warnings.warnings WHERE identifier LIKE ${prefix + '%'}`)
  return row?.n ?? 0
}

/** Exterior rings of the area, simplified (≈ 50 m) for the CAP document. */
export async function capRings(q: Queryable, id: string): Promise<[number, number][][]> {
  const [row] = await queryRows<{ geojson: string }>(q, sql`
    SELECT ST_AsGeoJSON(ST_SimplifyPreserveTopology(area_geom, 0.0005), 6) AS geojson FROM warnings.warnings WHERE id = ${id}::uuid`)
  if (!row) return []
  const geometry = JSON.parse(row.geojson) as { type: string; coordinates: [number, number][][][] | [number, number][][] }
  const polygons = geometry.type === 'MultiPolygon' ? (geometry.coordinates as [number, number][][][]) : [geometry.coordinates as [number, number][][]]
  return polygons.map((p) => p[0]!).filter((ring) => ring && ring.length >= 4)
}

export interface AlarmSource {
  id: string
  level: string
  status: string
  message: string
  value: number | null
  division_code: string
  device_type: string
  device_name: string
  lon: number
  lat: number
}

/** An alarm with its device (type, name, location), for drafting a warning from it. */
export async function findAlarmSource(q: Queryable, alarmId: string): Promise<AlarmSource | null> {
  const [row] = await queryRows<AlarmSource>(q, sql`
    SELECT a.id::text AS id, a.level, a.status, a.message, a.value, a.division_code, d.type AS device_type, d.name AS device_name,
      ST_X(d.location) AS lon, ST_Y(d.location) AS lat
    FROM monitoring.alarms a JOIN monitoring.devices d ON d.id = a.device_id WHERE a.id = ${alarmId}::uuid`)
  return row ?? null
}
