import highsModule from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildAllocation, greedyAllocation, solveAllocation, solveAllocationExact, priorityWeight, type AllocationDemand, type AllocationInput, type AllocationModel, type AllocationPriority, type AllocationResult } from './allocationModel.ts'
import { buildEvacuation, solveEvacuation } from './evacuationModel.ts'
import { solveTransportNetworkSimplex } from './networkSimplex.ts'
import { buildTransportLp, readTransportSolution, solveTransportByColumns, transportCost, type LpAnswer, type TransportProblem, type TransportSolution } from './transportModel.ts'

// highs ships CommonJS typings for an ES module: at run time the default import is the loader.
const highsLoader = highsModule as unknown as typeof highsModule.default
type Highs = Awaited<ReturnType<typeof highsLoader>>
let highs: Highs
beforeAll(async () => { highs = await highsLoader() })

function answer(lp: string): LpAnswer {
  const r = highs.solve(lp, {})
  expect(r.Status).toBe('Optimal')
  const rows = r.Rows as unknown as { Name: string; Dual: number }[]
  return {
    values: Object.fromEntries(Object.entries(r.Columns).map(([name, c]) => [name, (c as { Primal: number }).Primal])),
    duals: Object.fromEntries(rows.map((row) => [row.Name, row.Dual])),
  }
}
const solve = (lp: string) => answer(lp).values
const batch = async (lps: string[]) => lps.map(answer)

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Exhaustive minimum over every whole flow (feasible by construction), unmet at its penalty. */
function bruteForce(p: TransportProblem): number {
  const m = p.supply.length
  const n = p.demand.length
  const pairs: [number, number][] = []
  for (let s = 0; s < m; s++) for (let d = 0; d < n; d++) if (Number.isFinite(p.cost[s * n + d]!)) pairs.push([s, d])
  const left = [...p.supply]
  const need = [...p.demand]
  let best = Infinity
  const walk = (k: number, cost: number) => {
    if (k === pairs.length) {
      const total = cost + need.reduce((sum, u, d) => sum + u * p.penalty[d]!, 0)
      if (total < best) best = total
      return
    }
    const [s, d] = pairs[k]!
    const c = p.cost[s * n + d]!
    for (let q = 0; q <= Math.min(left[s]!, need[d]!); q++) {
      left[s]! -= q; need[d]! -= q
      walk(k + 1, cost + q * c)
      left[s]! += q; need[d]! += q
    }
  }
  walk(0, 0)
  return best
}

describe('transport LP: feasible and optimal against exhaustive enumeration', () => {
  const cases = Array.from({ length: 40 }, (_, i) => i + 1)
  it.each(cases)('random instance %i (2–3 sources × 2–3 sinks, some pairs unreachable)', async (seed) => {
    const r = rng(seed)
    const m = 2 + Math.floor(r() * 2)
    const n = 2 + Math.floor(r() * 2)
    const cost = Float64Array.from({ length: m * n }, () => (r() < 0.15 ? Infinity : 1 + Math.floor(r() * 30)))
    const p: TransportProblem = {
      supply: Array.from({ length: m }, () => Math.floor(r() * 5)),
      demand: Array.from({ length: n }, () => Math.floor(r() * 5)),
      cost,
      penalty: Array.from({ length: n }, () => 62 * [1, 10, 100][Math.floor(r() * 3)]!),
    }
    const model = buildTransportLp(p)
    const solution = readTransportSolution(model, p.demand, solve(model.lp))
    // Feasible: no source over its supply, every sink's delivered + unmet = demand, only usable pairs.
    for (let s = 0; s < m; s++) expect(solution.flows.filter((f) => f.source === s).reduce((a, f) => a + f.quantity, 0)).toBeLessThanOrEqual(p.supply[s]!)
    for (let d = 0; d < n; d++) expect(solution.flows.filter((f) => f.sink === d).reduce((a, f) => a + f.quantity, 0) + solution.unmet[d]!).toBe(p.demand[d])
    for (const f of solution.flows) expect(Number.isFinite(p.cost[f.source * n + f.sink]!)).toBe(true)
    // Optimal: the same total as the best whole flow.
    expect(transportCost(p, solution)).toBeCloseTo(bruteForce(p), 6)
    // Column generation from one source per sink reaches the same optimum.
    const { solutions } = await solveTransportByColumns([p], batch, 1)
    expect(transportCost(p, solutions[0]!)).toBeCloseTo(bruteForce(p), 6)
    // So does the network simplex, with a feasible whole flow.
    const simplex = solveTransportNetworkSimplex(p).solution
    expectFeasible(p, simplex)
    expect(transportCost(p, simplex)).toBeCloseTo(bruteForce(p), 6)
  })
})

