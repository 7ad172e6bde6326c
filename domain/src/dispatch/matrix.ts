/**
 * One-to-many travel-time matrices (行程时间矩阵): positions are snapped to the nearest open road,
 * then either the customised hierarchy answers all pairs at once (cchMatrix), or, without one,
 * one Dijkstra per source runs until every target's nodes are settled.
 */
import type { CchMetric } from './cch.ts'
import { cchMatrix } from './cchQuery.ts'
import type { Position, RoadGraph } from './roadGraph.ts'
import { dijkstraTree } from './dijkstra.ts'
import { type SnapIndex, buildSnapIndex, directAlongSegment, snapPoint, sourceAnchors, targetAnchors } from './snap.ts'

const snapIndexes = new WeakMap<RoadGraph, SnapIndex>()

/** The graph's snap index, built once and kept with the graph. */
export function snapIndexOf(graph: RoadGraph): SnapIndex {
  let index = snapIndexes.get(graph)
  if (!index) {
    index = buildSnapIndex(graph)
    snapIndexes.set(graph, index)
  }
  return index
}

/**
 * Travel times in seconds, row-major: `result[i * targets.length + j]` is from `sources[i]` to
 * `targets[j]`; Infinity when unreachable (or a point cannot be snapped). Time to reach the road
 * from the position itself is not counted. `closed` is the closed-edge mask (non-zero = closed);
 * `metric`, when given, must be customised for the same mask.
 */
export function travelTimeMatrix(
  graph: RoadGraph,
  sources: readonly Position[],
  targets: readonly Position[],
  closed?: Uint8Array,
  metric?: CchMetric,
): Float64Array {
  const out = new Float64Array(sources.length * targets.length).fill(Infinity)
  if (sources.length === 0 || targets.length === 0 || graph.edgeCount === 0) return out
  const snap = snapIndexOf(graph)
  const targetSnaps = targets.map((p) => snapPoint(snap, p, closed))
  const targetAnchorLists = targetSnaps.map((s) => (s ? targetAnchors(snap, s, closed) : []))
  const sourceSnaps = sources.map((p) => snapPoint(snap, p, closed))
  const sourceAnchorLists = sourceSnaps.map((s) => (s ? sourceAnchors(snap, s, closed) : []))
  const viaRoads = metric ? cchMatrix(metric, sourceAnchorLists, targetAnchorLists) : undefined
  const stopAfter = targetAnchorLists.flatMap((list) => list.map((a) => a.node))
  for (let i = 0; i < sources.length; i++) {
    const s = sourceSnaps[i]
    if (!s) continue
    const anchors = sourceAnchorLists[i]!
    if (anchors.length === 0) continue
    const dist = viaRoads ? undefined : dijkstraTree(graph, anchors, { closed, stopAfter })
    for (let j = 0; j < targets.length; j++) {
      let best = Infinity
      if (dist) for (const a of targetAnchorLists[j]!) best = Math.min(best, dist[a.node]! + a.costS)
      else best = viaRoads![i * targets.length + j]!
      const t = targetSnaps[j]
      if (t) {
        const direct = directAlongSegment(snap, s, t, closed)
        if (direct) best = Math.min(best, direct.costS)
      }
      out[i * targets.length + j] = best
    }
  }
  return out
}
