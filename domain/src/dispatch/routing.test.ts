import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../geo/seededRandom.ts'
import { astarPath, buildLandmarks } from './astar.ts'
import { ClosureMask, edgesClosedBy } from './closures.ts'
import { dijkstraPath, dijkstraTree } from './dijkstra.ts'
import { snapIndexOf, travelTimeMatrix } from './matrix.ts'
import { buildRoadGraph, type RoadLine } from './roadGraph.ts'
import { directAlongSegment, snapPoint, sourceAnchors, targetAnchors } from './snap.ts'
import { oracle, randomGraph } from './testing.ts'

const at = (node: number) => [{ node, costS: 0, lengthM: 0 }]
const close = (a: number, b: number) => (a === Infinity ? b === Infinity : Math.abs(a - b) <= 1e-9 * Math.max(1, a))

describe('A* with landmarks = plain Dijkstra = an independent oracle (random graphs, issue #7 point 6)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}: same cost with and without closures`, () => {
      const random = mulberry32(seed * 7919)
      const g = randomGraph(seed, 60 + Math.floor(random() * 60))
      const landmarks = buildLandmarks(g, 1 + (seed % 8), seed)
      const closed = new Uint8Array(g.edgeCount)
      for (let e = 0; e < g.edgeCount; e++) if (random() < 0.12) closed[e] = 1
      for (const mask of [undefined, closed]) {
        for (let q = 0; q < 8; q++) {
          const s = Math.floor(random() * g.nodeCount)
          const t = Math.floor(random() * g.nodeCount)
          const expected = oracle(g, s, mask)[t]!
          const plain = dijkstraPath(g, at(s), at(t), mask)
          const fast = astarPath(g, landmarks, at(s), at(t), { closed: mask, active: 1 + (q % 4) })
          expect(close(plain?.costS ?? Infinity, expected)).toBe(true)
          expect(close(fast?.costS ?? Infinity, expected)).toBe(true)
          if (fast) {
            // The path is real: consecutive open edges from s to t summing to the cost.
            let v = s, sum = 0
            for (const e of fast.edges) {
              expect(g.source[e]).toBe(v)
              expect(mask?.[e] ?? 0).toBe(0)
              sum += g.timeS[e]!
              v = g.target[e]!
            }
            expect(v).toBe(t)
            expect(close(sum, expected)).toBe(true)
            expect(fast.settled).toBeLessThanOrEqual(plain!.settled)
          }
        }
      }
    })
  }

  it('one-to-all tree equals the oracle, forward and reversed', () => {
    const g = randomGraph(99, 80)
    const forward = dijkstraTree(g, at(5))
    const o = oracle(g, 5)
    for (let v = 0; v < g.nodeCount; v++) expect(close(forward[v]!, o[v]!)).toBe(true)
    const backward = dijkstraTree(g, at(5), { reverse: true })
    for (let v = 0; v < g.nodeCount; v += 7) expect(close(backward[v]!, oracle(g, v)[5]!)).toBe(true)
  })
})

/** A 5 × 5 grid of two-way 1 km-ish roads from lon 117, lat 29, spacing 0.01°. */
function gridLines(): RoadLine[] {
  const lines: RoadLine[] = []
  let id = 0
  for (let i = 0; i < 5; i++) {
    lines.push({ id: id++, roadClass: 'county', speedKmh: 50, coordinates: [0, 1, 2, 3, 4].map((j) => [117 + j * 0.01, 29 + i * 0.01] as const) })
    lines.push({ id: id++, roadClass: 'county', speedKmh: 50, coordinates: [0, 1, 2, 3, 4].map((j) => [117 + i * 0.01, 29 + j * 0.01] as const) })
  }
  return lines
}

describe('road graph from lines', () => {
  it('joins lines at shared vertices, two directions per segment, time = length / speed', () => {
    const g = buildRoadGraph(gridLines())
    expect(g.nodeCount).toBe(25)
    expect(g.edgeCount).toBe(2 * 2 * 5 * 4)
    const e = 0
    expect(g.timeS[e]).toBeCloseTo(g.lengthM[e]! / (50 / 3.6), 9)
    expect(g.lengthM[e]).toBeGreaterThan(900)
  })

  it('a one-way line gives one direction only', () => {
    const g = buildRoadGraph([{ id: 1, roadClass: 'village', speedKmh: 30, oneway: true, coordinates: [[117, 29], [117.01, 29]] }])
    expect(g.edgeCount).toBe(1)
    expect(dijkstraPath(g, at(1), at(0))).toBeNull()
    expect(dijkstraPath(g, at(0), at(1))?.costS).toBeCloseTo(g.lengthM[0]! / (30 / 3.6), 9)
  })
})

