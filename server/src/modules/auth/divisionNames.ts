/**
 * Names of jurisdictions (管辖范围) for display. The names belong to the geo module; this is
 * the one place auth reads them, by code only.
 * TODO(geo): switch to the geo module's exported lookup once it offers one.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { rowsOf } from './queries.ts'
import { shortDivisionCode } from '@yingji/domain/geo/divisionCode'

const knownToExist = new WeakSet<object>()

async function divisionsTableExists(q: Queryable): Promise<boolean> {
  if (knownToExist.has(q)) return true
  const rows = await rowsOf<{ present: boolean }>(q, sql`SELECT to_regclass('geo.divisions') IS NOT NULL AS present`)
  if (rows[0]?.present) knownToExist.add(q)
  return Boolean(rows[0]?.present)
}

/** Code → name for the given 12-digit codes; a code without a known division shows as its short code. */
export async function divisionNames(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)]
  const names = new Map(unique.map((code) => [code, shortDivisionCode(code)]))
  if (unique.length === 0 || !(await divisionsTableExists(q))) return names
  const rows = await rowsOf<{ code: string; name: string }>(q, sql`
    SELECT code, name FROM geo.divisions WHERE code IN (${sql.join(unique.map((c) => sql`${c}`), sql`, `)})`)
  for (const row of rows) names.set(row.code, row.name)
  return names
}
