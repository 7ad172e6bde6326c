import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'

interface TownshipPoints {
  features: { properties: { code: string; name: string } }[]
}

/** Township names by their 9-digit prefix, from the map's township points (alarms name a township). */
export const townshipNamesOptions = () =>
  queryOptions({
    queryKey: monitoringKeys.townships,
    queryFn: async () => {
      const points = await apiGet<TownshipPoints>('/api/geo/divisions?level=township')
      return new Map(points.features.map((feature) => [feature.properties.code.slice(0, 9), feature.properties.name]))
    },
    staleTime: Infinity,
  })

export const useTownshipNames = () => useQuery(townshipNamesOptions())
