/**
 * The geo module's SQL, one named query per need. Geometry leaves the database as GeoJSON
 * text (ST_AsGeoJSON, 6 decimals ≈ 0.1 m) or lon/lat numbers, and enters as GeoJSON.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'

/** Rows as one JSON parameter expanded by jsonb_to_recordset: one round trip for any count. */
const asJsonParam = (rows: readonly unknown[]) => sql`${JSON.stringify(rows)}::jsonb`

/** The levels the geo module stores: a county and what lies under it. */
export type DivisionLevelName = 'county' | 'township' | 'village'

export interface NewDivision {
  code: string
  name: string
  level: DivisionLevelName
  type: string
  parent_code: string | null
  population: number | null
  synthetic: boolean
  lon: number | null
  lat: number | null
  code_edition: string
}

export interface DivisionRecord {
  code: string
  name: string
  level: DivisionLevelName
  type: string
  parent_code: string | null
  population: number | null
  synthetic: boolean
  lon: number | null
  lat: number | null
}

const divisionColumns = sql`d.code, d.name, d.level, d.type, d.parent_code, d.population, d.synthetic,
  ST_X(d.location) AS lon, ST_Y(d.location) AS lat`

const newDivisionRecordset = (rows: readonly NewDivision[]) => sql`
  SELECT r.code, r.name, r.level, r.type, r.parent_code, r.population, r.synthetic,
         CASE WHEN r.lon IS NULL OR r.lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) END,
         r.code_edition
  FROM jsonb_to_recordset(${asJsonParam(rows)}) AS r(code text, name text, level text, type text, parent_code text,
    population integer, synthetic boolean, lon double precision, lat double precision, code_edition text)`

/** Adds divisions; codes already present are left as they are. */
export async function insertDivisions(q: Queryable, rows: readonly NewDivision[]): Promise<void> {
  if (rows.length === 0) return
  await q.execute(sql`
    INSERT INTO geo.divisions (code, name, level, type, parent_code, population, synthetic, location, code_edition)
    ${newDivisionRecordset(rows)}
    ON CONFLICT (code) DO NOTHING`)
}

/**
 * Adds or renames divisions from a code list. Population, location and the synthetic flag of
 * existing rows are kept: a code list says nothing about them.
 */
export async function upsertDivisionCodes(q: Queryable, rows: readonly NewDivision[]): Promise<void> {
  if (rows.length === 0) return
  await q.execute(sql`
    INSERT INTO geo.divisions (code, name, level, type, parent_code, population, synthetic, location, code_edition)
    ${newDivisionRecordset(rows)}
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, type = EXCLUDED.type,
      parent_code = EXCLUDED.parent_code, code_edition = EXCLUDED.code_edition, updated_at = now()`)
}

/**
 * Stores a (Multi)Polygon as a valid MultiPolygon: source outlines may self-intersect (the
 * shipped Leping one does, at 117.5°E 28.825°N), which breaks area and containment tests.
 */
export async function insertDivisionArea(q: Queryable, divisionCode: string, geometry: object, source: string): Promise<void> {
  await q.execute(sql`
    INSERT INTO geo.division_areas (division_code, geometry, source)
    VALUES (${divisionCode},
      ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)), 3)),
      ${source})
    ON CONFLICT (division_code) DO NOTHING`)
}

export interface NewRiver {
  name: string | null
  name_en: string | null
  geometry: object
}

export async function insertRivers(q: Queryable, divisionCode: string, rivers: readonly NewRiver[], source: string): Promise<void> {
  if (rivers.length === 0) return
  await q.execute(sql`
    INSERT INTO geo.rivers (division_code, name, name_en, geometry, source)
    SELECT ${divisionCode}, r.name, r.name_en, ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4326), ${source}
    FROM jsonb_to_recordset(${asJsonParam(rivers)}) AS r(name text, name_en text, geometry jsonb)`)
}

