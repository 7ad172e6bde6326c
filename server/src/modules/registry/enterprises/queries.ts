/**
 * The enterprise registry's SQL, one named query per need. Many rows go in as one JSON
 * parameter expanded by jsonb_to_recordset: one statement for any count.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'

const asJsonParam = (rows: readonly unknown[]) => sql`${JSON.stringify(rows)}::jsonb`

export interface Contact { name: string; role?: string | undefined; phone?: string | undefined }

/** An enterprise as written: every column the caller sets. */
export interface EnterpriseValues {
  uscc: string
  name: string
  industry_code: string | null
  supervision_category: string
  address: string | null
  lon: number | null
  lat: number | null
  division_code: string
  contacts: Contact[]
  employees: number | null
  standardization_level: string | null
  status: string
  synthetic: boolean
}

export interface EnterpriseRecord extends EnterpriseValues {
  id: string
  major_hazard_level: number | null
  unit_count: number
  created_at: Date | string
  updated_at: Date | string
}

/** What may be seen: a division subtree, or one enterprise (enterprise users). */
export type Scope = { kind: 'division'; prefix: string } | { kind: 'enterprise'; id: string | null }

export interface EnterpriseFilter {
  scope: Scope
  q?: string | undefined
  /** A division code prefix (the filter's subtree). */
  divisionPrefix?: string | undefined
  category?: string | undefined
  majorHazard?: boolean | undefined
  majorHazardLevel?: number | undefined
  status?: string | undefined
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`)

function whereOf(filter: EnterpriseFilter): SQL {
  const conditions: SQL[] = []
  if (filter.scope.kind === 'division') conditions.push(sql`e.division_code LIKE ${`${filter.scope.prefix}%`}`)
  else conditions.push(filter.scope.id ? sql`e.id = ${filter.scope.id}::uuid` : sql`false`)
  if (filter.divisionPrefix) conditions.push(sql`e.division_code LIKE ${`${filter.divisionPrefix}%`}`)
  if (filter.q) {
    const text = likeEscape(filter.q)
    conditions.push(sql`(e.name ILIKE ${`%${text}%`} OR e.uscc LIKE ${`${text.toUpperCase()}%`})`)
  }
  if (filter.category) conditions.push(sql`e.supervision_category = ${filter.category}`)
  if (filter.majorHazard !== undefined) conditions.push(filter.majorHazard ? sql`e.major_hazard_level IS NOT NULL` : sql`e.major_hazard_level IS NULL`)
  if (filter.majorHazardLevel !== undefined) conditions.push(sql`e.major_hazard_level = ${filter.majorHazardLevel}`)
  if (filter.status) conditions.push(sql`e.status = ${filter.status}`)
  return sql.join(conditions, sql` AND `)
}

const enterpriseColumns = sql`e.id::text AS id, e.uscc, e.name, e.industry_code, e.supervision_category, e.address,
  ST_X(e.location) AS lon, ST_Y(e.location) AS lat, e.division_code, e.contacts, e.employees, e.standardization_level,
  e.status, e.major_hazard_level, e.synthetic, e.created_at, e.updated_at,
  (SELECT count(*)::int FROM registry.hazard_units u WHERE u.enterprise_id = e.id) AS unit_count`

/** Code-point order: the same on PGlite and on a server whatever its locale. */
const enterpriseOrder = sql`e.name COLLATE "C", e.id`

export async function countEnterprises(q: Queryable, filter: EnterpriseFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM registry.enterprises e WHERE ${whereOf(filter)}`)
  return row?.n ?? 0
}

export async function findEnterprisePage(q: Queryable, filter: EnterpriseFilter, limit: number, offset: number): Promise<EnterpriseRecord[]> {
  return queryRows<EnterpriseRecord>(q, sql`
    SELECT ${enterpriseColumns} FROM registry.enterprises e
    WHERE ${whereOf(filter)} ORDER BY ${enterpriseOrder} LIMIT ${limit} OFFSET ${offset}`)
}

/** Every enterprise matching the filter (exports). */
export async function findEnterprises(q: Queryable, filter: EnterpriseFilter): Promise<EnterpriseRecord[]> {
  return queryRows<EnterpriseRecord>(q, sql`
    SELECT ${enterpriseColumns} FROM registry.enterprises e WHERE ${whereOf(filter)} ORDER BY ${enterpriseOrder}`)
}

export interface EnterprisePointRecord {
  id: string
  name: string
  supervision_category: string
  major_hazard_level: number | null
  status: string
  lon: number
  lat: number
}

export async function findEnterprisePoints(q: Queryable, filter: EnterpriseFilter): Promise<EnterprisePointRecord[]> {
  return queryRows<EnterprisePointRecord>(q, sql`
    SELECT e.id::text AS id, e.name, e.supervision_category, e.major_hazard_level, e.status,
           ST_X(e.location) AS lon, ST_Y(e.location) AS lat
    FROM registry.enterprises e
    WHERE ${whereOf(filter)} AND e.location IS NOT NULL ORDER BY ${enterpriseOrder}`)
}

