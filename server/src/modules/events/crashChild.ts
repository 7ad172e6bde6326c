/**
 * The process that crashes, for outbox.crash.test.ts. It opens the database named on the
 * command line, places an order (a business row and its event, one transaction), prints the
 * event, and then dies by SIGKILL at the moment the scenario names:
 *   node --import tsx crashChild.ts '<OpenOptions JSON>' <scenario> <orderId>
 *   scenario `after-commit`: before any dispatch;
 *   scenario `after-apply`:  during delivery, after the consumer committed its effect and
 *                            before the outbox marked the event delivered.
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { openDatabase, type Db, type OpenOptions } from '../../db/database.ts'
import { prepareDatabase } from '../../platform.ts'
import { createInProcessBus, type DomainEvent, type EventBus } from './bus.ts'
import { consumeOnce } from './consumer.ts'
import { createOutbox, enqueueEvent } from './outbox.ts'

export type CrashScenario = 'after-commit' | 'after-apply'

export const orderPlaced = 'crashtest.order_placed'
/** Lease of the crashing dispatcher: how long its claim outlives it. */
export const crashLeaseMs = 500

export async function ensureOrderTables(db: Db): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS public.crash_orders (id integer PRIMARY KEY, note text NOT NULL)`)
  // No unique key on purpose: a second application would show as a second row.
  await db.execute(sql`CREATE TABLE IF NOT EXISTS public.crash_order_effects (order_id integer NOT NULL, event_id uuid NOT NULL)`)
}

export async function placeOrder(db: Db, orderId: number): Promise<DomainEvent> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO public.crash_orders (id, note) VALUES (${orderId}, 'sandbags to Zhongdian village')`)
    return enqueueEvent(tx, orderPlaced, { orderId })
  })
}

/** The idempotent consumer both processes run; `applied` hears of each application. */
export function subscribeEffect(db: Db, bus: EventBus, onDelivery: (event: DomainEvent, applied: boolean) => void = () => {}): void {
  bus.subscribe(orderPlaced, async (event) => {
    const { orderId } = event.payload as { orderId: number }
    const applied = await consumeOnce(db, 'crashtest.effect', event, async (tx) => {
      await tx.execute(sql`INSERT INTO public.crash_order_effects (order_id, event_id) VALUES (${orderId}, ${event.id})`)
    })
    onDelivery(event, applied)
  })
}

async function main(target: OpenOptions, scenario: CrashScenario, orderId: number): Promise<void> {
  const database = await openDatabase(target)
  await prepareDatabase(database)
  await ensureOrderTables(database.db)
  const event = await placeOrder(database.db, orderId)
  fs.writeSync(1, `${JSON.stringify(event)}\n`) // synchronous: written before the kill below
  if (scenario === 'after-commit') process.kill(process.pid, 'SIGKILL')

  const bus = createInProcessBus()
  subscribeEffect(database.db, bus)
  // Runs after the consumer's transaction committed, before the outbox marks the event delivered.
  bus.subscribe(orderPlaced, () => { process.kill(process.pid, 'SIGKILL') })
  await createOutbox(database.db, bus, { leaseMs: crashLeaseMs }).drain()
  throw new Error('still alive after delivery')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [target, scenario, orderId] = process.argv.slice(2)
  main(JSON.parse(target!) as OpenOptions, scenario as CrashScenario, Number(orderId)).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