/** How many divisions lie in the subtree with this code prefix (e.g. '360281'). */
export async function countDivisionsWithPrefix(q: Queryable, prefix: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM geo.divisions WHERE code LIKE ${`${prefix}%`}`)
  return rows[0]?.n ?? 0
}

/** Serialises concurrent first starts on a server database (one loader, the others wait). */
export async function lockGeoSeed(q: Queryable): Promise<void> {
  await q.execute(sql`SELECT pg_advisory_xact_lock(hashtext('geo.seed'))`)
}

export async function findDivision(q: Queryable, code: string): Promise<DivisionRecord | null> {
  const rows = await queryRows<DivisionRecord>(q, sql`SELECT ${divisionColumns} FROM geo.divisions d WHERE d.code = ${code}`)
  return rows[0] ?? null
}

export interface ChildRecord {
  code: string
  name: string
  level: DivisionLevelName
  type: string
  synthetic: boolean
  child_count: number
}

export async function findChildren(q: Queryable, parentCode: string): Promise<ChildRecord[]> {
  return queryRows<ChildRecord>(q, sql`
    SELECT c.code, c.name, c.level, c.type, c.synthetic,
           (SELECT count(*) FROM geo.divisions g WHERE g.parent_code = c.code)::int AS child_count
    FROM geo.divisions c WHERE c.parent_code = ${parentCode} ORDER BY c.code`)
}

/** Existing divisions among the given codes (for imports: known parents and what is replaced). */
export async function findDivisionsByCodes(q: Queryable, codes: readonly string[]): Promise<DivisionRecord[]> {
  if (codes.length === 0) return []
  return queryRows<DivisionRecord>(q, sql`
    SELECT ${divisionColumns} FROM geo.divisions d
    WHERE d.code IN (SELECT jsonb_array_elements_text(${asJsonParam(codes)})) ORDER BY d.code`)
}

export interface SearchHit {
  code: string
  name: string
  level: DivisionLevelName
  parent_code: string | null
  path: string
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Divisions under `prefix` whose name contains `text` (or whose code starts with it, when it is
 * digits): exact names first, then names starting with it, higher levels first, then by code.
 * `path` is the names from the top loaded ancestor down to the division, joined by ' / '.
 */
export async function searchDivisionsByName(q: Queryable, text: string, prefix: string, limit: number): Promise<SearchHit[]> {
  const contains = `%${likeEscape(text)}%`
  const startsWith = `${likeEscape(text)}%`
  const codeMatch = /^\d+$/.test(text) ? sql`OR d.code LIKE ${startsWith}` : sql``
  return queryRows<SearchHit>(q, sql`
    SELECT d.code, d.name, d.level, d.parent_code,
      (SELECT string_agg(a.name, ' / ' ORDER BY a.code) FROM geo.divisions a
       WHERE a.code IN (rpad(left(d.code, 2), 12, '0'), rpad(left(d.code, 4), 12, '0'), rpad(left(d.code, 6), 12, '0'),
                        rpad(left(d.code, 9), 12, '0'), d.code)) AS path
    FROM geo.divisions d
    WHERE d.code LIKE ${`${prefix}%`} AND (d.name ILIKE ${contains} ${codeMatch})
    ORDER BY (d.name = ${text}) DESC, (d.name ILIKE ${startsWith}) DESC,
      CASE d.level WHEN 'county' THEN 0 WHEN 'township' THEN 1 ELSE 2 END,
      d.code
    LIMIT ${limit}`)
}

export interface AreaRecord {
  code: string
  name: string
  geojson: string
}

/** County-level boundaries (the base map outline). */
export async function findCountyAreas(q: Queryable): Promise<AreaRecord[]> {
  return queryRows<AreaRecord>(q, sql`
    SELECT d.code, d.name, ST_AsGeoJSON(a.geometry, 6) AS geojson
    FROM geo.division_areas a JOIN geo.divisions d ON d.code = a.division_code
    WHERE d.level = 'county' ORDER BY d.code`)
}

export interface RiverRecord {
  name: string | null
  name_en: string | null
  geojson: string
}

export async function findRivers(q: Queryable): Promise<RiverRecord[]> {
  return queryRows<RiverRecord>(q, sql`SELECT name, name_en, ST_AsGeoJSON(geometry, 6) AS geojson FROM geo.rivers ORDER BY id`)
}

export interface DivisionPointRecord {
  code: string
  name: string
  level: DivisionLevelName
  type: string
  population: number | null
  synthetic: boolean
  parent_code: string | null
  lon: number
  lat: number
}

/** Located divisions of one level under `prefix`. */
export async function findDivisionPoints(q: Queryable, level: DivisionLevelName, prefix: string): Promise<DivisionPointRecord[]> {
  return queryRows<DivisionPointRecord>(q, sql`
    SELECT d.code, d.name, d.level, d.type, d.population, d.synthetic, d.parent_code,
           ST_X(d.location) AS lon, ST_Y(d.location) AS lat
    FROM geo.divisions d
    WHERE d.level = ${level} AND d.code LIKE ${`${prefix}%`} AND d.location IS NOT NULL
    ORDER BY d.code`)
}
