import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../geo/seededRandom.ts'
import { dijkstraTree } from './dijkstra.ts'
import { buildRoadGraph } from './roadGraph.ts'
import { minimumSpanningTree, synthesizeRoads, type SyntheticRoadPlan } from './syntheticRoads.ts'

/** 8 townships around a seat, 6 villages each, in a 0.6° square. */
function plan(seed: number): SyntheticRoadPlan {
  const random = mulberry32(seed)
  const townships = Array.from({ length: 9 }, (_, i) => ({
    code: `3602811${String(i).padStart(2, '0')}000`, name: `镇${i}`, lon: 117 + random() * 0.6, lat: 28.7 + random() * 0.6, population: Math.round(random() * 50000),
  }))
  const villages = townships.flatMap((t, i) => Array.from({ length: 6 }, (_, j) => ({
    code: `3602811${String(i).padStart(2, '0')}2${String(j).padStart(2, '0')}`, name: `村${i}-${j}`, parentCode: t.code,
    lon: t.lon + (random() - 0.5) * 0.08, lat: t.lat + (random() - 0.5) * 0.08,
  })))
  return { seatCode: townships[0]!.code, townships, villages, seed }
}

describe('synthetic road network (合成路网)', () => {
  it('is deterministic for a seed, every road synthetic, with the class hierarchy and speeds', () => {
    const a = synthesizeRoads(plan(3))
    expect(synthesizeRoads(plan(3))).toEqual(a)
    expect(a.every((r) => r.synthetic)).toBe(true)
    const speeds = Object.fromEntries(a.map((r) => [r.roadClass, r.speedKmh]))
    expect(speeds).toMatchObject({ national: 80, county: 50, township: 40 })
    // Provincial roads go to the next-largest townships lying in other directions than the national ones.
    const wide = synthesizeRoads({ ...plan(3), nationalCount: 1, provincialCount: 2 })
    expect(wide.filter((r) => r.roadClass === 'provincial').map((r) => r.speedKmh)).toContain(60)
    expect(a.filter((r) => r.roadClass === 'national').length).toBe(2)
  })

  it('connects every township seat and village (one component)', () => {
    const p = plan(5)
    const roads = synthesizeRoads(p)
    const graph = buildRoadGraph(roads.map((r, id) => ({ id, coordinates: r.coordinates, roadClass: r.roadClass, speedKmh: r.speedKmh })))
    const dist = dijkstraTree(graph, [{ node: 0, costS: 0, lengthM: 0 }])
    expect([...dist].every(Number.isFinite)).toBe(true)
    // Every place is a vertex of the network.
    const vertices = new Set(roads.flatMap((r) => r.coordinates.map((c) => `${c[0]},${c[1]}`)))
    for (const place of [...p.townships, ...p.villages]) expect(vertices.has(`${place.lon},${place.lat}`)).toBe(true)
  })

  it('minimum spanning tree: n − 1 edges of least total length (against brute force on 5 points)', () => {
    const pts = [0, 1, 2, 3, 4].map((i) => ({ x: Math.cos(i * 1.3) * (i + 1), y: Math.sin(i * 2.1) * 2 }))
    const d = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y)
    const tree = minimumSpanningTree(pts, d)
    expect(tree.length).toBe(4)
    const total = tree.reduce((s, [a, b]) => s + d(a, b), 0)
    // Brute force over all 4-edge subsets that connect the 5 points.
    const edges: Array<[number, number]> = []
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) edges.push([i, j])
    let best = Infinity
    for (let mask = 0; mask < 1 << edges.length; mask++) {
      const chosen = edges.filter((_, k) => mask & (1 << k))
      if (chosen.length !== 4) continue
      const parent = [0, 1, 2, 3, 4]
      const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)))
      let ok = true
      for (const [a, b] of chosen) { const ra = find(a), rb = find(b); if (ra === rb) ok = false; parent[ra] = rb }
      if (ok) best = Math.min(best, chosen.reduce((s, [a, b]) => s + d(pts[a]!, pts[b]!), 0))
    }
    expect(total).toBeCloseTo(best, 9)
  })
})
