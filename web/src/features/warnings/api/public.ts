import { useQuery } from '@tanstack/react-query'
import type { FeatureCollection, Point } from 'geojson'
import { apiGet } from '../../../lib/api-client.ts'
import { warningKeys } from './keys.ts'
import type { PublicWarning } from './types.ts'

/** Active warnings for the public page (no session); refreshed every 30 s. */
export const usePublicWarnings = () =>
  useQuery({
    queryKey: warningKeys.public,
    queryFn: () => apiGet<{ generatedAt: string; warnings: PublicWarning[] }>('/public/warnings.json'),
    refetchInterval: 30_000,
  })

/** The county boundary (public, no session). */
export const useBoundary = () =>
  useQuery({ queryKey: warningKeys.boundary, queryFn: () => apiGet<FeatureCollection>('/public/boundary.json'), staleTime: Infinity })

export interface DivisionPointProperties {
  code: string
  name: string
  parentCode?: string | null
}

/** Township or village points (signed-in), to show picked divisions on the map. */
export const useDivisionPoints = (level: 'township' | 'village') =>
  useQuery({
    queryKey: warningKeys.divisionPoints(level),
    queryFn: () => apiGet<FeatureCollection<Point, DivisionPointProperties>>(`/api/geo/divisions?level=${level}`),
    staleTime: Infinity,
  })
