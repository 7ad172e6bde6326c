/**
 * The incremental rule evaluator (规则引擎). State is kept per (rule, subject): the subject is
 * usually a device; a composite rule may also read other devices. Readings go in one at a time
 * — in any order, duplicates welcome — and out come only the transitions of each alarm: raised,
 * escalated, de-escalated, cleared. `tick(now)` lets time pass without readings (no-data,
 * windows emptying, hold timers). No I/O and no clock: time is the readings' and tick's.
 * `toJSON`/`fromJSON` carry the whole state across a restart.
 *
 * Cost per reading: two map lookups, O(1) amortised window upkeep, one pass over the rule's
 * few leaves; nothing is allocated unless an alarm changes.
 */
import type { WarningLevel } from '../cap/warningLevels.ts'
import { noLevel } from './alarmLevel.ts'
import { anyMetric, compileRule } from './compileRule.ts'
import type { Reading } from './reading.ts'
import { added, duplicate, RollingWindow, type RollingWindowJson } from './rollingWindow.ts'
import type { ResolvedRule } from './ruleDefinition.ts'
import { evaluateInstance, RuleInstance, type AlarmTransition } from './ruleInstance.ts'
import { levelsBySeverity } from './severityRank.ts'

export interface ActiveAlarm {
  ruleId: string
  subject: string
  level: WarningLevel
}

export interface RuleInstanceJson {
  /** Index into RuleEngineState.rules */
  rule: number
  subject: string
  since: number | null
  now: number | null
  level: WarningLevel | null
  downSince: number | null
  /** Per compiled level (highest first): since when its condition holds */
  trueSince: (number | null)[]
  /** Per leaf: 1 when met (hysteresis state) */
  met: number[]
  series: RollingWindowJson[]
}

export interface RuleEngineState {
  version: 1
  rules: ResolvedRule[]
  instances: RuleInstanceJson[]
}

export interface RuleEngineStats {
  /** Readings given to ingest */
  readings: number
  /** Repeated (device, metric, ts): no effect */
  duplicates: number
  /** No effect: too old for every window, older than the latest for a latest-only rule, or not a finite number */
  ignored: number
  /** No rule reads this device and metric */
  unrouted: number
}

interface Route {
  instance: RuleInstance
  series: number
}

const fedAdded = 1
const fedDuplicate = 2

const noTransitions: readonly AlarmTransition[] = Object.freeze([])


export class RuleEngine {
  readonly stats: RuleEngineStats = { readings: 0, duplicates: 0, ignored: 0, unrouted: 0 }
  private readonly routes = new Map<string, Map<string, Route[]>>()
  private readonly bySubject = new Map<string, RuleInstance[]>()
  private readonly instances: RuleInstance[] = []
  private readonly touched: RuleInstance[] = []
  private pass = 0

  /**
   * Puts `subject` under `rules`, replacing its previous rules. A rule given again unchanged
   * keeps its whole state (windows, alarm level, timers), so editing one rule of a device or
   * re-registering it never resets the others. A changed rule (same id) starts afresh but keeps
   * the alarm level in force — its next evaluation escalates, de-escalates or clears that alarm
   * instead of raising a duplicate — and the readings of every series it reads the same way.
   * `since` starts the no-data clock before the first reading (default: the first time the
   * engine sees time).
   */
  assign(subject: string, rules: readonly ResolvedRule[], since = NaN): void {
    const previous = new Map((this.bySubject.get(subject) ?? []).map((instance) => [instance.compiled.rule.id, instance]))
    this.unassign(subject)
    const instances = rules.map((rule) => {
      const old = previous.get(rule.id)
      if (old && sameRule(old.compiled.rule, rule)) return old
      const fresh = new RuleInstance(compileRule(rule), subject, since)
      if (old) carryOver(old, fresh)
      return fresh
    })
    for (const instance of instances) this.attach(instance)
    this.bySubject.set(subject, instances)
  }

  /** Removes the subject's rules and state (its alarms are forgotten, not cleared). */
  unassign(subject: string): void {
    const old = this.bySubject.get(subject)
    if (!old) return
    this.bySubject.delete(subject)
    for (const instance of old) {
      this.instances.splice(this.instances.indexOf(instance), 1)
      instance.devices.forEach((device, s) => {
        const byMetric = this.routes.get(device)
        const list = byMetric?.get(instance.compiled.series[s]!.metric)
        if (!byMetric || !list) return
        const kept = list.filter((route) => route.instance !== instance)
        if (kept.length > 0) byMetric.set(instance.compiled.series[s]!.metric, kept)
        else byMetric.delete(instance.compiled.series[s]!.metric)
        if (byMetric.size === 0) this.routes.delete(device)
      })
    }
  }

  ingest(reading: Reading): readonly AlarmTransition[] {
    return this.ingestValue(reading.deviceId, reading.metric, reading.ts, reading.value)
  }

  /** Same as ingest, without a reading object. */
  ingestValue(deviceId: string, metric: string, ts: number, value: number): readonly AlarmTransition[] {
    this.stats.readings++
    if (!Number.isFinite(value) || !Number.isFinite(ts)) {
      this.stats.ignored++
      return noTransitions
    }
    const byMetric = this.routes.get(deviceId)
    const exact = byMetric?.get(metric)
    const any = byMetric?.get(anyMetric)
    if (!exact && !any) {
      this.stats.unrouted++
      return noTransitions
    }
    const pass = ++this.pass
    // The any-metric series first, so a no-data condition sees this reading when evaluated.
    const fedAny = any ? this.feed(any, ts, value, pass) : 0
    const fedExact = exact ? this.feed(exact, ts, value, pass) : 0
    if (((fedAny | fedExact) & fedAdded) === 0) {
      // Another metric at the same ts is not a duplicate; the same metric again is.
      if ((fedExact & fedDuplicate) !== 0) this.stats.duplicates++
      else this.stats.ignored++
      return noTransitions
    }
    let out: AlarmTransition[] | null = null
    for (const instance of this.touched) out = evaluateInstance(instance, out)
    this.touched.length = 0
    return out ?? noTransitions
  }

