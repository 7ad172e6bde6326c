/**
 * Reading road lines from OpenStreetMap data (.osm XML; .osm.pbf elements decoded by the server)
 * and from GeoJSON: `highway` tags to road classes and speeds, `oneway`, `maxspeed`. Pure: the
 * server reads the files. Bad GeoJSON features are reported with their index, never guessed.
 */
import { XMLParser } from 'fast-xml-parser'
import { type Position, type RoadClass, defaultSpeedKmh, roadClasses } from './roadGraph.ts'

export interface ImportedRoad {
  coordinates: Position[]
  roadClass: RoadClass
  speedKmh: number
  oneway: boolean
  name: string | null
}

/** highway=* → class and default speed (km/h); values absent here (footway, path, steps…) are not roads for vehicles. */
export const highwayClasses: Readonly<Record<string, { roadClass: RoadClass; speedKmh: number }>> = {
  motorway: { roadClass: 'national', speedKmh: 100 },
  motorway_link: { roadClass: 'national', speedKmh: 60 },
  trunk: { roadClass: 'national', speedKmh: 80 },
  trunk_link: { roadClass: 'national', speedKmh: 50 },
  primary: { roadClass: 'provincial', speedKmh: 60 },
  primary_link: { roadClass: 'provincial', speedKmh: 40 },
  secondary: { roadClass: 'county', speedKmh: 50 },
  secondary_link: { roadClass: 'county', speedKmh: 40 },
  tertiary: { roadClass: 'township', speedKmh: 40 },
  tertiary_link: { roadClass: 'township', speedKmh: 30 },
  unclassified: { roadClass: 'village', speedKmh: 30 },
  residential: { roadClass: 'village', speedKmh: 30 },
  living_street: { roadClass: 'village', speedKmh: 15 },
  road: { roadClass: 'village', speedKmh: 30 },
  service: { roadClass: 'other', speedKmh: 20 },
  track: { roadClass: 'other', speedKmh: 15 },
}

/** `maxspeed` in km/h ("60", "60 km/h", "40 mph"); null when absent or not a number. */
export function parseMaxspeed(value: string | undefined): number | null {
  if (!value) return null
  const m = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?\s*$/i.exec(value)
  if (!m) return null
  const v = Number(m[1]) * (m[2]?.toLowerCase() === 'mph' ? 1.609344 : 1)
  return v > 0 && v <= 150 ? v : null
}

export interface OsmWay {
  nodes: readonly number[]
  tags: Readonly<Record<string, string>>
}

/** Ways with a vehicle `highway` tag → roads (nodes looked up by id; ways missing nodes are cut at the gap). */
export function roadsFromOsm(nodes: ReadonlyMap<number, Position>, ways: Iterable<OsmWay>): { roads: ImportedRoad[]; skipped: number } {
  const roads: ImportedRoad[] = []
  let skipped = 0
  for (const way of ways) {
    const kind = highwayClasses[way.tags.highway ?? '']
    if (!kind || way.tags.area === 'yes' || way.tags.access === 'no') {
      skipped++
      continue
    }
    const onewayTag = way.tags.oneway
    const reversed = onewayTag === '-1' || onewayTag === 'reverse'
    const oneway = reversed || onewayTag === 'yes' || onewayTag === '1' || onewayTag === 'true'
      || ((way.tags.highway === 'motorway' || way.tags.junction === 'roundabout') && onewayTag !== 'no')
    const speedKmh = parseMaxspeed(way.tags.maxspeed) ?? kind.speedKmh
    let run: Position[] = []
    const flush = () => {
      if (run.length >= 2) roads.push({ coordinates: reversed ? run.reverse() : run, roadClass: kind.roadClass, speedKmh, oneway, name: way.tags.name ?? way.tags.ref ?? null })
      run = []
    }
    for (const id of way.nodes) {
      const p = nodes.get(id)
      if (p) run.push(p)
      else flush()
    }
    flush()
  }
  return { roads, skipped }
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])

