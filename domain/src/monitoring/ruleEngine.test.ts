import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../geo/seededRandom.ts'
import { defaultRuleSet } from './defaultRules.ts'
import { resolveRuleSet } from './mergeRuleSet.ts'
import { rainfallMetric } from './rainstormRule.ts'
import { at, readingsEvery, repeat } from './readingFactory.ts'
import type { Reading } from './reading.ts'
import { RuleEngine } from './ruleEngine.ts'
import type { AlarmTransition } from './ruleInstance.ts'

const gauge = 'gauge-1'

function rainEngine(clearHoldMs = 0): RuleEngine {
  const { rules } = resolveRuleSet(defaultRuleSet('rain_gauge'), { rules: { 'rain_gauge.rainstorm': { params: { clearHoldMs } } } })
  const engine = new RuleEngine()
  engine.assign(gauge, rules, at(0))
  return engine
}

/** [kind, from, to, minute] of each rainstorm transition */
function summary(transitions: readonly AlarmTransition[]) {
  return transitions.filter((t) => t.ruleId === 'rain_gauge.rainstorm').map((t) => [t.kind, t.from, t.to, (t.ts - at(0)) / 60_000])
}

function feedAll(engine: RuleEngine, readings: readonly Reading[]): AlarmTransition[] {
  return readings.flatMap((reading) => engine.ingest(reading))
}

// 10 mm every 5 minutes for an hour (120 mm), then dry for 13 h.
const burst = readingsEvery(gauge, rainfallMetric, 5, [...repeat(10, 12), ...repeat(0, 156)])

describe('one alarm per (rule, device) that changes level', () => {
  it('raises once, escalates and de-escalates the same alarm, then clears', () => {
    expect(summary(feedAll(rainEngine(), burst))).toEqual([
      ['raised', null, 'orange', 25], // 50 mm in 3 h
      ['escalated', 'orange', 'red', 50], // 100 mm in 3 h
      ['de-escalated', 'red', 'orange', 195], // (0:15, 3:15] holds 90 mm
      ['de-escalated', 'orange', 'yellow', 220], // (0:40, 3:40] holds 40 mm; 6 h still 120
      ['de-escalated', 'yellow', 'blue', 400], // (0:40, 6:40] holds 40 mm
      ['cleared', 'blue', null, 760], // (0:40, 12:40] holds 40 mm
    ])
  })

  it('repeating every reading (same device, metric, ts) changes nothing', () => {
    const once = summary(feedAll(rainEngine(), burst))
    const engine = rainEngine()
    const twice = summary(feedAll(engine, burst.flatMap((reading) => [reading, { ...reading, value: 999 }])))
    expect(twice).toEqual(once)
    expect(engine.stats).toMatchObject({ readings: burst.length * 2, duplicates: burst.length })
  })

  it('out-of-order readings inside the window count where they belong', () => {
    const engine = rainEngine()
    feedAll(engine, readingsEvery(gauge, rainfallMetric, 5, [20, 0, 25], 0)) // 45 mm by 0:15
    expect(engine.activeAlarms()).toEqual([])
    // A report from 0:07 that was delayed in transit arrives after the 0:15 one.
    const late = engine.ingest({ deviceId: gauge, metric: rainfallMetric, ts: at(7), value: 5 })
    expect(summary(late)).toEqual([['raised', null, 'orange', 15]])
  })

  it('a shuffled storm ends in the same state as the ordered one', () => {
    const storm = burst.slice(0, 40)
    const ordered = rainEngine()
    feedAll(ordered, storm)
    const random = mulberry32(7)
    const shuffled = [...storm]
    // Shuffle within blocks of 12 (each block spans an hour, well inside the 3 h window).
    for (let start = 0; start < shuffled.length; start += 12) {
      for (let i = Math.min(start + 11, shuffled.length - 1); i > start; i--) {
        const j = start + Math.floor(random() * (i - start + 1))
        ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
      }
    }
    const engine = rainEngine()
    const transitions = feedAll(engine, shuffled)
    // The same readings held and the same level; only when each band first held differs.
    const windows = (e: RuleEngine) => e.toJSON().instances.map((instance) => [instance.level, instance.met, instance.series])
    expect(windows(engine)).toEqual(windows(ordered))
    expect(transitions.filter((t) => t.kind === 'raised')).toHaveLength(1)
  })

  it('a reading older than the longest window, or from an unknown device, has no effect', () => {
    const engine = rainEngine()
    feedAll(engine, burst.slice(0, 150)) // up to 12:30
    const before = JSON.stringify(engine.toJSON())
    expect(engine.ingest({ deviceId: gauge, metric: rainfallMetric, ts: at(10), value: 80 })).toEqual([])
    expect(engine.ingest({ deviceId: 'nobody', metric: rainfallMetric, ts: at(750), value: 80 })).toEqual([])
    expect(JSON.stringify(engine.toJSON())).toBe(before)
    expect(engine.ingest({ deviceId: gauge, metric: rainfallMetric, ts: at(755), value: NaN })).toEqual([])
    expect(engine.ingest({ deviceId: gauge, metric: rainfallMetric, ts: at(760), value: Infinity })).toEqual([])
    expect(JSON.stringify(engine.toJSON())).toBe(before)
    expect(engine.stats).toMatchObject({ ignored: 3, unrouted: 1, duplicates: 0 })
  })
})

