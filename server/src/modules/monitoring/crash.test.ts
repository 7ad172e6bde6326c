/**
 * Issue #4 item 9: kill -9 the server during sustained ingest; after restart every acknowledged
 * reading (HTTP 200) is stored, and the alarm those readings raise exists exactly once.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { openDatabase } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import { closePlatform, createPlatform, type Platform } from '../../platform.ts'
import { createTestPlatform, databaseSkipReason, type TestPlatform } from '../../testing/platform.ts'
import { configureMonitoring } from './settings.ts'
import { monitoringRuntime } from './runtime.ts'
import { createDevice } from './service.ts'
import { buildApp } from '../../http/app.ts'
import { repoRoot } from '../../config.ts'

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crashChild.ts')

async function open(target: { dataDir?: string; databaseUrl?: string }): Promise<Platform> {
  const base = { ...loadConfig({}), logLevel: 'silent', simulate: false, adminPassword: undefined }
  return createPlatform({ ...base, databaseUrl: target.databaseUrl, dataDir: target.dataDir ?? base.dataDir }, { prepare: false })
}

describe.skipIf(databaseSkipReason() !== '')('ingest survives kill -9 (进程崩溃)', { timeout: 180_000 }, () => {
  let target: { dataDir?: string; databaseUrl?: string }
  let platform: TestPlatform | undefined
  let dataDir: string | undefined
  beforeAll(async () => {
    if (inject('dbMode') === 'embedded') {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-ingest-crash-'))
      const seeded = await openDatabase({ dataDir, snapshot: new Blob([fs.readFileSync(inject('snapshotPath'))]) })
      await seeded.close()
      target = { dataDir }
    } else {
      platform = await createTestPlatform()
      target = { databaseUrl: platform.config.databaseUrl! }
    }
  })
  afterAll(async () => {
    await platform?.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps every acknowledged reading and raises the alarm once', async () => {
    // Two gauges registered before the server starts.
    const setup = await open(target)
    const [load, trigger] = [
      await createDevice(setup.db, monitoringRuntime(setup), null, { code: 'CRASH-LOAD', type: 'rain_gauge', name: '负载雨量站', divisionCode: '360281100', location: { lon: 117.2, lat: 29 } }),
      await createDevice(setup.db, monitoringRuntime(setup), null, { code: 'CRASH-TRIGGER', type: 'rain_gauge', name: '触发雨量站', divisionCode: '360281100', location: { lon: 117.2, lat: 29 } }),
    ]
    await closePlatform(setup)

    const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(target)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    const port = await new Promise<number>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /READY (\d+)/.exec(out)
        if (m) resolve(Number(m[1]))
      })
      child.once('exit', () => reject(new Error(`child exited: ${stderr}`)))
    })
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)))
    const post = (key: string, items: object[]) => fetch(`http://127.0.0.1:${port}/api/ingest/readings`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(items),
    })

    // The trigger gauge: 52 mm in 65 minutes, acknowledged before the kill.
    const start = Date.now() - 3 * 3_600_000
    const storm = Array.from({ length: 13 }, (_, i) => ({ metric: 'rainfall_mm', ts: start + (i + 1) * 300_000, value: 4 }))
    expect((await post(trigger.apiKey, storm)).status).toBe(200)

    // Sustained load, then SIGKILL in the middle of it.
    const acknowledged: number[] = []
    let next = Date.now() - 6 * 3_600_000
    let killed = false
    const sender = async () => {
      while (!killed) {
        const items = Array.from({ length: 200 }, () => ({ metric: 'rainfall_mm', ts: (next += 1000), value: 0 }))
        try {
          const res = await post(load.apiKey, items)
          const body = (await res.json()) as { results: { status: string }[] }
          if (res.status === 200) items.forEach((item, i) => { if (body.results[i]!.status === 'accepted') acknowledged.push(item.ts) })
        } catch {
          return // the server is gone: this batch was never acknowledged
        }
      }
    }
    const senders = Promise.all(Array.from({ length: 4 }, sender))
    await new Promise((resolve) => setTimeout(resolve, 1500))
    child.kill('SIGKILL')
    killed = true
    await senders
    expect(await exited).toBe('SIGKILL')
    expect(acknowledged.length).toBeGreaterThan(0)

    // Restart: the same database, a new server.
    const restarted = await open(target)
    try {
      configureMonitoring(restarted, { tickIntervalMs: 0, snapshotIntervalMs: 0, lagEventIntervalMs: 0 })
      const app = await buildApp(restarted, { logger: false })
      await app.ready()
      const rows = await queryRows<{ ts: number }>(restarted.db, sql`
        SELECT (extract(epoch FROM ts) * 1000)::float8 AS ts FROM monitoring.readings WHERE device_id = ${load.id}`)
      const stored = new Set(rows.map((r) => Math.round(r.ts)))
      const lost = acknowledged.filter((ts) => !stored.has(ts))
      expect({ acknowledged: acknowledged.length, lost: lost.length }).toEqual({ acknowledged: acknowledged.length, lost: 0 })
      // The rainstorm alarm, once (the gauge is silent since the storm, so a no-data alarm may join it).
      const alarms = await queryRows<{ level: string }>(restarted.db, sql`SELECT level FROM monitoring.alarms WHERE device_id = ${trigger.id} AND rule_id = 'rain_gauge.rainstorm'`)
      expect(alarms).toEqual([{ level: 'orange' }])
      await app.close()
    } finally {
      await closePlatform(restarted)
    }
  })
})
