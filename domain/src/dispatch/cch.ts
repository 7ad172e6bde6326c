/**
 * Customisable contraction hierarchy (CCH, Dibbelt, Strasser & Wagner, "Customizable Contraction
 * Hierarchies", JEA 2016), in three phases:
 *
 * 1. Preprocessing, once per road network and independent of travel times: nodes are ranked by
 *    nested dissection (cchOrder.ts) and contracted in that order; contracting a node joins all
 *    its higher neighbours (the chordal supergraph). Node ids here are ranks; every arc runs
 *    from a lower to a higher rank and carries a weight each way.
 * 2. Customisation, per metric (`customise`): arcs take the times of their open road edges
 *    (closed edges count as impassable), then every lower triangle {v < u < w} offers u→v→w and
 *    w→v→u — §5.1's basic customisation, O(triangles), under a millisecond on the county graph.
 *    A closure re-customises only the arcs it can change (`recustomise`, partial customisation
 *    as in Buchhold, Sanders & Wagner 2019 §4), which keeps the 1 M-edge grid fast too.
 * 3. Queries (cchQuery.ts): upward searches along the elimination tree from both ends.
 *
 * Why a CCH and not ALT A* or a plain CH: closures only change weights, never the structure, so
 * applying or lifting one is a re-customisation of the kept hierarchy (milliseconds), while a
 * plain CH needs a new contraction and ALT answers far slower (docs/PERFORMANCE.md "Dispatch").
 */
import { nestedDissectionOrder, undirectedAdjacency } from './cchOrder.ts'
import { MinHeap } from './heap.ts'
import type { RoadGraph } from './roadGraph.ts'

export interface ContractionHierarchy {
  graph: RoadGraph
  /** `rankOf[v]` = rank of road node v; `nodeAt[r]` the road node of rank r. */
  rankOf: Uint32Array
  nodeAt: Uint32Array
  /** Upward arcs of rank r: `firstArc[r] .. firstArc[r+1]-1`, heads ascending. */
  firstArc: Uint32Array
  head: Uint32Array
  tail: Uint32Array
  /** Elimination-tree parent (the lowest higher neighbour), -1 for a root. */
  parent: Int32Array
  /** Arc of each road edge (-1 for a loop) and whether the edge runs upward (tail → head). */
  arcOfEdge: Int32Array
  edgeUpward: Uint8Array
  /** Road edges of arc a: `arcEdges[firstEdge[a] .. firstEdge[a+1]-1]`. */
  firstEdge: Uint32Array
  arcEdges: Uint32Array
  /** Arcs from lower ranks into rank r: `downArcs[firstDown[r] .. firstDown[r+1]-1]`, tails ascending. */
  firstDown: Uint32Array
  downArcs: Uint32Array
}

/** Travel times on the hierarchy for one set of closures. */
export interface CchMetric {
  cch: ContractionHierarchy
  /** Time tail → head and head → tail of each arc (Infinity when impassable). */
  up: Float64Array
  down: Float64Array
  /**
   * What the weight comes from: a road edge id (≥ 0), or `~v` for the shortcut through the
   * lower node v (tail → v → head, or back).
   */
  upVia: Int32Array
  downVia: Int32Array
}

