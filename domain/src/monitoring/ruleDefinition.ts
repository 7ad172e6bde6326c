/**
 * Monitoring rules as plain JSON data, so a deployment stores them, an administrator edits them
 * and a device overrides them (mergeRuleSet.ts). A rule grades one subject (usually a device)
 * with the four warning levels: each level has a condition; the alarm's level is the highest
 * level whose condition holds (for its hold time). Numbers may name a parameter instead
 * (`{param: 'warningLevelM'}`), filled from the rule's `params` and the device's override by
 * resolveRule.ts; the evaluator only ever sees `ResolvedRule`s (all numbers).
 */
import type { WarningLevel } from '../cap/warningLevels.ts'

/** A number, or the name of a parameter that supplies it */
export type ParamRef = number | { param: string }

/** What of a metric's readings is compared with the threshold */
export type Measure<N = ParamRef> =
  /** the latest reading by timestamp */
  | { kind: 'latest' }
  /** sum of the readings with ts in (now − windowMs, now], e.g. rainfall over 3 h */
  | { kind: 'sum'; windowMs: N }
  /**
   * (last − first) / (tLast − tFirst) × perMs over the readings in the window, e.g. displacement
   * in mm/h with perMs = 3 600 000; undefined (condition false) until the readings span
   * `minSpanMs` (default half the window), so two close noisy readings raise nothing.
   */
  | { kind: 'rate'; windowMs: N; perMs: N; minSpanMs?: N }

export interface ThresholdCondition<N = ParamRef> {
  kind: 'threshold'
  /** Another device's id (composite rules across devices); default: the rule's subject */
  device?: string
  metric: string
  measure: Measure<N>
  /** above: value ≥ threshold (以上 includes); below: value ≤ threshold */
  direction: 'above' | 'below'
  value: N
  /**
   * Hysteresis (回差): once met, the condition holds until the value falls below
   * threshold − deadband (above) or rises over threshold + deadband (below). Default 0.
   */
  deadband?: N
}

/** No reading (of `metric`, or of any metric) for missedIntervals × expectedIntervalMs: 数据中断 */
export interface NoDataCondition<N = ParamRef> {
  kind: 'noData'
  device?: string
  metric?: string
  expectedIntervalMs: N
  missedIntervals: N
}

export interface AllCondition<N = ParamRef> {
  kind: 'all'
  of: Condition<N>[]
}

export interface AnyCondition<N = ParamRef> {
  kind: 'any'
  of: Condition<N>[]
}

export type Condition<N = ParamRef> = ThresholdCondition<N> | NoDataCondition<N> | AllCondition<N> | AnyCondition<N>

export interface LevelRule<N = ParamRef> {
  level: WarningLevel
  when: Condition<N>
  /** Must-hold duration: the condition must hold this long before the level is reached. Default 0. */
  holdMs?: N
}

export interface RuleDefinition<N = ParamRef> {
  /** Stable id, e.g. `rain_gauge.rainstorm`; one alarm per (rule, subject) */
  id: string
  name: { zh: string; en: string }
  /** Where the thresholds come from, e.g. the clause of a standard, or `NV: configuration` */
  source?: string
  /**
   * Parameter values. `null` switches off every level whose condition uses the parameter
   * (a gas detector without a blue stage).
   */
  params?: Record<string, number | null>
  /** At most one entry per level */
  levels: LevelRule<N>[]
  /**
   * Hysteresis by time: a lower level (or none) must persist this long before the alarm
   * de-escalates or clears. Default 0.
   */
  clearHoldMs?: N
}

/** A rule with every parameter filled in: what the evaluator runs */
export type ResolvedRule = RuleDefinition<number>

/** A problem in a rule or an override, for the screen that edits it (zh, en) */
export interface RuleProblem {
  ruleId: string
  /** Path of the offending field, e.g. `levels[2].when.value` or `params.warningLevelM` */
  field: string
  message: string
  messageEn: string
}
