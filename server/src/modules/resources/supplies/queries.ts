/** The supplies catalogue's SQL (resources.supplies). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import type { SupplyCategory } from './schemas.ts'

export interface SupplyRow {
  id: string
  code: string
  name: string
  category: SupplyCategory
  unit: string
  spec: string | null
  shelf_life_months: number | null
  division_code: string
  synthetic: boolean
  created_at: Date | string
  updated_at: Date | string
}

export type SupplyValues = Omit<SupplyRow, 'id' | 'created_at' | 'updated_at'>

const columns = sql`s.id::text AS id, s.code, s.name, s.category, s.unit, s.spec, s.shelf_life_months, s.division_code,
  s.synthetic, s.created_at, s.updated_at`

export interface SupplyFilter {
  nameLike: string | null
  category: SupplyCategory | undefined
  /** Entries defined by divisions on the caller's path (the county's catalogue and its own). */
  visible: SQL
}

const where = (f: SupplyFilter) => sql.join([
  f.visible,
  f.nameLike ? sql`(s.name ILIKE ${f.nameLike} OR s.code ILIKE ${f.nameLike})` : sql`true`,
  f.category ? sql`s.category = ${f.category}` : sql`true`,
], sql` AND `)

export async function findSupplies(q: Queryable, f: SupplyFilter, limit: number | null, offset: number): Promise<{ rows: SupplyRow[]; total: number }> {
  const rows = await queryRows<SupplyRow & { total: number }>(q, sql`
    SELECT ${columns}, count(*) OVER ()::int AS total FROM resources.supplies s
    WHERE ${where(f)}
    ORDER BY s.category, s.code
    ${limit === null ? sql`` : sql`LIMIT ${limit}`} OFFSET ${offset}`)
  if (rows.length > 0 || offset === 0) return { rows, total: rows[0]?.total ?? 0 }
  const [count] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.supplies s WHERE ${where(f)}`)
  return { rows, total: count?.n ?? 0 }
}

export async function findSupplyById(q: Queryable, id: string): Promise<SupplyRow | null> {
  const [row] = await queryRows<SupplyRow>(q, sql`SELECT ${columns} FROM resources.supplies s WHERE s.id = ${id}::uuid`)
  return row ?? null
}

export async function findSuppliesByCodes(q: Queryable, codes: readonly string[]): Promise<SupplyRow[]> {
  if (codes.length === 0) return []
  return queryRows<SupplyRow>(q, sql`
    SELECT ${columns} FROM resources.supplies s WHERE s.code IN (SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`)
}

export async function insertSupplies(q: Queryable, values: readonly SupplyValues[]): Promise<string[]> {
  if (values.length === 0) return []
  const rows = await queryRows<{ id: string }>(q, sql`
    INSERT INTO resources.supplies (code, name, category, unit, spec, shelf_life_months, division_code, synthetic)
    SELECT r.code, r.name, r.category, r.unit, r.spec, r.shelf_life_months, r.division_code, r.synthetic
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS r(code text, name text, category text, unit text, spec text,
      shelf_life_months integer, division_code text, synthetic boolean)
    RETURNING id::text AS id`)
  return rows.map((r) => r.id)
}

export async function updateSupply(q: Queryable, id: string, v: SupplyValues): Promise<void> {
  await q.execute(sql`
    UPDATE resources.supplies SET code = ${v.code}, name = ${v.name}, category = ${v.category}, unit = ${v.unit}, spec = ${v.spec},
      shelf_life_months = ${v.shelf_life_months}, updated_at = now()
    WHERE id = ${id}::uuid`)
}

/** Whether any depot holds or held the supply (it then stays in the catalogue). */
export async function supplyIsUsed(q: Queryable, id: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(q, sql`SELECT 1 AS one FROM resources.stock_items WHERE supply_id = ${id}::uuid LIMIT 1`)
  return rows.length > 0
}

export async function deleteSupply(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM resources.supplies WHERE id = ${id}::uuid`)
}

export async function countAllSupplies(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.supplies`)
  return row?.n ?? 0
}
