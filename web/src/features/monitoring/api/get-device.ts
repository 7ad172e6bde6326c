import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { DeviceDetail } from './types.ts'

export const getDevice = (id: string) => apiGet<DeviceDetail>(`/api/monitoring/devices/${id}`)

export const deviceOptions = (id: string) => queryOptions({ queryKey: monitoringKeys.device(id), queryFn: () => getDevice(id) })

/** One device with its effective rule set. */
export const useDevice = (id: string) => useQuery(deviceOptions(id))
