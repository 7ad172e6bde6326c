import type { SQL } from 'drizzle-orm'
import type { Queryable } from './database.ts'

/**
 * The rows of a query. `Db` spans two drivers, so Drizzle cannot type `execute` results;
 * both answer `{rows}` (see db/database.ts).
 */
export async function queryRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/** Rows a write statement changed (PGlite answers `affectedRows`, node-postgres `rowCount`). */
export function affectedRows(result: unknown): number {
  const r = result as { affectedRows?: number; rowCount?: number | null }
  return r.affectedRows ?? r.rowCount ?? 0
}
