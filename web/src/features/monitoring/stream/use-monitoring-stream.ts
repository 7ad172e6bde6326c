import { useEffect, useRef } from 'react'
import type { Alarm, IngestLag, ReadingEvent } from '../api/types.ts'

export interface StreamHandlers {
  onAlarm?: (alarm: Alarm) => void
  onReading?: (reading: ReadingEvent) => void
  onLag?: (lag: IngestLag) => void
}

export interface StreamOptions {
  /** Readings of these devices only (`?devices=`); without it the server samples readings. */
  devices?: readonly string[]
  enabled?: boolean
}

/**
 * `GET /api/monitoring/stream` (Server-Sent Events, with the session cookie): calls the
 * handlers for `alarm`, `reading` and `lag` events. EventSource reconnects by itself after a
 * dropped connection; the latest handlers are used without reconnecting.
 */
export function useMonitoringStream(handlers: StreamHandlers, { devices, enabled = true }: StreamOptions = {}): void {
  const handlersRef = useRef(handlers)
  handlersRef.current = handlers
  const deviceList = devices?.join(',') ?? ''

  useEffect(() => {
    if (!enabled) return
    const url = deviceList ? `/api/monitoring/stream?devices=${encodeURIComponent(deviceList)}` : '/api/monitoring/stream'
    const source = new EventSource(url, { withCredentials: true })
    const listen = <T>(name: string, deliver: (value: T) => void) =>
      source.addEventListener(name, (event: MessageEvent<string>) => {
        let value: T
        try {
          value = JSON.parse(event.data) as T
        } catch {
          return
        }
        deliver(value)
      })
    listen<Alarm>('alarm', (alarm) => handlersRef.current.onAlarm?.(alarm))
    listen<ReadingEvent>('reading', (reading) => handlersRef.current.onReading?.(reading))
    listen<IngestLag>('lag', (lag) => handlersRef.current.onLag?.(lag))
    return () => source.close()
  }, [enabled, deviceList])
}
