import { describe, expect, it } from 'vitest'
import { defaultRuleSet } from './defaultRules.ts'
import { mergeRuleSet, resolveRuleSet } from './mergeRuleSet.ts'
import type { ResolvedRule } from './ruleDefinition.ts'

function thresholds(rule: ResolvedRule | undefined): Record<string, number> {
  return Object.fromEntries((rule?.levels ?? []).map((l) => [l.level, l.when.kind === 'threshold' ? l.when.value : NaN]))
}

describe('per-device overrides: defaults of the type merged with the device\'s own', () => {
  it('without an override a gas detector keeps the type defaults', () => {
    const { rules } = resolveRuleSet(defaultRuleSet('combustible_gas'))
    expect(thresholds(rules.find((r) => r.id === 'combustible_gas.lel'))).toEqual({ yellow: 25, red: 50 })
  })

  it('per-rule parameters beat device-wide ones, which beat the rule\'s own', () => {
    const { rules } = resolveRuleSet(defaultRuleSet('combustible_gas'), {
      params: { firstAlarmLelPct: 15, secondAlarmLelPct: 40 },
      rules: { 'combustible_gas.lel': { params: { secondAlarmLelPct: 30 } } },
    })
    expect(thresholds(rules.find((r) => r.id === 'combustible_gas.lel'))).toEqual({ yellow: 15, red: 30 })
  })

  it('a stage set to null is off; a rule can be switched off; rules can be added or replaced', () => {
    const { rules, problems } = resolveRuleSet(defaultRuleSet('tank'), {
      params: { highKPa: 180, highHighKPa: 220 },
      rules: { 'tank.level_low': { disabled: true }, 'tank.level_high': { params: { highPct: null } } },
      add: [{ ...defaultRuleSet('combustible_gas')[0]!, id: 'tank.bund_gas' }],
    })
    expect(problems).toEqual([])
    expect(rules.map((r) => r.id)).toEqual(['tank.temperature', 'tank.pressure', 'tank.level_high', 'tank.no_data', 'tank.bund_gas'])
    expect(thresholds(rules.find((r) => r.id === 'tank.level_high'))).toEqual({ red: 90 })
    expect(thresholds(rules.find((r) => r.id === 'tank.pressure'))).toEqual({ yellow: 180, red: 220 })
  })

  it('an override naming no rule of the set is a problem', () => {
    expect(mergeRuleSet(defaultRuleSet('rain_gauge'), { rules: { 'rain_gauge.typo': { disabled: true } } }).problems).toEqual([
      { ruleId: 'rain_gauge.typo', field: 'rules.rain_gauge.typo', message: '没有编号为 rain_gauge.typo 的规则', messageEn: 'There is no rule rain_gauge.typo' },
    ])
  })

  it('the merge does not change the defaults it was given', () => {
    const defaults = defaultRuleSet('rain_gauge')
    const before = JSON.stringify(defaults)
    mergeRuleSet(defaults, { params: { expectedIntervalMs: 1 }, rules: { 'rain_gauge.rainstorm': { params: { redMm: 80 } } } })
    expect(JSON.stringify(defaults)).toBe(before)
  })
})
