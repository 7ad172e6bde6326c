/**
 * Queries on a customised hierarchy (cch.ts). Every shortest path in the hierarchy climbs from the
 * source to a top node and descends to the target, and the higher neighbours of a node are all
 * its ancestors in the elimination tree; so the forward search only scans the source's ancestors
 * in increasing rank (upward weights) and the backward search the target's (downward weights),
 * with no priority queue (elimination-tree query, Dibbelt/Strasser/Wagner §6.2). Arcs found are
 * unpacked into road edges for the geometry. Working arrays are kept per hierarchy and stamped
 * per query, so a query never clears or allocates arrays the size of the graph.
 */
import type { CchMetric, ContractionHierarchy } from './cch.ts'
import { arcBetween } from './cch.ts'
import { type Anchor, type PathResult, pathLength } from './search.ts'

class CchSpace {
  readonly forward: Float64Array
  readonly backward: Float64Array
  readonly forwardArc: Int32Array
  readonly backwardArc: Int32Array
  readonly forwardOrigin: Int32Array
  readonly backwardOrigin: Int32Array
  readonly forwardStamp: Uint32Array
  readonly backwardStamp: Uint32Array
  /** Ranks scanned by the current walks, each in increasing order (forward, then backward). */
  readonly visited: Uint32Array
  generation = 0

  constructor(n: number) {
    this.forward = new Float64Array(n)
    this.backward = new Float64Array(n)
    this.forwardArc = new Int32Array(n)
    this.backwardArc = new Int32Array(n)
    this.forwardOrigin = new Int32Array(n)
    this.backwardOrigin = new Int32Array(n)
    this.forwardStamp = new Uint32Array(n)
    this.backwardStamp = new Uint32Array(n)
    this.visited = new Uint32Array(2 * n)
  }

  next(): number {
    if (++this.generation === 0xffffffff) {
      this.forwardStamp.fill(0)
      this.backwardStamp.fill(0)
      this.generation = 1
    }
    return this.generation
  }
}

const spaces = new WeakMap<ContractionHierarchy, CchSpace>()

function spaceOf(cch: ContractionHierarchy): CchSpace {
  let space = spaces.get(cch)
  if (!space) {
    space = new CchSpace(cch.nodeAt.length)
    spaces.set(cch, space)
  }
  return space
}

/**
 * One upward search from the anchors: `dist[r]` (stamped `gen`) for every ancestor r of an
 * anchor, over `weight` (metric.up forward, metric.down backward). Writes the scanned ranks to
 * `visited` from `at` on, in increasing order; returns the new end.
 */
function walkUp(
  cch: ContractionHierarchy, weight: Float64Array, anchors: readonly Anchor[], gen: number,
  dist: Float64Array, stamp: Uint32Array, arcTo: Int32Array, origin: Int32Array, visited: Uint32Array, at: number,
): number {
  const { rankOf, firstArc, head, parent } = cch
  // Start ranks, then climb all their tree paths together, always scanning the lowest rank next.
  const fronts: number[] = []
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!
    const r = rankOf[a.node]!
    if (stamp[r] !== gen) {
      stamp[r] = gen
      dist[r] = a.costS
      arcTo[r] = -1
      origin[r] = i
      fronts.push(r)
    } else if (a.costS < dist[r]!) {
      dist[r] = a.costS
      origin[r] = i
    }
  }
  for (;;) {
    let x = -1
    for (const f of fronts) if (f >= 0 && (x < 0 || f < x)) x = f
    if (x < 0) return at
    for (let i = 0; i < fronts.length; i++) if (fronts[i] === x) fronts[i] = parent[x]!
    visited[at++] = x
    if (stamp[x] !== gen) {
      // An ancestor no arc has reached (yet): unreachable so far.
      stamp[x] = gen
      dist[x] = Infinity
      arcTo[x] = -1
      origin[x] = -1
      continue
    }
    const dx = dist[x]!
    if (dx === Infinity) continue
    for (let a = firstArc[x]!, end = firstArc[x + 1]!; a < end; a++) {
      const y = head[a]!
      const nd = dx + weight[a]!
      if (stamp[y] !== gen) {
        stamp[y] = gen
        dist[y] = nd
        arcTo[y] = a
        origin[y] = origin[x]!
      } else if (nd < dist[y]!) {
        dist[y] = nd
        arcTo[y] = a
        origin[y] = origin[x]!
      }
    }
  }
}

/**
 * Fastest path from any source anchor to any target anchor (the same cost as `dijkstraPath` over
 * the metric's closures), or null when none is reachable.
 */
