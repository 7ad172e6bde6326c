/**
 * The geo module's use cases: check the caller's jurisdiction (管辖范围), load, shape. Other
 * modules call the exported functions of index.ts, never the tables.
 */
import { divisionPrefix, normalizeDivisionCode } from '@yingji/domain/geo/divisionCode'
import type { Queryable } from '../../db/database.ts'
import { invalid, notFound } from '../../http/errors.ts'
import { assertInJurisdiction, type Actor } from '../../http/access.ts'
import * as queries from './queries.ts'

export type DivisionLevel = queries.DivisionLevelName
export interface LonLat { lon: number; lat: number }

export interface DivisionChild {
  code: string
  name: string
  level: DivisionLevel
  type: string
  synthetic: boolean
  childCount: number
}

export interface DivisionDetail {
  code: string
  name: string
  level: DivisionLevel
  type: string
  synthetic: boolean
  population: number | null
  location: LonLat | null
  parentCode: string | null
  children: DivisionChild[]
}

/** 6 decimals ≈ 0.1 m: more is noise, and it keeps answers small. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6

const locationOf = (r: { lon: number | null; lat: number | null }): LonLat | null =>
  r.lon === null || r.lat === null ? null : { lon: round6(r.lon), lat: round6(r.lat) }

/** A 6-, 9- or 12-digit code from a request, as 12 digits, or a 400 naming the field. */
export function parseDivisionCode(input: string, field: string): string {
  const code = normalizeDivisionCode(input)
  if (!code) {
    throw invalid('invalid_division_code', field,
      `${field} 不是有效的行政区划代码（应为 6、9 或 12 位数字）：${input}`,
      `${field} is not a valid division code (6, 9 or 12 digits expected): ${input}`)
  }
  return code
}

export async function getDivision(q: Queryable, actor: Actor, rawCode: string): Promise<DivisionDetail> {
  const code = parseDivisionCode(rawCode, 'params.code')
  assertInJurisdiction(actor, code)
  const division = await queries.findDivision(q, code)
  if (!division) throw notFound(`行政区划 ${rawCode}`, `Division ${rawCode}`, 'params.code')
  const children = await queries.findChildren(q, code)
  return {
    code: division.code,
    name: division.name,
    level: division.level,
    type: division.type,
    synthetic: division.synthetic,
    population: division.population,
    location: locationOf(division),
    parentCode: division.parent_code,
    children: children.map((c) => ({ code: c.code, name: c.name, level: c.level, type: c.type, synthetic: c.synthetic, childCount: c.child_count })),
  }
}

export interface DivisionSearchItem {
  code: string
  name: string
  level: DivisionLevel
  parentCode: string | null
  /** Names from the top down to the division, e.g. `乐平市 / 镇桥镇`. */
  path: string
}

/** Divisions in the caller's jurisdiction whose name contains `text` (or code starts with it). */
export async function searchDivisions(q: Queryable, actor: Actor, text: string, limit: number): Promise<DivisionSearchItem[]> {
  const hits = await queries.searchDivisionsByName(q, text.trim(), divisionPrefix(actor.jurisdiction), limit)
  return hits.map((h) => ({ code: h.code, name: h.name, level: h.level, parentCode: h.parent_code, path: h.path }))
}

export interface Feature<G, P> { type: 'Feature'; properties: P; geometry: G }
export interface FeatureCollection<G, P> { type: 'FeatureCollection'; features: Feature<G, P>[] }
export interface MultiPolygonGeometry { type: 'MultiPolygon'; coordinates: number[][][][] }
export interface LineStringGeometry { type: 'LineString'; coordinates: number[][] }
export interface PointGeometry { type: 'Point'; coordinates: number[] }

const collection = <G, P>(features: Feature<G, P>[]): FeatureCollection<G, P> => ({ type: 'FeatureCollection', features })

/** County outlines: context every signed-in user sees, whatever the jurisdiction. */
export async function countyBoundaries(q: Queryable): Promise<FeatureCollection<MultiPolygonGeometry, { code: string; name: string }>> {
  const areas = await queries.findCountyAreas(q)
  return collection(areas.map((a) => ({
    type: 'Feature', properties: { code: a.code, name: a.name }, geometry: JSON.parse(a.geojson) as MultiPolygonGeometry,
  })))
}

/** Rivers: context every signed-in user sees. Unnamed lines have null names. */
export async function rivers(q: Queryable): Promise<FeatureCollection<LineStringGeometry, { name: string | null; nameEn: string | null }>> {
  const rows = await queries.findRivers(q)
  return collection(rows.map((r) => ({
    type: 'Feature', properties: { name: r.name, nameEn: r.name_en }, geometry: JSON.parse(r.geojson) as LineStringGeometry,
  })))
}

export interface DivisionPointProperties {
  code: string
  name: string
  level: DivisionLevel
  type: string
  population: number | null
  synthetic: boolean
  parentCode: string | null
}

/** Township or village points in the caller's jurisdiction. */
export async function divisionPoints(
  q: Queryable, actor: Actor, level: 'township' | 'village',
): Promise<FeatureCollection<PointGeometry, DivisionPointProperties>> {
  const rows = await queries.findDivisionPoints(q, level, divisionPrefix(actor.jurisdiction))
  return collection(rows.map((r) => ({
    type: 'Feature',
    properties: { code: r.code, name: r.name, level: r.level, type: r.type, population: r.population, synthetic: r.synthetic, parentCode: r.parent_code },
    geometry: { type: 'Point', coordinates: [round6(r.lon), round6(r.lat)] },
  })))
}

/** Code → name for display by other modules (e.g. a user's jurisdiction); unknown codes are absent. */
export async function divisionNames(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await queries.findDivisionsByCodes(q, [...new Set(codes)])
  return new Map(rows.map((r) => [r.code, r.name]))
}

export interface DivisionPlace { name: string; location: LonLat | null }

/** Code → name and point, for other modules (existence checks, a default location); unknown codes are absent. */
export async function divisionPlaces(q: Queryable, codes: readonly string[]): Promise<Map<string, DivisionPlace>> {
  const rows = await queries.findDivisionsByCodes(q, [...new Set(codes)])
  return new Map(rows.map((r) => [r.code, { name: r.name, location: locationOf(r) }]))
}
