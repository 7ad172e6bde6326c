import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MultiPolygon, Polygon } from 'geojson'
import { apiGet, apiPost, withQuery } from '../../../lib/api-client.ts'

/** Planning: team recommendation, supplies allocation into dispatch orders, evacuation, coverage. */
export const planningKeys = {
  recommend: (params: object) => ['dispatch', 'teams', 'recommend', params] as const,
  orders: ['dispatch', 'orders'] as const,
  coverage: (minutes: number) => ['dispatch', 'coverage', minutes] as const,
  supplies: ['dispatch', 'supplies'] as const,
  shelters: ['dispatch', 'shelters'] as const,
  townships: ['dispatch', 'townships'] as const,
  villages: ['dispatch', 'villages'] as const,
  warnings: ['dispatch', 'warnings-in-force'] as const,
  warning: (id: string) => ['dispatch', 'warning-area', id] as const,
}

export interface RankedTeam {
  id: string; name: string; type: string; status: string; headcount: number; divisionCode: string; lon: number | null; lat: number | null
  rank: number; score: number; match: string; travelMinutes: number | null
  breakdown: { capability: number; readiness: number; travel: number; headcount: number }
  held: boolean; heldReason: 'unavailable' | 'unreachable' | 'reserve' | null; why: string; whyEn: string
}
export interface Recommendation {
  hazard: string; hazardName: string; hazardNameEn: string; travelSource: string
  lon: number; lat: number; incident: { id: string; title: string; subtype: string } | null
  weights: { capability: number; readiness: number; travel: number; headcount: number }
  items: RankedTeam[]
}

/** A place and hazard, or an incident (its place and hazard unless given). */
export interface RecommendParams { lon?: number; lat?: number; hazard?: string; incidentId?: string }
export const useRecommendation = (params: RecommendParams | null) => useQuery({
  queryKey: planningKeys.recommend(params ?? {}),
  queryFn: () => apiGet<Recommendation>(withQuery('/api/dispatch/teams/recommend', { ...params!, limit: 50 })),
  enabled: params !== null,
})

export type Priority = 'urgent' | 'normal' | 'low'
export interface DemandInput {
  shelterId?: string; divisionCode?: string; point?: { lon: number; lat: number }
  items: { supplyId: string; quantity: number }[]; priority?: Priority
}
export interface OrderLine {
  sourceKind: 'depot' | 'reserve'; sourceId: string; sourceName: string; sourceLon: number | null; sourceLat: number | null
  demandIndex: number; demandLabel: string; demandLon: number; demandLat: number
  supplyId: string; supplyName: string; unit: string; quantity: number; travelSeconds: number
}
export interface DispatchOrder {
  id: string; orderNo: string; status: 'draft' | 'confirmed' | 'cancelled'; divisionCode: string
  demands: { index: number; label: string; lon: number; lat: number; priority: Priority }[]
  lines: OrderLine[]
  unmet: { demandIndex: number; demandLabel: string; supplyId: string; supplyName: string; unit: string; quantity: number }[]
  objectiveSeconds: number; solveMs: number; travelSource?: string
  createdByName: string; createdAt: string; confirmedByName: string | null; confirmedAt: string | null
  reserveCalls?: { reserveId: string; supplierName: string; supplyName: string; unit: string; quantity: number }[]
}

export const useAllocate = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { demands: DemandInput[] }) => apiPost<DispatchOrder>('/api/dispatch/allocations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planningKeys.orders }),
  })
}

export const useConfirmOrder = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiPost<DispatchOrder>(`/api/dispatch/orders/${id}/confirm`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planningKeys.orders }),
  })
}

export const useOrders = () => useQuery({ queryKey: planningKeys.orders, queryFn: () => apiGet<{ items: DispatchOrder[] }>('/api/dispatch/orders') })

export interface LineString { type: 'LineString'; coordinates: [number, number][] }
export interface EvacuationPlan {
  id: string
  villages: { code: string; name: string; population: number; synthetic: boolean; lon: number; lat: number; unassigned: number }[]
  shelters: { id: string; name: string; capacity: number; assigned: number; lon: number; lat: number }[]
  assignments: { villageCode: string; shelterId: string; people: number; travelSeconds: number; route: LineString | null }[]
  people: number; assigned: number; unassigned: number; personSeconds: number; solveMs: number; maxMinutes: number | null; travelSource: string
}

