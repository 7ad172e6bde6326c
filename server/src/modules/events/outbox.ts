import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Db, Queryable } from '../../db/database.ts'
import type { DomainEvent, EventBus } from './bus.ts'
import { queryRows } from '../../db/rows.ts'

/**
 * The transactional outbox (发件箱).
 *
 * Writing: a service calls `enqueueEvent(tx, topic, payload)` inside the transaction that makes
 * the change, so the event commits or rolls back with it. After the commit it may call
 * `outbox.nudge()` for prompt delivery; otherwise the next poll picks the event up.
 *
 * Delivering: the dispatcher claims due rows in batches (`FOR UPDATE SKIP LOCKED`, so several
 * server processes can share one PostgreSQL server without claiming the same row). A claim is a
 * lease: it pushes `available_at` forward by `leaseMs` and counts an attempt, and commits at
 * once, so no transaction stays open while handlers run (they open their own; PGlite has one
 * connection). Each event is then published to the bus in commit order; the successes of a
 * batch are marked delivered together, and on a handler error the error is recorded and the row
 * becomes due again after an exponential backoff (capped). A process that dies mid-delivery leaves its claim to expire: the row is
 * delivered again once the lease ends.
 *
 * Semantics: AT LEAST ONCE. An event may reach a handler more than once (a crash between
 * publish and marking delivered, a lease that ran out during a slow handler, another handler
 * of the same event failing). Every consumer must therefore be idempotent: use
 * `consumeOnce` (consumer.ts). Order follows commit order best-effort only; retries reorder.
 * A failing event is retried forever at the capped interval; `attempts` and `last_error`
 * show it to an operator. Delivered rows are kept (no retention job yet).
 */

export interface Outbox {
  /** Starts dispatching: a pass now, then one every `pollIntervalMs` (and on `nudge()`). */
  start(): void
  /** Stops dispatching and waits for the pass in progress; undelivered events wait in the table. */
  stop(): Promise<void>
  /** Delivers everything due now, batch after batch until none is due (tests, shutdown). */
  drain(): Promise<DeliveryReport>
  /** Asks a started dispatcher for a pass right away, e.g. after a commit that enqueued events. */
  nudge(): void
}

export interface DeliveryReport {
  delivered: number
  failed: number
}

export interface RetryPolicy {
  baseDelayMs: number
  maxDelayMs: number
}

export interface OutboxOptions {
  /** Rows claimed per round trip (default 50). */
  batchSize?: number
  /** Time between passes when nobody nudges (default 1 s). */
  pollIntervalMs?: number
  /** How long a claim keeps other dispatchers off a row (default 30 s); also the redelivery delay after a crash. */
  leaseMs?: number
  retry?: RetryPolicy
  /** Where failures are reported; the dispatcher itself never throws out of its timer. */
  onError?: (message: string, error: unknown) => void
}

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 }

/** Delay before the next try after `attempts` failed tries: base · 2^(attempts−1), capped. */
export function retryDelayMs(attempts: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 40)
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings)
}

/** `<module>.<event>` in lower case, e.g. `alarms.raised`: the bus and NATS subjects match on dots. */
const topicPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/

/** Writes an event in the caller's transaction; it is delivered only if that transaction commits. */
export async function enqueueEvent<T>(q: Queryable, topic: string, payload: T): Promise<DomainEvent<T>> {
  if (!topicPattern.test(topic)) throw new Error(`event topic "${topic}" must look like "module.event_name"`)
  const json = JSON.stringify(payload)
  if (json === undefined) throw new Error(`event ${topic}: payload is not JSON`)
  const id = crypto.randomUUID()
  const [written] = await queryRows<{ occurred_at: Date | string }>(q, sql`
    INSERT INTO events.outbox (id, topic, payload) VALUES (${id}, ${topic}, ${json}::jsonb)
    RETURNING occurred_at`)
  // Consumers see the JSON form, so the caller gets the same.
  return { id, topic, payload: JSON.parse(json) as T, occurredAt: toIso(written!.occurred_at) }
}

interface ClaimedRow {
  id: string
  topic: string
  payload: unknown
  occurred_at: Date | string
  attempts: number
}

