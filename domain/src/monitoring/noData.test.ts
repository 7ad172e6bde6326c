import { describe, expect, it } from 'vitest'
import { defaultRuleSet } from './defaultRules.ts'
import { resolveRuleSet } from './mergeRuleSet.ts'
import { isNoData } from './noData.ts'
import { at, minuteMs } from './readingFactory.ts'
import { RuleEngine } from './ruleEngine.ts'

describe('isNoData (数据中断): no reading for N × the expected interval', () => {
  it.each([
    { silence: 14, met: false },
    { silence: 15, met: true },
    { silence: 60, met: true },
  ])('5-minute device, 3 intervals, $silence min silent → $met', ({ silence, met }) => {
    expect(isNoData(silence * minuteMs, 0, 5 * minuteMs, 3)).toBe(met)
  })
})

describe('no-data rule of a rain gauge (every 5 min, 3 missed intervals: NV configuration)', () => {
  function engine() {
    const { rules } = resolveRuleSet(defaultRuleSet('rain_gauge'))
    const e = new RuleEngine()
    e.assign('gauge', rules, at(0))
    return e
  }
  const report = (e: RuleEngine, minute: number) => e.ingest({ deviceId: 'gauge', metric: 'rainfall_mm', ts: at(minute), value: 0 })

  it('raised by tick 15 minutes after the last reading, cleared by the next reading', () => {
    const e = engine()
    report(e, 5)
    expect(e.tick(at(19))).toEqual([])
    const raised = e.tick(at(20))
    expect(raised).toEqual([
      {
        ruleId: 'rain_gauge.no_data',
        subject: 'gauge',
        kind: 'raised',
        from: null,
        to: 'blue',
        ts: at(20),
        evidence: [{ device: 'gauge', metric: '*', measure: 'noData', value: 15 * minuteMs, threshold: 15 * minuteMs }],
      },
    ])
    expect(e.tick(at(60))).toEqual([]) // still silent: no duplicate
    expect(report(e, 61).map((t) => [t.ruleId, t.kind])).toEqual([['rain_gauge.no_data', 'cleared']])
  })

  it('a device that never reported counts from when it was put under the rule', () => {
    const e = engine()
    expect(e.tick(at(14))).toEqual([])
    expect(e.tick(at(15)).map((t) => t.kind)).toEqual(['raised'])
  })

  it('the device\'s own expected interval overrides the type default', () => {
    const { rules } = resolveRuleSet(defaultRuleSet('rain_gauge'), { params: { expectedIntervalMs: 60 * minuteMs } })
    const e = new RuleEngine()
    e.assign('gauge', rules, at(0))
    expect([e.tick(at(179)).length, e.tick(at(180)).length]).toEqual([0, 1])
  })
})

describe('no-data on any metric (weather station)', () => {
  it('several metrics at one timestamp all count as data, none as a duplicate', () => {
    const { rules } = resolveRuleSet(defaultRuleSet('weather'))
    const e = new RuleEngine()
    e.assign('wx-1', rules, at(0))
    for (const metric of ['temperature_c', 'humidity_pct', 'wind_ms']) e.ingest({ deviceId: 'wx-1', metric, ts: at(5), value: 20 })
    expect(e.stats).toMatchObject({ readings: 3, duplicates: 0, unrouted: 0 })
    expect([e.tick(at(19)).length, e.tick(at(20)).map((t) => t.to)]).toEqual([0, ['blue']])
  })
})