/** The area to evacuate: divisions (townships or villages), a drawn polygon, or a warning's area. */
export type EvacuationArea =
  | { divisionCodes: string[] }
  | { polygon: { type: 'Polygon'; coordinates: [number, number][][] } }
  | { warningId: string }

export const usePlanEvacuation = () => useMutation({
  mutationFn: (body: { area: EvacuationArea; maxMinutes?: number }) => apiPost<EvacuationPlan>('/api/dispatch/evacuations', body),
})

export interface CoverageVillage {
  code: string; name: string; population: number; lon: number; lat: number; reasons: string[]; hazardPoints: number
  riverDistanceM: number | null; nearestShelterId: string | null; nearestShelterName: string | null; nearestMinutes: number | null; covered: boolean
}
export interface Coverage { minutes: number; rule: string; ruleEn: string; travelSource: string; villages: CoverageVillage[]; highRisk: number; uncovered: number }

export const useCoverage = (minutes: number, enabled: boolean) => useQuery({
  queryKey: planningKeys.coverage(minutes),
  queryFn: () => apiGet<Coverage>(withQuery('/api/dispatch/shelter-coverage', { minutes })),
  enabled,
})

export interface Option { value: string; label: string }

/** The supplies catalogue as select options (物资). */
export const useSupplyOptions = () => useQuery(queryOptions({
  queryKey: planningKeys.supplies,
  queryFn: async () => (await apiGet<{ items: { id: string; name: string; unit: string }[] }>('/api/resources/supplies?pageSize=200')).items
    .map((s): Option => ({ value: s.id, label: `${s.name}（${s.unit}）` })),
  staleTime: 60_000,
}))

/** Shelters as select options (避灾安置场所). */
export const useShelterOptions = () => useQuery(queryOptions({
  queryKey: planningKeys.shelters,
  queryFn: async () => (await apiGet<{ items: { id: string; name: string; capacity: number }[] }>('/api/registry/shelters?pageSize=200')).items
    .map((s): Option => ({ value: s.id, label: `${s.name}（${s.capacity}）` })),
  staleTime: 60_000,
}))

/** Townships (乡镇) as select options. */
export const useTownshipOptions = () => useQuery(queryOptions({
  queryKey: planningKeys.townships,
  queryFn: async () => (await apiGet<{ features: { properties: { code: string; name: string } }[] }>('/api/geo/divisions?level=township')).features
    .map((f): Option => ({ value: f.properties.code, label: f.properties.name })),
  staleTime: Infinity,
}))

export interface VillagePoint { code: string; name: string; parentCode: string; lon: number; lat: number }

/** Villages (村、社区) with their points, to pick by name or on the map. */
export const useVillages = () => useQuery(queryOptions({
  queryKey: planningKeys.villages,
  queryFn: async () => (await apiGet<{ features: { geometry: { coordinates: [number, number] } | null; properties: { code: string; name: string; parentCode: string } }[] }>('/api/geo/divisions?level=village')).features
    .filter((f) => f.geometry).map((f): VillagePoint => ({ ...f.properties, lon: f.geometry!.coordinates[0], lat: f.geometry!.coordinates[1] })),
  staleTime: Infinity,
}))

/** A warning as the evacuation page needs it: its headline and resolved area. */
export interface WarningArea { id: string; headline: string; areaGeometry?: Polygon | MultiPolygon | null; geometry?: Polygon | MultiPolygon | null }

/** Warnings in force (issued), to plan an evacuation for one's area. */
export const useWarningsInForce = () => useQuery({
  queryKey: planningKeys.warnings,
  queryFn: async () => {
    const data = await apiGet<WarningArea[] | { items: WarningArea[] }>(withQuery('/api/warnings', { status: 'issued', pageSize: 200 }))
    return Array.isArray(data) ? data : data.items
  },
  staleTime: 30_000,
})

/** One warning's resolved area, to outline it on the map. */
export const useWarningArea = (id: string | null) => useQuery({
  queryKey: planningKeys.warning(id ?? ''),
  queryFn: () => apiGet<WarningArea>(`/api/warnings/${id}`),
  enabled: id !== null,
  staleTime: 60_000,
})
