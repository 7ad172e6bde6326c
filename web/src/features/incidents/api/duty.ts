import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPost, withQuery } from '../../../lib/api-client.ts'
import { incidentKeys } from './keys.ts'
import type { DutyShift, HandoverNote } from './types.ts'

const itemsOf = <T>(payload: T[] | { items: T[] }) => (Array.isArray(payload) ? payload : payload.items)

/** `GET /api/incidents/duty/now`: who is on duty at this moment (the nearest division above with a roster when the user's has none). */
export const useOnDutyNow = () =>
  useQuery({
    queryKey: incidentKeys.dutyNow,
    queryFn: async () => (await apiGet<{ at: string; divisionCode: string; shifts: DutyShift[] }>('/api/incidents/duty/now')).shifts,
    refetchInterval: 60_000,
  })

/** `GET /api/incidents/duty/shifts?from=&to=`. */
export const useShifts = (from: string, to: string) =>
  useQuery({
    queryKey: incidentKeys.shifts(from, to),
    queryFn: async () => itemsOf(await apiGet<DutyShift[] | { items: DutyShift[] }>(withQuery('/api/incidents/duty/shifts', { from, to }))),
  })

/** An account that can be put on the roster (`GET /api/incidents/duty/people`, within the user's jurisdiction). */
export interface DutyPerson { id: string; displayName: string; role: string; roleName: string; roleNameEn: string; jurisdiction: string; jurisdictionName: string | null }

export const useDutyPeople = (enabled: boolean) =>
  useQuery({
    queryKey: incidentKeys.dutyPeople,
    queryFn: async () => (await apiGet<{ items: DutyPerson[] }>('/api/incidents/duty/people')).items,
    enabled,
  })

export interface ShiftInput {
  divisionCode: string
  role: 'leader' | 'officer'
  /** The user on duty, when the person has an account: notifications of the shift go to them. */
  userId?: string
  personName: string
  phone?: string
  startsAt: string
  endsAt: string
}

export function useCreateShift() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ShiftInput) => apiPost<DutyShift>('/api/incidents/duty/shifts', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.duty }),
    meta: { quietErrors: true },
  })
}

/** 交接班记录: `GET /api/incidents/duty/handovers`. */
export const useHandovers = () =>
  useQuery({
    queryKey: incidentKeys.handovers,
    queryFn: async () => itemsOf(await apiGet<HandoverNote[] | { items: HandoverNote[] }>('/api/incidents/duty/handovers')),
  })

export interface HandoverInput {
  divisionCode: string
  fromName: string
  toName: string
  notes: string
}

export function useAddHandover() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: HandoverInput) => apiPost<HandoverNote>('/api/incidents/duty/handovers', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.handovers }),
  })
}
