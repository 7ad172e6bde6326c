/**
 * LEC method (作业条件危险性评价法, Graham–Kinney): D = L × E × C, where L is the likelihood of
 * an accident (事故发生的可能性), E the exposure frequency (暴露于危险环境的频繁程度) and C the
 * consequence (发生事故可能造成的后果). The value tables and D bands are V (two sources agree);
 * the mapping of the five D bands to the four colours and the side each boundary falls on vary
 * between sources, so the whole table is configuration.
 */
import { bandScore, type BandedScore, type RiskBands, type RiskScoreError } from './riskBands.ts'

export type { RiskScoreError } from './riskBands.ts'

export interface LecOption {
  value: number
  description: { zh: string; en: string }
}

export interface LecRules {
  likelihood: readonly LecOption[]
  exposure: readonly LecOption[]
  consequence: readonly LecOption[]
  /** D bands, highest first */
  bands: RiskBands
}

export const defaultLecRules: LecRules = {
  likelihood: [
    { value: 10, description: { zh: '完全可以预料', en: 'fully expected' } },
    { value: 6, description: { zh: '相当可能', en: 'quite possible' } },
    { value: 3, description: { zh: '可能，但不经常', en: 'unusual but possible' } },
    { value: 1, description: { zh: '可能性小，完全意外', en: 'only remotely possible' } },
    { value: 0.5, description: { zh: '很不可能，可以设想', en: 'conceivable but very unlikely' } },
    { value: 0.2, description: { zh: '极不可能', en: 'extremely unlikely' } },
    { value: 0.1, description: { zh: '实际不可能', en: 'practically impossible' } },
  ],
  exposure: [
    { value: 10, description: { zh: '连续暴露', en: 'continuous' } },
    { value: 6, description: { zh: '每天工作时间内暴露', en: 'daily during working hours' } },
    { value: 3, description: { zh: '每周一次或偶然暴露', en: 'weekly or occasionally' } },
    { value: 2, description: { zh: '每月一次暴露', en: 'monthly' } },
    { value: 1, description: { zh: '每年几次暴露', en: 'a few times a year' } },
    { value: 0.5, description: { zh: '非常罕见地暴露', en: 'very rarely' } },
  ],
  consequence: [
    { value: 100, description: { zh: '大灾难，许多人死亡', en: 'catastrophe, many deaths' } },
    { value: 40, description: { zh: '灾难，数人死亡', en: 'disaster, several deaths' } },
    { value: 15, description: { zh: '非常严重，一人死亡', en: 'very serious, one death' } },
    { value: 7, description: { zh: '严重，重伤', en: 'serious, severe injury' } },
    { value: 3, description: { zh: '重大，致残', en: 'major, disabling injury' } },
    { value: 1, description: { zh: '引人注目，需要救护', en: 'noticeable, needs first aid' } },
  ],
  // "> 320" and "< 20" as written in the source; the middle bands take their upper bound.
  bands: [
    { min: 320, includesMin: false, level: 'major', label: { zh: '极其危险，不能继续作业', en: 'extremely dangerous, stop work' } },
    { min: 160, includesMin: false, level: 'large', label: { zh: '高度危险，需立即整改', en: 'high danger, rectify immediately' } },
    { min: 70, includesMin: false, level: 'general', label: { zh: '显著危险，需要整改', en: 'substantial danger, needs rectification' } },
    { min: 20, includesMin: true, level: 'low', label: { zh: '一般危险，需要注意', en: 'possible danger, needs attention' } },
    { min: 0, includesMin: true, level: 'low', label: { zh: '稍有危险，可以接受', en: 'slight danger, acceptable' } },
  ],
}

export interface LecInput {
  /** L 事故发生的可能性 */
  likelihood: number
  /** E 暴露于危险环境的频繁程度 */
  exposure: number
  /** C 发生事故可能造成的后果 */
  consequence: number
}

export type LecScore = ({ ok: true; method: 'LEC' } & BandedScore) | RiskScoreError

const factorNames = {
  likelihood: { zh: '事故发生的可能性L', en: 'likelihood L' },
  exposure: { zh: '暴露频繁程度E', en: 'exposure E' },
  consequence: { zh: '后果严重程度C', en: 'consequence C' },
} as const

/** D = L × E × C, banded into 重大/较大/一般/低 (red/orange/yellow/blue). */
export function scoreLec(input: LecInput, rules: LecRules = defaultLecRules): LecScore {
  for (const factor of ['likelihood', 'exposure', 'consequence'] as const) {
    const allowed = rules[factor].map((option) => option.value)
    if (!allowed.includes(input[factor])) {
      return {
        ok: false,
        reason: 'value_not_allowed',
        field: factor,
        message: `${factorNames[factor].zh}只能取 ${allowed.join('、')}`,
        messageEn: `${factorNames[factor].en} must be one of ${allowed.join(', ')}`,
      }
    }
  }
  // Decimal factors (0.2 × 6 × 15) carry binary noise; twelve significant digits drop it.
  const score = Number((input.likelihood * input.exposure * input.consequence).toPrecision(12))
  const banded = bandScore(score, rules.bands)
  if (!banded) {
    return { ok: false, reason: 'no_band', field: 'bands', message: `危险性分值D=${score}不在任何分级区间内`, messageEn: `No band holds D = ${score}` }
  }
  return { ok: true, method: 'LEC', ...banded }
}
