/** Reserves' SQL (resources.reserves, reserve_items). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import type { ReserveKind } from './schemas.ts'

export interface ItemValues { supply_id: string | null; item_name: string; unit: string; quantity: number }

export interface ReserveValues {
  kind: ReserveKind
  supplier_name: string
  enterprise_id: string | null
  division_code: string
  contact_name: string | null
  contact_phone: string | null
  response_hours: number
  contract_start: string | null
  contract_end: string | null
  note: string | null
  synthetic: boolean
  items: ItemValues[]
}

export interface ReserveRow extends Omit<ReserveValues, 'response_hours'> {
  id: string
  response_hours: number | string
  in_force: boolean
  created_at: Date | string
  updated_at: Date | string
}

const columns = sql`r.id::text AS id, r.kind, r.supplier_name, r.enterprise_id::text AS enterprise_id, r.division_code, r.contact_name,
  r.contact_phone, r.response_hours, to_char(r.contract_start, 'YYYY-MM-DD') AS contract_start, to_char(r.contract_end, 'YYYY-MM-DD') AS contract_end,
  r.note, r.synthetic, r.created_at, r.updated_at,
  (coalesce(r.contract_start <= (now() AT TIME ZONE 'Asia/Shanghai')::date, true)
    AND coalesce(r.contract_end >= (now() AT TIME ZONE 'Asia/Shanghai')::date, true)) AS in_force,
  coalesce((SELECT jsonb_agg(jsonb_build_object('supply_id', i.supply_id, 'item_name', i.item_name, 'unit', i.unit, 'quantity', i.quantity)
            ORDER BY i.position) FROM resources.reserve_items i WHERE i.reserve_id = r.id), '[]'::jsonb) AS items`

export interface ReserveFilter {
  scope: SQL
  nameLike: string | null
  kind?: ReserveKind | undefined
  supplyId?: string | undefined
}

const where = (f: ReserveFilter) => sql.join([
  f.scope,
  f.nameLike ? sql`r.supplier_name ILIKE ${f.nameLike}` : sql`true`,
  f.kind ? sql`r.kind = ${f.kind}` : sql`true`,
  f.supplyId ? sql`EXISTS (SELECT 1 FROM resources.reserve_items i WHERE i.reserve_id = r.id AND i.supply_id = ${f.supplyId}::uuid)` : sql`true`,
], sql` AND `)

export async function findReserves(q: Queryable, f: ReserveFilter, limit: number | null, offset: number): Promise<{ rows: ReserveRow[]; total: number }> {
  const rows = await queryRows<ReserveRow>(q, sql`
    SELECT ${columns} FROM resources.reserves r WHERE ${where(f)}
    ORDER BY r.kind, r.division_code, r.supplier_name, r.id LIMIT ${limit} OFFSET ${offset}`)
  const [count] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.reserves r WHERE ${where(f)}`)
  return { rows, total: count?.n ?? 0 }
}

export async function findReserveById(q: Queryable, id: string): Promise<ReserveRow | null> {
  const [row] = await queryRows<ReserveRow>(q, sql`SELECT ${columns} FROM resources.reserves r WHERE r.id = ${id}::uuid`)
  return row ?? null
}

async function replaceItems(q: Queryable, reserveId: string, items: readonly ItemValues[]): Promise<void> {
  await q.execute(sql`DELETE FROM resources.reserve_items WHERE reserve_id = ${reserveId}::uuid`)
  await q.execute(sql`
    INSERT INTO resources.reserve_items (reserve_id, position, supply_id, item_name, unit, quantity)
    SELECT ${reserveId}::uuid, x.ord, (x.value->>'supply_id')::uuid, x.value->>'item_name', x.value->>'unit', (x.value->>'quantity')::int
    FROM jsonb_array_elements(${JSON.stringify(items)}::jsonb) WITH ORDINALITY AS x(value, ord)`)
}

export async function insertReserve(q: Queryable, v: ReserveValues): Promise<string> {
  const [row] = await queryRows<{ id: string }>(q, sql`
    INSERT INTO resources.reserves (kind, supplier_name, enterprise_id, division_code, contact_name, contact_phone, response_hours,
      contract_start, contract_end, note, synthetic)
    VALUES (${v.kind}, ${v.supplier_name}, ${v.enterprise_id}::uuid, ${v.division_code}, ${v.contact_name}, ${v.contact_phone},
      ${v.response_hours}, ${v.contract_start}::date, ${v.contract_end}::date, ${v.note}, ${v.synthetic})
    RETURNING id::text AS id`)
  await replaceItems(q, row!.id, v.items)
  return row!.id
}

export async function updateReserve(q: Queryable, id: string, v: ReserveValues): Promise<void> {
  await q.execute(sql`
    UPDATE resources.reserves SET supplier_name = ${v.supplier_name}, enterprise_id = ${v.enterprise_id}::uuid, division_code = ${v.division_code},
      contact_name = ${v.contact_name}, contact_phone = ${v.contact_phone}, response_hours = ${v.response_hours},
      contract_start = ${v.contract_start}::date, contract_end = ${v.contract_end}::date, note = ${v.note}, updated_at = now()
    WHERE id = ${id}::uuid`)
  await replaceItems(q, id, v.items)
}

/** Inserts imported reserves with their items; returns the new ids in order. */
export async function insertReserves(q: Queryable, values: readonly ReserveValues[]): Promise<string[]> {
  const ids: string[] = []
  for (const v of values) ids.push(await insertReserve(q, v))
  return ids
}

export async function deleteReserve(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM resources.reserves WHERE id = ${id}::uuid`)
}

export async function countAllReserves(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.reserves`)
  return row?.n ?? 0
}
