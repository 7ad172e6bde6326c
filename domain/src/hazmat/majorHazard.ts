/**
 * Major hazard installations of hazardous chemicals (危险化学品重大危险源) — GB 18218-2018.
 *
 * Identification (辨识, clause 4.2): S = Σ qi/Qi; the unit is a major hazard when S ≥ 1.
 * Grading (分级, clause 4.3): R = α · Σ βi·qi/Qi, level by Table 6 — only for major hazards.
 *
 * @example
 *   gradeMajorHazard({ exposedPeople: 60, substances: [{ name: '二氧化硫', quantityT: 200 }] })
 *   // → { ok: true, sumRatio: 10, isMajor: true, alpha: 1.5, R: 30, level: 3, levelName: '三级', … }
 */
import { table5ExposedPeopleAlpha, table6Levels, type MajorHazardLevel } from './data/gradingTables.ts'
import { defaultMajorHazardRules, type MajorHazardRules } from './majorHazardRules.ts'
import { resolveSubstance, substanceError, type HazardousSubstanceInput, type MajorHazardError, type ResolvedSubstance } from './resolveSubstance.ts'

export { defaultMajorHazardRules, type MajorHazardRules } from './majorHazardRules.ts'
export type { HazardousSubstanceInput, MajorHazardError, MajorHazardErrorReason, ResolvedSubstance } from './resolveSubstance.ts'
export type { MajorHazardLevel } from './data/gradingTables.ts'

/** A production or storage unit (生产单元/储存单元) and the hazardous chemicals in it. */
export interface MajorHazardUnit {
  substances: readonly HazardousSubstanceInput[]
}

export interface MajorHazardIdentification {
  ok: true
  edition: MajorHazardRules['edition']
  /** S = Σ qi/Qi */
  sumRatio: number
  /** 构成重大危险源: S ≥ 1 */
  isMajor: boolean
  substances: ResolvedSubstance[]
}

export interface GradedSubstance extends ResolvedSubstance {
  beta: number
  betaSource: 'table3' | 'table4'
  /** βi·qi/Qi */
  correctedRatio: number
}

export interface MajorHazardGrade {
  ok: true
  edition: MajorHazardRules['edition']
  sumRatio: number
  isMajor: boolean
  /** α, Table 5 */
  alpha: number
  /** R = α Σ βi qi/Qi, computed for every unit; it only has a level when the unit is major */
  R: number
  /** 重大危险源级别, Table 6; null when the unit is not a major hazard */
  level: MajorHazardLevel | null
  /** 一级…四级 */
  levelName: string | null
  levelNameEn: string | null
  substances: GradedSubstance[]
}

export interface MajorHazardGradingInput extends MajorHazardUnit {
  /** 厂区外可能暴露人员数: people who may be exposed outside the plant boundary (see Table 5) */
  exposedPeople: number
}

/**
 * Ratios are quotients of decimal tonnages; without rounding 0.7 + 0.2 + 0.1 would give
 * S = 0.9999999999999999 and miss the threshold. Twelve significant digits keep every real
 * figure and drop the binary noise.
 */
function tidy(value: number): number {
  return Number(value.toPrecision(12))
}

/** GB 18218-2018 clause 4.2 (S index) — is the unit a major hazard installation? */
export function identifyMajorHazard(unit: MajorHazardUnit, rules: MajorHazardRules = defaultMajorHazardRules): MajorHazardIdentification | MajorHazardError {
  const substances: ResolvedSubstance[] = []
  for (const [index, input] of unit.substances.entries()) {
    const resolved = resolveSubstance(input, index, rules)
    if ('ok' in resolved) return resolved
    substances.push({ ...resolved, ratio: tidy(resolved.ratio) })
  }
  const sumRatio = tidy(substances.reduce((sum, substance) => sum + substance.ratio, 0))
  return { ok: true, edition: rules.edition, sumRatio, isMajor: sumRatio >= 1, substances }
}

/** Table 5 α for a head count, or null when the count is not a whole number ≥ 0. */
export function exposedPeopleAlpha(exposedPeople: number): number | null {
  if (!Number.isInteger(exposedPeople) || exposedPeople < 0) return null
  return table5ExposedPeopleAlpha.find((band) => exposedPeople >= band.minPeople)?.alpha ?? null
}

/** Table 6: the level for an R value (bounds belong to the higher level: R = 100 is 一级). */
export function majorHazardLevelFor(R: number): (typeof table6Levels)[number] {
  return table6Levels.find((band) => R >= band.minR) ?? table6Levels[table6Levels.length - 1]!
}

/** GB 18218-2018 clause 4.3 (R index) — identify, then grade a major hazard into 一级…四级. */
export function gradeMajorHazard(input: MajorHazardGradingInput, rules: MajorHazardRules = defaultMajorHazardRules): MajorHazardGrade | MajorHazardError {
  const alpha = exposedPeopleAlpha(input.exposedPeople)
  if (alpha === null) {
    return substanceError('invalid_exposed_people', 'exposedPeople', null, '厂区外暴露人员数应为不小于0的整数', 'The number of people exposed outside the plant must be a whole number, 0 or more')
  }
  const identification = identifyMajorHazard(input, rules)
  if (!identification.ok) return identification

  const substances: GradedSubstance[] = []
  for (const substance of identification.substances) {
    if (substance.beta === null || substance.betaSource === null) {
      return substanceError(
        'category_required',
        `substances.${substance.index}.category`,
        substance.name,
        `第${substance.index + 1}项“${substance.name}”：需注明危险性类别才能确定校正系数β（GB 18218-2018表4）`,
        `Item ${substance.index + 1} "${substance.name}": give its hazard category to find the correction factor β (GB 18218-2018 Table 4)`,
      )
    }
    substances.push({ ...substance, beta: substance.beta, betaSource: substance.betaSource, correctedRatio: tidy(substance.beta * substance.ratio) })
  }
  const R = tidy(alpha * substances.reduce((sum, substance) => sum + substance.correctedRatio, 0))
  const band = identification.isMajor ? majorHazardLevelFor(R) : null
  return {
    ok: true,
    edition: identification.edition,
    sumRatio: identification.sumRatio,
    isMajor: identification.isMajor,
    alpha,
    R,
    level: band?.level ?? null,
    levelName: band?.name.zh ?? null,
    levelNameEn: band?.name.en ?? null,
    substances,
  }
}