/** Preprocessing: order, contract, index the arcs. `rankOf` may be given (tests, benches). */
export function buildCch(graph: RoadGraph, rankOf?: Uint32Array): ContractionHierarchy {
  const n = graph.nodeCount
  const adjacency = undirectedAdjacency(graph)
  const rank = rankOf ?? nestedDissectionOrder(graph, adjacency)
  const nodeAt = new Uint32Array(n)
  for (let v = 0; v < n; v++) nodeAt[rank[v]!] = v
  // Upper neighbourhoods, merged into the elimination-tree parent as each node is contracted:
  // N⁺(v) \ {p} ⊆ N⁺(p) for p = min N⁺(v) is exactly the fill the contraction adds.
  const upper: Uint32Array[] = new Array<Uint32Array>(n)
  for (let r = 0; r < n; r++) {
    const v = nodeAt[r]!
    const list: number[] = []
    for (let j = adjacency.offsets[v]!; j < adjacency.offsets[v + 1]!; j++) {
      const q = rank[adjacency.neighbours[j]!]!
      if (q > r) list.push(q)
    }
    upper[r] = Uint32Array.from(list).sort()
  }
  const parent = new Int32Array(n).fill(-1)
  for (let r = 0; r < n; r++) {
    const list = upper[r]!
    if (list.length === 0) continue
    const p = list[0]!
    parent[r] = p
    if (list.length > 1) upper[p] = mergeSorted(upper[p]!, list.subarray(1))
  }
  const firstArc = new Uint32Array(n + 1)
  for (let r = 0; r < n; r++) firstArc[r + 1] = firstArc[r]! + upper[r]!.length
  const arcCount = firstArc[n]!
  const head = new Uint32Array(arcCount)
  const tail = new Uint32Array(arcCount)
  for (let r = 0; r < n; r++) {
    head.set(upper[r]!, firstArc[r]!)
    tail.fill(r, firstArc[r]!, firstArc[r + 1]!)
  }
  const firstDown = new Uint32Array(n + 1)
  for (let a = 0; a < arcCount; a++) firstDown[head[a]! + 1]!++
  for (let r = 0; r < n; r++) firstDown[r + 1]! += firstDown[r]!
  const downArcs = new Uint32Array(arcCount)
  const downFill = firstDown.slice(0, n)
  for (let a = 0; a < arcCount; a++) downArcs[downFill[head[a]!]!++] = a
  const cch: ContractionHierarchy = {
    graph, rankOf: rank, nodeAt, firstArc, head, tail, parent,
    arcOfEdge: new Int32Array(graph.edgeCount).fill(-1), edgeUpward: new Uint8Array(graph.edgeCount),
    firstEdge: new Uint32Array(arcCount + 1), arcEdges: new Uint32Array(0), firstDown, downArcs,
  }
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = rank[graph.source[e]!]!, b = rank[graph.target[e]!]!
    if (a === b) continue
    const arc = arcBetween(cch, Math.min(a, b), Math.max(a, b))
    cch.arcOfEdge[e] = arc
    cch.edgeUpward[e] = a < b ? 1 : 0
    cch.firstEdge[arc + 1]!++
  }
  for (let a = 0; a < arcCount; a++) cch.firstEdge[a + 1]! += cch.firstEdge[a]!
  cch.arcEdges = new Uint32Array(cch.firstEdge[arcCount]!)
  const edgeFill = cch.firstEdge.slice(0, arcCount)
  for (let e = 0; e < graph.edgeCount; e++) if (cch.arcOfEdge[e]! >= 0) cch.arcEdges[edgeFill[cch.arcOfEdge[e]!]!++] = e
  return cch
}

function mergeSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length)
  let i = 0, j = 0, k = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!
    if (x < y) { out[k++] = x; i++ } else if (y < x) { out[k++] = y; j++ } else { out[k++] = x; i++; j++ }
  }
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return k === out.length ? out : out.slice(0, k)
}

