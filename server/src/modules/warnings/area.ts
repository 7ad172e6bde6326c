/**
 * Resolving a warning's area (预警范围) to geometry, the divisions it covers and its areaDesc:
 * division codes → the union of their areas (township and village areas are synthetic Voronoi
 * cells until an official source exists); a polygon as drawn; a circle → a buffer on the
 * geography (true kilometres). Every problem is a 400 naming the field; an area reaching
 * outside the author's jurisdiction is a 403.
 */
import { sql, type SQL } from 'drizzle-orm'
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import { checkWarningArea, type WarningArea, type WarningAreaInput } from '@yingji/domain/warnings/warningArea'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import { assertInJurisdiction, type Actor } from '../../http/access.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { divisionNamesOf, divisionsAreaSql, divisionsCoveredBy, findDivisionRefs } from '../geo/syntheticAreas.ts'

export interface ResolvedArea {
  /** The area as given, normalised (12-digit codes) */
  area: WarningAreaJson
  geojson: string
  areaDesc: string
  areaDescEn: string
  divisionCodes: string[]
  /** The narrowest division containing the area (a township, else the county) */
  ownerCode: string
  syntheticArea: boolean
}

export type WarningAreaJson = { divisionCodes: string[] } | { polygon: [number, number][] } | { circle: { center: [number, number]; radiusKm: number } }

/** `area.polygon[3]` → `body.area.polygon.3` (the path style of validation errors). */
const fieldPath = (base: string, field: string) => `${base}.${field}`.replace(/\[(\d+)\]/g, '.$1')

const countyOf = (code: string) => `${code.slice(0, 6)}000000`
const townshipOf = (code: string) => `${code.slice(0, 9)}000`

function geometrySql(area: WarningArea): SQL {
  switch (area.kind) {
    case 'divisions': return divisionsAreaSql(area.divisionCodes)
    case 'polygon': return sql`ST_Multi(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Polygon', coordinates: [area.ring] })}), 4326)))`
    case 'circle': return sql`ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(${area.center[0]}, ${area.center[1]}), 4326)::geography, ${area.radiusKm * 1000}, 32)::geometry)`
  }
}

export async function resolveArea(q: Queryable, actor: Actor, areaInput: object, base = 'body'): Promise<ResolvedArea> {
  const input = areaInput as WarningAreaInput
  const checked = checkWarningArea(input)
  if (!checked.ok) {
    const p = checked.problems[0]!
    throw invalid(p.code, fieldPath(base, p.field), p.message, p.messageEn)
  }
  const area = checked.area
  let named: string[] = []
  if (area.kind === 'divisions') {
    const refs = await findDivisionRefs(q, area.divisionCodes)
    const known = new Set(refs.map((r) => r.code))
    const unknown = area.divisionCodes.findIndex((code) => !known.has(code))
    if (unknown >= 0) {
      const raw = (input as { divisionCodes: string[] }).divisionCodes
      const index = raw.findIndex((c) => c === area.divisionCodes[unknown] || `${c}`.padEnd(12, '0') === area.divisionCodes[unknown])
      throw invalid('unknown_division_code', fieldPath(base, `area.divisionCodes[${index >= 0 ? index : unknown}]`),
        `行政区划 ${area.divisionCodes[unknown]} 不存在`, `Division ${area.divisionCodes[unknown]} does not exist`)
    }
    for (const code of area.divisionCodes) assertInJurisdiction(actor, code)
    named = area.divisionCodes
  }
  const [geometry] = await queryRows<{ geojson: string | null }>(q, sql`
    SELECT CASE WHEN g IS NULL OR ST_IsEmpty(g) THEN NULL ELSE ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(g, 3)), 7) END AS geojson
    FROM (SELECT ${geometrySql(area)} AS g) s`)
  const field = fieldPath(base, area.kind === 'divisions' ? 'area.divisionCodes' : `area.${area.kind}`)
  if (!geometry?.geojson) throw invalid('area_empty', field, '预警范围没有可用的面', 'The area resolves to no surface')
  const covered = await divisionsCoveredBy(q, sql`ST_SetSRID(ST_GeomFromGeoJSON(${geometry.geojson}), 4326)`)
  if (area.kind !== 'divisions') {
    if (covered.length === 0) throw invalid('area_outside_divisions', field, '预警范围不在任何已知行政区划内', 'The area lies in no known division')
    const outside = covered.find((d) => !isWithinDivision(d.code, actor.jurisdiction))
    if (outside) {
      throw new AppError('forbidden', 'area_outside_jurisdiction', `预警范围超出您的管辖范围（涉及${outside.name}）`,
        `The area reaches outside your jurisdiction (into ${outside.code})`, field)
    }
  }
  const coveredCodes = covered.filter((d) => isWithinDivision(d.code, actor.jurisdiction) || named.length === 0).map((d) => d.code)
  const divisionCodes = [...new Set([...named, ...coveredCodes])].sort()

  // areaDesc: the named divisions, or the townships a drawn area touches, after the county's name
  const townships = [...new Set(covered.filter((d) => d.level === 'township').map((d) => d.code))]
  const descCodes = named.length ? named : townships
  const all = [...new Set([...descCodes, ...descCodes.map(countyOf), ...descCodes.map(townshipOf)])]
  const names = await divisionNamesOf(q, all)
  const county = countyOf(descCodes[0] ?? actor.jurisdiction)
  const countyName = names.get(county)?.name ?? ''
  const parts = descCodes.filter((c) => c !== county).map((c) => {
    const n = names.get(c)
    if (!n) return c
    return c.endsWith('000') || !n.parentName ? n.name : `${n.parentName}${n.name}`
  })
  const partial = area.kind !== 'divisions'
  const areaDesc = parts.length === 0 ? countyName : `${countyName}${parts.join('、')}${partial ? '（部分区域）' : ''}`
  const areaDescEn = parts.length === 0 ? `${countyName} (county)` : `${partial ? 'Parts of ' : ''}${countyName}: ${parts.join(', ')}`

  const townshipCodes = new Set((named.length ? named : divisionCodes).map((c) => (c.slice(6, 9) === '000' ? county : townshipOf(c))))
  const ownerCode = townshipCodes.size === 1 ? [...townshipCodes][0]! : county
  const refs = await findDivisionRefs(q, divisionCodes)
  return {
    area: area.kind === 'divisions' ? { divisionCodes: area.divisionCodes } : area.kind === 'polygon' ? { polygon: area.ring } : { circle: { center: area.center, radiusKm: area.radiusKm } },
    geojson: geometry.geojson,
    areaDesc,
    areaDescEn,
    divisionCodes,
    ownerCode: isWithinDivision(ownerCode, actor.jurisdiction) ? ownerCode : actor.jurisdiction,
    syntheticArea: refs.some((r) => r.syntheticArea),
  }
}

/** Whether any area the warning names or covers is a synthetic one. */
export async function hasSyntheticArea(q: Queryable, codes: readonly string[]): Promise<boolean> {
  return (await findDivisionRefs(q, codes)).some((r) => r.syntheticArea)
}

