/**
 * Score bands that map a risk score (LEC's D, the matrix's R) to one of the four levels.
 * Sources disagree on which side of a boundary a score belongs to, so each band says whether
 * its lower bound is included. Bands are plain JSON so a deployment can store its own table.
 */
import { riskLevelInfo, riskLevels, type RiskLevel, type RiskLevelInfo } from './riskLevel.ts'

export interface RiskBand {
  /** Lower bound of the band */
  min: number
  /** Whether a score equal to `min` belongs to this band (else to the band below) */
  includesMin: boolean
  level: RiskLevel
  /** The method's own wording for the band, e.g. LEC's 显著危险 */
  label?: { zh: string; en: string }
}

/** Highest band first; the last band should start at 0 so every score finds one. */
export type RiskBands = readonly RiskBand[]

export interface BandedScore extends RiskLevelInfo {
  score: number
  band: RiskBand
}

/** A score that cannot be computed: a factor outside its table, or a band table with a gap. */
export interface RiskScoreError {
  ok: false
  reason: 'value_not_allowed' | 'no_band'
  /** The input field at fault (`bands` when the configuration has a gap) */
  field: string
  message: string
  messageEn: string
}

/** The band of a score: the first (highest) band whose lower bound the score reaches. */
export function bandScore(score: number, bands: RiskBands): BandedScore | null {
  const band = bands.find((candidate) => (candidate.includesMin ? score >= candidate.min : score > candidate.min))
  return band ? { score, band, ...riskLevelInfo[band.level] } : null
}

/**
 * Problems in a band table, for screens that let an administrator edit one (zh, en);
 * empty when the table is usable.
 */
export function checkRiskBands(bands: RiskBands): { zh: string; en: string }[] {
  const problems: { zh: string; en: string }[] = []
  if (bands.length === 0) problems.push({ zh: '至少需要一个分级区间', en: 'At least one band is needed' })
  bands.forEach((band, i) => {
    if (!Number.isFinite(band.min)) problems.push({ zh: `第${i + 1}个区间的下限不是有限数`, en: `Band ${i + 1} has no finite lower bound` })
    if (!(riskLevels as readonly string[]).includes(band.level)) problems.push({ zh: `第${i + 1}个区间的风险等级无效`, en: `Band ${i + 1} has an unknown level` })
    const above = bands[i - 1]
    if (above && (band.min > above.min || (band.min === above.min && (above.includesMin || !band.includesMin)))) {
      problems.push({ zh: `第${i + 1}个区间应低于第${i}个区间`, en: `Band ${i + 1} must lie below band ${i}` })
    }
  })
  const last = bands[bands.length - 1]
  if (last && (last.min > 0 || (last.min === 0 && !last.includesMin))) {
    problems.push({ zh: '最低区间应从0（含）开始', en: 'The lowest band must start at 0, inclusive' })
  }
  return problems
}
