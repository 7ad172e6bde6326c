/**
 * A* with landmarks (ALT, Goldberg & Harrelson 2005): travel times from and to a few far-apart
 * landmark nodes are computed once on the open network; by the triangle inequality
 * `max(d(L,t) − d(L,v), d(v,L) − d(t,L))` is a lower bound of `d(v,t)`. Closures only remove
 * edges (raise costs), so bounds computed without closures stay admissible and consistent under
 * any set of closures: closures apply at once, with no preprocessing again.
 */
import type { RoadGraph } from './roadGraph.ts'
import { dijkstraTree } from './dijkstra.ts'
import { randomStream } from '../geo/seededRandom.ts'
import { type Anchor, type PathResult, edgesTo, pathLength, searchSpaceOf } from './search.ts'

export interface Landmarks {
  count: number
  nodes: Uint32Array
  /** `from[v * count + l]` = d(landmark l → v); Infinity when unreachable. */
  from: Float64Array
  /** `to[v * count + l]` = d(v → landmark l). */
  to: Float64Array
}

/**
 * Chooses `count` landmarks by farthest selection (each new landmark is the node farthest, in
 * travel time, from those already chosen) and computes their distance tables.
 */
export function buildLandmarks(graph: RoadGraph, count = 16, seed = 7): Landmarks {
  const n = graph.nodeCount
  const k = Math.max(0, Math.min(count, n))
  const nodes = new Uint32Array(k)
  const from = new Float64Array(n * k)
  const to = new Float64Array(n * k)
  if (k === 0) return { count: 0, nodes, from, to }
  const random = randomStream(seed, 'landmarks')
  // Start from the node farthest from a random node: an extremity of the network.
  const start = Math.floor(random() * n)
  let pick = farthest(dijkstraTree(graph, [{ node: start, costS: 0, lengthM: 0 }]), null)
  if (pick < 0) pick = start
  const nearest = new Float64Array(n).fill(Infinity)
  for (let l = 0; l < k; l++) {
    nodes[l] = pick
    const anchor = [{ node: pick, costS: 0, lengthM: 0 }]
    const df = dijkstraTree(graph, anchor)
    const dt = dijkstraTree(graph, anchor, { reverse: true })
    for (let v = 0; v < n; v++) {
      from[v * k + l] = df[v]!
      to[v * k + l] = dt[v]!
      const d = Math.min(df[v]!, dt[v]!)
      if (d < nearest[v]!) nearest[v] = d
    }
    pick = farthest(nearest, nodes.subarray(0, l + 1))
    if (pick < 0) {
      // Everything reachable is a landmark already: repeat the last one.
      pick = nodes[l]!
    }
  }
  return { count: k, nodes, from, to }
}

function farthest(dist: Float64Array, exclude: Uint32Array | null): number {
  let best = -1
  let bestD = -1
  for (let v = 0; v < dist.length; v++) {
    const d = dist[v]!
    if (d !== Infinity && d > bestD && !(exclude && exclude.includes(v))) {
      bestD = d
      best = v
    }
  }
  return best
}

export interface AStarOptions {
  closed?: Uint8Array
  /** Landmarks used per query: the ones giving the best bound between the ends (default 4). */
  active?: number
}

/**
 * Fastest path from any source anchor to any target anchor (same answer as `dijkstraPath`),
 * guided by the landmark bounds. Null when no target is reachable.
 */
export function astarPath(
  graph: RoadGraph,
  landmarks: Landmarks,
  sources: readonly Anchor[],
  targets: readonly Anchor[],
  options: AStarOptions = {},
): PathResult | null {
  if (sources.length === 0 || targets.length === 0) return null
  const { closed } = options
  const K = landmarks.count
  const { from: lf, to: lt } = landmarks
  // Active landmarks: the best bounds between the first source and target nodes.
  const s0 = sources[0]!.node
  const t0 = targets[0]!.node
  const scored: Array<[number, number]> = []
  for (let l = 0; l < K; l++) {
    const a = lf[t0 * K + l]! - lf[s0 * K + l]!
    const b = lt[s0 * K + l]! - lt[t0 * K + l]!
    let score = 0
    if (a > score) score = a
    if (b > score) score = b
    scored.push([score, l])
  }
  scored.sort((x, y) => y[0] - x[0])
  const active = Int32Array.from(scored.slice(0, Math.min(options.active ?? 4, K)).map((x) => x[1]))
  const A = active.length
  const targetNodes = Int32Array.from(targets.map((t) => t.node))
  const T = targetNodes.length
  // Per target and active landmark: d(L,t) and d(t,L).
  const tFrom = new Float64Array(T * A)
  const tTo = new Float64Array(T * A)
  for (let j = 0; j < T; j++) {
    for (let i = 0; i < A; i++) {
      tFrom[j * A + i] = lf[targetNodes[j]! * K + active[i]!]!
      tTo[j * A + i] = lt[targetNodes[j]! * K + active[i]!]!
    }
  }
  const heuristic = (v: number): number => {
    let h = Infinity
    for (let j = 0; j < T; j++) {
      let hj = 0
      for (let i = 0; i < A; i++) {
        const l = active[i]!
        const a = tFrom[j * A + i]! - lf[v * K + l]!
        if (a > hj) hj = a
        const b = lt[v * K + l]! - tTo[j * A + i]!
        if (b > hj) hj = b
      }
      if (hj < h) h = hj
    }
    return h
  }

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
    const h = heuristic(s.node)
    if (h !== Infinity) heap.push(s.costS + h, s.node)
  }
  let best = Infinity
  let bestNode = -1
  let bestTarget = -1
  let settled = 0
  const { offsets, target, timeS } = graph
  while (heap.size > 0) {
    if (heap.peekKey() >= best) break
    const v = heap.pop()
    if (done[v] === gen) continue
    done[v] = gen
    settled++
    const dv = dist[v]!
    for (let j = 0; j < T; j++) {
      if (targetNodes[j] === v) {
        const c = dv + targets[j]!.costS
        if (c < best) {
          best = c
          bestNode = v
          bestTarget = j
        }
      }
    }
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      if (closed !== undefined && closed[e] !== 0) continue
      const w = target[e]!
      if (done[w] === gen) continue
      const nd = dv + timeS[e]!
      if (seen[w] !== gen || nd < dist[w]!) {
        seen[w] = gen
        dist[w] = nd
        prevEdge[w] = e
        originOf[w] = originOf[v]!
        const h = heuristic(w)
        if (h !== Infinity) heap.push(nd + h, w)
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
