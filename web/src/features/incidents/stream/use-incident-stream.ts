import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { incidentKeys } from '../api/keys.ts'

/**
 * `GET /api/incidents/:id/stream` (Server-Sent Events, with the session cookie): every change of
 * the incident (facts, tasks, log, sitreps…) refreshes the board's queries, so everyone viewing
 * the incident sees it as it happens. EventSource reconnects by itself after a dropped connection.
 */
export function useIncidentStream(incidentId: string): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    const source = new EventSource(`/api/incidents/${incidentId}/stream`, { withCredentials: true })
    const refresh = () => void queryClient.invalidateQueries({ queryKey: incidentKeys.board(incidentId) })
    // Named events (`event: task` …) and unnamed ones (`message`) alike.
    source.onmessage = refresh
    for (const name of ['incident', 'facts', 'task', 'tasks', 'log', 'sitrep', 'response', 'change']) source.addEventListener(name, refresh)
    return () => source.close()
  }, [incidentId, queryClient])
}
