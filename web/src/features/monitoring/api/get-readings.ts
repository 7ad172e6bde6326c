import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet, withQuery } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { Bucket, ReadingSeries } from './types.ts'

export interface ReadingsParams {
  metric: string
  from: string
  to?: string
  bucket: Bucket
}

export const getReadings = (deviceId: string, params: ReadingsParams) =>
  apiGet<ReadingSeries>(withQuery(`/api/monitoring/devices/${deviceId}/readings`, { ...params }))

export const readingsOptions = (deviceId: string, params: ReadingsParams) =>
  queryOptions({ queryKey: monitoringKeys.series(deviceId, params.metric, { ...params }), queryFn: () => getReadings(deviceId, params) })

/** One metric's time series with the thresholds of its rules. */
export const useReadings = (deviceId: string, params: ReadingsParams) => useQuery(readingsOptions(deviceId, params))
