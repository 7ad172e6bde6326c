import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPut } from '../../../lib/api-client.ts'
import { stockKey, type StockItem } from './get-stock.ts'

export interface MinimumInput {
  depotId: string
  supplyId: string
  minQuantity: number
}

export const setStockMinimum = (input: MinimumInput) => apiPut<StockItem>('/api/resources/stock/minimum', input)

/** `PUT /api/resources/stock/minimum`: the level below which a depot's stock of a supply is a warning. */
export function useSetStockMinimum() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: setStockMinimum, onSuccess: () => queryClient.invalidateQueries({ queryKey: stockKey }) })
}
