import { describe, expect, it } from 'vitest'
import { resolveRule } from './resolveRule.ts'
import type { RuleDefinition } from './ruleDefinition.ts'

const base: RuleDefinition = {
  id: 'test.level',
  name: { zh: '测试', en: 'Test' },
  params: { warn: 10, alarm: 20 },
  levels: [
    { level: 'yellow', when: { kind: 'threshold', metric: 'x', measure: { kind: 'latest' }, direction: 'above', value: { param: 'warn' } } },
    { level: 'red', when: { kind: 'threshold', metric: 'x', measure: { kind: 'latest' }, direction: 'above', value: { param: 'alarm' } } },
  ],
}

describe('resolveRule: parameters filled in, problems returned in zh and en', () => {
  it('fills parameters and defaults (deadband 0, hold 0)', () => {
    const { rule, problems } = resolveRule(base)
    expect(problems).toEqual([])
    expect(rule!.levels.map((l) => [l.level, l.holdMs, l.when.kind === 'threshold' && [l.when.value, l.when.deadband]])).toEqual([
      ['yellow', 0, [10, 0]],
      ['red', 0, [20, 0]],
    ])
  })

  it('a parameter set to null switches its level off; all levels off switches the rule off', () => {
    expect(resolveRule({ ...base, params: { warn: null, alarm: 20 } }).rule!.levels.map((l) => l.level)).toEqual(['red'])
    expect(resolveRule({ ...base, params: { warn: null, alarm: null } })).toEqual({ rule: null, problems: [] })
  })

  it.each([
    { why: 'a missing parameter', change: { params: { warn: 10 } }, field: 'levels[1].when.value', message: '缺少参数 alarm' },
    { why: 'a repeated level', change: { levels: [base.levels[0]!, base.levels[0]!] }, field: 'levels[1].level', message: '预警级别 yellow 重复' },
    { why: 'an unknown level', change: { levels: [{ ...base.levels[0]!, level: 'purple' }] }, field: 'levels[0].level', message: '预警级别应为 blue、yellow、orange 或 red' },
    {
      why: 'a window of 0',
      change: { levels: [{ level: 'red', when: { kind: 'threshold', metric: 'x', measure: { kind: 'sum', windowMs: 0 }, direction: 'above', value: 1 } }] },
      field: 'levels[0].when.measure.windowMs',
      message: '应大于0',
    },
    { why: 'an empty AND', change: { levels: [{ level: 'red', when: { kind: 'all', of: [] } }] }, field: 'levels[0].when.of', message: '组合条件至少需要一个子条件' },
    { why: 'a negative clear hold', change: { clearHoldMs: -1 }, field: 'clearHoldMs', message: '不能为负数' },
  ])('$why → a problem at $field', ({ change, field, message }) => {
    const { rule, problems } = resolveRule({ ...base, ...change } as RuleDefinition)
    expect(rule).toBeNull()
    expect(problems).toContainEqual(expect.objectContaining({ ruleId: 'test.level', field, message }))
    expect(problems.every((p) => p.messageEn.length > 0)).toBe(true)
  })

  it('the resolved rule is plain JSON', () => {
    const { rule } = resolveRule(base)
    expect(JSON.parse(JSON.stringify(rule))).toEqual(rule)
  })
})
