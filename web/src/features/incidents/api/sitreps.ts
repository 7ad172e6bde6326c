import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPatch, apiPost } from '../../../lib/api-client.ts'
import { incidentKeys } from './keys.ts'
import type { Sitrep, SitrepSection } from './types.ts'

/** `GET /api/incidents/:id/sitreps`: every saved version, newest first. */
export const useSitreps = (incidentId: string) =>
  useQuery({
    queryKey: incidentKeys.sitreps(incidentId),
    queryFn: async () => {
      const payload = await apiGet<Sitrep[] | { items: Sitrep[] }>(`/api/incidents/${incidentId}/sitreps`)
      return Array.isArray(payload) ? payload : payload.items
    },
  })

/** `POST /api/incidents/:id/sitreps`: a draft generated from the incident's data. */
export function useGenerateSitrep(incidentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiPost<Sitrep>(`/api/incidents/${incidentId}/sitreps`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.sitreps(incidentId) }),
  })
}

/** `PATCH /api/incidents/:id/sitreps/:sitrepId`: the edited text, saved as a new version. */
export function useSaveSitrep(incidentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ sitrepId, sections }: { sitrepId: string; sections: SitrepSection[] }) =>
      apiPatch<Sitrep>(`/api/incidents/${incidentId}/sitreps/${sitrepId}`, { sections }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.sitreps(incidentId) }),
  })
}

export const sitrepDocxPath = (incidentId: string, sitrepId: string) => `/api/incidents/${incidentId}/sitreps/${sitrepId}/docx`
