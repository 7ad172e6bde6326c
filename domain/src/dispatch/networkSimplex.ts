/**
 * The transportation problem with unmet demand (transportModel.ts) solved exactly by the primal
 * network simplex, without an LP solver: it is a minimum-cost flow problem, and network simplex
 * solves those with tree walks instead of matrix algebra (Ahuja, Magnanti & Orlin, "Network
 * Flows", ch. 11; the data layout and pivot rules follow LEMON's NetworkSimplex).
 *
 * Network: every source s (supply) → every sink d (demand) at cost(s,d) when finite; a slack
 * node Z sends unmet units to each sink at penalty(d) and takes each source's leftover at 0.
 * Z's balance is Σ demand − Σ supply, so the network is balanced and always feasible.
 *
 * - Costs are scaled to whole numbers (1e-4 of the caller's unit, as the LP text rounds them),
 *   so every reduced cost is exact in a double and the optimality test has no tolerance.
 * - Start: an artificial root with one arc per node (cost 0 from supply nodes, a large cost to
 *   demand nodes) — a strongly feasible tree; the leaving-arc rule keeps it strongly feasible,
 *   which rules out cycling on the (many) degenerate pivots.
 * - Entering arc: block search (the most negative reduced cost within blocks of √arcs).
 * - After a pivot only the re-hung subtree's parents and potentials change.
 */
import type { TransportFlow, TransportProblem, TransportSolution } from './transportModel.ts'

export interface NetworkSimplexStats { nodes: number; arcs: number; pivots: number }

const costScale = 1e4
/** Largest whole number a double holds exactly (2^53), with room for sums of two potentials. */
const exactLimit = 2 ** 51