/** The arc between ranks `low` < `high` (binary search in low's sorted heads); -1 if none. */
export function arcBetween(cch: ContractionHierarchy, low: number, high: number): number {
  let lo = cch.firstArc[low]!, hi = cch.firstArc[low + 1]! - 1
  const { head } = cch
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const h = head[mid]!
    if (h === high) return mid
    if (h < high) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

export function arcCount(cch: ContractionHierarchy): number {
  return cch.head.length
}

/**
 * Customisation: the hierarchy's weights for the road times with `closed` edges (non-zero mask
 * byte) impassable. Reuses `into`'s arrays when given (a re-customisation after a closure).
 */
export function customise(cch: ContractionHierarchy, closed?: Uint8Array, into?: CchMetric): CchMetric {
  const m = cch.head.length
  const metric: CchMetric = into ?? {
    cch, up: new Float64Array(m), down: new Float64Array(m), upVia: new Int32Array(m), downVia: new Int32Array(m),
  }
  const { up, down, upVia, downVia } = metric
  up.fill(Infinity)
  down.fill(Infinity)
  const { timeS } = cch.graph
  const { arcOfEdge, edgeUpward, firstArc, head } = cch
  for (let e = 0; e < arcOfEdge.length; e++) {
    const a = arcOfEdge[e]!
    if (a < 0 || (closed !== undefined && closed[e] !== 0)) continue
    const t = timeS[e]!
    if (edgeUpward[e] === 1) {
      if (t < up[a]!) { up[a] = t; upVia[a] = e }
    } else if (t < down[a]!) { down[a] = t; downVia[a] = e }
  }
  // Lower triangles in increasing order of their lowest node: arcs (v,u) and (v,w) are final
  // when v is reached, since their own lower triangles have lower nodes still.
  const n = firstArc.length - 1
  for (let v = 0; v < n; v++) {
    const end = firstArc[v + 1]!
    for (let i = firstArc[v]!; i < end; i++) {
      const u = head[i]!
      const downI = down[i]!, upI = up[i]!
      if (downI === Infinity && upI === Infinity) continue
      let k = firstArc[u]!
      for (let j = i + 1; j < end; j++) {
        const w = head[j]!
        while (head[k]! < w) k++
        // arc k = (u, w); u → v → w and w → v → u
        const viaUp = downI + up[j]!
        if (viaUp < up[k]!) { up[k] = viaUp; upVia[k] = ~v }
        const viaDown = down[j]! + upI
        if (viaDown < down[k]!) { down[k] = viaDown; downVia[k] = ~v }
      }
    }
  }
  return metric
}

const pending = new WeakMap<ContractionHierarchy, { heap: MinHeap; seen: Uint32Array; generation: number; triangles: number }>()

function triangleCount(cch: ContractionHierarchy): number {
  let t = 0
  for (let r = 0; r + 1 < cch.firstArc.length; r++) {
    const k = cch.firstArc[r + 1]! - cch.firstArc[r]!
    t += (k * (k - 1)) / 2
  }
  return t
}

/**
 * Partial customisation: brings a customised `metric` up to date after the open/closed state of
 * `changed` edges changed (now given by `closed`), recomputing only the arcs whose weight can
 * change — the changed edges' arcs, then, for each arc whose weight did change, the arcs it
 * forms a lower triangle with — in increasing order of their lower end. Gives exactly the
 * weights of a full `customise`. Recomputing an arc merges the arc lists into both its ends, so
 * when that work passes `budget` (default: the full customisation's triangle count) a full
 * customisation takes over: never much worse than one. Returns the number of arcs recomputed.
 */
export function recustomise(metric: CchMetric, closed: Uint8Array | undefined, changed: readonly number[], budget?: number): number {
  const { cch, up, down, upVia, downVia } = metric
  const { firstArc, head, tail, firstDown, downArcs, firstEdge, arcEdges, arcOfEdge, edgeUpward } = cch
  const { timeS } = cch.graph
  let work = pending.get(cch)
  if (!work) {
    work = { heap: new MinHeap(1024), seen: new Uint32Array(head.length), generation: 0, triangles: triangleCount(cch) }
    pending.set(cch, work)
  }
  if (++work.generation === 0xffffffff) { work.seen.fill(0); work.generation = 1 }
  const { heap, seen, generation } = work
  const limit = budget ?? work.triangles
  let spent = 0
  heap.clear()
  const enqueue = (a: number) => { if (seen[a] !== generation) { seen[a] = generation; heap.push(tail[a]!, a) } }
  for (const e of changed) if (arcOfEdge[e]! >= 0) enqueue(arcOfEdge[e]!)
  let recomputed = 0
  while (heap.size > 0) {
    const a = heap.pop()
    recomputed++
    const x = tail[a]!, y = head[a]!
    let u = Infinity, d = Infinity, uVia = -1, dVia = -1
    for (let i = firstEdge[a]!; i < firstEdge[a + 1]!; i++) {
      const e = arcEdges[i]!
      if (closed !== undefined && closed[e] !== 0) continue
      const t = timeS[e]!
      if (edgeUpward[e] === 1) { if (t < u) { u = t; uVia = e } } else if (t < d) { d = t; dVia = e }
    }
    // Lower triangles {v, x, y}: v below both, found by merging the arcs into x and into y.
    let i = firstDown[x]!, j = firstDown[y]!
    const iEnd = firstDown[x + 1]!, jEnd = firstDown[y + 1]!
    spent += iEnd - i + jEnd - j
    if (spent > limit) {
      customise(cch, closed, metric)
      return head.length
    }
    while (i < iEnd && j < jEnd) {
      const p = downArcs[i]!, q = downArcs[j]!
      const vp = tail[p]!, vq = tail[q]!
      if (vp < vq) { i++; continue }
      if (vq < vp) { j++; continue }
      // p = (v, x), q = (v, y): x → v → y and y → v → x
      const viaUp = down[p]! + up[q]!
      if (viaUp < u) { u = viaUp; uVia = ~vp }
      const viaDown = down[q]! + up[p]!
      if (viaDown < d) { d = viaDown; dVia = ~vp }
      i++; j++
    }
    const moved = u !== up[a] || d !== down[a]
    up[a] = u; down[a] = d; upVia[a] = uVia; downVia[a] = dVia
    if (!moved) continue
    // Arc a = (x, y) is in the lower triangle {x, y, w} of arc (y, w) or (w, y) for every higher neighbour w ≠ y of x.
    for (let k = firstArc[x]!; k < firstArc[x + 1]!; k++) {
      const w = head[k]!
      if (w !== y) enqueue(w < y ? arcBetween(cch, w, y) : arcBetween(cch, y, w))
    }
  }
  return recomputed
}
