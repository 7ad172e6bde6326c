/**
 * A deterministic synthetic road network (合成路网) for a county with no open road data: the
 * county seat, township seats and village points joined by a plausible hierarchy —
 * national and provincial roads from the seat to the largest townships, county roads along a
 * minimum spanning tree of the townships plus shortcut links, township roads from each township
 * seat to its villages (a spanning tree, each village joined to its nearest connected point), and
 * village roads linking neighbouring villages across township borders. Lines are gently curved,
 * kept inside the boundary, and marked synthetic. A real extract replaces them on import.
 */
import { booleanPointInPolygon } from '@turf/turf'
import type { MultiPolygon, Polygon } from 'geojson'
import { type LonLat, localDistanceKm } from '../geo/localDistance.ts'
import { randomStream } from '../geo/seededRandom.ts'
import { type Position, type RoadClass, defaultSpeedKmh } from './roadGraph.ts'

export interface RoadPlace {
  code: string
  name: string
  lon: number
  lat: number
  population?: number | null
}

export interface SyntheticRoadPlan {
  /** Code of the township holding the county seat (e.g. 洎阳街道 for Leping). */
  seatCode: string
  townships: readonly RoadPlace[]
  /** Villages with the code of their township. */
  villages: readonly (RoadPlace & { parentCode: string })[]
  boundary?: Polygon | MultiPolygon
  seed: number
  speeds?: Partial<Record<RoadClass, number>>
  /** National and provincial roads from the seat (defaults 2 and 4). */
  nationalCount?: number
  provincialCount?: number
}

export interface SyntheticRoad {
  name: string
  roadClass: RoadClass
  speedKmh: number
  coordinates: Position[]
  synthetic: true
}

const classNames: Record<RoadClass, string> = {
  national: '国道', provincial: '省道', county: '县道', township: '乡道', village: '村道', other: '道路',
}

/** Vertex spacing of the curved lines (km). */
const vertexSpacingKm = 0.4

export function synthesizeRoads(plan: SyntheticRoadPlan): SyntheticRoad[] {
  const speeds = { ...defaultSpeedKmh, ...plan.speeds }
  const random = randomStream(plan.seed, 'roads')
  const inside = (p: Position) => !plan.boundary || booleanPointInPolygon(p as [number, number], plan.boundary)
  const roads: SyntheticRoad[] = []
  const linked = new Set<string>()
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)
  const km = (a: LonLat, b: LonLat) => localDistanceKm(a, b)

  const addRoad = (a: RoadPlace, b: RoadPlace, roadClass: RoadClass) => {
    const k = key(a.code, b.code)
    if (linked.has(k) || a.code === b.code) return
    linked.add(k)
    roads.push({
      name: `${classNames[roadClass]} ${a.name}—${b.name}`,
      roadClass,
      speedKmh: speeds[roadClass],
      coordinates: curvedLine(a, b, random, inside),
      synthetic: true,
    })
  }

  const seat = plan.townships.find((t) => t.code === plan.seatCode) ?? plan.townships[0]
  if (!seat) return roads
  const others = plan.townships.filter((t) => t !== seat && km(t, seat) > 3)
  // Trunk roads: the most populous townships get national, then provincial roads, spread in bearing.
  const byPopulation = [...others].sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code))
  const bearings: number[] = []
  const bearingOf = (t: RoadPlace) => Math.atan2(t.lat - seat.lat, (t.lon - seat.lon) * Math.cos((seat.lat * Math.PI) / 180))
  const spread = (t: RoadPlace) => bearings.every((b) => Math.abs(angleBetween(b, bearingOf(t))) > Math.PI / 5)
  let national = plan.nationalCount ?? 2
  let provincial = plan.provincialCount ?? 4
  for (const t of byPopulation) {
    if (national === 0 && provincial === 0) break
    if (!spread(t)) continue
    bearings.push(bearingOf(t))
    if (national > 0) {
      addRoad(seat, t, 'national')
      national--
    } else {
      addRoad(seat, t, 'provincial')
      provincial--
    }
  }
  // County roads: minimum spanning tree of the township seats, then each to its second-nearest.
  for (const [a, b] of minimumSpanningTree(plan.townships, km)) addRoad(a, b, 'county')
  for (const t of plan.townships) {
    const near = plan.townships.filter((u) => u !== t).sort((a, b) => km(t, a) - km(t, b))
    const second = near[1]
    if (second && km(t, second) < 12) addRoad(t, second, 'county')
  }
  // Township roads: each township's villages joined to it by a spanning tree.
  const villagesOf = new Map<string, RoadPlace[]>()
  for (const v of plan.villages) {
    const list = villagesOf.get(v.parentCode) ?? []
    list.push(v)
    villagesOf.set(v.parentCode, list)
  }
  for (const t of plan.townships) {
    const vs = villagesOf.get(t.code) ?? []
    for (const [a, b] of minimumSpanningTree([t, ...vs], km)) addRoad(a, b, 'township')
  }
  // Village roads: each village to its nearest village of another township, when close.
  const parentOf = new Map(plan.villages.map((v) => [v.code, v.parentCode]))
  for (const v of plan.villages) {
    let best: RoadPlace | null = null
    let bestKm = 4
    for (const u of plan.villages) {
      if (parentOf.get(u.code) === v.parentCode) continue
      const d = km(v, u)
      if (d < bestKm) {
        bestKm = d
        best = u
      }
    }
    if (best) addRoad(v, best, 'village')
  }
  return roads
}

