import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPost } from '../../../lib/api-client.ts'
import { incidentKeys } from './keys.ts'
import type { LogEntry } from './types.ts'

/** `GET /api/incidents/:id/log`: the command log, oldest first. */
export const useCommandLog = (incidentId: string) =>
  useQuery({
    queryKey: incidentKeys.log(incidentId),
    queryFn: async () => {
      const payload = await apiGet<LogEntry[] | { items: LogEntry[] }>(`/api/incidents/${incidentId}/log`)
      return Array.isArray(payload) ? payload : payload.items
    },
  })

/** A manual entry (decision, call) or an annotation of an earlier entry: `POST /api/incidents/:id/log`. */
export function useAddLogEntry(incidentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { kind?: string; text: string; annotates?: string }) => apiPost<LogEntry>(`/api/incidents/${incidentId}/log`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.log(incidentId) }),
  })
}
