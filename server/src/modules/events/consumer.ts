import { sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/database.ts'
import type { DomainEvent } from './bus.ts'
import { queryRows } from '../../db/rows.ts'

/**
 * Idempotent consumption (幂等消费) under at-least-once delivery: runs `handler` and records
 * `(consumer, event.id)` in `events.consumed` in ONE transaction. An event this consumer has
 * already applied is skipped, so a redelivery changes nothing. Returns whether it was applied.
 *
 * The record is inserted first: on PostgreSQL a concurrent duplicate waits on the primary key
 * until the first commits (then skips) or rolls back (then applies). If the handler throws,
 * the record rolls back with its effects and the error reaches the outbox, which retries.
 * `consumer` names one effect (e.g. `warnings.target_on_alarm`) and must stay stable.
 */
export async function consumeOnce(
  db: Db,
  consumer: string,
  event: DomainEvent,
  handler: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const recorded = await queryRows<{ event_id: string }>(tx, sql`
      INSERT INTO events.consumed (consumer, event_id) VALUES (${consumer}, ${event.id})
      ON CONFLICT DO NOTHING
      RETURNING event_id`)
    if (recorded.length === 0) return false
    await handler(tx)
    return true
  })
}
