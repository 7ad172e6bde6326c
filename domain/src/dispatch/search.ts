/**
 * What the path searches share: where a search starts and ends (anchors on the graph, from
 * snapping), the result shape, and reusable per-graph working arrays stamped by generation so a
 * query never clears arrays the size of the graph.
 */
import type { RoadGraph } from './roadGraph.ts'
import { MinHeap } from './heap.ts'

/**
 * A search end on a node: a source starts there having already spent `costS`/`lengthM` (the way
 * from the snapped point to the node); a target adds them (the way from the node to the point).
 */
export interface Anchor {
  node: number
  costS: number
  lengthM: number
}

export interface PathResult {
  costS: number
  lengthM: number
  /** Edges of the path in order (empty when source and target anchors share the node). */
  edges: number[]
  /** Which source and target anchors the path uses. */
  sourceIndex: number
  targetIndex: number
  /** Nodes settled: the work the search did. */
  settled: number
}

/** Per-graph working memory of a search. */
export class SearchSpace {
  readonly dist: Float64Array
  readonly prevEdge: Int32Array
  readonly seen: Uint32Array
  readonly done: Uint32Array
  readonly originOf: Int32Array
  readonly heap = new MinHeap(4096)
  generation = 0

  constructor(nodeCount: number) {
    this.dist = new Float64Array(nodeCount)
    this.prevEdge = new Int32Array(nodeCount)
    this.seen = new Uint32Array(nodeCount)
    this.done = new Uint32Array(nodeCount)
    this.originOf = new Int32Array(nodeCount)
  }

  /** Starts a new search: every node is unseen again, in O(1). */
  next(): number {
    this.heap.clear()
    this.generation++
    if (this.generation === 0xffffffff) {
      this.seen.fill(0)
      this.done.fill(0)
      this.generation = 1
    }
    return this.generation
  }
}

const spaces = new WeakMap<RoadGraph, SearchSpace>()

export function searchSpaceOf(graph: RoadGraph): SearchSpace {
  let space = spaces.get(graph)
  if (!space) {
    space = new SearchSpace(graph.nodeCount)
    spaces.set(graph, space)
  }
  return space
}

/** Walks the predecessor edges back from `node` to a source. */
export function edgesTo(graph: RoadGraph, space: SearchSpace, node: number): number[] {
  const edges: number[] = []
  let v = node
  for (;;) {
    const e = space.prevEdge[v]!
    if (e < 0) break
    edges.push(e)
    v = graph.source[e]!
  }
  return edges.reverse()
}

export function pathLength(graph: RoadGraph, edges: readonly number[]): number {
  let m = 0
  for (const e of edges) m += graph.lengthM[e]!
  return m
}
