import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import type { BoundaryCollection } from './types.ts'

export const getBoundary = () => apiGet<BoundaryCollection>('/api/geo/boundary')

export const boundaryQueryOptions = () =>
  queryOptions({ queryKey: ['geo', 'boundary'], queryFn: getBoundary, staleTime: Infinity })

/** The county outline (乐平市界). */
export const useBoundary = () => useQuery(boundaryQueryOptions())
