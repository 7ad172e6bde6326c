/**
 * Synthetic township and village areas (合成的乡镇、村界). No open source publishes Leping's
 * township or village boundaries, only the county's. Warnings need an area per division, so
 * Yingji draws one: township areas are the Voronoi cells of the township seats clipped to the
 * county boundary; village areas are the Voronoi cells of the villages clipped to their
 * township's cell. Every such row has `source = 'synthetic-voronoi'`, and every API that shows
 * one says it is synthetic. A real boundary, once loaded, is never overwritten.
 *
 * Also here: the area look-ups other modules need (a division's area, which divisions an area
 * covers), so they use functions of the geo module rather than its tables.
 */
import { sql } from 'drizzle-orm'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'

export const syntheticAreaSource = 'synthetic-voronoi'

/**
 * Overlay grid (degrees, ≈ 0.1 mm) for ST_Intersection / ST_UnaryUnion of areas that share
 * edges. Without a grid size, PGlite's GEOS (3.14, WebAssembly) answers such an overlay with no
 * row at all instead of an error (seen on a village cell and its township's cell); the snap-
 * rounding overlay a grid size selects works on PGlite and on PostgreSQL 15 + PostGIS 3.3.
 */
export const gridSize = sql.raw('1e-9')

/**
 * Adds the synthetic township and village areas of every county that has a boundary, for the
 * divisions that have no area yet. Idempotent: a second call inserts nothing.
 */
export async function seedSyntheticDivisionAreas(db: Db): Promise<{ townships: number; villages: number }> {
  return db.transaction(async (tx) => {
    const townships = await queryRows<{ n: number }>(tx, sql`
      WITH county AS (
        SELECT a.division_code AS code, a.geometry AS g FROM geo.division_areas a
        JOIN geo.divisions d ON d.code = a.division_code WHERE d.level = 'county'
      ), seats AS (
        SELECT c.code AS county_code, d.code, d.location FROM county c
        JOIN geo.divisions d ON d.level = 'township' AND d.code LIKE substr(c.code, 1, 6) || '%' AND d.location IS NOT NULL
      ), cells AS (
        SELECT c.code AS county_code, (ST_Dump(ST_VoronoiPolygons(ST_Collect(s.location), 0, ST_Expand(ST_Envelope(c.g), 0.5)))).geom AS cell
        FROM county c JOIN seats s ON s.county_code = c.code GROUP BY c.code, c.g
      ), clipped AS (
        SELECT s.code, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(cl.cell, c.g)), 3)) AS g
        FROM seats s JOIN cells cl ON cl.county_code = s.county_code AND ST_Intersects(cl.cell, s.location)
        JOIN county c ON c.code = s.county_code
      ), one AS (
        SELECT DISTINCT ON (code) code, g FROM clipped WHERE NOT ST_IsEmpty(g) ORDER BY code
      ), inserted AS (
        INSERT INTO geo.division_areas (division_code, geometry, source)
        SELECT code, g, ${syntheticAreaSource} FROM one
        ON CONFLICT (division_code) DO NOTHING RETURNING 1
      )
      SELECT count(*)::int AS n FROM inserted`)
    const villages = await queryRows<{ n: number }>(tx, sql`
      WITH township AS (
        SELECT a.division_code AS code, a.geometry AS g FROM geo.division_areas a
        JOIN geo.divisions d ON d.code = a.division_code WHERE d.level = 'township'
      ), members AS (
        SELECT t.code AS township_code, d.code, d.location FROM township t
        JOIN geo.divisions d ON d.parent_code = t.code AND d.level = 'village' AND d.location IS NOT NULL
      ), counts AS (
        SELECT township_code, count(DISTINCT ST_AsBinary(location)) AS n FROM members GROUP BY township_code
      ), cells AS (
        SELECT t.code AS township_code, (ST_Dump(ST_VoronoiPolygons(ST_Collect(m.location), 0, ST_Expand(ST_Envelope(t.g), 0.5)))).geom AS cell
        FROM township t JOIN members m ON m.township_code = t.code
        JOIN counts n ON n.township_code = t.code AND n.n > 1
        GROUP BY t.code, t.g
      ), clipped AS (
        -- several cells, or a village alone in its township: the township's whole area
        SELECT m.code, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(coalesce(cl.cell, t.g), t.g)), 3)) AS g
        FROM members m JOIN township t ON t.code = m.township_code
        LEFT JOIN cells cl ON cl.township_code = m.township_code AND ST_Intersects(cl.cell, m.location)
      ), one AS (
        SELECT DISTINCT ON (code) code, g FROM clipped WHERE NOT ST_IsEmpty(g) ORDER BY code
      ), inserted AS (
        INSERT INTO geo.division_areas (division_code, geometry, source)
        SELECT code, g, ${syntheticAreaSource} FROM one
        ON CONFLICT (division_code) DO NOTHING RETURNING 1
      )
      SELECT count(*)::int AS n FROM inserted`)
    return { townships: townships[0]?.n ?? 0, villages: villages[0]?.n ?? 0 }
  })
}

