/** Roads, routes and closures (/api/dispatch): types and react-query hooks. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FeatureCollection, LineString } from 'geojson'
import { apiDelete, apiGet, apiPost, withQuery } from '../../../lib/api-client.ts'

export type LonLatPair = [number, number]

export interface RoadProperties { id: number; class: string; name: string | null; speedKmh: number; oneway: boolean; synthetic: boolean }
export type Roads = FeatureCollection<LineString, RoadProperties> & { synthetic: boolean }

export interface RouteAnswer {
  distanceM: number
  durationS: number
  geometry: LineString
  snapped: { from: { lon: number; lat: number; distanceM: number }; to: { lon: number; lat: number; distanceM: number } }
  closures: number
  synthetic: boolean
}

export interface ClosureGeometry { type: 'Polygon' | 'LineString' | 'Point'; coordinates: unknown }

export interface Closure {
  id: string
  reason: string
  geometry: ClosureGeometry
  radiusM: number | null
  incidentId: string | null
  createdBy: string
  createdAt: string
  removedAt: string | null
  closedSegments: number
}

export const routingKeys = {
  roads: ['dispatch', 'roads'] as const,
  closures: ['dispatch', 'closures'] as const,
  route: (from: LonLatPair | null, to: LonLatPair | null) => ['dispatch', 'route', from, to] as const,
}

export function useRoads() {
  return useQuery({ queryKey: routingKeys.roads, queryFn: () => apiGet<Roads>('/api/dispatch/roads'), staleTime: 5 * 60_000 })
}

export function useClosures() {
  return useQuery({ queryKey: routingKeys.closures, queryFn: () => apiGet<Closure[]>('/api/dispatch/closures') })
}

export function useRoute(from: LonLatPair | null, to: LonLatPair | null) {
  return useQuery({
    queryKey: routingKeys.route(from, to),
    queryFn: () => apiGet<RouteAnswer>(withQuery('/api/dispatch/route', { from: from!.join(','), to: to!.join(',') })),
    enabled: from !== null && to !== null,
    placeholderData: keepPreviousData,
    retry: false,
  })
}

export function useCreateClosure() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { reason: string; geometry: { type: 'Polygon'; coordinates: LonLatPair[][] } }) => apiPost<Closure>('/api/dispatch/closures', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dispatch'] }),
  })
}

export function useRemoveClosure() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/dispatch/closures/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dispatch'] }),
  })
}
