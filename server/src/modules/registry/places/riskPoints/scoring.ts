/**
 * Scores a risk point with the method it names, through the domain rules (LEC: D = L × E × C;
 * LS: R = L × S), and turns a refused factor into a 400 naming the body field.
 */
import { defaultLecRules, scoreLec, type LecRules } from '@yingji/domain/risk/lec'
import { defaultLsRules, scoreLs, type LsRules } from '@yingji/domain/risk/ls'
import type { BandedScore } from '@yingji/domain/risk/riskBands'
import { invalid } from '../../../../http/errors.ts'

/** The band tables in force; a deployment may pass its own (risk-grading.md: bands are configuration). */
export interface RiskRules {
  lec: LecRules
  ls: LsRules
}
export const defaultRiskRules: RiskRules = { lec: defaultLecRules, ls: defaultLsRules }

export interface RiskFactors {
  method: 'LEC' | 'LS'
  likelihood: number
  exposure: number | null
  consequence: number | null
  severity: number | null
}

const missing = (prefix: string, field: string, zh: string, en: string, method: string) =>
  invalid('missing_risk_factor', `${prefix}.${field}`, `${method} 法需要填写${zh}`, `The ${method} method needs ${en}`)

/** The banded score, or a 400 naming the factor at fault. Factors the method does not use are dropped. */
export function scoreRiskPoint(factors: RiskFactors, rules: RiskRules, prefix = 'body'): { factors: RiskFactors; banded: BandedScore } {
  if (factors.method === 'LEC') {
    if (factors.exposure === null) throw missing(prefix, 'exposure', '暴露频繁程度E', 'exposure E', 'LEC')
    if (factors.consequence === null) throw missing(prefix, 'consequence', '后果严重程度C', 'consequence C', 'LEC')
    const result = scoreLec({ likelihood: factors.likelihood, exposure: factors.exposure, consequence: factors.consequence }, rules.lec)
    if (!result.ok) throw invalid('invalid_risk_factor', `${prefix}.${result.field}`, result.message, result.messageEn)
    return { factors: { ...factors, severity: null }, banded: result }
  }
  if (factors.severity === null) throw missing(prefix, 'severity', '严重性S', 'severity S', 'LS')
  const result = scoreLs({ likelihood: factors.likelihood, severity: factors.severity }, rules.ls)
  if (!result.ok) throw invalid('invalid_risk_factor', `${prefix}.${result.field}`, result.message, result.messageEn)
  return { factors: { ...factors, exposure: null, consequence: null }, banded: result }
}
