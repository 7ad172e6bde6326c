import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPost, withQuery } from '../../../lib/api-client.ts'
import type { Page } from '../../../lib/crud-resource.ts'
import { stockKey } from './get-stock.ts'

/** What a clerk records: 入库, 出库, 调拨 (two ledger rows), 报损. */
export const movementKinds = ['in', 'out', 'transfer', 'loss'] as const
/** What the ledger holds. */
export const ledgerKinds = ['in', 'out', 'transfer_out', 'transfer_in', 'loss'] as const

export interface MovementInput {
  kind: (typeof movementKinds)[number]
  depotId: string
  /** Transfers only: the receiving depot. */
  toDepotId?: string
  supplyId: string
  quantity: number
  reason: string
  documentNo?: string
  /** Required when stock that expires comes in. */
  batchExpiry?: string
  occurredAt?: string
}

/** One ledger row (台账). */
export interface Movement {
  id: string
  kind: (typeof ledgerKinds)[number]
  depotId: string
  depotName: string
  supplyId: string
  supplyCode: string
  supplyName: string
  unit: string
  quantity: number
  batchExpiry: string | null
  reason: string
  documentNo: string
  transferId: string | null
  divisionCode: string
  actorName: string
  occurredAt: string
  recordedAt: string
  synthetic: boolean
}

export interface MovementDocument {
  documentNo: string
  kind: MovementInput['kind']
  transferId: string | null
  movements: Movement[]
}

export interface MovementParams {
  q?: string
  divisionCode?: string
  depotId?: string
  supplyId?: string
  kind?: Movement['kind']
  documentNo?: string
  page?: number
  pageSize?: number
}

export const getMovements = (params: MovementParams) => apiGet<Page<Movement>>(withQuery('/api/resources/movements', { ...params }))

export const movementsQueryOptions = (params: MovementParams) =>
  queryOptions({ queryKey: [...stockKey, 'movements', params], queryFn: () => getMovements(params), placeholderData: keepPreviousData })

/** `GET /api/resources/movements`: the ledger, newest first. */
export const useMovements = (params: MovementParams) => useQuery(movementsQueryOptions(params))

export const createMovement = (input: MovementInput) => apiPost<MovementDocument>('/api/resources/movements', input)

/** `POST /api/resources/movements`: records a movement; stock, warnings and the ledger refresh. */
export function useCreateMovement() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createMovement,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockKey }),
    meta: { quietErrors: true },
  })
}