export function createOutbox(db: Db, bus: EventBus, options: OutboxOptions = {}): Outbox {
  const batchSize = options.batchSize ?? 50
  const pollIntervalMs = options.pollIntervalMs ?? 1_000
  const leaseMs = options.leaseMs ?? 30_000
  const retry = options.retry ?? defaultRetryPolicy
  const log = options.onError ?? ((message, error) => console.error(message, error))
  const onError = (message: string, error: unknown) => {
    try {
      log(message, error)
    } catch { /* a broken logger must not stop delivery */ }
  }

  async function claimDue(): Promise<ClaimedRow[]> {
    return queryRows<ClaimedRow>(db, sql`
      WITH claimed AS (
        UPDATE events.outbox o
        SET attempts = o.attempts + 1,
            available_at = now() + ${leaseMs}::double precision * interval '1 millisecond'
        WHERE o.id IN (
          SELECT p.id FROM events.outbox p
          WHERE p.delivered_at IS NULL AND p.available_at <= now()
          ORDER BY p.seq
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.seq, o.topic, o.payload, o.occurred_at, o.attempts)
      SELECT id, topic, payload, occurred_at, attempts FROM claimed ORDER BY seq`)
  }

  /** One statement per batch: a crash before it only means these events come again. */
  async function markDelivered(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await db.execute(sql`
      UPDATE events.outbox SET delivered_at = now()
      WHERE id = ANY(string_to_array(${ids.join(',')}, ',')::uuid[])`)
  }

  async function markFailed(row: ClaimedRow, error: unknown): Promise<void> {
    const delayMs = retryDelayMs(row.attempts, retry)
    await db.execute(sql`
      UPDATE events.outbox
      SET last_error = ${describeError(error)},
          available_at = now() + ${delayMs}::double precision * interval '1 millisecond'
      WHERE id = ${row.id} AND delivered_at IS NULL`)
  }

  /** One pass: claim and deliver batches until nothing is due. Database errors propagate. */
  async function deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, failed: 0 }
    for (;;) {
      const rows = await claimDue()
      if (rows.length === 0) return report
      const delivered: string[] = []
      for (const row of rows) {
        const event: DomainEvent = { id: row.id, topic: row.topic, payload: row.payload, occurredAt: toIso(row.occurred_at) }
        try {
          await bus.publish(event)
        } catch (error) {
          report.failed++
          onError(`事件投递失败，稍后重试 Event delivery failed, will retry: ${event.topic} ${event.id} (attempt ${row.attempts})`, error)
          await markFailed(row, error)
          continue
        }
        delivered.push(row.id)
      }
      await markDelivered(delivered)
      report.delivered += delivered.length
    }
  }

  // Passes in this process run one after another; other processes are kept apart by the claim.
  let lastPass: Promise<unknown> = Promise.resolve()
  const runPass = (): Promise<DeliveryReport> => {
    const pass = lastPass.catch(() => {}).then(deliverDue)
    lastPass = pass
    return pass
  }

  let started = false
  let timer: NodeJS.Timeout | undefined
  let passSoon = false

  const schedule = (delayMs: number) => {
    clearTimeout(timer)
    timer = setTimeout(tick, delayMs)
    timer.unref() // never the reason a process stays up
  }

  async function tick(): Promise<void> {
    timer = undefined
    passSoon = false
    try {
      await runPass()
    } catch (error) {
      onError('发件箱投递轮次失败 Outbox pass failed (database unavailable?)', error)
    }
    if (started && timer === undefined) schedule(pollIntervalMs)
  }

  return {
    start() {
      if (started) return
      started = true
      passSoon = true
      schedule(0)
    },
    async stop() {
      started = false
      clearTimeout(timer)
      timer = undefined
      await lastPass.catch(() => {})
    },
    drain: runPass,
    nudge() {
      if (!started || passSoon) return
      passSoon = true
      schedule(0)
    },
  }
}

function toIso(value: Date | string): string {
  return new Date(value).toISOString()
}

function describeError(error: unknown): string {
  const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e))
  const text = error instanceof AggregateError
    ? [describe(error), ...error.errors.map(describe)].join('; ')
    : describe(error)
  return text.slice(0, 2_000)
}
