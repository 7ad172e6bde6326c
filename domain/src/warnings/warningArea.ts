/**
 * The area of a warning as an author gives it (预警范围): GB/T 2260 division codes, a polygon
 * drawn on the map, or a circle. The checks CAP 1.2 §3.2.4 needs (a polygon is a closed ring of
 * at least four WGS 84 positions; a circle has a positive radius) plus what makes an area usable
 * (coordinates in range, a ring that does not cross itself, a polygon with an area). Every
 * problem names the field it is about, relative to the area (`area.polygon[3]`).
 */
import { kinks, polygon as turfPolygon } from '@turf/turf'
import { normalizeDivisionCode } from '../geo/divisionCode.ts'

/** [longitude, latitude], as in GeoJSON */
export type Position = [number, number]

export type WarningAreaInput =
  | { divisionCodes: string[] }
  | { polygon: Position[] }
  | { circle: { center: Position; radiusKm: number } }

export type WarningArea =
  | { kind: 'divisions'; divisionCodes: string[] }
  | { kind: 'polygon'; ring: Position[] }
  | { kind: 'circle'; center: Position; radiusKm: number }

export interface AreaProblem {
  /** e.g. `area.polygon[2]`, `area.circle.radiusKm` */
  field: string
  code: string
  message: string
  messageEn: string
}

export type AreaCheck = { ok: true; area: WarningArea } | { ok: false; problems: AreaProblem[] }

/** Largest circle accepted (km): a county is about 60 km across; more is a typing error. */
export const maxCircleRadiusKm = 200
/** Most division codes one warning may name */
export const maxDivisionCodes = 500

const problem = (field: string, code: string, message: string, messageEn: string): AreaProblem => ({ field, code, message, messageEn })

function positionProblem(value: unknown, field: string, what: string, whatEn: string): AreaProblem | null {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return problem(field, 'position_malformed', `${what}应为 [经度, 纬度] 两个数`, `${whatEn} must be [longitude, latitude], two numbers`)
  }
  const [lon, lat] = value as Position
  if (lon < -180 || lon > 180) return problem(field, 'longitude_out_of_range', `${what}经度 ${lon} 超出 -180 至 180`, `${whatEn} longitude ${lon} is outside -180 to 180`)
  if (lat < -90 || lat > 90) return problem(field, 'latitude_out_of_range', `${what}纬度 ${lat} 超出 -90 至 90`, `${whatEn} latitude ${lat} is outside -90 to 90`)
  return null
}

/** Checks and normalises an area (division codes to 12 digits, deduplicated, in order given). */
export function checkWarningArea(input: WarningAreaInput, base = 'area'): AreaCheck {
  const keys = Object.keys(input ?? {})
  if (keys.length !== 1 || !['divisionCodes', 'polygon', 'circle'].includes(keys[0]!)) {
    return { ok: false, problems: [problem(base, 'area_kind', '预警范围须为 divisionCodes、polygon、circle 三者之一', 'The area must be exactly one of divisionCodes, polygon or circle')] }
  }
  if ('divisionCodes' in input) return checkDivisionCodes(input.divisionCodes, `${base}.divisionCodes`)
  if ('polygon' in input) return checkPolygon(input.polygon, `${base}.polygon`)
  return checkCircle(input.circle, `${base}.circle`)
}

function checkDivisionCodes(codes: string[], field: string): AreaCheck {
  if (!Array.isArray(codes) || codes.length === 0) return { ok: false, problems: [problem(field, 'division_codes_empty', '至少选择一个行政区划', 'Name at least one division')] }
  if (codes.length > maxDivisionCodes) return { ok: false, problems: [problem(field, 'division_codes_too_many', `行政区划最多 ${maxDivisionCodes} 个`, `At most ${maxDivisionCodes} divisions`)] }
  const problems: AreaProblem[] = []
  const normalised: string[] = []
  codes.forEach((raw, i) => {
    const code = typeof raw === 'string' ? normalizeDivisionCode(raw) : null
    if (!code) problems.push(problem(`${field}[${i}]`, 'invalid_division_code', `“${String(raw)}”不是有效的行政区划代码（应为 6、9 或 12 位数字）`, `"${String(raw)}" is not a division code (6, 9 or 12 digits)`))
    else if (!normalised.includes(code)) normalised.push(code)
  })
  return problems.length ? { ok: false, problems } : { ok: true, area: { kind: 'divisions', divisionCodes: normalised } }
}

function checkPolygon(ring: Position[], field: string): AreaCheck {
  if (!Array.isArray(ring)) return { ok: false, problems: [problem(field, 'polygon_malformed', '多边形应为坐标数组', 'The polygon must be an array of positions')] }
  const problems: AreaProblem[] = []
  ring.forEach((position, i) => {
    const p = positionProblem(position, `${field}[${i}]`, `第 ${i + 1} 个坐标`, `Position ${i + 1}`)
    if (p) problems.push(p)
  })
  if (problems.length) return { ok: false, problems }
  if (ring.length < 4) return { ok: false, problems: [problem(field, 'polygon_too_few_points', `多边形至少需要 4 个坐标（首尾相同），现有 ${ring.length} 个`, `A polygon needs at least 4 positions (first = last); it has ${ring.length}`)] }
  const [first, last] = [ring[0]!, ring[ring.length - 1]!]
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return { ok: false, problems: [problem(field, 'polygon_not_closed', '多边形未闭合：首尾坐标必须相同', 'The polygon is not closed: the first and last positions must be equal')] }
  }
  const distinct = new Set(ring.slice(0, -1).map(([lon, lat]) => `${lon},${lat}`))
  if (distinct.size < 3) return { ok: false, problems: [problem(field, 'polygon_degenerate', '多边形至少需要 3 个不同的顶点', 'A polygon needs at least 3 distinct vertices')] }
  const shape = turfPolygon([ring])
  if (kinks(shape).features.length > 0) return { ok: false, problems: [problem(field, 'polygon_self_intersecting', '多边形边界自相交', 'The polygon boundary intersects itself')] }
  if (!(Math.abs(planarArea(ring)) > 1e-12)) return { ok: false, problems: [problem(field, 'polygon_degenerate', '多边形面积为零', 'The polygon has no area')] }
  return { ok: true, area: { kind: 'polygon', ring: ring.map(([lon, lat]) => [lon, lat]) } }
}

function checkCircle(circle: { center: Position; radiusKm: number }, field: string): AreaCheck {
  const centre = positionProblem(circle?.center, `${field}.center`, '圆心', 'The centre')
  if (centre) return { ok: false, problems: [centre] }
  const r = circle.radiusKm
  if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0) return { ok: false, problems: [problem(`${field}.radiusKm`, 'circle_radius_not_positive', '圆半径必须大于 0 千米', 'The circle radius must be greater than 0 km')] }
  if (r > maxCircleRadiusKm) return { ok: false, problems: [problem(`${field}.radiusKm`, 'circle_radius_too_large', `圆半径不能超过 ${maxCircleRadiusKm} 千米`, `The circle radius cannot exceed ${maxCircleRadiusKm} km`)] }
  return { ok: true, area: { kind: 'circle', center: [circle.center[0], circle.center[1]], radiusKm: r } }
}

/** Shoelace area in square degrees (only its sign and zero matter here). */
function planarArea(ring: readonly Position[]): number {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1]
  return sum / 2
}