  /** Lets time pass to `now` for every rule: no-data, emptying windows, hold timers. */
  tick(now: number): readonly AlarmTransition[] {
    let out: AlarmTransition[] | null = null
    for (const instance of this.instances) {
      if (!(now > instance.now)) continue
      if (now < instance.wakeAt) {
        // No reading leaves a window and no timer runs out before wakeAt: the windows stay valid.
        instance.now = now
        continue
      }
      instance.advanceTo(now)
      out = evaluateInstance(instance, out)
    }
    return out ?? noTransitions
  }

  /** Alarms in force, one per (rule, subject) */
  activeAlarms(): ActiveAlarm[] {
    return this.instances
      .filter((instance) => instance.state.level !== noLevel)
      .map((instance) => ({ ruleId: instance.compiled.rule.id, subject: instance.subject, level: levelsBySeverity[instance.state.level]! }))
  }

  toJSON(): RuleEngineState {
    const rules: ResolvedRule[] = []
    const ruleIndex = new Map<ResolvedRule, number>()
    const instances = this.instances.map((instance): RuleInstanceJson => {
      const rule = instance.compiled.rule
      let index = ruleIndex.get(rule)
      if (index === undefined) {
        index = rules.push(rule) - 1
        ruleIndex.set(rule, index)
      }
      return {
        rule: index,
        subject: instance.subject,
        since: finiteOrNull(instance.since),
        now: finiteOrNull(instance.now),
        level: instance.state.level === noLevel ? null : levelsBySeverity[instance.state.level]!,
        downSince: finiteOrNull(instance.state.downSince),
        trueSince: Array.from(instance.trueSince, finiteOrNull),
        met: Array.from(instance.met),
        series: instance.series.map((window) => window.toJSON()),
      }
    })
    return { version: 1, rules, instances }
  }

  static fromJSON(state: RuleEngineState): RuleEngine {
    if (state.version !== 1) throw new Error(`Unknown rule engine state version ${String(state.version)}`)
    const engine = new RuleEngine()
    for (const json of state.instances) {
      const rule = state.rules[json.rule]
      if (!rule) throw new Error(`Rule engine state names a missing rule ${json.rule}`)
      const compiled = compileRule(rule)
      const instance = new RuleInstance(compiled, json.subject, json.since ?? NaN)
      instance.now = json.now ?? -Infinity
      instance.state.level = json.level === null ? noLevel : levelsBySeverity.indexOf(json.level)
      instance.state.downSince = json.downSince ?? NaN
      json.trueSince.forEach((t, j) => (instance.trueSince[j] = t ?? NaN))
      json.met.forEach((m, i) => (instance.met[i] = m))
      json.series.forEach((window, s) => {
        instance.series[s] = RollingWindow.fromJSON(window, compiled.series[s]!.windowsMs, instance.now)
      })
      engine.attach(instance)
      const list = engine.bySubject.get(json.subject)
      if (list) list.push(instance)
      else engine.bySubject.set(json.subject, [instance])
    }
    return engine
  }

  /** Adds the reading to each route's series; returns fedAdded | fedDuplicate flags. */
  private feed(routes: readonly Route[], ts: number, value: number, pass: number): number {
    let fed = 0
    for (const route of routes) {
      const instance = route.instance
      if (ts > instance.now) instance.advanceTo(ts)
      const result = instance.series[route.series]!.add(ts, value, instance.now)
      if (result === added) {
        fed |= fedAdded
        if (instance.mark !== pass) {
          instance.mark = pass
          this.touched.push(instance)
        }
      } else if (result === duplicate) fed |= fedDuplicate
    }
    return fed
  }

  private attach(instance: RuleInstance): void {
    this.instances.push(instance)
    instance.devices.forEach((device, s) => {
      let byMetric = this.routes.get(device)
      if (!byMetric) this.routes.set(device, (byMetric = new Map()))
      const metric = instance.compiled.series[s]!.metric
      const list = byMetric.get(metric)
      if (list) list.push({ instance, series: s })
      else byMetric.set(metric, [{ instance, series: s }])
    })
  }

}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** Rules are plain data resolved by the same code, so equal JSON means the same rule. */
function sameRule(a: ResolvedRule, b: ResolvedRule): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** What a changed rule inherits from its previous version: its clock, alarm level and identical series. */
function carryOver(old: RuleInstance, fresh: RuleInstance): void {
  fresh.since = old.since
  fresh.now = old.now
  fresh.state.level = old.state.level
  fresh.state.downSince = old.state.downSince
  fresh.compiled.series.forEach((spec, s) => {
    const same = old.compiled.series.findIndex((o, i) => o.metric === spec.metric && old.devices[i] === fresh.devices[s]
      && o.windowsMs.length === spec.windowsMs.length && o.windowsMs.every((w, k) => w === spec.windowsMs[k]))
    if (same >= 0) fresh.series[s] = old.series[same]!
  })
}
