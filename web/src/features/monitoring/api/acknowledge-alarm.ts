import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { Alarm } from './types.ts'

export const acknowledgeAlarm = (id: string, comment?: string) =>
  apiPost<Alarm>(`/api/monitoring/alarms/${id}/acknowledge`, comment ? { comment } : {})

export function useAcknowledgeAlarm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment?: string }) => acknowledgeAlarm(id, comment),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.all }),
  })
}
