/**
 * Turns a resolved rule into the evaluator's flat form: the series it reads (one per device and
 * metric, with the distinct windows they need), its leaves, its condition nodes and its levels,
 * highest first. Compiled once per rule object and shared by every device under it.
 */
import { allNode, anyNode, leafNode, type ConditionNode } from './composite.ts'
import type { Condition, ResolvedRule } from './ruleDefinition.ts'
import { severityRank } from './severityRank.ts'

/** Metric name of the series that sees every reading of a device (no-data on any metric) */
export const anyMetric = '*'

export interface SeriesSpec {
  /** null: the rule's subject */
  device: string | null
  metric: string
  windowsMs: number[]
}

export type LeafMeasure = 'latest' | 'sum' | 'rate' | 'noData'

export interface LeafSpec {
  measure: LeafMeasure
  series: number
  /** Window index in the series (sum, rate) */
  window: number
  windowMs: number
  direction: 'above' | 'below'
  threshold: number
  deadband: number
  perMs: number
  minSpanMs: number
  /** noData: missedIntervals × expectedIntervalMs */
  silenceMs: number
}

export interface CompiledLevel {
  rank: number
  /** Node index of the level's condition */
  root: number
  holdMs: number
  /** Leaves under the level's condition, for the evidence of a transition */
  leaves: number[]
}

export interface CompiledRule {
  rule: ResolvedRule
  series: SeriesSpec[]
  leaves: LeafSpec[]
  nodes: ConditionNode[]
  /** Highest rank first */
  levels: CompiledLevel[]
  clearHoldMs: number
  /** Scratch for node results; evaluation is single-threaded and not re-entrant */
  met: Uint8Array
}

const compiled = new WeakMap<ResolvedRule, CompiledRule>()

export function compileRule(rule: ResolvedRule): CompiledRule {
  const cached = compiled.get(rule)
  if (cached) return cached
  const series: SeriesSpec[] = []
  const leaves: LeafSpec[] = []
  const nodes: ConditionNode[] = []

  const seriesIndex = (device: string | undefined, metric: string): number => {
    const d = device ?? null
    const found = series.findIndex((s) => s.device === d && s.metric === metric)
    if (found >= 0) return found
    series.push({ device: d, metric, windowsMs: [] })
    return series.length - 1
  }
  const windowIndex = (s: number, windowMs: number): number => {
    const windows = series[s]!.windowsMs
    const found = windows.indexOf(windowMs)
    if (found >= 0) return found
    windows.push(windowMs)
    return windows.length - 1
  }

  const compile = (condition: Condition<number>, levelLeaves: number[]): number => {
    if (condition.kind === 'all' || condition.kind === 'any') {
      const children = condition.of.map((child) => compile(child, levelLeaves))
      nodes.push({ kind: condition.kind === 'all' ? allNode : anyNode, leaf: -1, children })
      return nodes.length - 1
    }
    const leaf: LeafSpec = { measure: 'latest', series: 0, window: -1, windowMs: 0, direction: 'above', threshold: 0, deadband: 0, perMs: 1, minSpanMs: 0, silenceMs: 0 }
    if (condition.kind === 'noData') {
      leaf.measure = 'noData'
      leaf.series = seriesIndex(condition.device, condition.metric ?? anyMetric)
      leaf.silenceMs = condition.expectedIntervalMs * condition.missedIntervals
    } else {
      const m = condition.measure
      leaf.measure = m.kind
      leaf.series = seriesIndex(condition.device, condition.metric)
      leaf.direction = condition.direction
      leaf.threshold = condition.value
      leaf.deadband = condition.deadband ?? 0
      if (m.kind !== 'latest') {
        leaf.windowMs = m.windowMs
        leaf.window = windowIndex(leaf.series, m.windowMs)
      }
      if (m.kind === 'rate') {
        leaf.perMs = m.perMs
        leaf.minSpanMs = m.minSpanMs ?? m.windowMs / 2
      }
    }
    leaves.push(leaf)
    levelLeaves.push(leaves.length - 1)
    nodes.push({ kind: leafNode, leaf: leaves.length - 1, children: [] })
    return nodes.length - 1
  }

  const levels = rule.levels
    .map((level): CompiledLevel => {
      const levelLeaves: number[] = []
      const root = compile(level.when, levelLeaves)
      return { rank: severityRank(level.level), root, holdMs: level.holdMs ?? 0, leaves: levelLeaves }
    })
    .sort((a, b) => b.rank - a.rank)

  const result: CompiledRule = { rule, series, leaves, nodes, levels, clearHoldMs: rule.clearHoldMs ?? 0, met: new Uint8Array(nodes.length) }
  compiled.set(rule, result)
  return result
}
