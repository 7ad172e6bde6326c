/** The SQL of the expert pool (专家库). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../../db/database.ts'
import { queryRows } from '../../../../db/rows.ts'
import { containsPattern } from '../core/scope.ts'

export interface ExpertValues {
  id: string
  name: string
  field: string
  title: string
  organisation: string
  phone: string
  division_code: string
  synthetic: boolean
}

export interface ExpertRow extends ExpertValues {
  created_at: Date | string
  updated_at: Date | string
}

export interface ExpertFilter {
  prefix: string
  q?: string | undefined
  field?: string | undefined
}

const columns = sql`e.id, e.name, e.field, e.title, e.organisation, e.phone, e.division_code, e.synthetic, e.created_at, e.updated_at`

function where(filter: ExpertFilter): SQL {
  const conditions = [sql`e.division_code LIKE ${`${filter.prefix}%`}`]
  if (filter.q) conditions.push(sql`(e.name ILIKE ${containsPattern(filter.q)} OR e.organisation ILIKE ${containsPattern(filter.q)})`)
  if (filter.field) conditions.push(sql`e.field = ${filter.field}`)
  return sql.join(conditions, sql` AND `)
}

export async function insertExperts(q: Queryable, rows: readonly ExpertValues[]): Promise<void> {
  if (rows.length === 0) return
  await q.execute(sql`
    INSERT INTO registry.experts (id, name, field, title, organisation, phone, division_code, synthetic)
    SELECT r.id, r.name, r.field, r.title, r.organisation, r.phone, r.division_code, r.synthetic
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, name text, field text, title text,
      organisation text, phone text, division_code text, synthetic boolean)`)
}

export async function updateExpert(q: Queryable, row: ExpertValues): Promise<void> {
  await q.execute(sql`
    UPDATE registry.experts SET name = ${row.name}, field = ${row.field}, title = ${row.title},
      organisation = ${row.organisation}, phone = ${row.phone}, division_code = ${row.division_code}, updated_at = now()
    WHERE id = ${row.id}`)
}

export async function deleteExpert(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM registry.experts WHERE id = ${id}`)
}

export async function findExpert(q: Queryable, id: string): Promise<ExpertRow | null> {
  const rows = await queryRows<ExpertRow>(q, sql`SELECT ${columns} FROM registry.experts e WHERE e.id = ${id}`)
  return rows[0] ?? null
}

export async function findExpertPage(q: Queryable, filter: ExpertFilter, page: { limit: number; offset: number }) {
  const rows = await queryRows<ExpertRow>(q, sql`
    SELECT ${columns} FROM registry.experts e WHERE ${where(filter)}
    ORDER BY e.field, e.name, e.id LIMIT ${page.limit} OFFSET ${page.offset}`)
  const total = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM registry.experts e WHERE ${where(filter)}`)
  return { rows, total: total[0]?.n ?? 0 }
}

export async function findAllExperts(q: Queryable, filter: ExpertFilter): Promise<ExpertRow[]> {
  return queryRows<ExpertRow>(q, sql`SELECT ${columns} FROM registry.experts e WHERE ${where(filter)} ORDER BY e.field, e.name, e.id`)
}

export async function countExperts(q: Queryable): Promise<number> {
  const rows = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM registry.experts`)
  return rows[0]?.n ?? 0
}
