import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { sql } from 'drizzle-orm'
import { repoRoot } from '../../config.ts'
import { openDatabase, type Database, type OpenOptions } from '../../db/database.ts'
import { createTestPlatform, databaseSkipReason, type TestPlatform } from '../../testing/platform.ts'
import { createInProcessBus, type DomainEvent } from './bus.ts'
import { createOutbox } from './outbox.ts'
import { queryRows } from '../../db/rows.ts'
import { subscribeEffect, type CrashScenario } from './crashChild.ts'

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crashChild.ts')

/** Runs crashChild.ts and returns the event it wrote, after checking it really died by SIGKILL. */
async function crashChild(target: OpenOptions, scenario: CrashScenario, orderId: number): Promise<DomainEvent> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(target), scenario, String(orderId)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  // 'close' comes after the exit is reaped, so the embedded database's pid lock is stale by then.
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.on('close', (c, s) => resolve([c, s]))
  })
  expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' })
  return JSON.parse(stdout.trim()) as DomainEvent
}

/** The restarted server: opens the database, runs the consumer on a started outbox until `done`. */
async function restartAndDeliver(target: OpenOptions, done: (deliveries: Array<{ id: string; applied: boolean }>) => boolean) {
  const database = await openDatabase(target)
  try {
    const bus = createInProcessBus()
    const deliveries: Array<{ id: string; applied: boolean }> = []
    subscribeEffect(database.db, bus, (event, applied) => deliveries.push({ id: event.id, applied }))
    const outbox = createOutbox(database.db, bus, { pollIntervalMs: 100, onError: () => {} })
    outbox.start()
    try {
      await vi.waitFor(() => { if (!done(deliveries)) throw new Error('not delivered yet') }, { timeout: 30_000, interval: 50 })
      await outbox.drain() // anything else due goes too; nothing may apply twice
    } finally {
      await outbox.stop()
    }
    return { deliveries, state: await stateOf(database) }
  } finally {
    await database.close()
  }
}

async function stateOf(database: Database) {
  const orders = await queryRows<{ id: number }>(database.db, sql`SELECT id FROM public.crash_orders ORDER BY id`)
  const effects = await queryRows<{ order_id: number; event_id: string }>(database.db,
    sql`SELECT order_id, event_id FROM public.crash_order_effects ORDER BY order_id`)
  const outbox = await queryRows<{ id: string; attempts: number; delivered: boolean }>(database.db, sql`
    SELECT id, attempts, delivered_at IS NOT NULL AS delivered FROM events.outbox WHERE topic = 'crashtest.order_placed' ORDER BY seq`)
  return { orders: orders.map((o) => o.id), effects, outbox }
}

describe.skipIf(databaseSkipReason() !== '')('the outbox survives a crash (进程崩溃)', { timeout: 120_000 }, () => {
  // Embedded: a temporary data folder, restored from the prepared snapshot (a fresh PostGIS
  // folder costs ~8 s). PostgreSQL: a private test database reached by URL.
  let target: OpenOptions
  let platform: TestPlatform | undefined
  let dataDir: string | undefined
  beforeAll(async () => {
    if (inject('dbMode') === 'embedded') {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-crash-'))
      const seeded = await openDatabase({ dataDir, snapshot: new Blob([fs.readFileSync(inject('snapshotPath'))]) })
      await seeded.close()
      target = { dataDir }
    } else {
      platform = await createTestPlatform()
      target = { databaseUrl: platform.config.databaseUrl }
    }
  })
  afterAll(async () => {
    await platform?.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('delivers an event committed just before a SIGKILL, once, after restart', async () => {
    const event = await crashChild(target, 'after-commit', 1)

    const { deliveries, state } = await restartAndDeliver(target, (ds) => ds.some((d) => d.id === event.id))

    expect(deliveries).toEqual([{ id: event.id, applied: true }])
    expect(state.orders).toEqual([1])
    expect(state.effects).toEqual([{ order_id: 1, event_id: event.id }])
    expect(state.outbox).toEqual([{ id: event.id, attempts: 1, delivered: true }])
  })

  it('redelivers an event whose delivery was cut off by a SIGKILL, and the consumer applies it once', async () => {
    const event = await crashChild(target, 'after-apply', 2)

    // The child's claim must lapse first (its lease), then the event comes again.
    const { deliveries, state } = await restartAndDeliver(target, (ds) => ds.some((d) => d.id === event.id))

    expect(deliveries).toEqual([{ id: event.id, applied: false }])
    expect(state.orders).toEqual([1, 2])
    expect(state.effects).toEqual([{ order_id: 1, event_id: expect.any(String) }, { order_id: 2, event_id: event.id }])
    expect(state.outbox.at(-1)).toEqual({ id: event.id, attempts: 2, delivered: true })
  })
})
