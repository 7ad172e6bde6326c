import { describe, expect, it } from 'vitest'
import { defaultRuleSet } from './defaultRules.ts'
import { evaluateThreshold } from './evaluateThreshold.ts'
import { resolveRuleSet } from './mergeRuleSet.ts'
import { at } from './readingFactory.ts'
import { RuleEngine } from './ruleEngine.ts'

const sumOfTenths = Array.from({ length: 500 }, () => 0.1).reduce((a, b) => a + b, 0)

describe('evaluateThreshold: 以上 includes, 以下 excludes (domain README conventions)', () => {
  it.each([
    { why: 'above, exactly at the threshold', value: 50, direction: 'above', was: false, met: true },
    { why: 'above, just under', value: 49.9, direction: 'above', was: false, met: false },
    { why: 'above, 500 × 0.1 summed in floats (49.99999999999…)', value: sumOfTenths, direction: 'above', was: false, met: true },
    { why: 'below, exactly at the threshold', value: 50, direction: 'below', was: false, met: true },
    { why: 'below, just over', value: 50.1, direction: 'below', was: false, met: false },
    { why: 'above with deadband 2: once met, still met at 48.5', value: 48.5, direction: 'above', was: true, met: true },
    { why: 'above with deadband 2: cleared under 48', value: 47.9, direction: 'above', was: true, met: false },
    { why: 'above with deadband 2: not met at 48.5 unless met before', value: 48.5, direction: 'above', was: false, met: false },
    { why: 'below with deadband 2: once met, still met at 51.5', value: 51.5, direction: 'below', was: true, met: true },
    { why: 'below with deadband 2: cleared over 52', value: 52.1, direction: 'below', was: true, met: false },
    { why: 'no value (NaN) never meets', value: NaN, direction: 'above', was: true, met: false },
  ] as const)('$why', ({ value, direction, was, met }) => {
    expect(evaluateThreshold(value, direction, 50, 2, was)).toBe(met)
  })
})

describe('hysteresis (回差): a gas reading hovering at the threshold does not flap', () => {
  const hovering = [24.9, 25.1, 24.8, 25.2, 24.7, 25, 23.5, 24.9, 22.9, 24.9, 25.3]

  function transitions(deadband: number) {
    const { rules } = resolveRuleSet(defaultRuleSet('combustible_gas'), {
      rules: { 'combustible_gas.lel': { params: { deadband, clearHoldMs: 0 } } },
    })
    const engine = new RuleEngine()
    engine.assign('lel-1', rules, at(0))
    return hovering.flatMap((value, i) => engine.ingest({ deviceId: 'lel-1', metric: 'lel_pct', ts: at(i + 1), value })).map((t) => [t.kind, t.to, (t.ts - at(0)) / 60_000])
  }

  it('with the default 2 %LEL deadband: raised at 25.1, cleared only under 23 (at 22.9), raised again at 25.3', () => {
    expect(transitions(2)).toEqual([
      ['raised', 'yellow', 2],
      ['cleared', null, 9],
      ['raised', 'yellow', 11],
    ])
  })

  it('without a deadband every crossing is a transition (what the deadband prevents)', () => {
    expect(transitions(0).map(([kind]) => kind)).toEqual(['raised', 'cleared', 'raised', 'cleared', 'raised', 'cleared', 'raised'])
  })
})
