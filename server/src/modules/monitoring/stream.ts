/**
 * The live stream (实时推送) as Server-Sent Events: alarms on every transition, readings of the
 * devices a page shows (or a sample of all), and the ingest lag. Each subscriber sees only its
 * jurisdiction. A slow client never slows ingest: when its socket buffer is full its readings
 * are skipped (alarms and lag are still written).
 */
import type { ServerResponse } from 'node:http'
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { AlarmView } from './alarms.ts'

export interface StreamReading { deviceId: string; metric: string; ts: string; value: number }

interface Subscriber {
  out: ServerResponse
  jurisdiction: string
  /** Only these devices' readings; null: a sample of all */
  devices: Set<string> | null
  /** Sampled readings sent in the current second */
  budget: number
  budgetSecond: number
}

export class StreamHub {
  private readonly subscribers = new Set<Subscriber>()
  skippedReadings = 0

  constructor(private readonly sampledPerSecond: number) {}

  get size(): number {
    return this.subscribers.size
  }

  add(out: ServerResponse, jurisdiction: string, devices: Set<string> | null): () => void {
    const subscriber: Subscriber = { out, jurisdiction, devices, budget: 0, budgetSecond: 0 }
    this.subscribers.add(subscriber)
    return () => { this.subscribers.delete(subscriber) }
  }

  alarm(alarm: AlarmView): void {
    const frame = `event: alarm\ndata: ${JSON.stringify(alarm)}\n\n`
    for (const s of this.subscribers) {
      if (isWithinDivision(alarm.divisionCode, s.jurisdiction)) s.out.write(frame)
    }
  }

  /** `divisionOf` gives a device's division (null: unknown device, not sent). */
  readings(rows: readonly { deviceId: string; metric: string; ts: number; value: number }[], divisionOf: (deviceId: string) => string | null, nowMs: number): void {
    if (this.subscribers.size === 0) return
    const second = Math.floor(nowMs / 1000)
    for (const s of this.subscribers) {
      if (s.out.writableNeedDrain) {
        this.skippedReadings += rows.length
        continue
      }
      if (s.budgetSecond !== second) {
        s.budgetSecond = second
        s.budget = this.sampledPerSecond
      }
      for (const r of rows) {
        if (s.devices ? !s.devices.has(r.deviceId) : s.budget <= 0) continue
        const division = divisionOf(r.deviceId)
        if (!division || !isWithinDivision(division, s.jurisdiction)) continue
        if (!s.devices) s.budget--
        const payload: StreamReading = { deviceId: r.deviceId, metric: r.metric, ts: new Date(r.ts).toISOString(), value: r.value }
        s.out.write(`event: reading\ndata: ${JSON.stringify(payload)}\n\n`)
      }
    }
  }

  lag(lag: object): void {
    const frame = `event: lag\ndata: ${JSON.stringify(lag)}\n\n`
    for (const s of this.subscribers) s.out.write(frame)
  }

  closeAll(): void {
    for (const s of this.subscribers) s.out.end()
    this.subscribers.clear()
  }
}
