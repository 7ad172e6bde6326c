import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import type { RiverCollection } from './types.ts'

export const getRivers = () => apiGet<RiverCollection>('/api/geo/rivers')

export const riversQueryOptions = () =>
  queryOptions({ queryKey: ['geo', 'rivers'], queryFn: getRivers, staleTime: Infinity })

/** River centre-lines (乐安河 and others). */
export const useRivers = () => useQuery(riversQueryOptions())
