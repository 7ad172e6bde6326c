/**
 * Risk matrix (风险矩阵法, LS): R = L × S, likelihood L (可能性) and severity S (严重性) each
 * scored 1–5. The concept is V1; no national band table was found, so the default bands
 * (R ≥ 20 red, 15–16 orange, 9–12 yellow, ≤ 8 blue — a common provincial style) are NV and
 * configuration.
 */
import { bandScore, type BandedScore, type RiskBands, type RiskScoreError } from './riskBands.ts'

export interface LsRules {
  /** Highest score of each axis; scores are whole numbers from 1 */
  maxLikelihood: number
  maxSeverity: number
  /** R bands, highest first */
  bands: RiskBands
}

export const defaultLsRules: LsRules = {
  maxLikelihood: 5,
  maxSeverity: 5,
  bands: [
    { min: 20, includesMin: true, level: 'major' },
    { min: 15, includesMin: true, level: 'large' },
    { min: 9, includesMin: true, level: 'general' },
    { min: 0, includesMin: true, level: 'low' },
  ],
}

export interface LsInput {
  /** L 可能性 */
  likelihood: number
  /** S 严重性 */
  severity: number
}

export type LsScore = ({ ok: true; method: 'LS' } & BandedScore) | RiskScoreError

/** R = L × S, banded into 重大/较大/一般/低 (red/orange/yellow/blue). */
export function scoreLs(input: LsInput, rules: LsRules = defaultLsRules): LsScore {
  const axes = [
    { field: 'likelihood', value: input.likelihood, max: rules.maxLikelihood, zh: '可能性L', en: 'likelihood L' },
    { field: 'severity', value: input.severity, max: rules.maxSeverity, zh: '严重性S', en: 'severity S' },
  ]
  for (const axis of axes) {
    if (!Number.isInteger(axis.value) || axis.value < 1 || axis.value > axis.max) {
      return {
        ok: false,
        reason: 'value_not_allowed',
        field: axis.field,
        message: `${axis.zh}应为1至${axis.max}的整数`,
        messageEn: `${axis.en} must be a whole number from 1 to ${axis.max}`,
      }
    }
  }
  const score = input.likelihood * input.severity
  const banded = bandScore(score, rules.bands)
  if (!banded) {
    return { ok: false, reason: 'no_band', field: 'bands', message: `风险值R=${score}不在任何分级区间内`, messageEn: `No band holds R = ${score}` }
  }
  return { ok: true, method: 'LS', ...banded }
}
