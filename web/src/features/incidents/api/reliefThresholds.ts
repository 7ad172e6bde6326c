import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPut, apiRequest } from '../../../lib/api-client.ts'
import { incidentKeys } from './keys.ts'

export const reliefCriteria = ['deathsAndMissing', 'relocatedAndNeedingAid', 'damagedRooms', 'damagedHouseholds', 'droughtAidShare', 'droughtAidPeople'] as const
export type ReliefCriterion = (typeof reliefCriteria)[number]

export type ReliefLevelThresholds = { level: 1 | 2 | 3 | 4; verified: boolean; source: string } & Partial<Record<ReliefCriterion, number>>

export interface ReliefRules {
  plan: string
  countMissing: boolean
  relocationAndAid: 'sum' | 'either'
  levels: ReliefLevelThresholds[]
}

export interface ReliefThresholds {
  countyCode: string
  origin: 'county' | 'national'
  rules: ReliefRules
  national: ReliefRules
  updatedBy: string | null
  updatedAt: string | null
}

const path = '/api/incidents/relief-response/thresholds'

/** `GET /api/incidents/relief-response/thresholds`: the table in force for the user's county. */
export const useReliefThresholds = () => useQuery({ queryKey: incidentKeys.reliefThresholds, queryFn: () => apiGet<ReliefThresholds>(path) })

/** Saving the county's table, or `null` to go back to the national defaults; incidents re-grade. */
export function useSaveReliefThresholds() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (rules: ReliefRules | null) => (rules === null ? apiRequest<ReliefThresholds>('DELETE', path) : apiPut<ReliefThresholds>(path, rules)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
    meta: { quietErrors: true },
  })
}
