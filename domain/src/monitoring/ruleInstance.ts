/**
 * The state of one rule for one subject, and its evaluation: leaves (with their hysteresis),
 * composite conditions, must-hold per level, the alarm level with its clear hold, and the
 * transition when the level changes. Used by RuleEngine, which routes readings and time here.
 */
import type { WarningLevel } from '../cap/warningLevels.ts'
import { heldLongEnough, noLevel, stepAlarmLevel, transitionKind, type AlarmLevelState, type TransitionKind } from './alarmLevel.ts'
import { evaluateComposite } from './composite.ts'
import type { CompiledRule, LeafMeasure } from './compileRule.ts'
import { evaluateThreshold } from './evaluateThreshold.ts'
import { isNoData } from './noData.ts'
import { rateOfChange } from './rateOfChange.ts'
import { RollingWindow } from './rollingWindow.ts'
import { levelsBySeverity } from './severityRank.ts'

/** One condition behind a transition, with its value at that moment */
export interface AlarmEvidence {
  device: string
  /** `*` for a no-data condition on any metric */
  metric: string
  measure: LeafMeasure
  /** sum and rate windows */
  windowMs?: number
  /** The measured value (no-data: milliseconds since the last reading); null when undefined */
  value: number | null
  /** The threshold (no-data: the silence that counts as no data) */
  threshold: number
  direction?: 'above' | 'below'
}

export interface AlarmTransition {
  ruleId: string
  subject: string
  kind: TransitionKind
  from: WarningLevel | null
  to: WarningLevel | null
  /** Engine time of the change (the reading's ts, or tick's now) */
  ts: number
  /** The conditions of the level now in force (on clearing: of the level left) */
  evidence: AlarmEvidence[]
}

/** One rule's state for one subject: what toJSON saves */
export class RuleInstance {
  readonly devices: string[]
  readonly series: RollingWindow[]
  readonly met: Uint8Array
  readonly values: Float64Array
  readonly trueSince: Float64Array
  readonly state: AlarmLevelState = { level: noLevel, downSince: NaN }
  now = -Infinity
  /** Before this time nothing can change without a reading: tick skips the instance */
  wakeAt = -Infinity
  /** Last ingest pass that touched this instance */
  mark = 0

  constructor(
    readonly compiled: CompiledRule,
    readonly subject: string,
    public since: number,
  ) {
    this.devices = compiled.series.map((spec) => spec.device ?? subject)
    this.series = compiled.series.map((spec) => new RollingWindow(spec.windowsMs))
    this.met = new Uint8Array(compiled.leaves.length)
    this.values = new Float64Array(compiled.leaves.length)
    this.trueSince = new Float64Array(compiled.levels.length).fill(NaN)
  }

  advanceTo(now: number): void {
    this.now = now
    for (const window of this.series) window.advance(now)
  }
}

/** Re-evaluates one instance at its time; appends a transition when its alarm changes. */
export function evaluateInstance(instance: RuleInstance, out: AlarmTransition[] | null): AlarmTransition[] | null {
  const compiled = instance.compiled
  const now = instance.now
  if (Number.isNaN(instance.since)) instance.since = now
  const leaves = compiled.leaves
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!
    const window = instance.series[leaf.series]!
    let value: number
    let met: boolean
    if (leaf.measure === 'noData') {
      const lastSeen = window.latestTs > -Infinity ? window.latestTs : instance.since
      value = now - lastSeen
      met = isNoData(now, lastSeen, leaf.silenceMs, 1)
    } else {
      if (leaf.measure === 'sum') value = window.sum(leaf.window)
      else if (leaf.measure === 'rate') {
        value = rateOfChange(window.firstTs(leaf.window), window.firstValue(leaf.window), window.lastTs(), window.lastValue(), leaf.perMs, leaf.minSpanMs)
      } else value = window.latestValue
      met = evaluateThreshold(value, leaf.direction, leaf.threshold, leaf.deadband, instance.met[i] === 1)
    }
    instance.values[i] = value
    instance.met[i] = met ? 1 : 0
  }
  evaluateComposite(compiled.nodes, instance.met, compiled.met)

  let target = noLevel
  const levels = compiled.levels
  for (let j = 0; j < levels.length; j++) {
    const level = levels[j]!
    if (compiled.met[level.root] === 1) {
      if (Number.isNaN(instance.trueSince[j]!)) instance.trueSince[j] = now
      if (target === noLevel && heldLongEnough(instance.trueSince[j]!, now, level.holdMs)) target = level.rank
    } else instance.trueSince[j] = NaN
  }
  const from = stepAlarmLevel(instance.state, target, now, compiled.clearHoldMs)
  instance.wakeAt = nextChange(instance)
  if (from === null) return out
  const to = instance.state.level
  const transition: AlarmTransition = {
    ruleId: compiled.rule.id,
    subject: instance.subject,
    kind: transitionKind(from, to),
    from: from === noLevel ? null : levelsBySeverity[from]!,
    to: to === noLevel ? null : levelsBySeverity[to]!,
    ts: now,
    evidence: evidence(instance, to === noLevel ? from : to),
  }
  if (out) out.push(transition)
  else out = [transition]
  return out
}

/**
 * The earliest time at which the instance could change with no new reading: a reading
 * leaving a window, a no-data silence completing, a must-hold or clear hold running out.
 */
function nextChange(instance: RuleInstance): number {
  const compiled = instance.compiled
  let wake = Infinity
  for (const window of instance.series) {
    for (let k = 0; k < window.windowsMs.length; k++) {
      if (window.count(k) > 0) wake = Math.min(wake, window.firstTs(k) + window.windowsMs[k]!)
    }
  }
  const leaves = compiled.leaves
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!
    if (leaf.measure !== 'noData' || instance.met[i] === 1) continue
    const window = instance.series[leaf.series]!
    wake = Math.min(wake, (window.latestTs > -Infinity ? window.latestTs : instance.since) + leaf.silenceMs)
  }
  const levels = compiled.levels
  for (let j = 0; j < levels.length; j++) {
    const heldAt = instance.trueSince[j]! + levels[j]!.holdMs
    if (heldAt > instance.now) wake = Math.min(wake, heldAt)
  }
  if (!Number.isNaN(instance.state.downSince)) wake = Math.min(wake, instance.state.downSince + compiled.clearHoldMs)
  return wake
}

function evidence(instance: RuleInstance, rank: number): AlarmEvidence[] {
  const compiled = instance.compiled
  const level = compiled.levels.find((candidate) => candidate.rank === rank)
  if (!level) return []
  return level.leaves.map((i) => {
    const leaf = compiled.leaves[i]!
    const value = instance.values[i]!
    const noData = leaf.measure === 'noData'
    return {
      device: instance.devices[leaf.series]!,
      metric: compiled.series[leaf.series]!.metric,
      measure: leaf.measure,
      ...(leaf.window >= 0 ? { windowMs: leaf.windowMs } : {}),
      value: Number.isFinite(value) ? value : null,
      threshold: noData ? leaf.silenceMs : leaf.threshold,
      ...(noData ? {} : { direction: leaf.direction }),
    }
  })
}
