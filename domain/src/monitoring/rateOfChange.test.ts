import { describe, expect, it } from 'vitest'
import { defaultRuleSet } from './defaultRules.ts'
import { resolveRuleSet } from './mergeRuleSet.ts'
import { rateOfChange } from './rateOfChange.ts'
import { at, hourMs } from './readingFactory.ts'
import { RuleEngine } from './ruleEngine.ts'

describe('rateOfChange (变化速率)', () => {
  it.each([
    { why: '3 mm over 2 h is 1.5 mm/h', first: [0, 10], last: [2 * hourMs, 13], minSpan: 0, rate: 1.5 },
    { why: 'falling values give a negative rate', first: [0, 10], last: [hourMs, 8], minSpan: 0, rate: -2 },
    { why: 'one reading has no rate', first: [0, 10], last: [0, 10], minSpan: 0, rate: NaN },
    { why: 'a span shorter than minSpanMs has no rate', first: [0, 10], last: [60_000, 20], minSpan: hourMs, rate: NaN },
  ])('$why', ({ first, last, minSpan, rate }) => {
    const actual = rateOfChange(first[0]!, first[1]!, last[0]!, last[1]!, hourMs, minSpan)
    if (Number.isNaN(rate)) expect(actual).toBeNaN()
    else expect(actual).toBeCloseTo(rate, 12)
  })
})

describe('GNSS displacement rate over 6 h (default yellow 0.5 / orange 1 / red 2 mm/h, NV configuration)', () => {
  /** Hourly readings of cumulative displacement (mm); the level after each. */
  function levels(displacements: number[]): (string | null)[] {
    const { rules } = resolveRuleSet(defaultRuleSet('gnss'), { rules: { 'gnss.displacement_rate': { params: { clearHoldMs: 0 } } } })
    const engine = new RuleEngine()
    engine.assign('gnss-1', rules, at(0))
    return displacements.map((value, i) => {
      engine.ingest({ deviceId: 'gnss-1', metric: 'displacement_mm', ts: at(0) + (i + 1) * hourMs, value })
      return engine.activeAlarms().find((a) => a.ruleId === 'gnss.displacement_rate')?.level ?? null
    })
  }

  it('no rate until the readings span half the window (3 h), then the level of the rate', () => {
    // 10 → 13 over 3 h = 1 mm/h (orange); → 17 over 4 h = 1.75 (orange); → 21 over 5 h = 2.2 (red).
    expect(levels([10, 11, 12, 13, 17, 21, 25])).toEqual([null, null, null, 'orange', 'orange', 'red', 'red'])
  })

  it('a steady 0.4 mm/h creep stays below yellow; 0.5 mm/h is yellow (以上 includes)', () => {
    expect(levels([0, 0.4, 0.8, 1.2, 1.6]).at(-1)).toBeNull()
    expect(levels([0, 0.5, 1, 1.5, 2]).at(-1)).toBe('yellow')
  })

  it('a large but old movement leaves the 6 h window and the alarm clears', () => {
    // 0 → 20 mm between hours 1 and 2; from hour 7 the window (1 h, 7 h] starts at 20.
    expect(levels([0, 20, 20, 20, 20, 20, 20, 20, 20])).toEqual([null, null, null, 'red', 'red', 'red', null, null, null])
  })
})
