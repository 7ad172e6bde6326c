import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingest, monitoringTestApp, registerDevice, type MonitoringTestApp, type TestDevice } from './testSupport.ts'

const minute = 60_000

describe('POST /api/ingest/readings', () => {
  let t: MonitoringTestApp
  let gauge: TestDevice
  beforeAll(async () => {
    t = await monitoringTestApp()
    gauge = await registerDevice(t)
  })
  afterAll(async () => { await t?.close() })

  it('answers each item: good ones stored even when others are bad, each bad one with its reason', async () => {
    const now = Date.now()
    const at = (ms: number) => new Date(now + ms).toISOString()
    const res = await ingest(t, gauge.apiKey, [
      { metric: 'rainfall_mm', ts: at(-10 * minute), value: 1.5 },
      { metric: 'rainfall_mm', ts: now - 5 * minute, value: 2 },
      { metric: 'level_m', ts: at(-4 * minute), value: 1 },
      { metric: 'rainfall_mm', ts: at(-3 * minute), value: 'NaN' },
      { metric: 'rainfall_mm', ts: at(-3 * minute), value: '2.5' },
      { metric: 'rainfall_mm', ts: at(-3 * minute), value: null },
      { metric: 'rainfall_mm', ts: at(10 * minute), value: 1 },
      { metric: 'rainfall_mm', ts: '2000-01-01T00:00:00Z', value: 1 },
      { metric: 'rainfall_mm', ts: 'yesterday', value: 1 },
      { metric: 'rainfall_mm', ts: at(-10 * minute), value: 1.5 },
      'hello',
    ])
    expect(res.statusCode).toBe(200)
    const results = res.json<{ results: { index: number; status: string; reason?: string }[] }>().results
    expect(results.map((r) => [r.index, r.status, r.reason ?? ''])).toEqual([
      [0, 'accepted', ''], [1, 'accepted', ''], [2, 'rejected', 'unknown_metric'], [3, 'rejected', 'invalid_value'],
      [4, 'rejected', 'invalid_value'], [5, 'rejected', 'invalid_value'], [6, 'rejected', 'ts_in_future'],
      [7, 'rejected', 'ts_too_old'], [8, 'rejected', 'invalid_ts'], [9, 'duplicate', ''], [10, 'rejected', 'not_an_object'],
    ])
    // Sent again: the same (device, metric, ts) is a duplicate, not a second row.
    const again = await ingest(t, gauge.apiKey, [{ metric: 'rainfall_mm', ts: at(-10 * minute), value: 9 }])
    expect(again.json<{ results: { status: string }[] }>().results[0]!.status).toBe('duplicate')
    const readings = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}/readings?metric=rainfall_mm&from=${at(-60 * minute)}`, headers: t.admin })
    expect(readings.statusCode).toBe(200)
    expect(readings.json<{ unit: string; points: { value: number }[] }>()).toMatchObject({ unit: 'mm', points: [{ value: 1.5 }, { value: 2 }] })
    const device = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}`, headers: t.admin })
    expect(device.json<{ status: string }>().status).toBe('online')
  })

  it('rolls readings up by minute (rainfall summed) and shows the thresholds of the device rules', async () => {
    const base = Math.floor(Date.now() / minute) * minute - 30 * minute
    const items = [0, 10, 20, 70, 80].map((s, i) => ({ metric: 'rainfall_mm', ts: base + s * 1000, value: i + 1 }))
    expect((await ingest(t, gauge.apiKey, items)).statusCode).toBe(200)
    const res = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}/readings?bucket=1m&from=${new Date(base).toISOString()}&to=${new Date(base + 2 * minute).toISOString()}`, headers: t.admin })
    const body = res.json<{ points: { ts: string; value: number }[]; thresholds: { level: string; value: number }[] }>()
    expect(body.points).toEqual([{ ts: new Date(base).toISOString(), value: 6 }, { ts: new Date(base + minute).toISOString(), value: 9 }])
    expect(body.thresholds).toContainEqual(expect.objectContaining({ level: 'orange', value: 50 }))
    expect(body.thresholds).toContainEqual(expect.objectContaining({ level: 'red', value: 100 }))
    // The rollups are stored: a duplicate (same ts, another value) changes nothing, a new reading adds to its minute and hour.
    const hourlySum = async () => {
      const res = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}/readings?bucket=1h&from=${new Date(base - 60 * minute).toISOString()}`, headers: t.admin })
      return res.json<{ points: { value: number }[] }>().points.reduce((sum, p) => sum + p.value, 0)
    }
    const hourlyBefore = await hourlySum()
    expect((await ingest(t, gauge.apiKey, [{ ...items[0]!, value: 100 }, { metric: 'rainfall_mm', ts: base + 90_000, value: 6 }])).statusCode).toBe(200)
    const again = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}/readings?bucket=1m&from=${new Date(base).toISOString()}&to=${new Date(base + 2 * minute).toISOString()}`, headers: t.admin })
    expect(again.json<{ points: { value: number }[] }>().points.map((p) => p.value)).toEqual([6, 15])
    expect(await hourlySum()).toBe(hourlyBefore + 6)
  })

  it('refuses a wrong or missing key with 401, an oversized batch with 413 and a non-array body with 400', async () => {
    const wrong = await ingest(t, 'yjd_wrong', [{ metric: 'rainfall_mm', ts: Date.now(), value: 1 }])
    expect(wrong.statusCode).toBe(401)
    const none = await t.app.inject({ method: 'POST', url: '/api/ingest/readings', payload: [] })
    expect(none.statusCode).toBe(401)
    const big = Array.from({ length: 5001 }, (_, i) => ({ metric: 'rainfall_mm', ts: Date.now() - i * 1000, value: 0 }))
    const tooBig = await ingest(t, gauge.apiKey, big)
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json().error).toMatchObject({ code: 'batch_too_large', field: 'body' })
    const notArray = await ingest(t, gauge.apiKey, '"rain"')
    expect(notArray.statusCode).toBe(400)
  })

  it('a user API key or session is not a device key', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/ingest/readings', headers: t.admin, payload: [] })
    expect(res.statusCode).toBe(401)
  })
})

describe('back-pressure', () => {
  let t: MonitoringTestApp
  beforeAll(async () => { t = await monitoringTestApp({ queueCapacity: 10, flushIntervalMs: 300 }) })
  afterAll(async () => { await t?.close() })

  it('answers 429 with Retry-After when the write queue is full, and stores the batches it accepted', async () => {
    const gauge = await registerDevice(t)
    const batch = (k: number) => Array.from({ length: 8 }, (_, i) => ({ metric: 'rainfall_mm', ts: Date.now() - (k * 8 + i + 1) * 1000, value: 1 }))
    const [first, second] = await Promise.all([ingest(t, gauge.apiKey, batch(0)), ingest(t, gauge.apiKey, batch(1))])
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 429])
    const refused = first.statusCode === 429 ? first : second
    expect(refused.headers['retry-after']).toBe('1')
    expect(refused.json().error.code).toBe('ingest_queue_full')
    const lag = await t.app.inject({ url: '/api/monitoring/lag', headers: t.admin })
    expect(lag.json()).toMatchObject({ queueDepth: 0, storedTotal: 8, droppedTotal: 8 })
  })
})

describe('one group commit', () => {
  let t: MonitoringTestApp
  beforeAll(async () => { t = await monitoringTestApp({ flushIntervalMs: 300 }) })
  afterAll(async () => { await t?.close() })

  it('stores a reading that two requests of the same commit carry once, and counts it once in the rollups', async () => {
    const gauge = await registerDevice(t)
    const base = Math.floor(Date.now() / minute) * minute - 30 * minute
    const at = (s: number, value: number) => ({ metric: 'rainfall_mm', ts: base + s * 1000, value })
    // Stored first; the two requests then wait for the same commit (one every 300 ms).
    expect((await ingest(t, gauge.apiKey, [at(1, 1)])).statusCode).toBe(200)
    const [a, b] = await Promise.all([
      ingest(t, gauge.apiKey, [at(2, 2), at(3, 4)]),
      ingest(t, gauge.apiKey, [at(3, 100), at(4, 8), at(1, 100)]),
    ])
    const statuses = (res: typeof a) => res.json<{ results: { status: string }[] }>().results.map((r) => r.status)
    expect(statuses(a)).toEqual(['accepted', 'accepted'])
    expect(statuses(b)).toEqual(['duplicate', 'accepted', 'duplicate'])
    const res = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}/readings?bucket=1m&from=${new Date(base).toISOString()}&to=${new Date(base + minute).toISOString()}`, headers: t.admin })
    expect(res.json<{ points: { value: number }[] }>().points.map((p) => p.value)).toEqual([1 + 2 + 4 + 8])
    const lag = await t.app.inject({ url: '/api/monitoring/lag', headers: t.admin })
    expect(lag.json()).toMatchObject({ storedTotal: 4, duplicateTotal: 2 })
  })
})

