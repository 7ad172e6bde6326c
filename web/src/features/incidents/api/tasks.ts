import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPost } from '../../../lib/api-client.ts'
import { incidentKeys } from './keys.ts'
import type { IncidentTask } from './types.ts'

/** `GET /api/incidents/:id/tasks`. */
export const useTasks = (incidentId: string) =>
  useQuery({
    queryKey: incidentKeys.tasks(incidentId),
    queryFn: async () => {
      const payload = await apiGet<IncidentTask[] | { items: IncidentTask[] }>(`/api/incidents/${incidentId}/tasks`)
      return Array.isArray(payload) ? payload : payload.items
    },
  })

export type TaskAction = 'accept' | 'start' | 'done' | 'block'

/** `POST /api/incidents/tasks/:taskId/{accept,start,done,block}` with optional feedback text. */
export function useTaskAction(incidentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ taskId, action, feedback }: { taskId: string; action: TaskAction; feedback?: string }) =>
      apiPost<IncidentTask>(`/api/incidents/tasks/${taskId}/${action}`, feedback ? { feedback } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.board(incidentId) }),
  })
}
