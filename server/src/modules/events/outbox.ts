import type { Db } from '../../db/database.ts'
import type { EventBus } from './bus.ts'

// STUB — to be implemented (transactional outbox + dispatcher).
export interface Outbox {
  start(): void
  stop(): Promise<void>
}

export function createOutbox(_db: Db, _bus: EventBus): Outbox {
  return { start() {}, async stop() {} }
}
