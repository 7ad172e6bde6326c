/**
 * The transportation problem with unmet demand, shared by supplies allocation and evacuation:
 * sources with a supply, sinks with a demand, a cost per unit on each usable source × sink pair.
 *
 *   minimise   Σ cost(s,d) · x(s,d) + Σ penalty(d) · u(d)
 *   subject to Σ_d x(s,d)        ≤ supply(s)   for every source
 *              Σ_s x(s,d) + u(d) = demand(d)   for every sink
 *              x, u ≥ 0
 *
 * The constraint matrix is totally unimodular, so with whole supplies and demands the simplex
 * answer is whole without integer variables (an LP, solved in well under a second). Pairs whose
 * cost is not finite (unreachable, or beyond a limit) get no variable at all. Written as CPLEX-LP
 * text for HiGHS; the solution is read back by column name (`x<k>`, `u<d>`).
 */

export interface TransportProblem {
  supply: readonly number[]
  demand: readonly number[]
  /** Row-major sources × sinks; Infinity or NaN = no route. */
  cost: ArrayLike<number>
  /** Cost of one unit left unmet at each sink; must exceed any route cost to force delivery. */
  penalty: readonly number[]
}

export interface TransportModel {
  lp: string
  /** Variable k carries units from pairs[k].source to pairs[k].sink. */
  pairs: { source: number; sink: number; cost: number }[]
  sinks: number
}

export interface TransportFlow { source: number; sink: number; quantity: number; cost: number }

export interface TransportSolution {
  flows: TransportFlow[]
  unmet: number[]
  objective: number
}

/** Costs in the LP text: enough digits for seconds and weights, never exponent notation. */
const num = (x: number) => {
  if (!Number.isFinite(x)) throw new Error(`transport model: non-finite coefficient ${x}`)
  const r = Math.round(x * 1e4) / 1e4
  return r.toFixed(4).replace(/\.?0+$/, '') || '0'
}

/**
 * The LP text of a transport problem; sources or sinks with nothing to move are left out. With
 * `mask` (row-major sources × sinks, 1 = usable) only those pairs get a variable: the restricted
 * problem of column generation (`solveTransportByColumns`).
 */
export function buildTransportLp(p: TransportProblem, mask?: Uint8Array): TransportModel {
  const m = p.supply.length
  const n = p.demand.length
  if (p.cost.length !== m * n) throw new Error(`transport model: cost has ${p.cost.length} entries, expected ${m}×${n}`)
  if (p.penalty.length !== n) throw new Error('transport model: one penalty per sink')
  const pairs: TransportModel['pairs'] = []
  const bySource: number[][] = Array.from({ length: m }, () => [])
  const bySink: number[][] = Array.from({ length: n }, () => [])
  for (let s = 0; s < m; s++) {
    if (!(p.supply[s]! > 0)) continue
    for (let d = 0; d < n; d++) {
      if (!(p.demand[d]! > 0)) continue
      const c = p.cost[s * n + d]!
      if (!Number.isFinite(c) || (mask && !mask[s * n + d])) continue
      bySource[s]!.push(pairs.length)
      bySink[d]!.push(pairs.length)
      pairs.push({ source: s, sink: d, cost: c })
    }
  }
  const out: string[] = ['Minimize', ' obj:']
  // Long rows wrapped (CPLEX-LP lines should stay below a few hundred characters).
  let line = ''
  const term = (t: string) => {
    line += ` ${t}`
    if (line.length > 200) { out.push(line); line = '' }
  }
  let any = false
  pairs.forEach((pair, k) => { if (pair.cost !== 0) { term(`+ ${num(pair.cost)} x${k}`); any = true } })
  for (let d = 0; d < n; d++) if (p.demand[d]! > 0) { term(`+ ${num(p.penalty[d]!)} u${d}`); any = true }
  if (!any) term('0 u0')
  if (line) out.push(line)
  out.push('Subject To')
  for (let s = 0; s < m; s++) {
    if (bySource[s]!.length === 0) continue
    line = ` s${s}:`
    for (const k of bySource[s]!) term(`+ x${k}`)
    line += ` <= ${num(p.supply[s]!)}`
    out.push(line)
    line = ''
  }
  for (let d = 0; d < n; d++) {
    if (!(p.demand[d]! > 0)) continue
    line = ` d${d}:`
    for (const k of bySink[d]!) term(`+ x${k}`)
    line += ` + u${d} = ${num(p.demand[d]!)}`
    out.push(line)
    line = ''
  }
  out.push('End')
  return { lp: out.join('\n'), pairs, sinks: n }
}

/**
 * Reads the primal values HiGHS returned (name → value; names absent are zero). Values are
 * rounded to whole units: the LP's vertices are whole, the rounding only removes solver noise.
 */
export function readTransportSolution(model: TransportModel, demand: readonly number[], values: Record<string, number>): TransportSolution {
  const flows: TransportFlow[] = []
  const delivered = new Array<number>(model.sinks).fill(0)
  let objective = 0
  model.pairs.forEach((pair, k) => {
    const q = Math.round(values[`x${k}`] ?? 0)
    if (q <= 0) return
    flows.push({ source: pair.source, sink: pair.sink, quantity: q, cost: pair.cost })
    delivered[pair.sink]! += q
    objective += q * pair.cost
  })
  const unmet = demand.map((q, d) => Math.max(0, q - delivered[d]!))
  return { flows, unmet, objective }
}

