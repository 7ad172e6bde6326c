import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiPatch, apiPost } from '../../../lib/api-client.ts'
import { enterprises, type HazardUnit, type SubstanceInput } from './enterprises.ts'

export interface UnitInput {
  name: string
  kind: HazardUnit['kind']
  exposedPeople: number
  substances: SubstanceInput[]
}

const unitsPath = (enterpriseId: string) => `/api/registry/enterprises/${enterpriseId}/units`

export const createUnit = (enterpriseId: string, input: UnitInput) => apiPost<HazardUnit>(unitsPath(enterpriseId), input)
export const updateUnit = (enterpriseId: string, unitId: string, input: Partial<UnitInput>) => apiPatch<HazardUnit>(`${unitsPath(enterpriseId)}/${unitId}`, input)
export const deleteUnit = (enterpriseId: string, unitId: string) => apiDelete(`${unitsPath(enterpriseId)}/${unitId}`)

/**
 * Add, change or remove a production/storage unit; the server regrades it and the enterprise,
 * so the enterprise's detail, list rows and map refresh.
 */
export function useUnitMutations(enterpriseId: string) {
  const queryClient = useQueryClient()
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: enterprises.keys.all })
  return {
    save: useMutation({
      mutationFn: ({ unitId, input }: { unitId: string | null; input: UnitInput }) =>
        unitId ? updateUnit(enterpriseId, unitId, input) : createUnit(enterpriseId, input),
      onSuccess,
      meta: { quietErrors: true },
    }),
    remove: useMutation({ mutationFn: (unitId: string) => deleteUnit(enterpriseId, unitId), onSuccess }),
  }
}
