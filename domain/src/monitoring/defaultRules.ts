/**
 * The default rule set of each device type. Metric names are the ones devices report:
 * rain_gauge `rainfall_mm`; water_level `level_m`; combustible_gas `lel_pct`; toxic_gas `ppm`;
 * tank `temperature_c`, `pressure_kpa`, `level_pct`; tailings_pond `phreatic_depth_m` (浸润线埋深),
 * `pond_level_m` (库水位), `displacement_mm`; gnss and crack_meter `displacement_mm`.
 * Parameters a device must supply (per device, through `RuleSetOverride.params`):
 * water_level `warningLevelM` (警戒水位), `guaranteedLevelM` (保证水位); toxic_gas
 * `firstAlarmPpm`, `secondAlarmPpm`; tank `highKPa`, `highHighKPa`; tailings_pond
 * `minSafeDepthM`, `maxPondLevelM`; every type may set its `expectedIntervalMs`.
 */
import { defaultMonitoringConfig, type MetricRuleConfig, type MonitoringDefaults } from './defaultConfig.ts'
import { rainstormRule } from './rainstormRule.ts'
import type { Measure, RuleDefinition } from './ruleDefinition.ts'
import { thresholdRule } from './thresholdRule.ts'

export const deviceTypes = ['rain_gauge', 'water_level', 'combustible_gas', 'toxic_gas', 'tank', 'tailings_pond', 'gnss', 'crack_meter', 'weather', 'video_ai'] as const

export type DeviceType = (typeof deviceTypes)[number]

const nv = 'NV: configuration (defaultMonitoringConfig), not verified against a standard'

function stagedRule(
  id: string,
  name: { zh: string; en: string },
  metric: string,
  measure: Measure<number>,
  direction: 'above' | 'below',
  config: MetricRuleConfig,
  params: readonly string[],
): RuleDefinition {
  return thresholdRule({
    id,
    name,
    source: nv,
    metric,
    measure,
    direction,
    stages: config.stages.map((stage, i) => ({ level: stage.level, param: params[i] ?? `${stage.level}Threshold`, value: stage.value })),
    deadband: config.deadband,
    holdMs: config.holdMs,
    clearHoldMs: config.clearHoldMs,
  })
}

function noDataRule(type: string, config: MonitoringDefaults): RuleDefinition {
  return {
    id: `${type}.no_data`,
    name: { zh: '数据中断', en: 'No data' },
    source: nv,
    params: { expectedIntervalMs: config.expectedIntervalMs[type] ?? 5 * 60_000, missedIntervals: config.noData.missedIntervals },
    levels: [{ level: config.noData.level, when: { kind: 'noData', expectedIntervalMs: { param: 'expectedIntervalMs' }, missedIntervals: { param: 'missedIntervals' } } }],
  }
}

function displacementRule(type: string, config: MonitoringDefaults): RuleDefinition {
  const rate = config.displacementRate
  return stagedRule(
    `${type}.displacement_rate`,
    { zh: '位移速率', en: 'Displacement rate' },
    'displacement_mm',
    { kind: 'rate', windowMs: rate.windowMs, perMs: rate.perMs },
    'above',
    rate,
    rate.stages.map((stage) => `${stage.level}MmPerHour`),
  )
}

/** The rules a device of `type` starts with (before its own override). */
export function defaultRuleSet(type: DeviceType, config: MonitoringDefaults = defaultMonitoringConfig): RuleDefinition[] {
  const latest: Measure<number> = { kind: 'latest' }
  switch (type) {
    case 'rain_gauge':
      return [rainstormRule(config.rainstorm), noDataRule(type, config)]
    case 'water_level': {
      const water = config.waterLevel
      return [
        stagedRule(
          'water_level.flood',
          { zh: '河道水位超警戒、超保证', en: 'River level over warning / guaranteed level' },
          'level_m',
          latest,
          'above',
          {
            stages: [{ level: water.atWarningLevel }, { level: water.atGuaranteedLevel }],
            deadband: water.deadbandM,
            holdMs: water.holdMs,
            clearHoldMs: water.clearHoldMs,
          },
          ['warningLevelM', 'guaranteedLevelM'],
        ),
        noDataRule(type, config),
      ]
    }
    case 'combustible_gas':
      return [stagedRule('combustible_gas.lel', { zh: '可燃气体浓度', en: 'Combustible gas' }, 'lel_pct', latest, 'above', config.combustibleGas, ['firstAlarmLelPct', 'secondAlarmLelPct']), noDataRule(type, config)]
    case 'toxic_gas':
      return [stagedRule('toxic_gas.ppm', { zh: '有毒气体浓度', en: 'Toxic gas' }, 'ppm', latest, 'above', config.toxicGas, ['firstAlarmPpm', 'secondAlarmPpm']), noDataRule(type, config)]
    case 'tank':
      return [
        stagedRule('tank.temperature', { zh: '储罐温度高', en: 'Tank temperature high' }, 'temperature_c', latest, 'above', config.tankTemperature, ['highC', 'highHighC']),
        stagedRule('tank.pressure', { zh: '储罐压力高', en: 'Tank pressure high' }, 'pressure_kpa', latest, 'above', config.tankPressure, ['highKPa', 'highHighKPa']),
        stagedRule('tank.level_high', { zh: '储罐液位高', en: 'Tank level high' }, 'level_pct', latest, 'above', config.tankLevelHigh, ['highPct', 'highHighPct']),
        stagedRule('tank.level_low', { zh: '储罐液位低', en: 'Tank level low' }, 'level_pct', latest, 'below', config.tankLevelLow, ['lowPct']),
        noDataRule(type, config),
      ]
    case 'tailings_pond':
      return [
        stagedRule('tailings_pond.phreatic_line', { zh: '尾矿库浸润线埋深不足', en: 'Tailings phreatic line too shallow' }, 'phreatic_depth_m', latest, 'below', config.tailingsPhreaticDepth, ['warnDepthM', 'minSafeDepthM']),
        stagedRule('tailings_pond.pond_level', { zh: '尾矿库库水位高', en: 'Tailings pond level high' }, 'pond_level_m', latest, 'above', config.tailingsPondLevel, ['warnPondLevelM', 'maxPondLevelM']),
        displacementRule(type, config),
        noDataRule(type, config),
      ]
    case 'gnss':
    case 'crack_meter':
      return [displacementRule(type, config), noDataRule(type, config)]
    case 'weather':
      return [noDataRule(type, config)]
    case 'video_ai':
      // Reports events only when it sees something: silence is normal.
      return []
  }
}