export async function findEnterprise(q: Queryable, id: string, forUpdate = false): Promise<EnterpriseRecord | undefined> {
  const [row] = await queryRows<EnterpriseRecord>(q, sql`
    SELECT ${enterpriseColumns} FROM registry.enterprises e WHERE e.id = ${id}::uuid ${forUpdate ? sql`FOR UPDATE` : sql``}`)
  return row
}

export async function findEnterpriseIdsByUscc(q: Queryable, usccs: readonly string[]): Promise<Map<string, { id: string; division_code: string }>> {
  if (usccs.length === 0) return new Map()
  const rows = await queryRows<{ id: string; uscc: string; division_code: string }>(q, sql`
    SELECT e.id::text AS id, e.uscc, e.division_code FROM registry.enterprises e
    WHERE e.uscc IN (SELECT jsonb_array_elements_text(${asJsonParam(usccs)}))`)
  return new Map(rows.map((r) => [r.uscc, { id: r.id, division_code: r.division_code }]))
}

const enterpriseRecordset = (rows: readonly EnterpriseValues[]) => sql`
  SELECT r.uscc, r.name, r.industry_code, r.supervision_category, r.address,
         CASE WHEN r.lon IS NULL OR r.lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) END,
         r.division_code, r.contacts, r.employees, r.standardization_level, r.status, r.synthetic
  FROM jsonb_to_recordset(${asJsonParam(rows)}) AS r(uscc text, name text, industry_code text, supervision_category text,
    address text, lon double precision, lat double precision, division_code text, contacts jsonb, employees integer,
    standardization_level text, status text, synthetic boolean)`

const enterpriseInsertColumns = sql`(uscc, name, industry_code, supervision_category, address, location, division_code,
  contacts, employees, standardization_level, status, synthetic)`

/** Adds enterprises; USCCs already present are an error (a unique violation). */
export async function insertEnterprises(q: Queryable, rows: readonly EnterpriseValues[]): Promise<{ id: string; uscc: string }[]> {
  if (rows.length === 0) return []
  return queryRows(q, sql`
    INSERT INTO registry.enterprises ${enterpriseInsertColumns} ${enterpriseRecordset(rows)}
    RETURNING id::text AS id, uscc`)
}

/** Adds enterprises or overwrites those with the same USCC (imports). `inserted` tells which. */
export async function upsertEnterprises(q: Queryable, rows: readonly EnterpriseValues[]): Promise<{ id: string; uscc: string; inserted: boolean }[]> {
  if (rows.length === 0) return []
  return queryRows(q, sql`
    INSERT INTO registry.enterprises ${enterpriseInsertColumns} ${enterpriseRecordset(rows)}
    ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name, industry_code = EXCLUDED.industry_code,
      supervision_category = EXCLUDED.supervision_category, address = EXCLUDED.address, location = EXCLUDED.location,
      division_code = EXCLUDED.division_code, contacts = EXCLUDED.contacts, employees = EXCLUDED.employees,
      standardization_level = EXCLUDED.standardization_level, status = EXCLUDED.status, synthetic = EXCLUDED.synthetic,
      updated_at = now()
    -- xmax is 0 on a freshly inserted row version, non-zero on an updated one.
    RETURNING id::text AS id, uscc, (xmax = 0) AS inserted`)
}

export async function updateEnterprise(q: Queryable, id: string, v: EnterpriseValues): Promise<void> {
  await q.execute(sql`
    UPDATE registry.enterprises SET uscc = ${v.uscc}, name = ${v.name}, industry_code = ${v.industry_code},
      supervision_category = ${v.supervision_category}, address = ${v.address},
      location = ${v.lon === null || v.lat === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${v.lon}, ${v.lat}), 4326)`},
      division_code = ${v.division_code}, contacts = ${JSON.stringify(v.contacts)}::jsonb, employees = ${v.employees},
      standardization_level = ${v.standardization_level}, status = ${v.status}, updated_at = now()
    WHERE id = ${id}::uuid`)
  // Units carry their enterprise's division.
  await q.execute(sql`UPDATE registry.hazard_units SET division_code = ${v.division_code} WHERE enterprise_id = ${id}::uuid AND division_code <> ${v.division_code}`)
}

/** Units carry their enterprise's division: align them after enterprises moved. */
export async function syncUnitDivisions(q: Queryable, enterpriseIds: readonly string[]): Promise<void> {
  if (enterpriseIds.length === 0) return
  await q.execute(sql`
    UPDATE registry.hazard_units u SET division_code = e.division_code
    FROM registry.enterprises e
    WHERE u.enterprise_id = e.id AND u.division_code <> e.division_code
      AND e.id IN (SELECT (jsonb_array_elements_text(${asJsonParam(enterpriseIds)}))::uuid)`)
}

export async function deleteEnterprise(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM registry.enterprises WHERE id = ${id}::uuid`)
}

/**
 * Sets each enterprise's major_hazard_level to its most severe unit level (1 = 一级) and
 * returns the enterprises whose level changed, with the old and new level.
 */
