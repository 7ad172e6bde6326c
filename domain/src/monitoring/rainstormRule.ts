/**
 * Rain gauges graded like the rainstorm warning signal (暴雨预警信号), V in
 * shared/domain/ (domain reference) warnings.md §2 (CMA 《气象灾害预警信号发布与传播办法》 annex):
 *
 * | signal | criterion |
 * | 蓝色 blue   | 12 小时内降雨量将达 50 毫米以上，或者已达 50 毫米以上且降雨可能持续 |
 * | 黄色 yellow | 6 小时内 … 50 毫米以上 |
 * | 橙色 orange | 3 小时内 … 50 毫米以上 |
 * | 红色 red    | 3 小时内 … 100 毫米以上 |
 *
 * 以上 includes: exactly 50 mm meets the band. Windows are (now − h, now] over readings of
 * `rainfall_mm`, each the rain since the gauge's previous report.
 *
 * A criterion has two branches: a forecast ("will reach") and an observation ("has reached, and
 * the rain may continue"). A gauge sees only the observation; whether the rain may continue is
 * the forecaster's judgement (radar, forecast), which no sensor rule can make. So the gauge alarm
 * fires on "has reached" alone and is an alarm for the duty officer, not the signal itself: the
 * warnings module issues the signal after a person approves it. Clearing is ours, not the
 * standard's (a signal is lifted by its issuer): the alarm steps down as rain leaves the windows,
 * after `clearHoldMs` (configuration, NV).
 */
import type { RuleDefinition } from './ruleDefinition.ts'
import type { WarningLevel } from '../cap/warningLevels.ts'

export const rainfallMetric = 'rainfall_mm'

const hourMs = 3_600_000

/** The signal's bands as published (V) */
export const rainstormBands: readonly { level: WarningLevel; windowHours: number; mm: number }[] = [
  { level: 'blue', windowHours: 12, mm: 50 },
  { level: 'yellow', windowHours: 6, mm: 50 },
  { level: 'orange', windowHours: 3, mm: 50 },
  { level: 'red', windowHours: 3, mm: 100 },
]

export interface RainstormRuleOptions {
  /** Hysteresis by time before stepping down (NV, configuration) */
  clearHoldMs: number
  /** Hysteresis in mm (NV, configuration) */
  deadbandMm: number
}

export function rainstormRule(options: RainstormRuleOptions): RuleDefinition {
  const params: Record<string, number | null> = { clearHoldMs: options.clearHoldMs, deadbandMm: options.deadbandMm }
  for (const band of rainstormBands) params[`${band.level}Mm`] = band.mm
  return {
    id: 'rain_gauge.rainstorm',
    name: { zh: '暴雨（雨量站累计雨量）', en: 'Rainstorm (rain gauge accumulation)' },
    source: '气象灾害预警信号发布与传播办法（中国气象局令第16号）附件 暴雨预警信号; warnings.md §2 (V)',
    params,
    levels: rainstormBands.map((band) => ({
      level: band.level,
      when: {
        kind: 'threshold',
        metric: rainfallMetric,
        measure: { kind: 'sum', windowMs: band.windowHours * hourMs },
        direction: 'above',
        value: { param: `${band.level}Mm` },
        deadband: { param: 'deadbandMm' },
      },
    })),
    clearHoldMs: { param: 'clearHoldMs' },
  }
}
