import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet, withQuery } from '../../../lib/api-client.ts'
import type { ListParams } from '../../../lib/crud-resource.ts'
import { monitoringKeys } from './keys.ts'
import type { Device, Page } from './types.ts'

export const getDevices = (params: ListParams) => apiGet<Page<Device>>(withQuery('/api/monitoring/devices', params))

export const devicesOptions = (params: ListParams) =>
  queryOptions({ queryKey: monitoringKeys.deviceList(params), queryFn: () => getDevices(params), placeholderData: keepPreviousData })

/** Devices in the caller's jurisdiction: `?type=&divisionCode=&status=&page=&pageSize=`. */
export const useDevices = (params: ListParams) => useQuery(devicesOptions(params))
