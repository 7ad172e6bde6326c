import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { incidentKeys } from '../api/keys.ts'

/**
 * `GET /api/incidents/:id/stream` (Server-Sent Events, with the session cookie): each `change`
 * frame (facts, response, tasks, log, sitreps…) refreshes the board's queries, so everyone
 * viewing the incident sees it as it happens. EventSource reconnects by itself after a drop.
 */
export function useIncidentStream(incidentId: string): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    const source = new EventSource(`/api/incidents/${incidentId}/stream`, { withCredentials: true })
    const refresh = () => void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) })
    source.addEventListener('change', refresh)
    // After a reconnect, changes made while disconnected are fetched too.
    source.addEventListener('open', refresh)
    return () => source.close()
  }, [incidentId, queryClient])
}
