import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet, withQuery } from '../../../lib/api-client.ts'
import type { ListParams } from '../../../lib/crud-resource.ts'
import { monitoringKeys } from './keys.ts'
import type { Alarm, Page } from './types.ts'

export const getAlarms = (params: ListParams) => apiGet<Page<Alarm>>(withQuery('/api/monitoring/alarms', params))

export const alarmsOptions = (params: ListParams) =>
  queryOptions({ queryKey: monitoringKeys.alarmList(params), queryFn: () => getAlarms(params), placeholderData: keepPreviousData })

/** Alarms in the caller's jurisdiction, newest first: `?status=&level=&divisionCode=&deviceId=&page=&pageSize=`. */
export const useAlarms = (params: ListParams) => useQuery(alarmsOptions(params))
