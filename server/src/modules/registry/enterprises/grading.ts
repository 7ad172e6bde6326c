/**
 * GB 18218-2018 grading of one production or storage unit, through the domain rules, with
 * errors turned into 400s that name the request field (`body.substances.2.name`).
 */
import { gradeMajorHazard, type HazardousSubstanceInput, type MajorHazardError, type MajorHazardGrade } from '@yingji/domain/hazmat/majorHazard'
import { AppError } from '../../../http/errors.ts'
import type { StoredSubstance } from './queries.ts'

export interface SubstanceInput {
  cas?: string | undefined
  name?: string | undefined
  row?: number | undefined
  category?: string | string[] | undefined
  mixture?: boolean | undefined
  quantityT: number
}

/** The substance as stored: only the fields given, names trimmed. */
export function storedSubstance(input: SubstanceInput): StoredSubstance {
  const out: StoredSubstance = { quantityT: input.quantityT }
  if (input.cas?.trim()) out.cas = input.cas.trim()
  if (input.name?.trim()) out.name = input.name.trim()
  if (input.row !== undefined) out.row = input.row
  if (input.category !== undefined) out.category = input.category
  if (input.mixture) out.mixture = true
  return out
}

/** Domain input: category symbols are checked by the rules themselves (unknown → error). */
const domainInput = (substances: readonly StoredSubstance[]) => substances as unknown as HazardousSubstanceInput[]

/** Grades a unit or returns the domain's error (field relative to the unit, e.g. `substances.0.cas`). */
export function tryGrade(exposedPeople: number, substances: readonly StoredSubstance[]): MajorHazardGrade | MajorHazardError {
  return gradeMajorHazard({ exposedPeople, substances: domainInput(substances) })
}

/** Grades a unit; a substance the rules cannot place is a 400 on `<fieldPrefix>.<field>`. */
export function gradeOrThrow(exposedPeople: number, substances: readonly StoredSubstance[], fieldPrefix = 'body'): MajorHazardGrade {
  const result = tryGrade(exposedPeople, substances)
  if (!result.ok) {
    throw new AppError('invalid', result.reason, result.message, result.messageEn, `${fieldPrefix}.${result.field}`, { substance: result.substance })
  }
  return result
}

/** The stored grade columns of a unit. */
export function gradeColumns(grade: MajorHazardGrade) {
  return { sum_ratio: grade.sumRatio, is_major: grade.isMajor, alpha: grade.alpha, r_value: grade.R, level: grade.level }
}