function expectFeasible(p: TransportProblem, solution: TransportSolution): void {
  const m = p.supply.length
  const n = p.demand.length
  const out = new Array<number>(m).fill(0)
  const into = new Array<number>(n).fill(0)
  for (const f of solution.flows) {
    expect(Number.isInteger(f.quantity) && f.quantity > 0).toBe(true)
    expect(f.cost).toBe(p.cost[f.source * n + f.sink])
    out[f.source]! += f.quantity
    into[f.sink]! += f.quantity
  }
  out.forEach((q, s) => expect(q).toBeLessThanOrEqual(p.supply[s]!))
  into.forEach((q, d) => expect(q + solution.unmet[d]!).toBe(p.demand[d]))
}

describe('network simplex: the same optimum as HiGHS on the full LP', () => {
  const random = (seed: number, m: number, n: number, options: { ties?: boolean; shortage?: number } = {}): TransportProblem => {
    const r = rng(seed)
    const demand = Array.from({ length: n }, () => Math.floor(r() * 60))
    const total = demand.reduce((a, b) => a + b, 0)
    return {
      supply: Array.from({ length: m }, () => Math.floor((r() * 2 * total * (options.shortage ?? 1)) / m)),
      demand,
      // With ties every pivot is likely degenerate: the case where a careless pivot rule cycles.
      cost: Float64Array.from({ length: m * n }, () => (r() < 0.05 ? Infinity : options.ties ? 1 + Math.floor(r() * 4) : 1 + r() * 120)),
      penalty: Array.from({ length: n }, () => 242 * [1, 10, 100][Math.floor(r() * 3)]!),
    }
  }
  const cases: [string, TransportProblem][] = [
    ...[1, 2, 3, 4, 5].map((seed): [string, TransportProblem] => [`30 × 120, seed ${seed}`, random(1000 + seed, 30, 120)]),
    ['30 × 120, stock short by half', random(77, 30, 120, { shortage: 0.5 })],
    ['30 × 120, plenty of stock', random(78, 30, 120, { shortage: 3 })],
    ['40 × 200, costs 1–4 (many ties)', random(79, 40, 200, { ties: true })],
    ['1 × 50', random(80, 1, 50)],
    ['50 × 1', random(81, 50, 1)],
  ]
  it.each(cases)('%s', (_label, p) => {
    const full = buildTransportLp(p)
    const lpCost = transportCost(p, readTransportSolution(full, p.demand, solve(full.lp)))
    const { solution, stats } = solveTransportNetworkSimplex(p)
    expectFeasible(p, solution)
    expect(transportCost(p, solution)).toBeCloseTo(lpCost, 3)
    expect(stats.pivots).toBeGreaterThan(0)
  })

  it('nothing to move: no flows, all demand unmet or nothing asked', () => {
    const p: TransportProblem = { supply: [0, 0], demand: [3, 0], cost: [1, 1, 1, 1], penalty: [10, 10] }
    expect(solveTransportNetworkSimplex(p).solution).toEqual({ flows: [], unmet: [3, 0], objective: 0 })
    expect(solveTransportNetworkSimplex({ supply: [5], demand: [], cost: [], penalty: [] }).solution).toEqual({ flows: [], unmet: [], objective: 0 })
  })
})

describe('column generation: the same optimum as the full LP, with fewer variables', () => {
  it.each([1, 2, 3, 4, 5])('random 30 sources × 120 sinks, seed %i', async (seed) => {
    const r = rng(1000 + seed)
    const m = 30
    const n = 120
    const p: TransportProblem = {
      supply: Array.from({ length: m }, () => Math.floor(r() * 200)),
      demand: Array.from({ length: n }, () => Math.floor(r() * 60)),
      cost: Float64Array.from({ length: m * n }, () => (r() < 0.05 ? Infinity : 1 + r() * 120)),
      penalty: Array.from({ length: n }, () => 242 * [1, 10, 100][Math.floor(r() * 3)]!),
    }
    const full = buildTransportLp(p)
    const fullCost = transportCost(p, readTransportSolution(full, p.demand, solve(full.lp)))
    const { solutions, stats } = await solveTransportByColumns([p], batch, 3)
    expect(transportCost(p, solutions[0]!)).toBeCloseTo(fullCost, 4)
    expect(stats[0]!.columns).toBeLessThan(full.pairs.length)
  })
})

