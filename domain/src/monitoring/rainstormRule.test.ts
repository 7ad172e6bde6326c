import { describe, expect, it } from 'vitest'
import { resolveRuleSet } from './mergeRuleSet.ts'
import { rainfallMetric, rainstormRule } from './rainstormRule.ts'
import { readingsEvery, repeat } from './readingFactory.ts'
import { RuleEngine } from './ruleEngine.ts'

const clause = '暴雨预警信号 (中国气象局令第16号 附件; warnings.md §2)'

/** The level in force after `values` (mm per 5-minute report) have fallen on one gauge. */
function levelAfter(values: number[]): string | null {
  const { rules, problems } = resolveRuleSet([rainstormRule({ clearHoldMs: 0, deadbandMm: 0 })])
  expect(problems).toEqual([])
  const engine = new RuleEngine()
  engine.assign('gauge', rules)
  for (const reading of readingsEvery('gauge', rainfallMetric, 5, values)) engine.ingest(reading)
  return engine.activeAlarms()[0]?.level ?? null
}

/** Spread `mm` evenly over `hours` of 5-minute reports, in tenths of a mm (as gauges report). */
function evenly(mm: number, hours: number): number[] {
  const count = hours * 12
  const tenths = Math.round(mm * 10)
  return Array.from({ length: count }, (_, i) => (Math.floor(((i + 1) * tenths) / count) - Math.floor((i * tenths) / count)) / 10)
}

describe(`rain gauge bands, ${clause}`, () => {
  it.each([
    { why: '≥ 50 mm in 3 h, exactly 50 (以上 includes)', values: evenly(50, 3), level: 'orange' },
    { why: '49.9 mm in 3 h (and so in 6 h and 12 h) meets no band', values: evenly(49.9, 3), level: null },
    { why: '≥ 100 mm in 3 h, exactly 100', values: evenly(100, 3), level: 'red' },
    { why: '99.9 mm in 3 h is still orange', values: evenly(99.9, 3), level: 'orange' },
    { why: '50 mm in 6 h (at most 25 in any 3 h) is yellow', values: evenly(50, 6), level: 'yellow' },
    { why: '49.9 mm in 6 h is nothing', values: evenly(49.9, 6), level: null },
    { why: '50 mm in 12 h is blue', values: evenly(50, 12), level: 'blue' },
    { why: '50 mm in 13 h: the 12 h window holds less than 50', values: evenly(50, 13), level: null },
    { why: 'one 50 mm report after a dry day', values: [...repeat(0, 280), 50], level: 'orange' },
    { why: 'a 5-minute cloudburst of 100 mm', values: [100], level: 'red' },
  ])(`$why → $level`, ({ values, level }) => {
    expect(levelAfter(values)).toBe(level)
  })

  it('rounding noise of tenths does not hide exactly 50 mm (0.1 × 500 reports within 3 h)', () => {
    // A gauge reporting every 20 s: 540 reports in 3 h, the last 500 of 0.1 mm.
    const { rules } = resolveRuleSet([rainstormRule({ clearHoldMs: 0, deadbandMm: 0 })])
    const engine = new RuleEngine()
    engine.assign('gauge', rules)
    const t0 = Date.UTC(2026, 5, 20)
    for (let i = 1; i <= 540; i++) engine.ingest({ deviceId: 'gauge', metric: rainfallMetric, ts: t0 + i * 20_000, value: i > 40 ? 0.1 : 0 })
    expect(engine.activeAlarms()).toEqual([{ ruleId: 'rain_gauge.rainstorm', subject: 'gauge', level: 'orange' }])
  })
})
