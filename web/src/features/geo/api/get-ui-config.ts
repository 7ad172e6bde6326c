import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'

export interface UiConfig {
  /** Optional raster tile URL template (天地图/OSM) for online deployments. */
  tileUrl: string | null
  version: string
}

export const getUiConfig = () => apiGet<UiConfig>('/api/ui-config')

export const uiConfigQueryOptions = () =>
  queryOptions({ queryKey: ['ui-config'], queryFn: getUiConfig, staleTime: Infinity, meta: { quietErrors: true } })

/** Web-app settings; the map works without them (no base tiles). */
export const useUiConfig = () => useQuery(uiConfigQueryOptions())
