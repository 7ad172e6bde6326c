/**
 * ../shared/SCENARIO.md, "The storm", steps 2 and 5 as a golden case: a rain gauge at 镇桥镇
 * (360281100) reporting every 5 minutes under its type's default rule set.
 *   2. "52 mm has fallen in under 3 hours: the rule engine raises an orange rainstorm alarm"
 *   5. "Rain continues: 104 mm in 3 hours. The same alarm escalates to red (no duplicate)"
 * Then the rain stops and the alarm steps down band by band as the rain leaves the 3, 6 and 12 h
 * windows, each step after the default 30-minute clear hold, until it clears.
 */
import { describe, expect, it } from 'vitest'
import { defaultRuleSet } from './defaultRules.ts'
import { resolveRuleSet } from './mergeRuleSet.ts'
import { at, readingsEvery, repeat } from './readingFactory.ts'
import { RuleEngine } from './ruleEngine.ts'
import type { AlarmTransition } from './ruleInstance.ts'

const gauge = 'rain-360281100-01'
const hour = 3_600_000

// 14:05–15:05 thirteen reports of 4 mm (52 mm), 15:10–15:45 eight of 6.5 mm (104 mm), then dry.
const rain = [...repeat(4, 13), ...repeat(6.5, 8), ...repeat(0, 147)]

function run(): AlarmTransition[] {
  const { rules, problems } = resolveRuleSet(defaultRuleSet('rain_gauge'))
  expect(problems).toEqual([])
  const engine = new RuleEngine()
  engine.assign(gauge, rules, at(0))
  return readingsEvery(gauge, 'rainfall_mm', 5, rain).flatMap((reading) => engine.ingest(reading))
}

describe('SCENARIO.md storm, steps 2 and 5 (暴雨预警信号 bands, warnings.md §2)', () => {
  const transitions = run()

  it('step 2: 52 mm in 65 minutes raises an orange alarm at that reading', () => {
    expect(transitions[0]).toEqual({
      ruleId: 'rain_gauge.rainstorm',
      subject: gauge,
      kind: 'raised',
      from: null,
      to: 'orange',
      ts: at(65),
      evidence: [{ device: gauge, metric: 'rainfall_mm', measure: 'sum', windowMs: 3 * hour, value: 52, threshold: 50, direction: 'above' }],
    })
  })

  it('step 5: 104 mm by 15:45 (in 100 minutes of rain) escalates the same alarm to red, with no second raise', () => {
    expect(transitions[1]).toMatchObject({ kind: 'escalated', from: 'orange', to: 'red', ts: at(105) })
    expect(transitions[1]!.evidence).toEqual([{ device: gauge, metric: 'rainfall_mm', measure: 'sum', windowMs: 3 * hour, value: 104, threshold: 100, direction: 'above' }])
    expect(transitions.filter((t) => t.kind === 'raised')).toHaveLength(1)
  })

  it('after the rain: red → orange → yellow → blue → cleared, 30 minutes after each band is left', () => {
    expect(transitions.map((t) => [t.kind, t.from, t.to, (t.ts - at(0)) / 60_000])).toEqual([
      ['raised', null, 'orange', 65],
      ['escalated', 'orange', 'red', 105],
      // 3 h sum < 100 from 17:10 (96 mm): the hold ends 17:40
      ['de-escalated', 'red', 'orange', 220],
      // 3 h sum < 50 from 18:10 (45.5 mm)
      ['de-escalated', 'orange', 'yellow', 280],
      // 6 h sum < 50 from 21:10
      ['de-escalated', 'yellow', 'blue', 460],
      // 12 h sum < 50 from 03:10 next day
      ['cleared', 'blue', null, 820],
    ])
  })
})
