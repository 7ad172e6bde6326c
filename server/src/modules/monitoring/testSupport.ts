/** Test helpers of the monitoring module: an app with a logged-in writer, devices, ingest calls. */
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'
import { configureMonitoring, type MonitoringSettings } from './settings.ts'

export interface MonitoringTestApp {
  platform: TestPlatform
  app: FastifyInstance
  admin: { cookie: string }
  close(): Promise<void>
}

/** Rules run only on readings (no wall-clock tick) unless a test asks. */
export async function monitoringTestApp(settings: Partial<MonitoringSettings> = {}, platform?: TestPlatform): Promise<MonitoringTestApp> {
  const p = platform ?? await createTestPlatform()
  configureMonitoring(p, { tickIntervalMs: 0, snapshotIntervalMs: 0, lagEventIntervalMs: 0, ...settings })
  const app = await buildApp(p, { logger: false })
  await app.ready()
  const admin = (await loginAs(app, p, { role: 'admin' })).headers
  return { platform: p, app, admin, close: async () => { await app.close(); await p.close() } }
}

export interface TestDevice { id: string; code: string; apiKey: string }

let counter = 0

export async function registerDevice(t: MonitoringTestApp, body: Record<string, unknown> = {}): Promise<TestDevice> {
  const code = `T-${process.pid}-${++counter}`
  const res = await t.app.inject({
    method: 'POST', url: '/api/monitoring/devices', headers: t.admin,
    payload: { code, type: 'rain_gauge', name: `镇桥镇雨量站 ${counter}`, divisionCode: '360281100', location: { lon: 117.2, lat: 29.0 }, ...body },
  })
  if (res.statusCode !== 201) throw new Error(`device not created: ${res.statusCode} ${res.body}`)
  return res.json<TestDevice>()
}

export interface Item { metric: string; ts: string | number; value: unknown }

export async function ingest(t: MonitoringTestApp, apiKey: string, items: unknown) {
  return t.app.inject({ method: 'POST', url: '/api/ingest/readings', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, payload: typeof items === 'string' ? items : JSON.stringify(items) })
}

/** Every `minutes` from `start`, one rainfall report per value. */
export function rainSeries(start: number, minutes: number, values: readonly number[]): Item[] {
  return values.map((value, i) => ({ metric: 'rainfall_mm', ts: new Date(start + (i + 1) * minutes * 60_000).toISOString(), value }))
}
