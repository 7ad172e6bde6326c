import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../geo/seededRandom.ts'
import { arcBetween, buildCch, customise, recustomise } from './cch.ts'
import { nestedDissectionOrder } from './cchOrder.ts'
import { cchMatrix, cchPath } from './cchQuery.ts'
import { dijkstraPath, dijkstraTree } from './dijkstra.ts'
import { travelTimeMatrix } from './matrix.ts'
import { fromEdgeList } from './roadGraph.ts'
import type { Anchor } from './search.ts'
import { oracle, randomGraph } from './testing.ts'

const at = (node: number): Anchor[] => [{ node, costS: 0, lengthM: 0 }]
const close = (a: number, b: number) => (a === Infinity ? b === Infinity : Math.abs(a - b) <= 1e-9 * Math.max(1, a))

describe('customisable contraction hierarchy = an independent oracle (random graphs with random closures)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}: same cost, a real open path, re-customised in place for new closures`, () => {
      const random = mulberry32(seed * 104_729)
      const g = randomGraph(seed, 40 + Math.floor(random() * 120), (seed % 4) * 0.1)
      const cch = buildCch(g)
      let metric = customise(cch)
      for (let round = 0; round < 3; round++) {
        const closed = round === 0 ? undefined : new Uint8Array(g.edgeCount)
        if (closed) for (let e = 0; e < g.edgeCount; e++) if (random() < 0.04 + 0.08 * round) closed[e] = 1
        metric = customise(cch, closed, metric)
        for (let q = 0; q < 10; q++) {
          const s = Math.floor(random() * g.nodeCount)
          const t = Math.floor(random() * g.nodeCount)
          const expected = oracle(g, s, closed)[t]!
          const r = cchPath(metric, at(s), at(t))
          expect(close(r?.costS ?? Infinity, expected), `${s} → ${t}`).toBe(true)
          if (!r) continue
          let v = s, sum = 0, length = 0
          for (const e of r.edges) {
            expect(g.source[e]).toBe(v)
            expect(closed?.[e] ?? 0).toBe(0)
            sum += g.timeS[e]!
            length += g.lengthM[e]!
            v = g.target[e]!
          }
          expect(v).toBe(t)
          expect(close(sum, expected)).toBe(true)
          expect(r.lengthM).toBeCloseTo(length, 6)
        }
      }
    })
  }

  it('partial re-customisation after closing and reopening edges gives exactly the full customisation’s weights', () => {
    const random = mulberry32(4242)
    for (let round = 0; round < 20; round++) {
      const g = randomGraph(500 + round, 60 + Math.floor(random() * 100), 0.15)
      const cch = buildCch(g)
      const closed = new Uint8Array(g.edgeCount)
      const metric = customise(cch, closed)
      let touched = 0
      for (let step = 0; step < 6; step++) {
        const changed: number[] = []
        for (let e = 0; e < g.edgeCount; e++) if (random() < 0.03) { closed[e] = 1 - closed[e]!; changed.push(e) }
        // Every other step with no budget: the full customisation takes over.
        touched += recustomise(metric, closed, changed, step % 2 === 0 ? undefined : 0)
        const full = customise(cch, closed)
        expect([...metric.up]).toEqual([...full.up])
        expect([...metric.down]).toEqual([...full.down])
        const s = Math.floor(random() * g.nodeCount), t = Math.floor(random() * g.nodeCount)
        const r = cchPath(metric, at(s), at(t))
        expect(close(r?.costS ?? Infinity, oracle(g, s, closed)[t]!)).toBe(true)
        if (r) expect(close(r.edges.reduce((sum, e) => sum + (closed[e] ? Infinity : g.timeS[e]!), 0), r.costS)).toBe(true)
      }
      expect(touched).toBeGreaterThan(0)
    }
  })

  it('several anchors at each end (a snapped point between two nodes) give dijkstraPath’s answer', () => {
    const random = mulberry32(77)
    for (let round = 0; round < 30; round++) {
      const g = randomGraph(1000 + round, 80)
      const closed = new Uint8Array(g.edgeCount)
      for (let e = 0; e < g.edgeCount; e++) if (random() < 0.1) closed[e] = 1
      const metric = customise(buildCch(g), closed)
      const anchors = (k: number): Anchor[] => Array.from({ length: k }, () => ({
        node: Math.floor(random() * g.nodeCount), costS: random() * 200, lengthM: random() * 1000,
      }))
      const sources = anchors(1 + (round % 3))
      const targets = anchors(1 + ((round >> 1) % 3))
      const plain = dijkstraPath(g, sources, targets, closed)
      const fast = cchPath(metric, sources, targets)
      expect(close(fast?.costS ?? Infinity, plain?.costS ?? Infinity)).toBe(true)
      if (fast) {
        const first = fast.edges.length > 0 ? g.source[fast.edges[0]!]! : sources[fast.sourceIndex]!.node
        expect(first).toBe(sources[fast.sourceIndex]!.node)
        const last = fast.edges.length > 0 ? g.target[fast.edges[fast.edges.length - 1]!]! : first
        expect(last).toBe(targets[fast.targetIndex]!.node)
        expect(close(sources[fast.sourceIndex]!.costS + fast.edges.reduce((sum, e) => sum + g.timeS[e]!, 0) + targets[fast.targetIndex]!.costS, fast.costS)).toBe(true)
      }
    }
  })

  it('many-to-many matrix equals one Dijkstra tree per source; travelTimeMatrix gives the same with or without the hierarchy', () => {
    const random = mulberry32(5)
    const g = randomGraph(5, 150, 0.1)
    const closed = new Uint8Array(g.edgeCount)
    for (let e = 0; e < g.edgeCount; e++) if (random() < 0.1) closed[e] = 1
    const metric = customise(buildCch(g), closed)
    const sources = Array.from({ length: 12 }, () => at(Math.floor(random() * g.nodeCount)))
    const targets = Array.from({ length: 17 }, () => at(Math.floor(random() * g.nodeCount)))
    targets.push([])
    const m = cchMatrix(metric, sources, targets)
    sources.forEach((s, i) => {
      const tree = dijkstraTree(g, s, { closed })
      targets.forEach((t, j) => expect(close(m[i * targets.length + j]!, t.length ? tree[t[0]!.node]! : Infinity)).toBe(true))
    })
    const pt = () => [117 + random() * 0.2, 29 + random() * 0.2] as const
    const from = Array.from({ length: 9 }, pt), to = Array.from({ length: 11 }, pt)
    const plain = travelTimeMatrix(g, from, to, closed)
    const fast = travelTimeMatrix(g, from, to, closed, metric)
    plain.forEach((x, k) => expect(close(fast[k]!, x)).toBe(true))
  })

  it('the contraction is chordal: the higher neighbours of every node are joined pairwise', () => {
    const g = randomGraph(8, 200, 0.2)
    const cch = buildCch(g)
    const order = nestedDissectionOrder(g)
    expect([...order].sort((a, b) => a - b)).toEqual([...Array(g.nodeCount).keys()])
    for (let r = 0; r < g.nodeCount; r++) {
      const ups = cch.head.subarray(cch.firstArc[r]!, cch.firstArc[r + 1]!)
      if (ups.length > 0) expect(cch.parent[r]).toBe(ups[0])
      for (let i = 0; i < ups.length; i++) for (let j = i + 1; j < ups.length; j++) expect(arcBetween(cch, ups[i]!, ups[j]!)).toBeGreaterThanOrEqual(0)
    }
  })

  it('separate pieces and a closure that cuts a node off give null, not a wrong answer', () => {
    // Two two-way segments far apart: 0–1 and 2–3.
    const g = fromEdgeList({
      lon: [117, 117.01, 117.5, 117.51], lat: [29, 29, 29.5, 29.5],
      from: [0, 1, 2, 3], to: [1, 0, 3, 2], lengthM: [1000, 1000, 1000, 1000], timeS: [60, 60, 60, 60],
    })
    const cch = buildCch(g)
    expect(cchPath(customise(cch), at(0), at(3))).toBeNull()
    expect(cchPath(customise(cch), at(1), at(0))?.costS).toBe(60)
    expect(cchPath(customise(cch, Uint8Array.from([0, 1, 0, 0])), at(1), at(0))).toBeNull()
    expect(cchPath(customise(cch), at(2), at(2))?.edges).toEqual([])
  })
})