/** Parses .osm XML (OSM API 0.6). Throws on malformed XML. */
export function parseOsmXml(xml: string): { roads: ImportedRoad[]; skipped: number } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, isArray: (name) => ['node', 'way', 'nd', 'tag'].includes(name) })
  const doc = parser.parse(xml, true) as { osm?: { node?: unknown; way?: unknown } }
  if (!doc.osm) throw new Error('not an OSM XML document (no <osm> element)')
  type XmlNode = { id: string; lon: string; lat: string }
  type XmlWay = { nd?: { ref: string }[]; tag?: { k: string; v: string }[] }
  const nodes = new Map<number, Position>()
  for (const n of asArray(doc.osm.node as XmlNode[] | undefined)) nodes.set(Number(n.id), [Number(n.lon), Number(n.lat)])
  const ways = asArray(doc.osm.way as XmlWay[] | undefined).map((w) => ({
    nodes: asArray(w.nd).map((nd) => Number(nd.ref)),
    tags: Object.fromEntries(asArray(w.tag).map((t) => [t.k, String(t.v)])),
  }))
  return roadsFromOsm(nodes, ways)
}

export interface FeatureProblem {
  index: number
  field: string
  message: string
  messageEn: string
}

const validPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90

/**
 * GeoJSON road lines: a FeatureCollection of LineString / MultiLineString features whose
 * properties give `class` (national|provincial|county|township|village|other) or an OSM
 * `highway` value, optionally `speed_kmh`/`speedKmh`/`maxspeed`, `oneway`, `name`.
 */
export function parseRoadsGeoJson(json: unknown): { roads: ImportedRoad[]; problems: FeatureProblem[] } {
  const roads: ImportedRoad[] = []
  const problems: FeatureProblem[] = []
  const fc = json as { type?: string; features?: unknown[] }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.push({ index: -1, field: 'type', message: '应为 GeoJSON FeatureCollection', messageEn: 'Expected a GeoJSON FeatureCollection' })
    return { roads, problems }
  }
  fc.features.forEach((f, index) => {
    const feature = f as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> | null }
    const props = feature?.properties ?? {}
    const g = feature?.geometry
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' && Array.isArray(g.coordinates) ? g.coordinates : null
    if (!lines) {
      problems.push({ index, field: 'geometry', message: '几何应为 LineString 或 MultiLineString', messageEn: 'Geometry must be a LineString or MultiLineString' })
      return
    }
    const cls = typeof props.class === 'string' ? props.class : undefined
    const highway = typeof props.highway === 'string' ? highwayClasses[props.highway] : undefined
    let roadClass: RoadClass
    if (cls !== undefined) {
      if (!(roadClasses as readonly string[]).includes(cls)) {
        problems.push({ index, field: 'properties.class', message: `未知道路等级 ${cls}`, messageEn: `Unknown road class ${cls}` })
        return
      }
      roadClass = cls as RoadClass
    } else if (highway) roadClass = highway.roadClass
    else {
      problems.push({ index, field: 'properties.class', message: '缺少道路等级 class（或 highway）', messageEn: 'Missing road class (class or highway)' })
      return
    }
    const rawSpeed = props.speed_kmh ?? props.speedKmh ?? props.maxspeed
    let speedKmh = highway && cls === undefined ? highway.speedKmh : defaultSpeedKmh[roadClass]
    if (rawSpeed !== undefined && rawSpeed !== null) {
      const v = typeof rawSpeed === 'number' ? rawSpeed : parseMaxspeed(String(rawSpeed))
      if (v === null || !(v > 0 && v <= 150)) {
        problems.push({ index, field: 'properties.speed_kmh', message: '车速应为 (0, 150] 公里/小时', messageEn: 'Speed must be in (0, 150] km/h' })
        return
      }
      speedKmh = v
    }
    const oneway = props.oneway === true || props.oneway === 'yes' || props.oneway === 1 || props.oneway === '1'
    const name = typeof props.name === 'string' ? props.name : null
    for (const line of lines as unknown[]) {
      if (!Array.isArray(line) || line.length < 2 || !line.every(validPosition)) {
        problems.push({ index, field: 'geometry.coordinates', message: '线至少两个有效的 [经度, 纬度] 坐标', messageEn: 'A line needs at least two valid [lon, lat] positions' })
        return
      }
    }
    for (const line of lines as Position[][]) {
      roads.push({ coordinates: line.map((p) => [p[0], p[1]] as const), roadClass, speedKmh, oneway, name })
    }
  })
  return { roads, problems }
}
