import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { Alarm } from './types.ts'

export const clearAlarm = (id: string, comment?: string) =>
  apiPost<Alarm>(`/api/monitoring/alarms/${id}/clear`, comment ? { comment } : {})

export function useClearAlarm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment?: string }) => clearAlarm(id, comment),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.all }),
  })
}
