import { describe, expect, it } from 'vitest'
import { defaultMonitoringConfig } from './defaultConfig.ts'
import { defaultRuleSet, deviceTypes, type DeviceType } from './defaultRules.ts'
import { resolveRuleSet, type RuleSetOverride } from './mergeRuleSet.ts'
import { at } from './readingFactory.ts'
import { RuleEngine } from './ruleEngine.ts'

/** What a device of each type must supply (its own design or station values). */
const required: Record<DeviceType, RuleSetOverride['params']> = {
  rain_gauge: {},
  water_level: { warningLevelM: 27.5, guaranteedLevelM: 29.5 },
  combustible_gas: {},
  toxic_gas: { firstAlarmPpm: 10, secondAlarmPpm: 20 },
  tank: { highKPa: 180, highHighKPa: 220 },
  tailings_pond: { minSafeDepthM: 6, maxPondLevelM: 120 },
  gnss: {},
  crack_meter: {},
  weather: {},
  video_ai: {},
}

describe('default rule sets per device type', () => {
  it.each(deviceTypes)('%s resolves without problems once its own values are given', (type) => {
    const { rules, problems } = resolveRuleSet(defaultRuleSet(type), { params: required[type] })
    expect(problems).toEqual([])
    expect(rules.every((rule) => rule.id.startsWith(`${type}.`))).toBe(true)
  })

  it('a river station without its 警戒水位 and 保证水位 is reported, naming both parameters', () => {
    const { rules, problems } = resolveRuleSet(defaultRuleSet('water_level'))
    expect(rules.map((r) => r.id)).toEqual(['water_level.no_data'])
    expect(problems.map((p) => p.message)).toEqual(['缺少参数 warningLevelM', '缺少参数 guaranteedLevelM'])
  })

  it('every threshold not verified in warnings.md comes from the exported config', () => {
    const config = structuredClone(defaultMonitoringConfig)
    config.combustibleGas.stages = [{ level: 'orange', value: 20 }]
    config.noData.level = 'yellow'
    const rules = defaultRuleSet('combustible_gas', config)
    expect(rules.map((r) => r.levels.map((l) => l.level))).toEqual([['orange'], ['yellow']])
    expect(rules[0]!.params).toMatchObject({ firstAlarmLelPct: 20 })
  })
})

describe('river station (水位站) at its own 警戒水位 27.5 m and 保证水位 29.5 m (colours NV, configuration)', () => {
  it('crossing the warning level is yellow, the guaranteed level orange; the 5 cm deadband holds it', () => {
    const { rules } = resolveRuleSet(defaultRuleSet('water_level'), { params: required.water_level, rules: { 'water_level.flood': { params: { clearHoldMs: 0 } } } })
    const engine = new RuleEngine()
    engine.assign('lean-river-1', rules, at(0))
    const levels = [27.4, 27.5, 27.46, 28.9, 29.5, 29.46, 29.44, 27.44]
    const transitions = levels.flatMap((value, i) => engine.ingest({ deviceId: 'lean-river-1', metric: 'level_m', ts: at(5 * (i + 1)), value }))
    expect(transitions.map((t) => [t.kind, t.to, (t.ts - at(0)) / 60_000])).toEqual([
      ['raised', 'yellow', 10], // 27.5 reaches 警戒水位
      ['escalated', 'orange', 25], // 29.5 reaches 保证水位
      ['de-escalated', 'yellow', 35], // 29.44 is below 29.5 − 0.05
      ['cleared', null, 40],
    ])
    expect(transitions[0]!.evidence).toEqual([{ device: 'lean-river-1', metric: 'level_m', measure: 'latest', value: 27.5, threshold: 27.5, direction: 'above' }])
  })
})
