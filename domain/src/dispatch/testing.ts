/**
 * Test support for the routing tests: random road-like graphs and an independent oracle.
 */
import { mulberry32 } from '../geo/seededRandom.ts'
import { fromEdgeList, type RoadGraph } from './roadGraph.ts'

/** A random road-like graph: nodes scattered in a 0.2° square, each joined to a few near ones. */
export function randomGraph(seed: number, n: number, onewayShare = 0.15): RoadGraph {
  const random = mulberry32(seed)
  const lon = Array.from({ length: n }, () => 117 + random() * 0.2)
  const lat = Array.from({ length: n }, () => 29 + random() * 0.2)
  const from: number[] = [], to: number[] = [], len: number[] = [], time: number[] = []
  for (let v = 0; v < n; v++) {
    const near = [...Array(n).keys()].filter((u) => u !== v)
      .sort((a, b) => Math.hypot(lon[a]! - lon[v]!, lat[a]! - lat[v]!) - Math.hypot(lon[b]! - lon[v]!, lat[b]! - lat[v]!))
      .slice(0, 1 + Math.floor(random() * 3))
    for (const u of near) {
      const m = Math.hypot((lon[u]! - lon[v]!) * 97_000, (lat[u]! - lat[v]!) * 110_574)
      const speed = [8, 11, 14, 22][Math.floor(random() * 4)]!
      from.push(v); to.push(u); len.push(m); time.push(m / speed)
      if (random() > onewayShare) { from.push(u); to.push(v); len.push(m); time.push(m / speed) }
    }
  }
  return fromEdgeList({ lon, lat, from, to, lengthM: len, timeS: time })
}

/** Independent oracle: O(n²) array Dijkstra, no heap, no shared code. */
export function oracle(g: RoadGraph, s: number, closed?: Uint8Array): number[] {
  const d = new Array<number>(g.nodeCount).fill(Infinity)
  const done = new Array<boolean>(g.nodeCount).fill(false)
  d[s] = 0
  for (;;) {
    let v = -1
    for (let i = 0; i < g.nodeCount; i++) if (!done[i] && d[i]! < Infinity && (v < 0 || d[i]! < d[v]!)) v = i
    if (v < 0) return d
    done[v] = true
    for (let e = 0; e < g.edgeCount; e++) {
      if (g.source[e] !== v || (closed && closed[e])) continue
      const w = g.target[e]!
      if (d[v]! + g.timeS[e]! < d[w]!) d[w] = d[v]! + g.timeS[e]!
    }
  }
}
