import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { Alarm } from './types.ts'

export const closeAlarm = (id: string) => apiPost<Alarm>(`/api/monitoring/alarms/${id}/close`, {})

export function useCloseAlarm() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: closeAlarm, onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.all }) })
}
