import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import type { DivisionPointCollection } from './types.ts'

export type PointLevel = 'township' | 'village'

export const getDivisionPoints = (level: PointLevel) =>
  apiGet<DivisionPointCollection>(`/api/geo/divisions?level=${level}`)

export const divisionPointsQueryOptions = (level: PointLevel) =>
  queryOptions({ queryKey: ['geo', 'points', level], queryFn: () => getDivisionPoints(level), staleTime: Infinity })

/** Township or village points in the caller's jurisdiction (synthetic positions). */
export const useDivisionPoints = (level: PointLevel) => useQuery(divisionPointsQueryOptions(level))
