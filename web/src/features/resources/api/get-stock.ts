import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet, withQuery } from '../../../lib/api-client.ts'
import type { Page } from '../../../lib/crud-resource.ts'
import type { DepotLevel } from './depots.ts'
import type { SupplyCategory } from './supplies.ts'

/** Quantity on hand of one supply in one depot, derived from the ledger. */
export interface StockItem {
  depotId: string
  depotName: string
  depotLevel: DepotLevel
  divisionCode: string
  supplyId: string
  supplyCode: string
  supplyName: string
  category: SupplyCategory
  unit: string
  quantity: number
  minQuantity: number
  belowMinimum: boolean
  nearestExpiry: string | null
}

export interface StockParams {
  q?: string
  divisionCode?: string
  depotId?: string
  supplyId?: string
  category?: SupplyCategory
  page?: number
  pageSize?: number
}

export const stockKey = ['resources', 'stock'] as const

export const getStock = (params: StockParams) => apiGet<Page<StockItem>>(withQuery('/api/resources/stock', { ...params }))

export const stockQueryOptions = (params: StockParams) =>
  queryOptions({ queryKey: [...stockKey, 'list', params], queryFn: () => getStock(params), placeholderData: keepPreviousData })

/** `GET /api/resources/stock`: stock on hand by depot and supply. */
export const useStock = (params: StockParams) => useQuery(stockQueryOptions(params))
