import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs } from '../../testing/session.ts'
import { ingest, monitoringTestApp, rainSeries, registerDevice, type MonitoringTestApp } from './testSupport.ts'

interface SseEvent { event: string; data: Record<string, unknown> }

/** Reads Server-Sent Events until `until` accepts the list (or the time runs out). */
async function collect(url: string, cookie: string, act: () => Promise<void>, until: (events: SseEvent[]) => boolean): Promise<SseEvent[]> {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { cookie }, signal: controller.signal })
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  const reader = res.body!.getReader()
  const events: SseEvent[] = []
  let buffer = ''
  const timer = setTimeout(() => controller.abort(), 8000)
  void act()
  try {
    while (!until(events)) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += new TextDecoder().decode(value)
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(frame)?.[1]
        const data = /^data: (.*)$/m.exec(frame)?.[1]
        if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> })
      }
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
  return events
}

describe('GET /api/monitoring/stream (SSE)', () => {
  let t: MonitoringTestApp
  let base: string
  beforeAll(async () => {
    t = await monitoringTestApp({ lagEventIntervalMs: 200 })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`
  })
  afterAll(async () => { await t?.close() })

  it('pushes the readings of the devices asked for, the alarm when it is raised, and the lag', async () => {
    const gauge = await registerDevice(t)
    const other = await registerDevice(t)
    const duty = await loginAs(t.app, t.platform, { role: 'duty_officer' })
    const events = await collect(`${base}/api/monitoring/stream?devices=${gauge.id}`, duty.cookie, async () => {
      await ingest(t, other.apiKey, rainSeries(Date.now() - 3 * 3_600_000, 5, [1, 1]))
      await ingest(t, gauge.apiKey, rainSeries(Date.now() - 3 * 3_600_000, 5, Array.from({ length: 13 }, () => 4)))
    }, (list) => list.some((e) => e.event === 'alarm') && list.filter((e) => e.event === 'lag').length >= 2)
    const readings = events.filter((e) => e.event === 'reading')
    expect(readings.length).toBe(13)
    expect(readings.every((e) => e.data.deviceId === gauge.id && e.data.metric === 'rainfall_mm')).toBe(true)
    expect(events.find((e) => e.event === 'alarm')!.data).toMatchObject({ deviceId: gauge.id, level: 'orange', status: 'active' })
    expect(events.find((e) => e.event === 'lag')!.data).toHaveProperty('queueDepth')
  })

  it('shows a township officer only alarms of their township', async () => {
    const gauge = await registerDevice(t)
    const elsewhere = await loginAs(t.app, t.platform, { role: 'township', jurisdiction: '360281101' })
    const events = await collect(`${base}/api/monitoring/stream`, elsewhere.cookie, async () => {
      await ingest(t, gauge.apiKey, rainSeries(Date.now() - 3 * 3_600_000, 5, Array.from({ length: 13 }, () => 4)))
    }, (list) => list.filter((e) => e.event === 'lag').length >= 4)
    expect(events.filter((e) => e.event === 'alarm' || e.event === 'reading')).toEqual([])
  })

  it('refuses a caller without a session', async () => {
    const res = await fetch(`${base}/api/monitoring/stream`)
    expect(res.status).toBe(401)
  })
})
