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

export interface EnterpriseSite {
  id: string
  name: string
  division_code: string
  category: string
  lon: number | null
  lat: number | null
}

/** Demo enterprises to hang demo risk points on, in a stable order. */
export async function findDemoEnterpriseSites(q: Queryable, limit: number): Promise<EnterpriseSite[]> {
  return queryRows<EnterpriseSite>(q, sql`
    SELECT id, name, division_code::text AS division_code, supervision_category AS category,
           ST_X(location) AS lon, ST_Y(location) AS lat
    FROM registry.enterprises WHERE synthetic AND status = 'operating' AND location IS NOT NULL
    ORDER BY uscc LIMIT ${limit}`)
}
