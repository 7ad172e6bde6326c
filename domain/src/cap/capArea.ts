/**
 * CAP `<polygon>` and `<circle>` text (CAP 1.2 §3.2.4, WGS 84): a polygon is "lat,lon lat,lon …"
 * with at least four pairs, the first equal to the last; a circle is "lat,lon radius" with the
 * radius in kilometres. GeoJSON writes positions the other way round, [lon, lat].
 */
import { kinks, polygon as turfPolygon } from '@turf/turf'

/** [longitude, latitude], as in GeoJSON */
export type LonLat = [number, number]

export interface CapCircle {
  lat: number
  lon: number
  radiusKm: number
}

/** What is wrong with a polygon or circle text (no path: the caller knows where it is). */
export interface CapGeometryProblem {
  code: string
  message: string
  messageEn: string
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: CapGeometryProblem }

const number = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)`
const pairPattern = new RegExp(`^(${number}),(${number})$`)
const circlePattern = new RegExp(`^(${number}),(${number})\\s+(${number})$`)

const fail = <T>(code: string, message: string, messageEn: string): Parsed<T> => ({ ok: false, problem: { code, message, messageEn } })

function checkLatLon(lat: number, lon: number, where: string, whereEn: string): CapGeometryProblem | null {
  if (lat < -90 || lat > 90) return { code: 'latitude_out_of_range', message: `${where}纬度${lat}超出 -90 至 90`, messageEn: `${whereEn} latitude ${lat} is outside -90 to 90` }
  if (lon < -180 || lon > 180) return { code: 'longitude_out_of_range', message: `${where}经度${lon}超出 -180 至 180`, messageEn: `${whereEn} longitude ${lon} is outside -180 to 180` }
  return null
}

/** The ring of a CAP polygon as GeoJSON positions, after every CAP and validity check. */
export function parseCapPolygon(text: string): Parsed<LonLat[]> {
  const pairs = text.trim().split(/\s+/).filter(Boolean)
  const ring: LonLat[] = []
  for (const [i, pair] of pairs.entries()) {
    const match = pairPattern.exec(pair)
    if (!match) return fail('polygon_malformed', `第${i + 1}个坐标“${pair}”不是“纬度,经度”`, `Point ${i + 1} "${pair}" is not "lat,lon"`)
    const lat = Number(match[1])
    const lon = Number(match[2])
    const range = checkLatLon(lat, lon, `第${i + 1}个坐标`, `Point ${i + 1}`)
    if (range) return { ok: false, problem: range }
    ring.push([lon, lat])
  }
  if (ring.length < 4) return fail('polygon_too_few_points', `多边形至少需要4个坐标（首尾相同），现有${ring.length}个`, `A polygon needs at least 4 points (first = last); it has ${ring.length}`)
  const [first, last] = [ring[0]!, ring[ring.length - 1]!]
  if (first[0] !== last[0] || first[1] !== last[1]) return fail('polygon_not_closed', '多边形未闭合：首尾坐标必须相同', 'The polygon is not closed: the first and last points must be equal')
  if (kinks(turfPolygon([ring])).features.length > 0) return fail('polygon_self_intersecting', '多边形边界自相交', 'The polygon boundary intersects itself')
  return { ok: true, value: ring }
}

export function parseCapCircle(text: string): Parsed<CapCircle> {
  const match = circlePattern.exec(text.trim())
  if (!match) return fail('circle_malformed', `圆“${text}”不是“纬度,经度 半径（千米）”`, `The circle "${text}" is not "lat,lon radius_km"`)
  const [lat, lon, radiusKm] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const range = checkLatLon(lat, lon, '圆心', 'Centre')
  if (range) return { ok: false, problem: range }
  if (radiusKm < 0) return fail('circle_negative_radius', `圆半径${radiusKm}千米不能为负`, `The circle radius ${radiusKm} km cannot be negative`)
  return { ok: true, value: { lat, lon, radiusKm } }
}

// Six decimals ≈ 0.1 m; never exponent notation.
const coordinate = (n: number) => String(Number(n.toFixed(6)))

/** A GeoJSON ring ([lon, lat], closed) as CAP polygon text. */
export function formatCapPolygon(ring: readonly LonLat[]): string {
  return ring.map(([lon, lat]) => `${coordinate(lat)},${coordinate(lon)}`).join(' ')
}

export function formatCapCircle(circle: CapCircle): string {
  return `${coordinate(circle.lat)},${coordinate(circle.lon)} ${coordinate(circle.radiusKm)}`
}
