/**
 * Snapping (吸附) a position to the nearest road segment through a Flatbush spatial index, and
 * turning the snapped point into search anchors: a point part-way along a segment starts (or
 * ends) a path at either end of the segment, with the part of the segment's time already spent.
 */
import Flatbush from 'flatbush'
import type { Position, RoadGraph } from './roadGraph.ts'
import { metresBetween, reverseEdgeOf } from './roadGraph.ts'
import type { Anchor } from './search.ts'

export interface SnapIndex {
  graph: RoadGraph
  index: Flatbush
  /** Edge of each indexed segment (one per segment; its reverse, if any, is found from it). */
  segmentEdge: Uint32Array
  /** Reverse edge of each graph edge, or -1 (one-way). */
  reverseEdge: Int32Array
  /** x = lon · cos(lat0): distances in the index are near-isotropic. */
  lonScale: number
}

export interface Snapped {
  /** Edge the point lies on (one direction of the segment). */
  edge: number
  /** 0 at the edge's source, 1 at its target. */
  fraction: number
  lon: number
  lat: number
  /** Metres from the asked position to the road. */
  distanceM: number
}

export function buildSnapIndex(graph: RoadGraph): SnapIndex {
  const reverseEdge = new Int32Array(graph.edgeCount).fill(-2)
  const segments: number[] = []
  for (let e = 0; e < graph.edgeCount; e++) {
    if (reverseEdge[e] !== -2) continue
    const r = reverseEdgeOf(graph, e)
    reverseEdge[e] = r
    if (r >= 0) reverseEdge[r] = e
    segments.push(e)
  }
  let latSum = 0
  for (let v = 0; v < graph.nodeCount; v++) latSum += graph.lat[v]!
  const lat0 = graph.nodeCount > 0 ? latSum / graph.nodeCount : 0
  const lonScale = Math.cos((lat0 * Math.PI) / 180)
  const index = new Flatbush(Math.max(1, segments.length))
  for (const e of segments) {
    const a = graph.source[e]!
    const b = graph.target[e]!
    const ax = graph.lon[a]! * lonScale
    const bx = graph.lon[b]! * lonScale
    index.add(Math.min(ax, bx), Math.min(graph.lat[a]!, graph.lat[b]!), Math.max(ax, bx), Math.max(graph.lat[a]!, graph.lat[b]!))
  }
  if (segments.length === 0) index.add(0, 0, 0, 0)
  index.finish()
  return { graph, index, segmentEdge: Uint32Array.from(segments), reverseEdge, lonScale }
}

/**
 * The nearest open road point to `position`, or null when every segment is closed or the graph
 * is empty. `maxDistanceM` bounds the search (default: unbounded).
 */
export function snapPoint(snap: SnapIndex, position: Position, closed?: Uint8Array, maxDistanceM = Infinity): Snapped | null {
  const { graph, lonScale } = snap
  if (snap.segmentEdge.length === 0) return null
  const px = position[0] * lonScale
  const py = position[1]
  const isOpen = (e: number) => {
    if (!closed) return true
    if (closed[e] === 0) return true
    const r = snap.reverseEdge[e]!
    return r >= 0 && closed[r] === 0
  }
  const maxDeg = Number.isFinite(maxDistanceM) ? maxDistanceM / 110_574 : Infinity
  const found = snap.index.neighbors(px, py, 8, maxDeg, (i) => isOpen(snap.segmentEdge[i]!))
  let best: Snapped | null = null
  let bestD2 = Infinity
  for (const i of found) {
    let e = snap.segmentEdge[i]!
    if (closed && closed[e] !== 0) e = snap.reverseEdge[e]!
    const a = graph.source[e]!
    const b = graph.target[e]!
    const ax = graph.lon[a]! * lonScale
    const ay = graph.lat[a]!
    const dx = graph.lon[b]! * lonScale - ax
    const dy = graph.lat[b]! - ay
    const l2 = dx * dx + dy * dy
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0
    const qx = ax + t * dx
    const qy = ay + t * dy
    const d2 = (px - qx) ** 2 + (py - qy) ** 2
    if (d2 < bestD2) {
      bestD2 = d2
      const lon = qx / lonScale
      best = { edge: e, fraction: t, lon, lat: qy, distanceM: metresBetween(position[0], position[1], lon, qy) }
    }
  }
  if (best && best.distanceM > maxDistanceM) return null
  return best
}

function open(closed: Uint8Array | undefined, e: number): boolean {
  return e >= 0 && (closed === undefined || closed[e] === 0)
}

/** Anchors to start a search at a snapped point (leave along the edge or its reverse). */
export function sourceAnchors(snap: SnapIndex, s: Snapped, closed?: Uint8Array): Anchor[] {
  const { graph } = snap
  const out: Anchor[] = []
  const e = s.edge
  const r = snap.reverseEdge[e]!
  if (open(closed, e)) out.push({ node: graph.target[e]!, costS: (1 - s.fraction) * graph.timeS[e]!, lengthM: (1 - s.fraction) * graph.lengthM[e]! })
  if (open(closed, r)) out.push({ node: graph.target[r]!, costS: s.fraction * graph.timeS[r]!, lengthM: s.fraction * graph.lengthM[r]! })
  return out
}

/** Anchors to end a search at a snapped point (arrive along the edge or its reverse). */
export function targetAnchors(snap: SnapIndex, s: Snapped, closed?: Uint8Array): Anchor[] {
  const { graph } = snap
  const out: Anchor[] = []
  const e = s.edge
  const r = snap.reverseEdge[e]!
  if (open(closed, e)) out.push({ node: graph.source[e]!, costS: s.fraction * graph.timeS[e]!, lengthM: s.fraction * graph.lengthM[e]! })
  if (open(closed, r)) out.push({ node: graph.source[r]!, costS: (1 - s.fraction) * graph.timeS[r]!, lengthM: (1 - s.fraction) * graph.lengthM[r]! })
  return out
}

/**
 * The way straight along one segment when both points lie on it (no node in between), or null.
 */
export function directAlongSegment(
  snap: SnapIndex,
  from: Snapped,
  to: Snapped,
  closed?: Uint8Array,
): { costS: number; lengthM: number; edge: number } | null {
  const { graph } = snap
  const e = from.edge
  const r = snap.reverseEdge[e]!
  let toFraction: number
  if (to.edge === e) toFraction = to.fraction
  else if (r >= 0 && to.edge === r) toFraction = 1 - to.fraction
  else return null
  if (toFraction >= from.fraction) {
    if (!open(closed, e)) return null
    const f = toFraction - from.fraction
    return { costS: f * graph.timeS[e]!, lengthM: f * graph.lengthM[e]!, edge: e }
  }
  if (!open(closed, r)) return null
  const f = from.fraction - toFraction
  return { costS: f * graph.timeS[r]!, lengthM: f * graph.lengthM[r]!, edge: r }
}
