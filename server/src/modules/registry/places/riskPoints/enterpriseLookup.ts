/**
 * Whether an enterprise exists, for risk points tied to one. The enterprises registry
 * (registry/enterprises) is written in parallel and exports no lookup yet, so this reads its
 * table directly — replace with its exported service function once there is one.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../../../db/database.ts'
import { queryRows } from '../../../../db/rows.ts'

/** The enterprise's division code, or null when there is no such enterprise. */
export async function enterpriseDivision(q: Queryable, id: string): Promise<string | null> {
  const rows = await queryRows<{ division_code: string }>(q, sql`SELECT division_code FROM registry.enterprises WHERE id = ${id}`)
  return rows[0]?.division_code ?? null
}
