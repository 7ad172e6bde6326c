import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiGet, apiPatch, apiPost, withQuery } from '../../../lib/api-client.ts'
import { warningKeys } from './keys.ts'
import type { Audience, DeliveryReport, Page, Warning, WarningAreaInput, WarningInput } from './types.ts'

/** A list answer as an array, whether the server pages it (`{items}`) or not. */
const itemsOf = <T,>(data: T[] | Page<T>): T[] => (Array.isArray(data) ? data : data.items)

export const useWarnings = (status: string) =>
  useQuery({
    queryKey: warningKeys.list(status),
    queryFn: async () => itemsOf(await apiGet<Warning[] | Page<Warning>>(withQuery('/api/warnings', { status, pageSize: 200 }))),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  })

export const useWarning = (id: string | undefined, options: { poll?: number | false } = {}) =>
  useQuery({
    queryKey: warningKeys.detail(id ?? ''),
    queryFn: () => apiGet<Warning>(`/api/warnings/${id}`),
    enabled: Boolean(id),
    refetchInterval: options.poll ?? false,
  })

/** A draft prefilled from an alarm (hazard, level, area, template texts); not saved. */
export const useDraftFromAlarm = (alarmId: string | null) =>
  useQuery({
    queryKey: warningKeys.fromAlarm(alarmId ?? ''),
    queryFn: () => apiGet<DraftFromAlarm>(`/api/warnings/from-alarm/${alarmId}`),
    enabled: Boolean(alarmId),
    staleTime: Infinity,
    retry: false,
  })

/** The slice of an incident (`GET /api/incidents/:id`) a warning drafted from it reads. */
export interface IncidentForWarning {
  id: string
  category: string
  subtype: string
  title: string
  description: string | null
  divisionCode: string
  sourceAlarmId: string | null
  facts: { warningLevel?: string | null }
}

/** The incident a warning is drafted from (`/warnings/new?incidentId=`). */
export const useIncidentForWarning = (incidentId: string | null) =>
  useQuery({
    queryKey: warningKeys.fromIncident(incidentId ?? ''),
    queryFn: () => apiGet<IncidentForWarning>(`/api/incidents/${incidentId}`),
    enabled: Boolean(incidentId),
    staleTime: Infinity,
    retry: false,
  })

/** `GET /api/warnings/from-alarm/:alarmId`: the prefilled body, the same with a circle around the device, the alarm. */
export interface DraftFromAlarm {
  body: WarningInput
  circleArea: WarningAreaInput
  alarm: { id: string; level: string; deviceType: string; deviceName: string; divisionCode: string; message: string }
}

export interface WarningTemplate {
  hazard: string
  level: string
  description: { zh: string; en: string }
  instruction: { zh: string; en: string }
  generic: boolean
}

/** The per-hazard template of texts for a level (the most specific first). */
export const getTemplate = async (hazard: string, level: string): Promise<WarningTemplate | null> => {
  const data = await apiGet<{ items: WarningTemplate[] }>(withQuery('/api/warnings/templates', { hazard, level }))
  return data.items.find((item) => !item.generic) ?? data.items[0] ?? null
}

export const useAudience = (id: string | undefined, enabled = true) =>
  useQuery({
    queryKey: warningKeys.audience(id ?? ''),
    queryFn: () => apiGet<Audience>(`/api/warnings/${id}/audience`),
    enabled: Boolean(id) && enabled,
    retry: false,
  })

/** The delivery report; polled every 3 s while messages are queued or in flight, else every 15 s. */
export const useDeliveryReport = (id: string | undefined, options: { enabled: boolean }) =>
  useQuery({
    queryKey: warningKeys.report(id ?? ''),
    queryFn: () => apiGet<DeliveryReport>(`/api/warnings/${id}/deliveries/report`),
    enabled: Boolean(id) && options.enabled,
    refetchInterval: (query) => {
      const totals = query.state.data?.totals
      return totals && totals.total > 0 && totals.queued + totals.sent === 0 ? 15_000 : 3000
    },
    retry: false,
  })

export function useSaveWarning() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: WarningInput | Record<string, unknown> }) =>
      id ? apiPatch<Warning>(`/api/warnings/${id}`, body) : apiPost<Warning>('/api/warnings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: warningKeys.all }),
  })
}

export type WarningAction = 'submit' | 'approve' | 'reject' | 'issue-emergency' | 'cancel' | 'update'

export function useWarningAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: WarningAction; body?: object }) =>
      apiPost<Warning>(`/api/warnings/${id}/${action}`, body ?? {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: warningKeys.all }),
  })
}

export function useDeleteWarning() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/warnings/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: warningKeys.all }),
  })
}
