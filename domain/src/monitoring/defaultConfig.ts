/**
 * Every number of the default rule sets that shared/domain/ (domain reference) warnings.md does not verify: NV,
 * configuration, not constants. A deployment passes its own copy to `defaultRuleSet`; a device
 * overrides single values through its rule-set override. Only the rainstorm bands (V) live in
 * rainstormRule.ts. Values marked "required" have no default: each device must supply them.
 */
import type { WarningLevel } from '../cap/warningLevels.ts'

const minuteMs = 60_000
const hourMs = 3_600_000

export interface StageConfig {
  level: WarningLevel
  /** undefined: required from the device; null: this stage is off */
  value?: number | null
}

export interface MetricRuleConfig {
  stages: readonly StageConfig[]
  deadband: number
  holdMs: number
  clearHoldMs: number
}

export interface RateRuleConfig extends MetricRuleConfig {
  windowMs: number
  /** The rate's unit, e.g. per hour */
  perMs: number
}

export interface MonitoringDefaults {
  /** Expected reporting interval per device type (the device's own value overrides it) */
  expectedIntervalMs: Record<string, number>
  noData: { missedIntervals: number; level: WarningLevel }
  rainstorm: { clearHoldMs: number; deadbandMm: number }
  /**
   * River stations (水位站): the colour reached at 警戒水位 and at 保证水位. The levels themselves
   * are the station's (`warningLevelM`, `guaranteedLevelM`, required); the mapping of colours
   * to them is NV (warnings.md §4).
   */
  waterLevel: { atWarningLevel: WarningLevel; atGuaranteedLevel: WarningLevel; deadbandM: number; holdMs: number; clearHoldMs: number }
  /** 可燃气体 %LEL; two alarm stages as commonly set for plant detectors (NV) */
  combustibleGas: MetricRuleConfig
  /** 有毒气体 ppm: the thresholds depend on the gas, so both stages are required per device */
  toxicGas: MetricRuleConfig
  tankTemperature: MetricRuleConfig
  /** Tank pressure in kPa: depends on the tank's design, so required per device */
  tankPressure: MetricRuleConfig
  tankLevelHigh: MetricRuleConfig
  tankLevelLow: MetricRuleConfig
  /** 尾矿库浸润线埋深 (m, smaller is worse): the pond's minimum safe depth is required */
  tailingsPhreaticDepth: MetricRuleConfig
  /** 尾矿库库水位 (m): the pond's highest allowed level is required */
  tailingsPondLevel: MetricRuleConfig
  /** Displacement rate in mm/h (GNSS, crack meters, tailings dam) */
  displacementRate: RateRuleConfig
}

export const defaultMonitoringConfig: MonitoringDefaults = {
  expectedIntervalMs: {
    rain_gauge: 5 * minuteMs,
    water_level: 5 * minuteMs,
    combustible_gas: minuteMs,
    toxic_gas: minuteMs,
    tank: minuteMs,
    tailings_pond: 10 * minuteMs,
    gnss: hourMs,
    crack_meter: 10 * minuteMs,
    weather: 5 * minuteMs,
  },
  noData: { missedIntervals: 3, level: 'blue' },
  rainstorm: { clearHoldMs: 30 * minuteMs, deadbandMm: 0 },
  waterLevel: { atWarningLevel: 'yellow', atGuaranteedLevel: 'orange', deadbandM: 0.05, holdMs: 0, clearHoldMs: 30 * minuteMs },
  combustibleGas: {
    stages: [{ level: 'yellow', value: 25 }, { level: 'red', value: 50 }],
    deadband: 2,
    holdMs: 0,
    clearHoldMs: minuteMs,
  },
  toxicGas: { stages: [{ level: 'yellow' }, { level: 'red' }], deadband: 0, holdMs: 0, clearHoldMs: minuteMs },
  tankTemperature: { stages: [{ level: 'yellow', value: 40 }, { level: 'red', value: 50 }], deadband: 1, holdMs: minuteMs, clearHoldMs: 5 * minuteMs },
  tankPressure: { stages: [{ level: 'yellow' }, { level: 'red' }], deadband: 0, holdMs: 0, clearHoldMs: 5 * minuteMs },
  tankLevelHigh: { stages: [{ level: 'yellow', value: 85 }, { level: 'red', value: 90 }], deadband: 1, holdMs: 0, clearHoldMs: 5 * minuteMs },
  tankLevelLow: { stages: [{ level: 'yellow', value: 10 }], deadband: 1, holdMs: 0, clearHoldMs: 5 * minuteMs },
  tailingsPhreaticDepth: { stages: [{ level: 'yellow', value: null }, { level: 'red' }], deadband: 0.1, holdMs: 0, clearHoldMs: hourMs },
  tailingsPondLevel: { stages: [{ level: 'yellow', value: null }, { level: 'red' }], deadband: 0.05, holdMs: 0, clearHoldMs: hourMs },
  displacementRate: {
    windowMs: 6 * hourMs,
    perMs: hourMs,
    stages: [{ level: 'yellow', value: 0.5 }, { level: 'orange', value: 1 }, { level: 'red', value: 2 }],
    deadband: 0,
    holdMs: 0,
    clearHoldMs: 2 * hourMs,
  },
}