export function solveTransportNetworkSimplex(p: TransportProblem): { solution: TransportSolution; stats: NetworkSimplexStats } {
  const m = p.supply.length
  const n = p.demand.length
  if (p.cost.length !== m * n) throw new Error(`network simplex: cost has ${p.cost.length} entries, expected ${m}×${n}`)
  if (p.penalty.length !== n) throw new Error('network simplex: one penalty per sink')

  // Nodes: used sources, then used sinks, then Z; the root comes after them.
  const sources: number[] = []
  const sinks: number[] = []
  for (let s = 0; s < m; s++) if (p.supply[s]! > 0) sources.push(s)
  for (let d = 0; d < n; d++) if (p.demand[d]! > 0) sinks.push(d)
  const ms = sources.length
  const z = ms + sinks.length
  const nodeCount = z + 1
  const root = nodeCount

  let maxCost = 0
  for (const d of sinks) maxCost = Math.max(maxCost, p.penalty[d]!)
  for (const s of sources) for (const d of sinks) { const c = p.cost[s * n + d]!; if (Number.isFinite(c)) maxCost = Math.max(maxCost, Math.abs(c)) }
  for (const d of sinks) if (!(p.penalty[d]! >= 0) || !Number.isFinite(p.penalty[d]!)) throw new Error('network simplex: penalties must be finite and ≥ 0')
  let scale = costScale
  while (scale > 1e-6 && (maxCost * scale + 1) * (nodeCount + 1) * 4 > exactLimit) scale /= 10

  // Arcs: real ones first (the only ones that may enter), then one artificial arc per node.
  const src: number[] = []
  const tgt: number[] = []
  const cost: number[] = []
  const pairOf: number[] = []
  for (let i = 0; i < ms; i++) {
    const s = sources[i]!
    for (let j = 0; j < sinks.length; j++) {
      const c = p.cost[s * n + sinks[j]!]!
      if (!Number.isFinite(c)) continue
      if (c < 0) throw new Error('network simplex: costs must be ≥ 0')
      src.push(i); tgt.push(ms + j); cost.push(Math.round(c * scale)); pairOf.push(s * n + sinks[j]!)
    }
  }
  const pairArcs = src.length
  for (let j = 0; j < sinks.length; j++) { src.push(z); tgt.push(ms + j); cost.push(Math.round(p.penalty[sinks[j]!]! * scale)); pairOf.push(-1) }
  for (let i = 0; i < ms; i++) { src.push(i); tgt.push(z); cost.push(0); pairOf.push(-1) }
  const searchArcs = src.length

  const balance = new Float64Array(nodeCount)
  let totalSupply = 0
  let totalDemand = 0
  sources.forEach((s, i) => { balance[i] = p.supply[s]!; totalSupply += p.supply[s]! })
  sinks.forEach((d, j) => { balance[ms + j] = -p.demand[d]!; totalDemand += p.demand[d]! })
  balance[z] = totalDemand - totalSupply

  const artCost = (Math.round(maxCost * scale) + 1) * (nodeCount + 1)
  const arcCount = searchArcs + nodeCount
  const arcSrc = new Int32Array(arcCount)
  const arcTgt = new Int32Array(arcCount)
  const arcCost = new Float64Array(arcCount)
  const flow = new Float64Array(arcCount)
  /** 1: out of the tree at flow 0 (arcs are uncapacitated, so there is no upper state); 0: in the tree. */
  const state = new Uint8Array(arcCount)
  for (let e = 0; e < searchArcs; e++) { arcSrc[e] = src[e]!; arcTgt[e] = tgt[e]!; arcCost[e] = cost[e]!; state[e] = 1 }

  const parent = new Int32Array(nodeCount + 1)
  const pred = new Int32Array(nodeCount + 1)
  /** 1 when the node's tree arc points from it to its parent. */
  const predUp = new Uint8Array(nodeCount + 1)
  const pi = new Float64Array(nodeCount + 1)
  const treeArcs: number[][] = Array.from({ length: nodeCount + 1 }, () => [])
  for (let u = 0; u < nodeCount; u++) {
    const e = searchArcs + u
    parent[u] = root
    pred[u] = e
    if (balance[u]! >= 0) {
      arcSrc[e] = u; arcTgt[e] = root; arcCost[e] = 0; flow[e] = balance[u]!; predUp[u] = 1; pi[u] = 0
    } else {
      arcSrc[e] = root; arcTgt[e] = u; arcCost[e] = artCost; flow[e] = -balance[u]!; predUp[u] = 0; pi[u] = artCost
    }
    treeArcs[u]!.push(e)
    treeArcs[root]!.push(e)
  }
  parent[root] = -1
  pred[root] = -1

  const mark = new Int32Array(nodeCount + 1)
  let stamp = 0
  const stack = new Int32Array(nodeCount + 1)
  const blockSize = Math.max(10, Math.ceil(Math.sqrt(searchArcs)))
  let nextArc = 0
  let pivots = 0

  const removeTreeArc = (u: number, e: number) => {
    const list = treeArcs[u]!
    const k = list.indexOf(e)
    list[k] = list[list.length - 1]!
    list.pop()
  }

  for (;;) {
    // Entering arc: block search over the real arcs.
    let inArc = -1
    let min = 0
    let left = blockSize
    for (let k = 0; k < searchArcs; k++) {
      const e = nextArc + k < searchArcs ? nextArc + k : nextArc + k - searchArcs
      if (state[e] === 1) {
        const rc = arcCost[e]! + pi[arcSrc[e]!]! - pi[arcTgt[e]!]!
        if (rc < min) { min = rc; inArc = e }
      }
      if (--left === 0) {
        if (min < 0) { nextArc = e + 1 === searchArcs ? 0 : e + 1; break }
        left = blockSize
      }
    }
    if (inArc < 0) break
    pivots++

    // The cycle: first → second along the entering arc, back up to their join, down to first.
    const first = arcSrc[inArc]!
    const second = arcTgt[inArc]!
    stamp++
    for (let u = first; u !== -1; u = parent[u]!) mark[u] = stamp
    let join = second
    while (mark[join] !== stamp) join = parent[join]!

    // Leaving arc: the last blocking arc met going round the cycle from the join (strongly
    // feasible rule): on the first side the one nearest `first`, else on the second side the
    // one nearest the join.
    let delta = Infinity
    let uOut = -1
    let side = 0
    for (let u = first; u !== join; u = parent[u]!) {
      if (predUp[u] === 1 && flow[pred[u]!]! < delta) { delta = flow[pred[u]!]!; uOut = u; side = 1 }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      if (predUp[u] === 0 && flow[pred[u]!]! <= delta) { delta = flow[pred[u]!]!; uOut = u; side = 2 }
    }
    if (side === 0) throw new Error('network simplex: unbounded (negative cost cycle)')
    const uIn = side === 1 ? first : second
    const vIn = side === 1 ? second : first

    if (delta > 0) {
      flow[inArc]! += delta
      for (let u = first; u !== join; u = parent[u]!) flow[pred[u]!]! += predUp[u] === 1 ? -delta : delta
      for (let u = second; u !== join; u = parent[u]!) flow[pred[u]!]! += predUp[u] === 1 ? delta : -delta
    }

    // Swap the arcs in the tree; the subtree below the leaving arc hangs from the entering arc.
    const outArc = pred[uOut]!
    state[outArc] = 1
    state[inArc] = 0
    removeTreeArc(uOut, outArc)
    removeTreeArc(parent[uOut]!, outArc)
    treeArcs[uIn]!.push(inArc)
    treeArcs[vIn]!.push(inArc)
    parent[uIn] = vIn
    pred[uIn] = inArc
    predUp[uIn] = arcSrc[inArc] === uIn ? 1 : 0
    pi[uIn] = predUp[uIn] === 1 ? pi[vIn]! - arcCost[inArc]! : pi[vIn]! + arcCost[inArc]!
    let top = 0
    stack[top++] = uIn
    while (top > 0) {
      const w = stack[--top]!
      for (const a of treeArcs[w]!) {
        if (a === pred[w]) continue
        const up = arcSrc[a] !== w
        const child = up ? arcSrc[a]! : arcTgt[a]!
        parent[child] = w
        pred[child] = a
        predUp[child] = up ? 1 : 0
        pi[child] = up ? pi[w]! - arcCost[a]! : pi[w]! + arcCost[a]!
        stack[top++] = child
      }
    }
  }

  for (let e = searchArcs; e < arcCount; e++) {
    if (flow[e]! > 0) throw new Error('network simplex: no feasible flow (an artificial arc still carries flow)')
  }

  const flows: TransportFlow[] = []
  let objective = 0
  for (let e = 0; e < pairArcs; e++) {
    const q = flow[e]!
    if (q <= 0) continue
    const pair = pairOf[e]!
    const c = p.cost[pair]!
    flows.push({ source: Math.floor(pair / n), sink: pair % n, quantity: q, cost: c })
    objective += q * c
  }
  const unmet = new Array<number>(n).fill(0)
  for (let j = 0; j < sinks.length; j++) unmet[sinks[j]!] = flow[pairArcs + j]!
  return { solution: { flows, unmet, objective }, stats: { nodes: nodeCount, arcs: searchArcs, pivots } }
}