/** Seeds the synthetic areas once per process and database (for callers that need them lazily). */
const seeded = new WeakSet<object>()
export async function ensureSyntheticDivisionAreas(db: Db): Promise<void> {
  if (seeded.has(db)) return
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM geo.division_areas WHERE source = ${syntheticAreaSource}`)
  if ((row?.n ?? 0) === 0) await seedSyntheticDivisionAreas(db)
  seeded.add(db)
}

// ---- look-ups for other modules ------------------------------------------------

export interface DivisionRef {
  code: string
  name: string
  level: 'county' | 'township' | 'village'
  parentCode: string | null
  /** Whether the division has an area (else only its point is known) */
  hasArea: boolean
  /** The area is synthetic (drawn by Yingji), not an official boundary */
  syntheticArea: boolean
}

/** The divisions of the given 12-digit codes (unknown codes are absent from the answer). */
export async function findDivisionRefs(q: Queryable, codes: readonly string[]): Promise<DivisionRef[]> {
  if (codes.length === 0) return []
  const rows = await queryRows<{ code: string; name: string; level: DivisionRef['level']; parent_code: string | null; source: string | null }>(q, sql`
    SELECT d.code::text AS code, d.name, d.level, d.parent_code::text AS parent_code, a.source
    FROM geo.divisions d LEFT JOIN geo.division_areas a ON a.division_code = d.code
    WHERE d.code::text = ANY (ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb)))`)
  return rows.map((r) => ({
    code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, hasArea: r.source !== null, syntheticArea: r.source === syntheticAreaSource,
  }))
}

/**
 * SQL for the union of the divisions' areas (a division without an area counts as a 500 m disc
 * around its point): a MultiPolygon, SRID 4326, or null when none has either.
 */
export function divisionsAreaSql(codes: readonly string[]) {
  return sql`(
    SELECT ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(coalesce(a.geometry,
      ST_Buffer(d.location::geography, 500)::geometry)), ${gridSize}), 3))
    FROM geo.divisions d LEFT JOIN geo.division_areas a ON a.division_code = d.code
    WHERE d.code::text = ANY (ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb)))
      AND (a.geometry IS NOT NULL OR d.location IS NOT NULL))`
}

export interface CoveredDivision {
  code: string
  name: string
  level: 'township' | 'village'
  parentCode: string | null
}

/**
 * The townships and villages an area (a geometry SQL expression, SRID 4326) covers: those whose
 * area overlaps it by more than a sliver (0.01 % of the division's area: neighbours sharing an
 * edge with a division's own area are not covered) or, without an area, whose point lies in it.
 */
export async function divisionsCoveredBy(q: Queryable, area: ReturnType<typeof sql>): Promise<CoveredDivision[]> {
  return queryRows<CoveredDivision>(q, sql`
    WITH target AS (SELECT ${area} AS g)
    SELECT d.code::text AS code, d.name, d.level, d.parent_code::text AS "parentCode"
    FROM target, geo.divisions d LEFT JOIN geo.division_areas a ON a.division_code = d.code
    WHERE d.level IN ('township', 'village')
      AND CASE WHEN a.geometry IS NOT NULL
        THEN ST_Intersects(a.geometry, target.g)
          AND ST_Area(ST_Intersection(a.geometry, target.g, ${gridSize})) > 1e-4 * ST_Area(a.geometry)
        ELSE d.location IS NOT NULL AND ST_Intersects(d.location, target.g) END
    ORDER BY d.code`)
}

/** Names of divisions by code (with their parents' names for villages), for `areaDesc`. */
export async function divisionNamesOf(q: Queryable, codes: readonly string[]): Promise<Map<string, { name: string; parentName: string | null }>> {
  if (codes.length === 0) return new Map()
  const rows = await queryRows<{ code: string; name: string; parent_name: string | null }>(q, sql`
    SELECT d.code::text AS code, d.name, p.name AS parent_name FROM geo.divisions d LEFT JOIN geo.divisions p ON p.code = d.parent_code
    WHERE d.code::text = ANY (ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb)))`)
  return new Map(rows.map((r) => [r.code, { name: r.name, parentName: r.parent_name }]))
}

export interface DivisionAreaFeature {
  code: string
  name: string
  level: string
  source: string
  synthetic: boolean
  geojson: string
}

/** The areas of the divisions under a code prefix at one level (for maps; synthetic ones marked). */
export async function divisionAreasUnder(q: Queryable, prefix: string, level: 'township' | 'village'): Promise<DivisionAreaFeature[]> {
  return queryRows<DivisionAreaFeature>(q, sql`
    SELECT d.code::text AS code, d.name, d.level, a.source, a.source = ${syntheticAreaSource} AS synthetic,
      ST_AsGeoJSON(a.geometry, 6) AS geojson
    FROM geo.division_areas a JOIN geo.divisions d ON d.code = a.division_code
    WHERE d.level = ${level} AND d.code LIKE ${prefix + '%'} ORDER BY d.code`)
}
