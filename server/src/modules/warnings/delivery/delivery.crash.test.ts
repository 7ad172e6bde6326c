/**
 * Kill -9 during fan-out and during sending: after restart nobody is missed and nobody gets two
 * copies. The test gateway counts what it accepted per delivery id; a message the killed
 * sender had handed over but not yet marked is sent again after the lease with the same id, and
 * the gateway drops it as a duplicate (the idempotency key) — so every recipient's phone gets
 * exactly one SMS, while the gateway may have SEEN some ids twice (reported, not hidden).
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { sql } from 'drizzle-orm'
import { repoRoot } from '../../../config.ts'
import { openDatabase, type Database, type OpenOptions } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, databaseSkipReason, type TestPlatform } from '../../../testing/platform.ts'
import { createInProcessBus } from '../../events/bus.ts'
import { createOutbox, enqueueEvent } from '../../events/outbox.ts'
import { createChannels } from '../channels/index.ts'
import { startReceiver, type LocalReceiver } from '../channels/testing.ts'
import { crashSettings, type DeliveryCrashScenario } from './crashChild.ts'
import { fanOutConsumer, fanOutHandler, warningIssuedTopic } from './fanout.ts'
import { createSender } from './sender.ts'

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crashChild.ts')
const recipients = 300

async function runChild(target: OpenOptions, scenario: DeliveryCrashScenario, gatewayUrl: string, killWhen?: (kill: () => void) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(target), scenario, gatewayUrl], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString() })
  killWhen?.(() => child.kill('SIGKILL'))
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])))
  expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' })
}

async function seed(database: Database): Promise<string> {
  const warningId = crypto.randomUUID()
  // Only this test's recipients: the prepared database holds the demo ones.
  await database.db.execute(sql`DELETE FROM warnings.subscribers WHERE synthetic`)
  await database.db.execute(sql`
    INSERT INTO warnings.subscribers (id, name, kind, role, division_code, phone, channels)
    SELECT gen_random_uuid(), '接收人' || i, CASE WHEN i % 10 = 0 THEN 'responsible' ELSE 'public' END, 'public', '360281100201',
      '139' || lpad(i::text, 8, '0'), ARRAY['sms']
    FROM generate_series(1, ${recipients}) AS i`)
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO warnings.warnings (id, identifier, status, hazard, level, headline, description, expires, area, area_desc, area_geom, division_codes, division_code, created_by, created_by_name, sent)
      VALUES (${warningId}, ${`CRASH-${warningId}`}, 'issued', 'flood', 'red', '镇桥镇山洪红色预警', '立即转移', now() + interval '1 day', '{"divisionCodes":["360281100000"]}'::jsonb, '镇桥镇',
        ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(0, 0), 4326), 0.0001)), ARRAY['360281100000'], '360281100000', ${crypto.randomUUID()}, '测试', now())`)
    await enqueueEvent(tx, warningIssuedTopic, { warningId, identifier: `CRASH-${warningId}`, msgType: 'Alert', level: 'red', hazard: 'flood' })
  })
  return warningId
}

async function stateOf(db: Database['db'], warningId: string) {
  const [d] = await queryRows<{ total: number; sent: number; queued: number; distinct_subscribers: number }>(db, sql`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'queued')::int AS queued,
      count(DISTINCT subscriber_id)::int AS distinct_subscribers
    FROM warnings.deliveries WHERE warning_id = ${warningId}`)
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM events.consumed WHERE consumer = ${fanOutConsumer}`)
  const ids = await queryRows<{ id: string }>(db, sql`SELECT id FROM warnings.deliveries WHERE warning_id = ${warningId}`)
  return { ...d!, consumed: c!.n, ids: ids.map((r) => r.id) }
}

describe.skipIf(databaseSkipReason() !== '')('warning delivery survives kill -9 (进程崩溃)', { timeout: 600_000 }, () => {
  let target: OpenOptions
  let platform: TestPlatform | undefined
  let dataDir: string | undefined
  let gateway: LocalReceiver
  let warningId: string

  beforeAll(async () => {
    gateway = await startReceiver({ kind: 'sms' })
    if (inject('dbMode') === 'embedded') {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-delivery-crash-'))
      const seeded = await openDatabase({ dataDir, snapshot: new Blob([fs.readFileSync(inject('snapshotPath'))]) })
      warningId = await seed(seeded)
      await seeded.close()
      target = { dataDir }
    } else {
      platform = await createTestPlatform()
      warningId = await seed(platform.database)
      target = { databaseUrl: platform.config.databaseUrl }
    }
  })
  afterAll(async () => {
    await gateway?.close()
    await platform?.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('a kill inside the fan-out transaction leaves no delivery rows', async () => {
    await runChild(target, 'during-fanout', gateway.url)
    const database = await openDatabase(target)
    try {
      expect(await stateOf(database.db, warningId)).toMatchObject({ total: 0, consumed: 0 })
    } finally {
      await database.close()
    }
    expect(gateway.received).toHaveLength(0)
  })

  it('a kill while SMS go out, then a restart: every recipient accepted exactly once by the gateway', async () => {
    // The restarted child fans out (the event's lease has lapsed) and sends; killed mid-way.
    let killed = false
    await runChild(target, 'during-send', gateway.url, (kill) => {
      gateway.onRequest = () => {
        if (!killed && gateway.received.length >= recipients / 3) {
          killed = true
          kill()
        }
      }
    })
    gateway.onRequest = undefined
    const receivedAtKill = gateway.received.length
    expect(receivedAtKill).toBeGreaterThanOrEqual(recipients / 3)
    expect(receivedAtKill).toBeLessThan(recipients)

    // Restart: the outbox has nothing left (the fan-out committed), the sender picks up the rest.
    const database = await openDatabase(target)
    try {
      const before = await stateOf(database.db, warningId)
      expect(before).toMatchObject({ total: recipients, distinct_subscribers: recipients, consumed: 1 })
      expect(before.queued).toBeGreaterThan(0)
      const settings = crashSettings(gateway.url)
      const sender = createSender(database.db, settings, createChannels(settings), { onError: () => {} })
      const bus = createInProcessBus()
      bus.subscribe(warningIssuedTopic, fanOutHandler(database.db, () => sender.nudge()))
      const outbox = createOutbox(database.db, bus, { pollIntervalMs: 100, onError: () => {} })
      outbox.start()
      sender.start()
      try {
        await vi.waitFor(async () => {
          const s = await stateOf(database.db, warningId)
          if (s.sent !== recipients) throw new Error(`sent ${s.sent}`)
        }, { timeout: 60_000, interval: 200 })
      } finally {
        await sender.stop()
        await outbox.stop()
      }
      const after = await stateOf(database.db, warningId)
      expect(after).toMatchObject({ total: recipients, sent: recipients, distinct_subscribers: recipients, consumed: 1 })
      // Nobody missed, nobody twice: the gateway accepted each delivery id once.
      expect(gateway.acceptedById.size).toBe(recipients)
      expect([...gateway.acceptedById.values()].every((n) => n === 1)).toBe(true)
      expect(new Set(after.ids)).toEqual(new Set(gateway.acceptedById.keys()))
      // What the gateway saw: one request per recipient plus the resends it dropped.
      expect(gateway.received.length).toBe(recipients + gateway.duplicates)
      console.info(`kill -9 at ${receivedAtKill} of ${recipients} SMS; resent after restart and dropped by the gateway as duplicates: ${gateway.duplicates}`)
    } finally {
      await database.close()
    }
  })
})
