/**
 * Road closures (封路): a closure geometry (polygon, line, or point with a radius) closes every
 * road segment that meets it, in both directions. The closed-edge mask counts closures per edge,
 * so removing one closure reopens only what no other closure still closes. Pure planar geometry
 * on a local metric projection (fine within a county).
 */
import type { Position, RoadGraph } from './roadGraph.ts'
import type { SnapIndex } from './snap.ts'

export type ClosureGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Point'; coordinates: Position; radiusM: number }

const mPerDegLat = 110_574
const mPerDegLonEquator = 111_320
/** A line closure closes segments within this distance of it (m): drawn lines are not exact. */
export const lineClosureToleranceM = 15

type XY = [number, number]

function segmentsIntersect(a: XY, b: XY, c: XY, d: XY): boolean {
  const o = (p: XY, q: XY, r: XY) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
  const d1 = o(c, d, a)
  const d2 = o(c, d, b)
  const d3 = o(a, b, c)
  const d4 = o(a, b, d)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true
  const on = (p: XY, q: XY, r: XY) =>
    Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1])
  return (d1 === 0 && on(c, d, a)) || (d2 === 0 && on(c, d, b)) || (d3 === 0 && on(a, b, c)) || (d4 === 0 && on(a, b, d))
}

function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const l2 = dx * dx + dy * dy
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
}

function segmentSegmentDistance(a: XY, b: XY, c: XY, d: XY): number {
  if (segmentsIntersect(a, b, c, d)) return 0
  return Math.min(pointSegmentDistance(a, c, d), pointSegmentDistance(b, c, d), pointSegmentDistance(c, a, b), pointSegmentDistance(d, a, b))
}

/** Even-odd rule over every ring (holes excluded). */
function insidePolygon(p: XY, rings: XY[][]): boolean {
  let inside = false
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
    }
  }
  return inside
}

/**
 * Edges (both directions of each segment) that the closure geometry meets. Uses the snap index
 * to find candidate segments by bounding box, then tests each exactly.
 */
export function edgesClosedBy(snap: SnapIndex, geometry: ClosureGeometry): number[] {
  const { graph, lonScale } = snap
  const mx = mPerDegLonEquator * lonScale
  const project = (p: Position): XY => [p[0] * mx, p[1] * mPerDegLat]
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity
  const extend = (p: Position, marginM = 0) => {
    const dLon = marginM / mx
    const dLat = marginM / mPerDegLat
    minLon = Math.min(minLon, p[0] - dLon); maxLon = Math.max(maxLon, p[0] + dLon)
    minLat = Math.min(minLat, p[1] - dLat); maxLat = Math.max(maxLat, p[1] + dLat)
  }
  let test: (a: XY, b: XY) => boolean
  if (geometry.type === 'Polygon') {
    const rings = geometry.coordinates.map((ring) => ring.map(project))
    for (const p of geometry.coordinates[0] ?? []) extend(p)
    test = (a, b) => {
      if (insidePolygon(a, rings) || insidePolygon(b, rings)) return true
      for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) if (segmentsIntersect(a, b, ring[i]!, ring[i + 1]!)) return true
      return false
    }
  } else if (geometry.type === 'LineString') {
    const line = geometry.coordinates.map(project)
    for (const p of geometry.coordinates) extend(p, lineClosureToleranceM)
    test = (a, b) => {
      for (let i = 0; i + 1 < line.length; i++) if (segmentSegmentDistance(a, b, line[i]!, line[i + 1]!) <= lineClosureToleranceM) return true
      return line.length === 1 && pointSegmentDistance(line[0]!, a, b) <= lineClosureToleranceM
    }
  } else {
    const centre = project(geometry.coordinates)
    const r = geometry.radiusM
    extend(geometry.coordinates, r)
    test = (a, b) => pointSegmentDistance(centre, a, b) <= r
  }
  if (!(minLon <= maxLon)) return []
  const out: number[] = []
  for (const i of snap.index.search(minLon * lonScale, minLat, maxLon * lonScale, maxLat)) {
    const e = snap.segmentEdge[i]!
    const s = graph.source[e]!
    const t = graph.target[e]!
    if (test([graph.lon[s]! * mx, graph.lat[s]! * mPerDegLat], [graph.lon[t]! * mx, graph.lat[t]! * mPerDegLat])) {
      out.push(e)
      const r = snap.reverseEdge[e]!
      if (r >= 0) out.push(r)
    }
  }
  return out.sort((a, b) => a - b)
}

/** The closed-edge mask with a count of closures per edge. */
export class ClosureMask {
  /** Non-zero = closed: pass to the searches. */
  readonly closed: Uint8Array
  private readonly counts: Uint16Array

  constructor(graph: RoadGraph) {
    this.closed = new Uint8Array(graph.edgeCount)
    this.counts = new Uint16Array(graph.edgeCount)
  }

  add(edges: readonly number[]): void {
    for (const e of edges) {
      this.counts[e]!++
      this.closed[e] = 1
    }
  }

  remove(edges: readonly number[]): void {
    for (const e of edges) {
      if (this.counts[e]! > 0 && --this.counts[e]! === 0) this.closed[e] = 0
    }
  }

  closedCount(): number {
    let n = 0
    for (let e = 0; e < this.closed.length; e++) n += this.closed[e]!
    return n
  }
}
