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
 * One upward search over `weight` (metric.up forward, metric.down backward): `dist[r]` (stamped
 * with the query's generation) for every ancestor r of an anchor, scanned in increasing rank by
 * climbing all the anchors' tree paths together.
 */
class UpwardWalk {
  private readonly fronts: number[] = []
  private gen = 0

  constructor(
    private readonly cch: ContractionHierarchy,
    private readonly weight: Float64Array,
    readonly dist: Float64Array,
    readonly stamp: Uint32Array,
    readonly arcTo: Int32Array,
    readonly origin: Int32Array,
  ) {}

  start(anchors: readonly Anchor[], gen: number): void {
    const { dist, stamp, arcTo, origin, fronts } = this
    this.gen = gen
    fronts.length = 0
    for (let i = 0; i < anchors.length; i++) {
      const a = anchors[i]!
      const r = this.cch.rankOf[a.node]!
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
  }

  /** The next rank to scan, or -1 when the walk has passed the root(s). */
  peek(): number {
    let x = -1
    for (const f of this.fronts) if (f >= 0 && (x < 0 || f < x)) x = f
    return x
  }

  /**
   * Scans rank `x` (= `peek()`): its distance is final; relaxes its upward arcs unless the
   * distance is already `bound` or more (no path through x can then be shorter). Returns the
   * next rank to scan (`peek()` after it).
   */
  scan(x: number, bound: number): number {
    const { dist, stamp, arcTo, origin, fronts, gen, weight } = this
    const { firstArc, head, parent } = this.cch
    let next = -1
    for (let i = 0; i < fronts.length; i++) {
      let f = fronts[i]!
      if (f === x) fronts[i] = f = parent[x]!
      if (f >= 0 && (next < 0 || f < next)) next = f
    }
    if (stamp[x] !== gen) {
      // An ancestor no arc has reached: unreachable.
      stamp[x] = gen
      dist[x] = Infinity
      arcTo[x] = -1
      origin[x] = -1
      return next
    }
    const dx = dist[x]!
    if (!(dx < bound)) return next
    for (let a = firstArc[x]!, end = firstArc[x + 1]!; a < end; a++) {
      const y = head[a]!
      const nd = dx + weight[a]!
      if (stamp[y] !== gen || nd < dist[y]!) {
        stamp[y] = gen
        dist[y] = nd
        arcTo[y] = a
        origin[y] = origin[x]!
      }
    }
    return next
  }
}

interface Walks { forward: UpwardWalk; backward: UpwardWalk }

const walksByMetric = new WeakMap<CchMetric, Walks>()

function walksOf(metric: CchMetric): Walks {
  let walks = walksByMetric.get(metric)
  if (!walks) {
    const s = spaceOf(metric.cch)
    walks = {
      forward: new UpwardWalk(metric.cch, metric.up, s.forward, s.forwardStamp, s.forwardArc, s.forwardOrigin),
      backward: new UpwardWalk(metric.cch, metric.down, s.backward, s.backwardStamp, s.backwardArc, s.backwardOrigin),
    }
    walksByMetric.set(metric, walks)
  }
  return walks
}

/**
 * Fastest path from any source anchor to any target anchor (the same cost as `dijkstraPath` over
 * the metric's closures), or null when none is reachable. Both walks advance together in rank
 * order, so a node on both is met as soon as both distances are final, and nodes already as far
 * as the best path found are not expanded.
 */
export function cchPath(metric: CchMetric, sources: readonly Anchor[], targets: readonly Anchor[]): PathResult | null {
  const { cch } = metric
  const gen = spaceOf(cch).next()
  const { forward, backward } = walksOf(metric)
  forward.start(sources, gen)
  backward.start(targets, gen)
  let best = Infinity
  let meet = -1
  let scanned = 0
  let xf = forward.peek()
  let xb = backward.peek()
  while (xf >= 0 || xb >= 0) {
    scanned++
    // Ties: forward first, so the backward scan of the same rank sees a final forward distance.
    if (xf >= 0 && (xb < 0 || xf <= xb)) {
      const x = xf
      xf = forward.scan(x, best)
      // The backward walk has scanned x if it stamped it and is past it.
      if (backward.stamp[x] === gen && (xb < 0 || xb > x)) {
        const c = forward.dist[x]! + backward.dist[x]!
        if (c < best) { best = c; meet = x }
      }
    } else {
      const x = xb
      xb = backward.scan(x, best)
      if (forward.stamp[x] === gen) {
        const c = forward.dist[x]! + backward.dist[x]!
        if (c < best) { best = c; meet = x }
      }
    }
  }
  if (meet < 0) return null
  const edges: number[] = []
  // Up to the meeting rank (collected backwards), then down from it.
  const climb: number[] = []
  for (let x = meet; forward.arcTo[x]! >= 0;) {
    const a = forward.arcTo[x]!
    climb.push(a)
    x = cch.tail[a]!
  }
  for (let i = climb.length - 1; i >= 0; i--) unpackArc(metric, climb[i]!, true, edges)
  for (let x = meet; backward.arcTo[x]! >= 0;) {
    const a = backward.arcTo[x]!
    unpackArc(metric, a, false, edges)
    x = cch.tail[a]!
  }
  const sourceIndex = forward.origin[meet]!
  const targetIndex = backward.origin[meet]!
  return {
    costS: best,
    lengthM: sources[sourceIndex]!.lengthM + pathLength(cch.graph, edges) + targets[targetIndex]!.lengthM,
    edges,
    sourceIndex,
    targetIndex,
    settled: scanned,
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
  const { forward, backward } = walksOf(metric)
  const bucketTarget: number[] = []
  const bucketTime: number[] = []
  const bucketNext: number[] = []
  const bucketHead = new Map<number, number>()
  for (let j = 0; j < T; j++) {
    if (targets[j]!.length === 0) continue
    backward.start(targets[j]!, space.next())
    for (let next = backward.peek(); next >= 0;) {
      const x = next
      next = backward.scan(x, Infinity)
      const d = backward.dist[x]!
      if (d === Infinity) continue
      bucketTarget.push(j)
      bucketTime.push(d)
      bucketNext.push(bucketHead.get(x) ?? -1)
      bucketHead.set(x, bucketTarget.length - 1)
    }
  }
  for (let i = 0; i < sources.length; i++) {
    if (sources[i]!.length === 0) continue
    forward.start(sources[i]!, space.next())
    const row = i * T
    for (let next = forward.peek(); next >= 0;) {
      const x = next
      next = forward.scan(x, Infinity)
      const d = forward.dist[x]!
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