export function cchPath(metric: CchMetric, sources: readonly Anchor[], targets: readonly Anchor[]): PathResult | null {
  const { cch } = metric
  const space = spaceOf(cch)
  const gen = space.next()
  const fEnd = walkUp(cch, metric.up, sources, gen, space.forward, space.forwardStamp, space.forwardArc, space.forwardOrigin, space.visited, 0)
  const bEnd = walkUp(cch, metric.down, targets, gen, space.backward, space.backwardStamp, space.backwardArc, space.backwardOrigin, space.visited, fEnd)
  let best = Infinity
  let meet = -1
  for (let i = fEnd; i < bEnd; i++) {
    const x = space.visited[i]!
    if (space.forwardStamp[x] !== gen) continue
    const c = space.forward[x]! + space.backward[x]!
    if (c < best) { best = c; meet = x }
  }
  if (meet < 0) return null
  const edges: number[] = []
  // Up to the meeting rank (collected backwards), then down from it.
  const climb: number[] = []
  for (let x = meet; space.forwardArc[x]! >= 0;) {
    const a = space.forwardArc[x]!
    climb.push(a)
    x = cch.tail[a]!
  }
  for (let i = climb.length - 1; i >= 0; i--) unpackArc(metric, climb[i]!, true, edges)
  for (let x = meet; space.backwardArc[x]! >= 0;) {
    const a = space.backwardArc[x]!
    unpackArc(metric, a, false, edges)
    x = cch.tail[a]!
  }
  const sourceIndex = space.forwardOrigin[meet]!
  const targetIndex = space.backwardOrigin[meet]!
  return {
    costS: best,
    lengthM: sources[sourceIndex]!.lengthM + pathLength(cch.graph, edges) + targets[targetIndex]!.lengthM,
    edges,
    sourceIndex,
    targetIndex,
    settled: bEnd,
  }
}

/** Appends the road edges of arc `a` (tail → head when `upward`, else head → tail) to `out`. */
function unpackArc(metric: CchMetric, a: number, upward: boolean, out: number[]): void {
  const { cch, upVia, downVia } = metric
  const stack: number[] = [upward ? a : ~a]
  while (stack.length > 0) {
    const item = stack.pop()!
    const up = item >= 0
    const arc = up ? item : ~item
    const via = up ? upVia[arc]! : downVia[arc]!
    if (via >= 0) {
      out.push(via)
      continue
    }
    const v = ~via
    const low = arcBetween(cch, v, cch.tail[arc]!)
    const high = arcBetween(cch, v, cch.head[arc]!)
    // tail → v → head is down(low) then up(high); head → v → tail is down(high) then up(low).
    // Pushed in reverse so the first half is unpacked first.
    if (up) stack.push(high, ~low)
    else stack.push(low, ~high)
  }
}

/**
 * Many-to-many travel times (bucket method): `result[i * targets.length + j]` is the fastest time
 * from any anchor of `sources[i]` to any anchor of `targets[j]`, Infinity when unreachable or the
 * list is empty. Each target's backward search leaves (target, time) in buckets on its ancestors;
 * each source's forward search scans the buckets of its own.
 */
export function cchMatrix(metric: CchMetric, sources: readonly (readonly Anchor[])[], targets: readonly (readonly Anchor[])[]): Float64Array {
  const { cch } = metric
  const T = targets.length
  const out = new Float64Array(sources.length * T).fill(Infinity)
  const space = spaceOf(cch)
  const bucketTarget: number[] = []
  const bucketTime: number[] = []
  const bucketNext: number[] = []
  const bucketHead = new Map<number, number>()
  for (let j = 0; j < T; j++) {
    if (targets[j]!.length === 0) continue
    const gen = space.next()
    const end = walkUp(cch, metric.down, targets[j]!, gen, space.backward, space.backwardStamp, space.backwardArc, space.backwardOrigin, space.visited, 0)
    for (let i = 0; i < end; i++) {
      const x = space.visited[i]!
      const d = space.backward[x]!
      if (d === Infinity) continue
      bucketTarget.push(j)
      bucketTime.push(d)
      bucketNext.push(bucketHead.get(x) ?? -1)
      bucketHead.set(x, bucketTarget.length - 1)
    }
  }
  for (let i = 0; i < sources.length; i++) {
    if (sources[i]!.length === 0) continue
    const gen = space.next()
    const end = walkUp(cch, metric.up, sources[i]!, gen, space.forward, space.forwardStamp, space.forwardArc, space.forwardOrigin, space.visited, 0)
    const row = i * T
    for (let k = 0; k < end; k++) {
      const x = space.visited[k]!
      const d = space.forward[x]!
      if (d === Infinity) continue
      for (let b = bucketHead.get(x) ?? -1; b >= 0; b = bucketNext[b]!) {
        const c = d + bucketTime[b]!
        const cell = row + bucketTarget[b]!
        if (c < out[cell]!) out[cell] = c
      }
    }
  }
  return out
}
