/**
 * One-to-many travel-time matrices (行程时间矩阵): positions are snapped to the nearest open road,
 * then one Dijkstra per source runs until every target's nodes are settled.
 */
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
 * from the position itself is not counted. `closed` is the closed-edge mask (non-zero = closed).
 */
export function travelTimeMatrix(
  graph: RoadGraph,
  sources: readonly Position[],
  targets: readonly Position[],
  closed?: Uint8Array,
): Float64Array {
  const out = new Float64Array(sources.length * targets.length).fill(Infinity)
  if (sources.length === 0 || targets.length === 0 || graph.edgeCount === 0) return out
  const snap = snapIndexOf(graph)
  const targetSnaps = targets.map((p) => snapPoint(snap, p, closed))
  const targetAnchorLists = targetSnaps.map((s) => (s ? targetAnchors(snap, s, closed) : []))
  const stopAfter = targetAnchorLists.flatMap((list) => list.map((a) => a.node))
  for (let i = 0; i < sources.length; i++) {
    const s = snapPoint(snap, sources[i]!, closed)
    if (!s) continue
    const anchors = sourceAnchors(snap, s, closed)
    if (anchors.length === 0) continue
    const dist = dijkstraTree(graph, anchors, { closed, stopAfter })
    for (let j = 0; j < targets.length; j++) {
      let best = Infinity
      for (const a of targetAnchorLists[j]!) best = Math.min(best, dist[a.node]! + a.costS)
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
