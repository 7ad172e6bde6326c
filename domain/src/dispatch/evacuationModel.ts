/**
 * Evacuation (转移安置): the people of the affected villages assigned to shelters under their
 * capacities, minimising Σ persons × travel time; a village may be split between shelters.
 * Pairs beyond `maxMinutes` (or unreachable) are not allowed; people who fit nowhere are
 * reported as left without a place. A transportation LP (shelters supply places, villages
 * demand them); the LP solver is passed in (HiGHS in a worker thread on the server).
 */
import { greedyTransport, solveTransportByColumns, type ColumnStats, type LpAnswer, type TransportProblem, type TransportSolution } from './transportModel.ts'

export interface EvacuationInput {
  /** People to move per village. */
  people: readonly number[]
  /** Places per shelter. */
  capacity: readonly number[]
  /** Row-major villages × shelters, seconds; Infinity = unreachable. */
  travelSeconds: ArrayLike<number>
  /** Pairs slower than this are not used (people left without a place instead). */
  maxMinutes?: number
}

export interface EvacuationModel {
  problem: TransportProblem
  villages: number
}

export interface EvacuationAssignment { village: number; shelter: number; people: number; seconds: number }

export interface EvacuationResult {
  assignments: EvacuationAssignment[]
  /** People left without a place, per village. */
  unassigned: number[]
  /** Σ persons × seconds over the assignments. */
  personSeconds: number
}

export function buildEvacuation(input: EvacuationInput): EvacuationModel {
  const v = input.people.length
  const s = input.capacity.length
  if (input.travelSeconds.length !== v * s) throw new Error('evacuation: travelSeconds must be villages × shelters')
  const limit = input.maxMinutes === undefined ? Infinity : input.maxMinutes * 60
  // Transport orientation: shelters are the sources (rows), villages the sinks (columns).
  const cost = new Float64Array(s * v)
  let max = 0
  for (let i = 0; i < v; i++) {
    for (let j = 0; j < s; j++) {
      const t = input.travelSeconds[i * s + j]!
      const c = Number.isFinite(t) && t <= limit ? t / 60 : Infinity
      cost[j * v + i] = c
      if (Number.isFinite(c) && c > max) max = c
    }
  }
  const penalty = 2 * (Math.ceil(max) + 1)
  const problem: TransportProblem = {
    supply: input.capacity.map((c) => Math.max(0, Math.floor(c))),
    demand: input.people.map((p) => Math.max(0, Math.floor(p))),
    cost,
    penalty: input.people.map(() => penalty),
  }
  return { problem, villages: v }
}

function toResult(solution: TransportSolution): EvacuationResult {
  const assignments = solution.flows
    .map((f) => ({ village: f.sink, shelter: f.source, people: f.quantity, seconds: Math.round(f.cost * 60) }))
    .sort((a, b) => a.village - b.village || a.seconds - b.seconds)
  return { assignments, unassigned: solution.unmet, personSeconds: assignments.reduce((sum, a) => sum + a.people * a.seconds, 0) }
}

/** Solves the LP (column generation over village × shelter pairs, see transportModel.ts). */
export async function solveEvacuation(
  model: EvacuationModel, solveBatch: (lps: string[]) => Promise<LpAnswer[]>,
): Promise<{ result: EvacuationResult; stats: ColumnStats }> {
  const { solutions, stats } = await solveTransportByColumns([model.problem], solveBatch)
  return { result: toResult(solutions[0]!), stats: stats[0]! }
}

/** Greedy baseline: each village in turn to its nearest shelters with room. */
export function greedyEvacuation(model: EvacuationModel): EvacuationResult {
  return toResult(greedyTransport(model.problem))
}
