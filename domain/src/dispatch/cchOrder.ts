/**
 * Nested-dissection order (嵌套剖分排序) for the customisable contraction hierarchy (cch.ts):
 * the metric-independent order in which nodes are contracted. A connected part is cut in two by
 * a straight line (the best of four directions, placed within the middle 40 % of its nodes, with
 * the fewest road segments crossing it); the nodes covering the crossing segments (the smaller
 * side's ends) form the separator and take the highest ranks of the part; both halves are then
 * ordered the same way below it. Roads are planar-ish, so geometric cuts give small separators
 * (Dibbelt, Strasser, Wagner 2016, §4 use the same recursion with flow-based cuts; a line cut is
 * simpler and good enough for a county network and the grid bench).
 */
import type { RoadGraph } from './roadGraph.ts'

/** Undirected simple adjacency (no loops, no parallel edges) of the road graph, in CSR form. */
export interface UndirectedAdjacency {
  offsets: Uint32Array
  neighbours: Uint32Array
}

export function undirectedAdjacency(graph: RoadGraph): UndirectedAdjacency {
  const n = graph.nodeCount
  const degree = new Uint32Array(n + 1)
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.source[e]!, b = graph.target[e]!
    if (a === b) continue
    degree[a + 1]!++
    degree[b + 1]!++
  }
  for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!
  const raw = new Uint32Array(degree[n]!)
  const fill = degree.slice(0, n)
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.source[e]!, b = graph.target[e]!
    if (a === b) continue
    raw[fill[a]!++] = b
    raw[fill[b]!++] = a
  }
  // Sort and deduplicate each list.
  const offsets = new Uint32Array(n + 1)
  const neighbours: number[] = []
  for (let v = 0; v < n; v++) {
    const list = raw.subarray(degree[v]!, degree[v + 1]!).sort()
    for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) neighbours.push(list[i]!)
    offsets[v + 1] = neighbours.length
  }
  return { offsets, neighbours: Uint32Array.from(neighbours) }
}

/** Cut directions (x, y) in the locally isotropic plane: both axes and both diagonals. */
const directions: ReadonlyArray<readonly [number, number]> = [[1, 0], [0, 1], [Math.SQRT1_2, Math.SQRT1_2], [Math.SQRT1_2, -Math.SQRT1_2]]

/**
 * The contraction order: `rank[v]` for every node (0 = contracted first). Separators of the
 * nested dissection get the highest ranks of their part.
 */
export function nestedDissectionOrder(graph: RoadGraph, adjacency = undirectedAdjacency(graph)): Uint32Array {
  const n = graph.nodeCount
  const { offsets, neighbours } = adjacency
  let latSum = 0
  for (let v = 0; v < n; v++) latSum += graph.lat[v]!
  const lonScale = Math.cos(((n > 0 ? latSum / n : 0) * Math.PI) / 180)
  const x = new Float64Array(n), y = new Float64Array(n)
  for (let v = 0; v < n; v++) { x[v] = graph.lon[v]! * lonScale; y[v] = graph.lat[v]! }

  const rank = new Uint32Array(n)
  let nextRank = n // ranks are handed out from the top down
  // part[v] = id of the part v currently belongs to (0 = already ranked)
  const part = new Uint32Array(n)
  let partIds = 1
  const position = new Int32Array(n)
  const key = new Float64Array(n)

  const stack: Uint32Array[] = [Uint32Array.from({ length: n }, (_, i) => i)]
  for (const v of stack[0]!) part[v] = partIds
  const give = (v: number) => { rank[v] = --nextRank; part[v] = 0 }

  while (stack.length > 0) {
    const nodes = stack.pop()!
    const id = part[nodes[0]!]!
    if (nodes.length <= 2) {
      for (const v of nodes) give(v)
      continue
    }
    // Split a disconnected part into its components first: they need no separator.
    const components = componentsOf(nodes, id, offsets, neighbours, part)
    if (components.length > 1) {
      for (const c of components) {
        const cid = ++partIds
        for (const v of c) part[v] = cid
        stack.push(c)
      }
      continue
    }
    // Best line cut over the directions.
    let bestCut = Infinity, bestDir = 0, bestAt = 0
    const k = nodes.length
    const lo = Math.max(1, Math.floor(k * 0.3)), hi = Math.min(k - 1, Math.ceil(k * 0.7))
    const sorted = new Uint32Array(k)
    for (let d = 0; d < directions.length; d++) {
      sortAlong(nodes, sorted, directions[d]!, x, y, key)
      for (let i = 0; i < k; i++) position[sorted[i]!] = i
      let cut = 0
      for (let i = 0; i < hi; i++) {
        const v = sorted[i]!
        for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
          const w = neighbours[j]!
          if (part[w] !== id) continue
          cut += position[w]! > i ? 1 : -1
        }
        const at = i + 1 // left = sorted[0 .. at-1]
        if (at >= lo && (cut < bestCut || (cut === bestCut && Math.abs(at - k / 2) < Math.abs(bestAt - k / 2)))) {
          bestCut = cut
          bestDir = d
          bestAt = at
        }
      }
    }
    sortAlong(nodes, sorted, directions[bestDir]!, x, y, key)
    for (let i = 0; i < k; i++) position[sorted[i]!] = i
    // Separator: the ends of the crossing segments on the side with fewer of them.
    const leftEnds: number[] = [], rightEnds: number[] = []
    for (let i = 0; i < k; i++) {
      const v = sorted[i]!
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = neighbours[j]!
        if (part[w] === id && (position[w]! < bestAt) !== (i < bestAt)) {
          ;(i < bestAt ? leftEnds : rightEnds).push(v)
          break
        }
      }
    }
    const separator = leftEnds.length <= rightEnds.length ? leftEnds : rightEnds
    for (const v of separator) give(v)
    const left: number[] = [], right: number[] = []
    for (let i = 0; i < k; i++) {
      const v = sorted[i]!
      if (part[v] === id) (i < bestAt ? left : right).push(v)
    }
    for (const half of [left, right]) {
      if (half.length === 0) continue
      const hid = ++partIds
      for (const v of half) part[v] = hid
      stack.push(Uint32Array.from(half))
    }
  }
  return rank
}

function sortAlong(nodes: Uint32Array, out: Uint32Array, [dx, dy]: readonly [number, number], x: Float64Array, y: Float64Array, key: Float64Array): void {
  out.set(nodes)
  for (const v of nodes) key[v] = x[v]! * dx + y[v]! * dy
  out.sort((a, b) => key[a]! - key[b]! || a - b)
}

/** Connected components of the nodes of part `id` (breadth-first within the part). */
function componentsOf(nodes: Uint32Array, id: number, offsets: Uint32Array, neighbours: Uint32Array, part: Uint32Array): Uint32Array[] {
  const marker = 0xffffffff
  const out: Uint32Array[] = []
  const queue = new Uint32Array(nodes.length)
  let reached = 0
  for (const s of nodes) {
    if (part[s] !== id) continue
    let head = 0, tail = 0
    queue[tail++] = s
    part[s] = marker
    while (head < tail) {
      const v = queue[head++]!
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = neighbours[j]!
        if (part[w] === id) { part[w] = marker; queue[tail++] = w }
      }
    }
    out.push(queue.slice(0, tail))
    reached += tail
    if (out.length === 1 && reached === nodes.length) break
  }
  for (const v of nodes) part[v] = id
  return out
}
