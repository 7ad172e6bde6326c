import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { DeviceTypeInfo } from './types.ts'

export const getDeviceTypes = () => apiGet<DeviceTypeInfo[]>('/api/monitoring/device-types')

export const deviceTypesOptions = () => queryOptions({ queryKey: monitoringKeys.deviceTypes, queryFn: getDeviceTypes, staleTime: Infinity })

/** The device catalogue: types with their metrics and units. */
export const useDeviceTypes = () => useQuery(deviceTypesOptions())