describe('tick lets time pass without readings', () => {
  it('one 60 mm report, then only ticks every minute: each band is left when the rain leaves its window', () => {
    const engine = rainEngine()
    const transitions = [...engine.ingest({ deviceId: gauge, metric: rainfallMetric, ts: at(5), value: 60 })]
    // The gauge keeps quiet; the no-data alarm is part of its rule set, so filter to the rainstorm.
    for (let minute = 6; minute <= 800; minute++) transitions.push(...engine.tick(at(minute)))
    expect(summary(transitions)).toEqual([
      ['raised', null, 'orange', 5],
      ['de-escalated', 'orange', 'yellow', 185],
      ['de-escalated', 'yellow', 'blue', 365],
      ['cleared', 'blue', null, 725],
    ])
    expect(transitions.filter((t) => t.ruleId === 'rain_gauge.no_data').map((t) => [t.kind, (t.ts - at(0)) / 60_000])).toEqual([['raised', 20]])
  })
})

describe('state survives a restart (toJSON / fromJSON)', () => {
  it.each([30, 45, 60, 100, 140])('restored after %i readings, it continues exactly like the original', (cut) => {
    const original = rainEngine(30 * 60_000)
    const first = feedAll(original, burst.slice(0, cut))
    const restored = RuleEngine.fromJSON(JSON.parse(JSON.stringify(original.toJSON())))
    expect(restored.activeAlarms()).toEqual(original.activeAlarms())
    const rest = burst.slice(cut)
    const fromOriginal = feedAll(original, rest)
    const fromRestored = feedAll(restored, rest)
    expect(fromRestored).toEqual(fromOriginal)
    expect(restored.tick(at(2000))).toEqual(original.tick(at(2000)))
    expect(restored.toJSON()).toEqual(original.toJSON())
    // Nothing raised twice across the restart.
    expect([...first, ...fromOriginal].filter((t) => t.ruleId === 'rain_gauge.rainstorm' && t.kind === 'raised')).toHaveLength(1)
  })

  it('a thousand devices sharing one rule store it once', () => {
    const { rules } = resolveRuleSet(defaultRuleSet('rain_gauge'))
    const engine = new RuleEngine()
    for (let i = 0; i < 1000; i++) engine.assign(`gauge-${i}`, rules, at(0))
    const state = engine.toJSON()
    expect([state.rules.length, state.instances.length]).toEqual([2, 2000])
  })
})

describe('assign', () => {
  it('replaces a device\'s rules and their state', () => {
    const engine = rainEngine()
    feedAll(engine, burst.slice(0, 12))
    expect(engine.activeAlarms()).toHaveLength(1)
    engine.assign(gauge, [])
    expect(engine.activeAlarms()).toEqual([])
    expect(engine.ingest(burst[12]!)).toEqual([])
    expect(engine.stats.unrouted).toBe(1)
  })

  it('keeps the state of a rule given again unchanged: no duplicate, the window goes on', () => {
    const engine = rainEngine()
    // 60 mm in 30 minutes: orange (≥ 50 mm in 3 h).
    expect(summary(feedAll(engine, burst.slice(0, 6)))).toEqual([['raised', null, 'orange', 25]])
    const { rules } = resolveRuleSet(defaultRuleSet('rain_gauge'), { rules: { 'rain_gauge.rainstorm': { params: { clearHoldMs: 0 } } } })
    engine.assign(gauge, rules)
    expect(engine.activeAlarms()).toEqual([{ ruleId: 'rain_gauge.rainstorm', subject: gauge, level: 'orange' }])
    // 50 mm more within the same 3 h: red (≥ 100 mm), the same alarm escalated.
    expect(summary(feedAll(engine, burst.slice(6, 12)))).toEqual([['escalated', 'orange', 'red', 50]])
  })

  it('re-evaluates a changed rule against the readings it already has, changing the alarm in force', () => {
    const engine = rainEngine()
    expect(summary(feedAll(engine, burst.slice(0, 6)))).toEqual([['raised', null, 'orange', 25]])
    // A local variant lowers red to 60 mm in 3 h (configuration): the 60 mm already fallen count.
    const { rules } = resolveRuleSet(defaultRuleSet('rain_gauge'), { rules: { 'rain_gauge.rainstorm': { params: { clearHoldMs: 0, redMm: 60 } } } })
    engine.assign(gauge, rules)
    expect(summary(engine.tick(at(31)))).toEqual([['escalated', 'orange', 'red', 31]])
    // Raising it far above clears the alarm rather than leaving a stale red one.
    const strict = resolveRuleSet(defaultRuleSet('rain_gauge'), { rules: { 'rain_gauge.rainstorm': { params: { clearHoldMs: 0, blueMm: 500, yellowMm: 500, orangeMm: 500, redMm: 900 } } } })
    engine.assign(gauge, strict.rules)
    expect(summary(engine.tick(at(32)))).toEqual([['cleared', 'red', null, 32]])
  })
})