export async function refreshMajorHazardLevels(q: Queryable, enterpriseIds: readonly string[]): Promise<{ id: string; before: number | null; after: number | null }[]> {
  if (enterpriseIds.length === 0) return []
  return queryRows(q, sql`
    WITH target AS (
      SELECT e.id, e.major_hazard_level AS before,
             (SELECT min(u.level) FROM registry.hazard_units u WHERE u.enterprise_id = e.id)::smallint AS after
      FROM registry.enterprises e
      WHERE e.id IN (SELECT (jsonb_array_elements_text(${asJsonParam(enterpriseIds)}))::uuid)
      FOR UPDATE
    )
    UPDATE registry.enterprises e SET major_hazard_level = t.after
    FROM target t
    WHERE e.id = t.id AND e.major_hazard_level IS DISTINCT FROM t.after
    RETURNING e.id::text AS id, t.before, t.after`)
}

// ---- hazard units (生产单元/储存单元) ----

export interface StoredSubstance {
  cas?: string
  name?: string
  row?: number
  category?: string | string[]
  mixture?: boolean
  quantityT: number
}

export interface UnitValues {
  enterprise_id: string
  division_code: string
  name: string
  kind: string
  exposed_people: number
  substances: StoredSubstance[]
  sum_ratio: number
  is_major: boolean
  alpha: number
  r_value: number
  level: number | null
  synthetic: boolean
}

export interface UnitRecord extends UnitValues {
  id: string
  created_at: Date | string
  updated_at: Date | string
}

const unitColumns = sql`u.id::text AS id, u.enterprise_id::text AS enterprise_id, u.division_code, u.name, u.kind,
  u.exposed_people, u.substances, u.sum_ratio, u.is_major, u.alpha, u.r_value, u.level, u.synthetic, u.created_at, u.updated_at`

export async function findUnitsOf(q: Queryable, enterpriseIds: readonly string[]): Promise<UnitRecord[]> {
  if (enterpriseIds.length === 0) return []
  return queryRows<UnitRecord>(q, sql`
    SELECT ${unitColumns} FROM registry.hazard_units u
    WHERE u.enterprise_id IN (SELECT (jsonb_array_elements_text(${asJsonParam(enterpriseIds)}))::uuid)
    ORDER BY u.enterprise_id, u.name COLLATE "C", u.id`)
}

export async function findUnit(q: Queryable, enterpriseId: string, unitId: string): Promise<UnitRecord | undefined> {
  const [row] = await queryRows<UnitRecord>(q, sql`
    SELECT ${unitColumns} FROM registry.hazard_units u WHERE u.id = ${unitId}::uuid AND u.enterprise_id = ${enterpriseId}::uuid`)
  return row
}

export async function unitNameTaken(q: Queryable, enterpriseId: string, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await queryRows(q, sql`
    SELECT 1 FROM registry.hazard_units WHERE enterprise_id = ${enterpriseId}::uuid AND name = ${name}
      ${exceptId ? sql`AND id <> ${exceptId}::uuid` : sql``}`)
  return rows.length > 0
}

export async function insertUnits(q: Queryable, rows: readonly UnitValues[]): Promise<{ id: string }[]> {
  if (rows.length === 0) return []
  return queryRows(q, sql`
    INSERT INTO registry.hazard_units (enterprise_id, division_code, name, kind, exposed_people, substances,
      sum_ratio, is_major, alpha, r_value, level, synthetic)
    SELECT r.enterprise_id, r.division_code, r.name, r.kind, r.exposed_people, r.substances,
      r.sum_ratio, r.is_major, r.alpha, r.r_value, r.level, r.synthetic
    FROM jsonb_to_recordset(${asJsonParam(rows)}) AS r(enterprise_id uuid, division_code text, name text, kind text,
      exposed_people integer, substances jsonb, sum_ratio double precision, is_major boolean, alpha double precision,
      r_value double precision, level smallint, synthetic boolean)
    RETURNING id::text AS id`)
}

export async function updateUnit(q: Queryable, unitId: string, v: UnitValues): Promise<void> {
  await q.execute(sql`
    UPDATE registry.hazard_units SET name = ${v.name}, kind = ${v.kind}, exposed_people = ${v.exposed_people},
      substances = ${JSON.stringify(v.substances)}::jsonb, sum_ratio = ${v.sum_ratio}, is_major = ${v.is_major},
      alpha = ${v.alpha}, r_value = ${v.r_value}, level = ${v.level}, updated_at = now()
    WHERE id = ${unitId}::uuid`)
}

export async function deleteUnit(q: Queryable, unitId: string): Promise<void> {
  await q.execute(sql`DELETE FROM registry.hazard_units WHERE id = ${unitId}::uuid`)
}

export async function deleteUnitsOf(q: Queryable, enterpriseIds: readonly string[]): Promise<void> {
  if (enterpriseIds.length === 0) return
  await q.execute(sql`
    DELETE FROM registry.hazard_units
    WHERE enterprise_id IN (SELECT (jsonb_array_elements_text(${asJsonParam(enterpriseIds)}))::uuid)`)
}

export async function anyEnterprise(q: Queryable): Promise<boolean> {
  const rows = await queryRows(q, sql`SELECT 1 FROM registry.enterprises LIMIT 1`)
  return rows.length > 0
}
