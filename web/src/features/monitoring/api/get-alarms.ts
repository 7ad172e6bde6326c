import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet, withQuery } from '../../../lib/api-client.ts'
import type { ListParams } from '../../../lib/crud-resource.ts'
import { monitoringKeys } from './keys.ts'
import type { Alarm } from './types.ts'

export const getAlarms = (params: ListParams) => apiGet<{ items: Alarm[]; total?: number }>(withQuery('/api/monitoring/alarms', params))

export const alarmsOptions = (params: ListParams) =>
  queryOptions({ queryKey: monitoringKeys.alarmList(params), queryFn: () => getAlarms(params), placeholderData: keepPreviousData })

/** Alarms in the caller's jurisdiction: `?status=&level=&divisionCode=`. */
export const useAlarms = (params: ListParams) => useQuery(alarmsOptions(params))
