/** Test helpers of the monitoring module: an app with a logged-in writer, devices, ingest calls. */
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../http/app.ts'
import { closePlatform, createPlatform } from '../../platform.ts'
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

/**
 * The same database opened again by a new platform and app: after `t` was closed cleanly
 * (`crash: false`) or while it still runs, as if its process had died (`crash: true`: nothing
 * is flushed or saved first). Embedded: from a dump of the data folder; server: the same URL.
 */
export async function reopen(t: MonitoringTestApp, options: { crash: boolean }, settings: Partial<MonitoringSettings> = {}): Promise<MonitoringTestApp> {
  if (!options.crash) await t.app.close()
  const embedded = t.platform.database.kind === 'embedded'
  const snapshot = embedded ? await t.platform.database.dump!() : undefined
  const platform = await createPlatform(t.platform.config, { snapshot, prepare: false })
  const reopened: TestPlatform = { ...platform, close: () => closePlatform(platform) }
  const next = await monitoringTestApp(settings, reopened)
  return {
    ...next,
    close: async () => {
      await next.close()
      if (options.crash) await t.app.close()
      await t.platform.close()
    },
  }
}

/** Polls until `check` returns a value (alarms are written just after the readings commit). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error('waitFor: timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
