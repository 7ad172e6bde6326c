/**
 * The fan-out (分发): on `warnings.issued` (an Alert, Update or Cancel was issued), write one
 * delivery row per recipient × channel — an idempotent consumer (consumeOnce): the event's
 * record and the rows commit together, so a crash before the commit leaves nothing and the
 * outbox delivers the event again; a crash after it makes the redelivery a no-op. The UNIQUE
 * (warning, subscriber, channel) key makes even a second application add nothing.
 */
import { sql } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import type { DomainEvent } from '../../events/bus.ts'
import { consumeOnce } from '../../events/consumer.ts'
import { insertDeliveries } from './audience.ts'

export const warningIssuedTopic = 'warnings.issued'
export const fanOutConsumer = 'warnings.delivery_fanout'

export interface WarningIssued {
  warningId: string
  identifier: string
  msgType: 'Alert' | 'Update' | 'Cancel'
  level: string
  hazard: string
}

/** Writes the deliveries of one warning in `tx`; returns how many rows were added. */
export async function fanOut(tx: Tx | Db, warningId: string): Promise<number> {
  const [w] = await queryRows<{ id: string; division_codes: string[]; references_id: string | null }>(tx, sql`
    SELECT id, division_codes, references_id FROM warnings.warnings WHERE id = ${warningId}`)
  if (!w) return 0 // an event without its warning cannot be delivered; nothing to retry
  return insertDeliveries(tx, { id: w.id, divisionCodes: w.division_codes, referencesId: w.references_id })
}

/** The bus handler. `afterInsert` runs inside the transaction (crash tests). */
export function fanOutHandler(db: Db, onApplied: (warningId: string, rows: number) => void, afterInsert?: () => void) {
  return async (event: DomainEvent): Promise<void> => {
    const { warningId } = event.payload as WarningIssued
    let rows = 0
    const applied = await consumeOnce(db, fanOutConsumer, event, async (tx) => {
      rows = await fanOut(tx, warningId)
      afterInsert?.()
    })
    if (applied) onApplied(warningId, rows)
  }
}