describe('snapping to the nearest road (spatial index)', () => {
  const g = buildRoadGraph(gridLines())
  const snap = snapIndexOf(g)
  it('projects onto the nearest segment', () => {
    const s = snapPoint(snap, [117.0052, 29.0008])!
    expect(s.lat).toBeCloseTo(29, 9)
    expect(s.lon).toBeCloseTo(117.0052, 9)
    expect(s.distanceM).toBeGreaterThan(80)
    expect(s.distanceM).toBeLessThan(95)
  })
  it('skips closed segments', () => {
    const s0 = snapPoint(snap, [117.0052, 29.0008])!
    const closed = new Uint8Array(g.edgeCount)
    closed[s0.edge] = 1
    closed[snap.reverseEdge[s0.edge]!] = 1
    const s = snapPoint(snap, [117.0052, 29.0008], closed)!
    expect(s.edge).not.toBe(s0.edge)
    expect(s.distanceM).toBeGreaterThan(s0.distanceM)
  })
  it('a path between two points on the same segment goes straight along it', () => {
    const a = snapPoint(snap, [117.002, 29])!
    const b = snapPoint(snap, [117.007, 29])!
    const direct = directAlongSegment(snap, a, b)!
    expect(direct.lengthM).toBeCloseTo(0.005 * 111_320 * Math.cos((29 * Math.PI) / 180), -1)
    const back = directAlongSegment(snap, b, a)!
    expect(back.lengthM).toBeCloseTo(direct.lengthM, 6)
    // …and the search from the anchors agrees with it when going round is longer.
    const r = dijkstraPath(g, sourceAnchors(snap, a), targetAnchors(snap, b))!
    expect(r.costS).toBeGreaterThanOrEqual(direct.costS - 1e-9)
  })
})

describe('closures', () => {
  const g = buildRoadGraph(gridLines())
  const snap = snapIndexOf(g)
  const landmarks = buildLandmarks(g, 4)
  const route = (closed?: Uint8Array) => {
    const a = snapPoint(snap, [117, 29], closed)!
    const b = snapPoint(snap, [117.04, 29], closed)!
    return astarPath(g, landmarks, sourceAnchors(snap, a, closed), targetAnchors(snap, b, closed), { closed })
  }
  it('a polygon closes the segments inside or crossing it, both directions, and routes go round', () => {
    const open = route()!
    const polygon = { type: 'Polygon' as const, coordinates: [[[117.015, 28.995], [117.025, 28.995], [117.025, 29.005], [117.015, 29.005], [117.015, 28.995]] as [number, number][]] }
    const edges = edgesClosedBy(snap, polygon)
    // The bottom row's two segments meeting at lon 117.02 and the vertical one leaving it, each both ways
    expect(edges.length).toBe(6)
    const mask = new ClosureMask(g)
    mask.add(edges)
    const detour = route(mask.closed)!
    expect(detour.costS).toBeGreaterThan(open.costS)
    for (const e of detour.edges) expect(mask.closed[e]).toBe(0)
    expect(detour.costS).toBeCloseTo(dijkstraPath(g, at(0), at(4), mask.closed)!.costS, 9)
  })
  it('a point with a radius and a line close what they touch; counts let overlapping closures reopen one by one', () => {
    const circle = edgesClosedBy(snap, { type: 'Point', coordinates: [117.02, 29.02], radiusM: 50 })
    expect(circle.length).toBe(8) // the 4 segments meeting at the centre node
    const line = edgesClosedBy(snap, { type: 'LineString', coordinates: [[117.005, 29.019], [117.005, 29.021]] })
    expect(line.length).toBe(2)
    const mask = new ClosureMask(g)
    mask.add(circle)
    mask.add(line.concat(circle.slice(0, 2)))
    mask.remove(circle)
    expect(mask.closedCount()).toBe(4)
    mask.remove(line.concat(circle.slice(0, 2)))
    expect(mask.closedCount()).toBe(0)
  })
  it('cutting a node off makes it unreachable (null), not a wrong answer', () => {
    const all = edgesClosedBy(snap, { type: 'Point', coordinates: [117.04, 29], radiusM: 1200 })
    const mask = new ClosureMask(g)
    mask.add(all)
    expect(dijkstraPath(g, at(0), at(4), mask.closed)).toBeNull()
    expect(astarPath(g, landmarks, at(0), at(4), { closed: mask.closed })).toBeNull()
  })
})

describe('travel-time matrix', () => {
  it('equals one Dijkstra per pair between the snapped points, Infinity when unreachable', () => {
    const g = randomGraph(5, 120, 0)
    const random = mulberry32(11)
    const pt = () => [117 + random() * 0.2, 29 + random() * 0.2] as const
    const sources = Array.from({ length: 6 }, pt)
    const targets = Array.from({ length: 9 }, pt)
    const closed = new Uint8Array(g.edgeCount)
    for (let e = 0; e < g.edgeCount; e++) if (random() < 0.1) closed[e] = 1
    const snap = snapIndexOf(g)
    for (const mask of [undefined, closed]) {
      const m = travelTimeMatrix(g, sources, targets, mask)
      expect(m.length).toBe(54)
      sources.forEach((s, i) => targets.forEach((t, j) => {
        const a = snapPoint(snap, s, mask)!
        const b = snapPoint(snap, t, mask)!
        const r = dijkstraPath(g, sourceAnchors(snap, a, mask), targetAnchors(snap, b, mask), mask)
        const direct = directAlongSegment(snap, a, b, mask)
        const expected = Math.min(r?.costS ?? Infinity, direct?.costS ?? Infinity)
        expect(close(m[i * 9 + j]!, expected)).toBe(true)
      }))
    }
  })
})
