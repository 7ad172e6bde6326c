import { useMutation } from '@tanstack/react-query'
import { apiPost } from '../../../lib/api-client.ts'
import type { MajorHazardLevel, SubstanceInput } from './enterprises.ts'

export interface AssessInput {
  /** 厂区外可能暴露人员数 */
  exposedPeople: number
  substances: SubstanceInput[]
}

export interface GradedSubstance {
  index: number
  name: string
  cas: string | null
  table1Row: number | null
  quantityT: number
  /** 临界量 Q (t) */
  criticalQuantityT: number
  criticalQuantitySource: string
  ratio: number
  beta: number
  correctedRatio: number
}

/** GB 18218-2018 identification (S) and grading (R, level) of one unit. */
export interface AssessResult {
  sumRatio: number
  isMajor: boolean
  alpha: number
  R: number
  level: MajorHazardLevel | null
  levelName: string | null
  levelNameEn: string | null
  substances: GradedSubstance[]
}

export const assessMajorHazard = (input: AssessInput) => apiPost<AssessResult>('/api/registry/major-hazard/assess', input)

/** 重大危险源辨识 calculator; the page shows a refused substance itself. */
export const useAssessMajorHazard = () => useMutation({ mutationFn: assessMajorHazard, meta: { quietErrors: true } })
