import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'

export const commentAlarm = (id: string, text: string) => apiPost<unknown>(`/api/monitoring/alarms/${id}/comments`, { text })

export function useCommentAlarm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => commentAlarm(id, text),
    onSuccess: (_answer, { id }) => queryClient.invalidateQueries({ queryKey: monitoringKeys.alarm(id) }),
  })
}
