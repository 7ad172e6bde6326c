import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPatch, apiPost, withQuery } from '../../../lib/api-client.ts'
import type { ListParams, Page } from '../../../lib/crud-resource.ts'
import { incidentKeys } from './keys.ts'
import type { Incident, IncidentFacts, IncidentSummary, LonLat, Suggestions } from './types.ts'

/** A list answer as a page, whether the server sends a page or a bare array. */
export function asPage<T>(payload: Page<T> | T[]): Page<T> {
  return Array.isArray(payload) ? { items: payload, total: payload.length, page: 1, pageSize: payload.length } : payload
}

export const incidentListOptions = (params: ListParams) =>
  queryOptions({
    queryKey: incidentKeys.list(params),
    queryFn: async () => asPage(await apiGet<Page<IncidentSummary> | IncidentSummary[]>(withQuery('/api/incidents', params))),
    placeholderData: keepPreviousData,
  })

/** `GET /api/incidents?status=&page=&pageSize=`: incidents in the caller's jurisdiction, newest first. */
export const useIncidents = (params: ListParams) => useQuery(incidentListOptions(params))

/** `GET /api/incidents/:id`. */
export const useIncident = (id: string) =>
  useQuery({ queryKey: incidentKeys.incident(id), queryFn: () => apiGet<Incident>(`/api/incidents/${id}`) })

/** `GET /api/incidents/:id/suggestions`: plans and levels with reasons, nearby resources with distances. */
export const useSuggestions = (id: string, enabled = true) =>
  useQuery({ queryKey: incidentKeys.suggestions(id), queryFn: () => apiGet<Suggestions>(`/api/incidents/${id}/suggestions`), enabled })

/** The call form (值班接报) or a manual incident: `POST /api/incidents`. */
export interface IncidentInput {
  title: string
  type: string
  subtype?: string
  description?: string
  divisionCode: string
  location?: LonLat
  occurredAt: string
  source: 'call' | 'manual' | 'village_report'
  call?: { callerName: string; callerPhone?: string; calledAt?: string; place?: string; whatHappened?: string }
  facts?: IncidentFacts
}

export function useCreateIncident() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: IncidentInput) => apiPost<Incident>('/api/incidents', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
    meta: { quietErrors: true },
  })
}

/** One click from an alarm: `POST /api/incidents/from-alarm/:alarmId` (prefilled by the server). */
export function useIncidentFromAlarm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (alarmId: string) => apiPost<Incident>(`/api/incidents/from-alarm/${alarmId}`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
    meta: { quietErrors: true },
  })
}

/** Commander: `POST /api/incidents/:id/activate {planId, level, comment?}`. */
export function useActivatePlan(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { planId: string; level: number; comment?: string }) => apiPost<Incident>(`/api/incidents/${id}/activate`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.board(id) }),
  })
}

/** `PATCH /api/incidents/:id/facts`: the server re-grades and logs. */
export function useUpdateFacts(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (facts: IncidentFacts) => apiPatch<Incident>(`/api/incidents/${id}/facts`, facts),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.board(id) }),
  })
}

/** `POST /api/incidents/:id/close`. */
export function useCloseIncident(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (comment?: string) => apiPost<Incident>(`/api/incidents/${id}/close`, comment ? { comment } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
  })
}
