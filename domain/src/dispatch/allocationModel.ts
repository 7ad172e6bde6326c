/**
 * Supplies allocation (物资调配) as one transportation LP per supply: sources are depots' stock on
 * hand and agreement reserves (协议储备), sinks are demand points (shelters, villages, points) each
 * asking for quantities of supplies with a priority. Minimises Σ travel time × quantity plus a
 * penalty per unit left unmet, weighted by priority, so that:
 *   - everything that can be delivered is delivered (the lowest penalty exceeds any route), and
 *   - when stock is short, urgent demand is served before normal, normal before low.
 * Supplies do not share any constraint, so each is an independent LP (smaller, solved in turn).
 * Pure. Solved exactly by the network simplex (networkSimplex.ts; what the server uses), or as
 * LPs by column generation (transportModel.ts) with an LP solver passed in (HiGHS in a worker
 * thread): the cross-check in tests and the bench.
 */
import { solveTransportNetworkSimplex, type NetworkSimplexStats } from './networkSimplex.ts'
import { greedyTransport, solveTransportByColumns, type ColumnStats, type LpAnswer, type TransportProblem, type TransportSolution } from './transportModel.ts'

export const allocationPriorities = ['urgent', 'normal', 'low'] as const
export type AllocationPriority = (typeof allocationPriorities)[number]

/** Penalty multiple per unit unmet, relative to the lowest (which already outweighs any route). */
export const priorityWeight: Record<AllocationPriority, number> = { urgent: 100, normal: 10, low: 1 }

export interface AllocationSource {
  /** Quantity available per supply id. */
  stock: Readonly<Record<string, number>>
  /** Added to every travel time from this source (an agreement reserve's response time). */
  leadSeconds?: number
}

export interface AllocationDemand {
  items: readonly { supplyId: string; quantity: number }[]
  priority: AllocationPriority
}

export interface AllocationInput {
  sources: readonly AllocationSource[]
  demands: readonly AllocationDemand[]
  /** Row-major sources × demands, seconds; Infinity = unreachable. */
  travelSeconds: ArrayLike<number>
}

export interface AllocationItemModel {
  supplyId: string
  problem: TransportProblem
}

export interface AllocationModel {
  items: AllocationItemModel[]
}

export interface AllocationLine {
  source: number
  demand: number
  supplyId: string
  quantity: number
  /** Travel (plus lead) time of the pair, seconds. */
  seconds: number
}

export interface AllocationUnmet { demand: number; supplyId: string; quantity: number }

export interface AllocationResult {
  lines: AllocationLine[]
  unmet: AllocationUnmet[]
  /** Σ seconds × quantity over the lines. */
  objectiveSeconds: number
}

/** Costs are in minutes in the LP (keeps coefficients small); the penalty floor is above any route. */
function problemFor(input: AllocationInput, supplyId: string): TransportProblem {
  const m = input.sources.length
  const n = input.demands.length
  const cost = new Float64Array(m * n)
  let max = 0
  for (let s = 0; s < m; s++) {
    const lead = input.sources[s]!.leadSeconds ?? 0
    for (let d = 0; d < n; d++) {
      const t = input.travelSeconds[s * n + d]!
      const c = Number.isFinite(t) ? (t + lead) / 60 : Infinity
      cost[s * n + d] = c
      if (Number.isFinite(c) && c > max) max = c
    }
  }
  const floor = 2 * (Math.ceil(max) + 1)
  return {
    supply: input.sources.map((s) => Math.max(0, Math.floor(s.stock[supplyId] ?? 0))),
    demand: input.demands.map((d) => d.items.filter((i) => i.supplyId === supplyId).reduce((sum, i) => sum + i.quantity, 0)),
    cost,
    penalty: input.demands.map((d) => floor * priorityWeight[d.priority]),
  }
}

/** The supplies asked for, in first-asked order. */
export function demandedSupplies(demands: readonly AllocationDemand[]): string[] {
  return [...new Set(demands.flatMap((d) => d.items.filter((i) => i.quantity > 0).map((i) => i.supplyId)))]
}

export function buildAllocation(input: AllocationInput): AllocationModel {
  if (input.travelSeconds.length !== input.sources.length * input.demands.length) {
    throw new Error('allocation: travelSeconds must be sources × demands')
  }
  return {
    items: demandedSupplies(input.demands).map((supplyId) => {
      return { supplyId, problem: problemFor(input, supplyId) }
    }),
  }
}

/** The allocation from one transport solution per item (in `model.items` order). */
export function allocationFrom(model: AllocationModel, solutions: readonly TransportSolution[]): AllocationResult {
  const lines: AllocationLine[] = []
  const unmet: AllocationUnmet[] = []
  model.items.forEach((item, i) => {
    const solution = solutions[i]!
    for (const f of solution.flows) lines.push({ source: f.source, demand: f.sink, supplyId: item.supplyId, quantity: f.quantity, seconds: Math.round(f.cost * 60) })
    solution.unmet.forEach((q, d) => { if (q > 0) unmet.push({ demand: d, supplyId: item.supplyId, quantity: q }) })
  })
  lines.sort((a, b) => a.demand - b.demand || a.supplyId.localeCompare(b.supplyId) || a.seconds - b.seconds)
  return { lines, unmet, objectiveSeconds: lines.reduce((sum, l) => sum + l.seconds * l.quantity, 0) }
}

/** Solves every item's LP (all items advance together, one `solveBatch` call per round). */
export async function solveAllocation(
  model: AllocationModel, solveBatch: (lps: string[]) => Promise<LpAnswer[]>, k = 8,
): Promise<{ result: AllocationResult; stats: ColumnStats[] }> {
  const { solutions, stats } = await solveTransportByColumns(model.items.map((i) => i.problem), solveBatch, k)
  return { result: allocationFrom(model, solutions), stats }
}

/**
 * Solves every item exactly by the network simplex, one after another; `pause` runs between
 * items (a server awaits its event loop there, so no single stretch blocks it for long).
 */
export async function solveAllocationExact(
  model: AllocationModel, pause: () => Promise<void> = async () => {},
): Promise<{ result: AllocationResult; stats: NetworkSimplexStats[] }> {
  const solutions: TransportSolution[] = []
  const stats: NetworkSimplexStats[] = []
  for (const item of model.items) {
    if (solutions.length > 0) await pause()
    const { solution, stats: s } = solveTransportNetworkSimplex(item.problem)
    solutions.push(solution)
    stats.push(s)
  }
  return { result: allocationFrom(model, solutions), stats }
}

/** Greedy baseline: per supply, urgent demands first, each from its nearest sources. */
export function greedyAllocation(model: AllocationModel): AllocationResult {
  return allocationFrom(model, model.items.map((item) => greedyTransport(item.problem)))
}
