import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet, withQuery } from '../../../lib/api-client.ts'
import { stockKey, type StockItem } from './get-stock.ts'

/** A batch that has expired or expires within the window (临期/过期). */
export interface BatchWarning {
  depotId: string
  depotName: string
  divisionCode: string
  supplyId: string
  supplyCode: string
  supplyName: string
  unit: string
  batchExpiry: string
  quantity: number
  /** Negative when expired. */
  daysLeft: number
  expired: boolean
}

export interface StockWarnings {
  days: number
  belowMinimum: StockItem[]
  expiring: BatchWarning[]
}

export interface WarningParams {
  divisionCode?: string
  depotId?: string
  days?: number
}

export const getStockWarnings = (params: WarningParams) => apiGet<StockWarnings>(withQuery('/api/resources/stock/warnings', { ...params }))

export const stockWarningsQueryOptions = (params: WarningParams) =>
  queryOptions({ queryKey: [...stockKey, 'warnings', params], queryFn: () => getStockWarnings(params) })

/** `GET /api/resources/stock/warnings`: below the minimum, and batches expiring within `days`. */
export const useStockWarnings = (params: WarningParams) => useQuery(stockWarningsQueryOptions(params))