describe('retention', () => {
  let t: MonitoringTestApp
  beforeAll(async () => { t = await monitoringTestApp({ retentionDays: 2 }) })
  afterAll(async () => { await t?.close() })

  it('refuses readings older than the retention and drops the day partitions that fall out of it', async () => {
    const gauge = await registerDevice(t)
    const day = 86_400_000
    const res = await ingest(t, gauge.apiKey, [
      { metric: 'rainfall_mm', ts: Date.now() - 3 * day, value: 1 },
      { metric: 'rainfall_mm', ts: Date.now() - 1.5 * day, value: 1 },
      { metric: 'rainfall_mm', ts: Date.now() - 1000, value: 1 },
    ])
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['rejected', 'accepted', 'accepted'])
    const { monitoringRuntime } = await import('./runtime.ts')
    const dropped = await monitoringRuntime(t.platform).applyRetention(Date.now() + 2 * day)
    expect(dropped.length).toBeGreaterThanOrEqual(1)
    const readings = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}/readings?from=${new Date(Date.now() - 3 * day).toISOString()}`, headers: t.admin })
    expect(readings.json<{ points: unknown[] }>().points.length).toBeLessThan(2)
    const rolled = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}/readings?bucket=1m&from=${new Date(Date.now() - 3 * day).toISOString()}`, headers: t.admin })
    expect(rolled.json<{ points: unknown[] }>().points).toEqual([])
  })
})
