import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, withQuery } from '../../../lib/api-client.ts'
import { uploadFile } from '../../../lib/file-transfer.ts'
import type { Attachment, Drill, DrillInput, PlanDetail, PlanInput, PlanSuggestion, PlanSummary, PlanStatus, PlanType } from './types.ts'

export const planKeys = {
  all: ['plans'] as const,
  list: (filters: PlanFilters) => ['plans', 'list', filters] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
}

export interface PlanFilters { q?: string; type?: PlanType; status?: PlanStatus; flagged?: boolean }

export function usePlans(filters: PlanFilters) {
  return useQuery({
    queryKey: planKeys.list(filters),
    queryFn: () => apiGet<{ items: PlanSummary[]; total: number }>(withQuery('/api/plans', { q: filters.q, type: filters.type, status: filters.status, flagged: filters.flagged || undefined })),
  })
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: planKeys.detail(id ?? ''), queryFn: () => apiGet<PlanDetail>(`/api/plans/${id}`), enabled: Boolean(id) })
}

function useInvalidate() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: planKeys.all })
}

export function useSavePlan() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: PlanInput }) => (id ? apiPut<PlanDetail>(`/api/plans/${id}`, input) : apiPost<PlanDetail>('/api/plans', input)),
    onSuccess: invalidate,
  })
}

export function useDeletePlan() {
  const invalidate = useInvalidate()
  return useMutation({ mutationFn: (id: string) => apiDelete(`/api/plans/${id}`), onSuccess: invalidate })
}

export function useSaveDrill(planId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: DrillInput }) =>
      id ? apiPatch<Drill>(`/api/plans/${planId}/drills/${id}`, input) : apiPost<Drill>(`/api/plans/${planId}/drills`, input),
    onSuccess: invalidate,
  })
}

export function useDeleteDrill(planId: string) {
  const invalidate = useInvalidate()
  return useMutation({ mutationFn: (id: string) => apiDelete(`/api/plans/${planId}/drills/${id}`), onSuccess: invalidate })
}

export const pdfMediaType = 'application/pdf'
export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export function useUploadAttachment(planId: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (file: File) => {
      const mediaType = file.name.toLowerCase().endsWith('.pdf') ? pdfMediaType : docxMediaType
      return uploadFile<Attachment>(withQuery(`/api/plans/${planId}/attachments`, { fileName: file.name }), file, mediaType)
    },
    onSuccess: invalidate,
  })
}

export function useDeleteAttachment(planId: string) {
  const invalidate = useInvalidate()
  return useMutation({ mutationFn: (id: string) => apiDelete(`/api/plans/${planId}/attachments/${id}`), onSuccess: invalidate })
}

export function useMatchPlans() {
  return useMutation({ mutationFn: (facts: Record<string, unknown>) => apiPost<{ suggestions: PlanSuggestion[] }>('/api/plans/match', { facts }) })
}
