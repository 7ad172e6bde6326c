import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestPlatform, databaseSkipReason, type TestPlatform } from '../../testing/platform.ts'
import type { Db } from '../../db/database.ts'
import { createInProcessBus, type DomainEvent } from './bus.ts'
import { consumeOnce } from './consumer.ts'
import { queryRows } from '../../db/rows.ts'
import { createOutbox, enqueueEvent, retryDelayMs, type OutboxOptions } from './outbox.ts'

const quiet: OutboxOptions = { onError: () => {} }

/** A consumer whose effect is a row per application: applying twice would leave two rows. */
async function recordEffect(db: Db, consumer: string, event: DomainEvent): Promise<boolean> {
  return consumeOnce(db, consumer, event, async (tx) => {
    await tx.execute(sql`INSERT INTO public.test_effects (event_id, consumer) VALUES (${event.id}, ${consumer})`)
  })
}

async function effectsOf(db: Db, eventId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM public.test_effects WHERE event_id = ${eventId}`)
  return row!.n
}

async function outboxRow(db: Db, eventId: string) {
  const [row] = await queryRows<{ attempts: number; last_error: string | null; delivered: boolean }>(db, sql`
    SELECT attempts, last_error, delivered_at IS NOT NULL AS delivered FROM events.outbox WHERE id = ${eventId}`)
  return row
}

describe.skipIf(databaseSkipReason() !== '')('the transactional outbox (发件箱)', () => {
  let platform: TestPlatform
  let db: Db
  beforeAll(async () => {
    platform = await createTestPlatform()
    db = platform.db
    await db.execute(sql`CREATE TABLE public.test_effects (event_id uuid NOT NULL, consumer text NOT NULL)`)
  })
  afterAll(async () => {
    await platform?.close()
  })

  it('never delivers an event whose transaction rolled back', async () => {
    let enqueued: DomainEvent | undefined
    await expect(db.transaction(async (tx) => {
      enqueued = await enqueueEvent(tx, 'test.rolled_back', { note: 'reading out of range' })
      throw new Error('business rule refused the change')
    })).rejects.toThrow('business rule refused the change')

    const bus = createInProcessBus()
    const seen: string[] = []
    bus.subscribe('test.rolled_back', (event) => { seen.push(event.id) })
    await createOutbox(db, bus, quiet).drain()

    expect(seen).toEqual([])
    expect(await outboxRow(db, enqueued!.id)).toBeUndefined()
  })

  it('applies a committed event exactly once even when it is delivered twice', async () => {
    const event = await db.transaction((tx) => enqueueEvent(tx, 'test.committed', { stationId: 'RG-001', rainMm: 52.5 }))
    const bus = createInProcessBus()
    const deliveries: DomainEvent[] = []
    bus.subscribe('test.committed', async (delivered) => {
      deliveries.push(delivered)
      await recordEffect(db, 'test.effect_once', delivered)
    })
    const outbox = createOutbox(db, bus, quiet)
    await outbox.drain()
    // As if the process died after publishing but before marking the row delivered.
    await db.execute(sql`UPDATE events.outbox SET delivered_at = NULL, available_at = now() WHERE id = ${event.id}`)
    await outbox.drain()

    expect(deliveries.map((d) => d.id)).toEqual([event.id, event.id])
    expect(deliveries[0]).toEqual(event)
    expect(await effectsOf(db, event.id)).toBe(1)
    expect(await outboxRow(db, event.id)).toMatchObject({ delivered: true, attempts: 2 })
  })

  it('retries a failing handler with backoff until it succeeds', async () => {
    const event = await db.transaction((tx) => enqueueEvent(tx, 'test.flaky', { phone: '13800000000' }))
    const bus = createInProcessBus()
    let calls = 0
    bus.subscribe('test.flaky', async (delivered) => {
      calls++
      if (calls <= 2) throw new Error(`SMS gateway down (try ${calls})`)
      await recordEffect(db, 'test.sms_sent', delivered)
    })
    const outbox = createOutbox(db, bus, { ...quiet, retry: { baseDelayMs: 1_000, maxDelayMs: 60_000 } })

    expect(await outbox.drain()).toMatchObject({ failed: 1 })
    expect(await outboxRow(db, event.id)).toMatchObject({ delivered: false, attempts: 1, last_error: 'Error: SMS gateway down (try 1)' })
    // Backing off: not due again straight away.
    expect(await outbox.drain()).toEqual({ delivered: 0, failed: 0 })
    expect(calls).toBe(1)

    await vi.waitFor(async () => {
      await outbox.drain()
      expect(await effectsOf(db, event.id)).toBe(1)
    }, { timeout: 20_000, interval: 200 })
    expect(calls).toBe(3)
    expect(await outboxRow(db, event.id)).toMatchObject({ delivered: true, attempts: 3, last_error: 'Error: SMS gateway down (try 2)' })
  })

  it('delivers promptly on nudge, without waiting for the next poll', async () => {
    const bus = createInProcessBus()
    const seen: string[] = []
    bus.subscribe('test.nudged', (event) => { seen.push(event.id) })
    const outbox = createOutbox(db, bus, { ...quiet, pollIntervalMs: 3_600_000 })
    outbox.start()
    try {
      await outbox.drain() // the start-up pass is over; the next poll is an hour away
      const event = await db.transaction((tx) => enqueueEvent(tx, 'test.nudged', { level: 'blue' }))
      outbox.nudge()
      await vi.waitFor(() => expect(seen).toEqual([event.id]), { timeout: 10_000, interval: 20 })
    } finally {
      await outbox.stop()
    }
  })

  it('lets two dispatchers share one database without delivering an event twice', async () => {
    const events = await db.transaction(async (tx) => {
      const written: DomainEvent[] = []
      for (let i = 0; i < 30; i++) written.push(await enqueueEvent(tx, 'test.shared', { i }))
      return written
    })
    const seen: string[] = []
    const dispatchers = [0, 1].map(() => {
      const bus = createInProcessBus()
      bus.subscribe('test.shared', async (event) => {
        seen.push(event.id)
        await new Promise((resolve) => setTimeout(resolve, 1))
      })
      return createOutbox(db, bus, { ...quiet, batchSize: 4 })
    })
    await Promise.all(dispatchers.map((d) => d.drain()))

    expect(seen.length).toBe(30)
    expect([...seen].sort()).toEqual(events.map((e) => e.id).sort())
  })

  it('delivers in commit order within a batch', async () => {
    const events = await db.transaction(async (tx) => [
      await enqueueEvent(tx, 'test.ordered', { step: 'raised' }),
      await enqueueEvent(tx, 'test.ordered', { step: 'acknowledged' }),
      await enqueueEvent(tx, 'test.ordered', { step: 'cleared' }),
    ])
    const bus = createInProcessBus()
    const steps: unknown[] = []
    bus.subscribe('test.*', (event) => { if (event.topic === 'test.ordered') steps.push(event.payload) })
    await createOutbox(db, bus, quiet).drain()
    expect(steps).toEqual(events.map((e) => e.payload))
  })

  it('keeps dispatching after a handler failure in one event, delivering the others', async () => {
    const bus = createInProcessBus()
    const applied: unknown[] = []
    bus.subscribe('test.mixed', (event) => {
      if ((event.payload as { ok: boolean }).ok) applied.push(event.payload)
      else throw new Error('malformed reading')
    })
    const [, good] = await db.transaction(async (tx) => [
      await enqueueEvent(tx, 'test.mixed', { ok: false, n: 1 }),
      await enqueueEvent(tx, 'test.mixed', { ok: true, n: 2 }),
    ])
    await createOutbox(db, bus, quiet).drain()
    expect(applied).toEqual([good!.payload])
  })

  it('refuses a topic that is not "module.event"', async () => {
    await expect(enqueueEvent(db, 'Alarm Raised', {})).rejects.toThrow('module.event_name')
  })
})

describe('the dispatcher when the database is unreachable', () => {
  it('reports the failure and keeps polling instead of crashing the process', async () => {
    const unreachable = { execute: () => Promise.reject(new Error('connection terminated')) } as unknown as Db
    const reported: string[] = []
    const outbox = createOutbox(unreachable, createInProcessBus(), {
      pollIntervalMs: 10,
      onError: (_message, error) => { reported.push((error as Error).message) },
    })
    outbox.start()
    await vi.waitFor(() => expect(reported.length).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 10 })
    await outbox.stop()
    expect(new Set(reported)).toEqual(new Set(['connection terminated']))
    await expect(outbox.drain()).rejects.toThrow('connection terminated')
  })
})

describe('retry backoff', () => {
  it.each([
    { attempts: 1, delayMs: 1_000 },
    { attempts: 2, delayMs: 2_000 },
    { attempts: 3, delayMs: 4_000 },
    { attempts: 9, delayMs: 256_000 },
    { attempts: 10, delayMs: 300_000 }, // capped at five minutes
    { attempts: 1_000, delayMs: 300_000 },
  ])('after $attempts failed tries waits $delayMs ms', ({ attempts, delayMs }) => {
    expect(retryDelayMs(attempts)).toBe(delayMs)
  })
})
