/**
 * Plain Dijkstra (binary heap, no heuristic): the reference the faster searches are checked and
 * benchmarked against, and the one-to-many search behind travel-time matrices and landmarks.
 */
import type { RoadGraph } from './roadGraph.ts'
import { type Anchor, type PathResult, edgesTo, pathLength, searchSpaceOf } from './search.ts'

/**
 * Fastest path from any source anchor to any target anchor, skipping edges whose `closed` mask
 * byte is non-zero. Null when no target is reachable.
 */
export function dijkstraPath(
  graph: RoadGraph,
  sources: readonly Anchor[],
  targets: readonly Anchor[],
  closed?: Uint8Array,
): PathResult | null {
  const space = searchSpaceOf(graph)
  const gen = space.next()
  const { dist, prevEdge, seen, done, originOf, heap } = space
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!
    if (seen[s.node] === gen && dist[s.node]! <= s.costS) continue
    seen[s.node] = gen
    dist[s.node] = s.costS
    prevEdge[s.node] = -1
    originOf[s.node] = i
    heap.push(s.costS, s.node)
  }
  // target extras by node (a node may carry two anchors of the same point only if the edge is a loop)
  let best = Infinity
  let bestNode = -1
  let bestTarget = -1
  let settled = 0
  const { offsets, target, timeS } = graph
  while (heap.size > 0) {
    const key = heap.peekKey()
    if (key >= best) break
    const v = heap.pop()
    if (done[v] === gen) continue
    done[v] = gen
    settled++
    const dv = dist[v]!
    for (let t = 0; t < targets.length; t++) {
      const a = targets[t]!
      if (a.node === v && dv + a.costS < best) {
        best = dv + a.costS
        bestNode = v
        bestTarget = t
      }
    }
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      if (closed !== undefined && closed[e] !== 0) continue
      const w = target[e]!
      const nd = dv + timeS[e]!
      if (seen[w] !== gen || nd < dist[w]!) {
        seen[w] = gen
        dist[w] = nd
        prevEdge[w] = e
        originOf[w] = originOf[v]!
        heap.push(nd, w)
      }
    }
  }
  if (bestNode < 0) return null
  const edges = edgesTo(graph, space, bestNode)
  const sourceIndex = originOf[bestNode]!
  return {
    costS: best,
    lengthM: sources[sourceIndex]!.lengthM + pathLength(graph, edges) + targets[bestTarget]!.lengthM,
    edges,
    sourceIndex,
    targetIndex: bestTarget,
    settled,
  }
}

export interface TreeOptions {
  closed?: Uint8Array
  /** Search the reversed graph: distances from every node *to* the sources. */
  reverse?: boolean
  /**
   * Stop once these nodes are all settled (the others keep a tentative or Infinity distance).
   */
  stopAfter?: readonly number[]
}

/** One-to-all (or to-all, reversed) travel times from the source anchors; Infinity when unreachable. */
export function dijkstraTree(graph: RoadGraph, sources: readonly Anchor[], options: TreeOptions = {}): Float64Array {
  const out = new Float64Array(graph.nodeCount).fill(Infinity)
  const space = searchSpaceOf(graph)
  const gen = space.next()
  const { dist, seen, done, heap } = space
  for (const s of sources) {
    if (seen[s.node] === gen && dist[s.node]! <= s.costS) continue
    seen[s.node] = gen
    dist[s.node] = s.costS
    heap.push(s.costS, s.node)
  }
  const { closed, reverse } = options
  let pending = -1
  let want: Uint8Array | undefined
  if (options.stopAfter) {
    want = new Uint8Array(graph.nodeCount)
    pending = 0
    for (const n of options.stopAfter) if (want[n] === 0) { want[n] = 1; pending++ }
    if (pending === 0) return out
  }
  const offsets = reverse ? graph.reverseOffsets : graph.offsets
  const { target, source, timeS, reverseEdges } = graph
  while (heap.size > 0) {
    const v = heap.pop()
    if (done[v] === gen) continue
    done[v] = gen
    const dv = dist[v]!
    out[v] = dv
    if (want && want[v] === 1 && --pending === 0) break
    for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
      const e = reverse ? reverseEdges[i]! : i
      if (closed !== undefined && closed[e] !== 0) continue
      const w = reverse ? source[e]! : target[e]!
      const nd = dv + timeS[e]!
      if (seen[w] !== gen || nd < dist[w]!) {
        seen[w] = gen
        dist[w] = nd
        heap.push(nd, w)
      }
    }
  }
  return out
}