function angleBetween(a: number, b: number): number {
  let d = b - a
  while (d > Math.PI) d -= 2 * Math.PI
  while (d < -Math.PI) d += 2 * Math.PI
  return d
}

/** Prim's algorithm over the complete graph of the points (O(n²), n is small). */
export function minimumSpanningTree<T>(points: readonly T[], distance: (a: T, b: T) => number): Array<[T, T]> {
  const n = points.length
  if (n < 2) return []
  const inTree = new Uint8Array(n)
  const best = new Float64Array(n).fill(Infinity)
  const parent = new Int32Array(n).fill(-1)
  const edges: Array<[T, T]> = []
  best[0] = 0
  for (let k = 0; k < n; k++) {
    let u = -1
    for (let i = 0; i < n; i++) if (!inTree[i] && (u < 0 || best[i]! < best[u]!)) u = i
    inTree[u] = 1
    if (parent[u]! >= 0) edges.push([points[parent[u]!]!, points[u]!])
    for (let i = 0; i < n; i++) {
      if (inTree[i]) continue
      const d = distance(points[u]!, points[i]!)
      if (d < best[i]!) {
        best[i] = d
        parent[i] = u
      }
    }
  }
  return edges
}

/**
 * A gently curved line from a to b: a sideways sine bow of a few percent of its length plus a
 * smaller wiggle, one vertex every 400 m; straight when the bow would leave the boundary.
 */
function curvedLine(a: LonLat, b: LonLat, random: () => number, inside: (p: Position) => boolean): Position[] {
  const lengthKm = localDistanceKm(a, b)
  const n = Math.max(2, Math.ceil(lengthKm / vertexSpacingKm))
  const bow = (random() - 0.5) * 0.16
  const wiggle = (random() - 0.5) * 0.05
  const cosLat = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180)
  // Perpendicular in a locally isotropic frame (x scaled by cos lat).
  const dx = (b.lon - a.lon) * cosLat
  const dy = b.lat - a.lat
  const line = (amplitude: number): Position[] => {
    const out: Position[] = []
    for (let i = 0; i <= n; i++) {
      const t = i / n
      const off = amplitude * (bow * Math.sin(Math.PI * t) + wiggle * Math.sin(3 * Math.PI * t))
      const x = a.lon * cosLat + t * dx - off * dy
      const y = a.lat + t * dy + off * dx
      out.push(i === 0 ? [a.lon, a.lat] : i === n ? [b.lon, b.lat] : [round7(x / cosLat), round7(y)])
    }
    return out
  }
  const curved = line(1)
  return curved.every(inside) ? curved : line(0)
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7