/** Total cost of a solution under a problem (routes plus unmet penalties). */
export function transportCost(p: TransportProblem, s: TransportSolution): number {
  return s.flows.reduce((sum, f) => sum + f.quantity * f.cost, 0) + s.unmet.reduce((sum, u, d) => sum + u * p.penalty[d]!, 0)
}

/**
 * The naive baseline (benches, sanity checks): sinks in order of descending penalty, each
 * filled from its cheapest sources first. Feasible, usually not optimal.
 */
export function greedyTransport(p: TransportProblem): TransportSolution {
  const m = p.supply.length
  const n = p.demand.length
  const left = [...p.supply]
  const flows: TransportFlow[] = []
  const unmet = [...p.demand]
  const order = [...Array(n).keys()].sort((a, b) => p.penalty[b]! - p.penalty[a]! || a - b)
  for (const d of order) {
    const sources = [...Array(m).keys()].filter((s) => Number.isFinite(p.cost[s * n + d]!)).sort((a, b) => p.cost[a * n + d]! - p.cost[b * n + d]!)
    for (const s of sources) {
      if (unmet[d]! <= 0) break
      const q = Math.min(left[s]!, unmet[d]!)
      if (q <= 0) continue
      left[s]! -= q
      unmet[d]! -= q
      flows.push({ source: s, sink: d, quantity: q, cost: p.cost[s * n + d]! })
    }
  }
  return { flows, unmet, objective: flows.reduce((sum, f) => sum + f.quantity * f.cost, 0) }
}

/** What one LP solve answers: primal values by column name and row duals by row name. */
export interface LpAnswer { values: Record<string, number>; duals: Record<string, number> }

export interface ColumnStats { rounds: number; columns: number; full: number }

/**
 * Solves transport problems exactly by column generation, all problems advancing together (one
 * `solveBatch` call per round, e.g. one message to the solver's worker):
 *   1. start from each sink's `k` cheapest sources;
 *   2. solve the restricted LPs (always feasible: unmet demand absorbs any shortfall);
 *   3. price every left-out pair with the row duals — reduced cost c(s,d) − π(s) − μ(d) — and
 *      add, per sink, up to `k` pairs with a negative reduced cost;
 *   4. stop when no pair prices out: the restricted optimum is then optimal for the full problem
 *      (LP duality), at a fraction of the variables (a transport optimum uses few pairs per sink).
 */
export async function solveTransportByColumns(
  problems: readonly TransportProblem[],
  solveBatch: (lps: string[]) => Promise<LpAnswer[]>,
  k = 8,
  maxRounds = 50,
): Promise<{ solutions: TransportSolution[]; stats: ColumnStats[] }> {
  const masks = problems.map((p) => initialMask(p, k))
  const stats: ColumnStats[] = problems.map((p) => ({ rounds: 0, columns: 0, full: countFinite(p) }))
  const solutions: (TransportSolution | null)[] = problems.map(() => null)
  let open = problems.map((_, i) => i)
  for (let round = 1; open.length > 0; round++) {
    const models = open.map((i) => buildTransportLp(problems[i]!, masks[i]!))
    const answers = await solveBatch(models.map((m) => m.lp))
    const next: number[] = []
    open.forEach((i, j) => {
      const p = problems[i]!
      const answer = answers[j]!
      stats[i]!.rounds = round
      stats[i]!.columns = models[j]!.pairs.length
      const added = round < maxRounds ? priceOut(p, masks[i]!, answer.duals, k) : 0
      if (added > 0) next.push(i)
      else solutions[i] = readTransportSolution(models[j]!, p.demand, answer.values)
    })
    open = next
  }
  return { solutions: solutions as TransportSolution[], stats }
}

function countFinite(p: TransportProblem): number {
  let n = 0
  for (let i = 0; i < p.cost.length; i++) if (Number.isFinite(p.cost[i]!)) n++
  return n
}

/** Each sink's `k` cheapest usable sources. */
export function initialMask(p: TransportProblem, k: number): Uint8Array {
  const m = p.supply.length
  const n = p.demand.length
  const mask = new Uint8Array(m * n)
  const order = [...Array(m).keys()]
  for (let d = 0; d < n; d++) {
    if (!(p.demand[d]! > 0)) continue
    const usable = order.filter((s) => p.supply[s]! > 0 && Number.isFinite(p.cost[s * n + d]!))
    usable.sort((a, b) => p.cost[a * n + d]! - p.cost[b * n + d]!)
    for (const s of usable.slice(0, k)) mask[s * n + d] = 1
  }
  return mask
}

/** Adds left-out pairs with a negative reduced cost (up to `k` per sink, most negative first); returns how many. */
export function priceOut(p: TransportProblem, mask: Uint8Array, duals: Record<string, number>, k: number): number {
  const m = p.supply.length
  const n = p.demand.length
  const eps = 1e-7
  let added = 0
  for (let d = 0; d < n; d++) {
    if (!(p.demand[d]! > 0)) continue
    const mu = duals[`d${d}`] ?? 0
    const candidates: [number, number][] = []
    for (let s = 0; s < m; s++) {
      const c = p.cost[s * n + d]!
      if (mask[s * n + d] || !(p.supply[s]! > 0) || !Number.isFinite(c)) continue
      const reduced = c - (duals[`s${s}`] ?? 0) - mu
      if (reduced < -eps * Math.max(1, Math.abs(c))) candidates.push([s, reduced])
    }
    candidates.sort((a, b) => a[1] - b[1])
    for (const [s] of candidates.slice(0, k)) { mask[s * n + d] = 1; added++ }
  }
  return added
}