describe('supplies allocation', () => {
  const input = (priorities: AllocationPriority[], stock: number): AllocationInput => ({
    sources: [{ stock: { quilt: stock, water: 100 } }, { stock: { quilt: 5 }, leadSeconds: 3600 }],
    demands: priorities.map((priority): AllocationDemand => ({ priority, items: [{ supplyId: 'quilt', quantity: 10 }, { supplyId: 'water', quantity: 20 }] })),
    travelSeconds: priorities.length === 1 ? [600, 600] : [900, 600, 1200, 300],
  })

  const solvers = {
    'HiGHS LP': (model: AllocationModel) => solveAllocation(model, batch),
    'network simplex': (model: AllocationModel) => solveAllocationExact(model),
  }
  describe.each(Object.entries(solvers))('%s', (_name, solveWith) => {
  it('takes the nearest stock first, the reserve (with its response time) only for the rest', async () => {
    const { result } = await solveWith(buildAllocation(input(['normal'], 8)))
    expect(result.lines).toEqual([
      { source: 0, demand: 0, supplyId: 'quilt', quantity: 8, seconds: 600 },
      { source: 1, demand: 0, supplyId: 'quilt', quantity: 2, seconds: 4200 },
      { source: 0, demand: 0, supplyId: 'water', quantity: 20, seconds: 600 },
    ])
    expect(result.unmet).toEqual([])
    expect(result.objectiveSeconds).toBe(8 * 600 + 2 * 4200 + 20 * 600)
  })

  it('when stock is short, the urgent demand is served first even from farther away', async () => {
    // 12 quilts for two demands of 10: demand 1 is nearer to both sources but only normal priority.
    const { result } = await solveWith(buildAllocation(input(['urgent', 'normal'], 7)))
    const quiltsTo = (d: number) => result.lines.filter((l) => l.demand === d && l.supplyId === 'quilt').reduce((a, l) => a + l.quantity, 0)
    expect(quiltsTo(0)).toBe(10)
    expect(quiltsTo(1)).toBe(2)
    expect(result.unmet).toEqual([{ demand: 1, supplyId: 'quilt', quantity: 8 }])
  })

  it('the LP is never worse than the greedy baseline', async () => {
    const r = rng(7)
    const m = 6
    const n = 12
    const sources = Array.from({ length: m }, () => ({ stock: { a: Math.floor(r() * 40), b: Math.floor(r() * 40) } }))
    const demands = Array.from({ length: n }, (): AllocationDemand => ({ priority: 'normal', items: [{ supplyId: 'a', quantity: Math.floor(r() * 20) }, { supplyId: 'b', quantity: Math.floor(r() * 20) }] }))
    const model = buildAllocation({ sources, demands, travelSeconds: Float64Array.from({ length: m * n }, () => 60 + Math.floor(r() * 3600)) })
    const { result: lp } = await solveWith(model)
    const greedy = greedyAllocation(model)
    const unmet = (x: typeof lp) => x.unmet.reduce((a, u) => a + u.quantity, 0)
    expect(unmet(lp)).toBeLessThanOrEqual(unmet(greedy))
    if (unmet(lp) === unmet(greedy)) expect(lp.objectiveSeconds).toBeLessThanOrEqual(greedy.objectiveSeconds)
  })
  })

  it('network simplex and HiGHS agree on a 20 depots × 150 points × 4 supplies allocation', async () => {
    const r = rng(11)
    const supplies = ['a', 'b', 'c', 'd']
    const sources = Array.from({ length: 20 }, () => ({ stock: Object.fromEntries(supplies.map((s) => [s, Math.floor(r() * 300)])), leadSeconds: r() < 0.2 ? 7200 : 0 }))
    const demands = Array.from({ length: 150 }, (): AllocationDemand => ({
      priority: (['urgent', 'normal', 'low'] as const)[Math.floor(r() * 3)]!,
      items: supplies.map((supplyId) => ({ supplyId, quantity: Math.floor(r() * 60) })),
    }))
    const model = buildAllocation({ sources, demands, travelSeconds: Float64Array.from({ length: 20 * 150 }, () => (r() < 0.03 ? Infinity : 60 + Math.floor(r() * 5400))) })
    const { result: lp } = await solveAllocation(model, batch)
    const { result: exact } = await solveAllocationExact(model)
    const penalties = (x: AllocationResult) => x.unmet.reduce((a, u) => a + u.quantity * priorityWeight[demands[u.demand]!.priority], 0)
    expect(penalties(exact)).toBe(penalties(lp))
    expect(Math.abs(exact.objectiveSeconds - lp.objectiveSeconds)).toBeLessThanOrEqual(lp.lines.length)
  })
})

describe('evacuation', () => {
  it('respects every shelter capacity, splits a village, and reports the people without a place', async () => {
    // 3 villages (900, 600, 400 people) × 2 shelters (1000, 500 places); village 2 is 40 min from both.
    const model = buildEvacuation({ people: [900, 600, 400], capacity: [1000, 500], travelSeconds: [300, 900, 600, 600, 2400, 2400], maxMinutes: 30 })
    const { result } = await solveEvacuation(model, batch)
    for (const [s, cap] of [[0, 1000], [1, 500]] as const) {
      expect(result.assignments.filter((a) => a.shelter === s).reduce((n, a) => n + a.people, 0)).toBeLessThanOrEqual(cap)
    }
    expect(result.unassigned).toEqual([0, 0, 400])
    expect(result.assignments.filter((a) => a.village === 2)).toEqual([])
    expect(result.assignments.filter((a) => a.village === 0).reduce((n, a) => n + a.people, 0)).toBe(900)
    expect(result.assignments.filter((a) => a.village === 1).reduce((n, a) => n + a.people, 0)).toBe(600)
    // Optimal split: village 0 takes 900 of shelter 0 (5 min) … 900×300 + 100×600 + 500×600 = 630 000 person-seconds.
    expect(result.personSeconds).toBe(630_000)
  })
})
