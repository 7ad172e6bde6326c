import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { incidentKeys } from '../api/keys.ts'

/**
 * `GET /api/incidents/notifications/stream` (Server-Sent Events): a `notification` frame when
 * something new is addressed to the user; the list reloads. On (re)connect it reloads too, so
 * nothing sent while disconnected is missed.
 */
export function useNotificationStream(): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    const source = new EventSource('/api/incidents/notifications/stream', { withCredentials: true })
    const refresh = () => void queryClient.invalidateQueries({ queryKey: incidentKeys.notifications })
    source.addEventListener('notification', refresh)
    source.addEventListener('open', refresh)
    return () => source.close()
  }, [queryClient])
}
