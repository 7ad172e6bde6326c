/**
 * The ledger's SQL. Quantities on hand are always computed from resources.movements (views
 * resources.stock_batches / stock_on_hand), never stored.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import type { DepotLevel } from '../depots/schemas.ts'
import type { SupplyCategory } from '../supplies/schemas.ts'
import type { LedgerKind } from './schemas.ts'

/** Creates the depot × supply rows when missing and locks them, in a fixed order (no deadlocks). */
export async function lockStockItems(q: Queryable, pairs: readonly { depotId: string; supplyId: string }[]): Promise<void> {
  const sorted = [...pairs].sort((a, b) => `${a.depotId}${a.supplyId}`.localeCompare(`${b.depotId}${b.supplyId}`))
  for (const p of sorted) {
    await q.execute(sql`
      INSERT INTO resources.stock_items (depot_id, supply_id) VALUES (${p.depotId}::uuid, ${p.supplyId}::uuid)
      ON CONFLICT (depot_id, supply_id) DO NOTHING`)
    await q.execute(sql`
      SELECT 1 FROM resources.stock_items WHERE depot_id = ${p.depotId}::uuid AND supply_id = ${p.supplyId}::uuid FOR UPDATE`)
  }
}

export interface BatchRow {
  batch_expiry: string | null
  quantity: number
}

/** Batches with stock, first to expire first (batches that never expire last). */
export async function findBatchesOnHand(q: Queryable, depotId: string, supplyId: string): Promise<BatchRow[]> {
  return queryRows<BatchRow>(q, sql`
    SELECT to_char(b.batch_expiry, 'YYYY-MM-DD') AS batch_expiry, b.quantity FROM resources.stock_batches b
    WHERE b.depot_id = ${depotId}::uuid AND b.supply_id = ${supplyId}::uuid AND b.quantity > 0
    ORDER BY b.batch_expiry NULLS LAST`)
}

export interface NewMovement {
  kind: LedgerKind
  depot_id: string
  supply_id: string
  quantity: number
  batch_expiry: string | null
  reason: string
  document_no: string
  transfer_id: string | null
  division_code: string
  actor_kind: string
  actor_id: string | null
  actor_name: string
  occurred_at: string | null
  synthetic: boolean
}

/** Appends ledger rows; returns their ids in input order. */
export async function insertMovements(q: Queryable, rows: readonly NewMovement[]): Promise<string[]> {
  const ids: string[] = []
  for (const r of rows) {
    const [row] = await queryRows<{ id: string }>(q, sql`
      INSERT INTO resources.movements (kind, depot_id, supply_id, quantity, batch_expiry, reason, document_no, transfer_id,
        division_code, actor_kind, actor_id, actor_name, occurred_at, synthetic)
      VALUES (${r.kind}, ${r.depot_id}::uuid, ${r.supply_id}::uuid, ${r.quantity}, ${r.batch_expiry}::date, ${r.reason}, ${r.document_no},
        ${r.transfer_id}::uuid, ${r.division_code}, ${r.actor_kind}, ${r.actor_id}::uuid, ${r.actor_name},
        coalesce(${r.occurred_at}::timestamptz, now()), ${r.synthetic})
      RETURNING id::text AS id`)
    ids.push(row!.id)
  }
  return ids
}

export interface MovementRow {
  id: string
  kind: LedgerKind
  depot_id: string
  depot_name: string
  supply_id: string
  supply_code: string
  supply_name: string
  unit: string
  quantity: number
  batch_expiry: string | null
  reason: string
  document_no: string
  transfer_id: string | null
  division_code: string
  actor_name: string
  occurred_at: Date | string
  recorded_at: Date | string
  synthetic: boolean
}

const movementColumns = sql`m.id::text AS id, m.kind, m.depot_id::text AS depot_id, d.name AS depot_name, m.supply_id::text AS supply_id,
  p.code AS supply_code, p.name AS supply_name, p.unit, m.quantity, to_char(m.batch_expiry, 'YYYY-MM-DD') AS batch_expiry, m.reason,
  m.document_no, m.transfer_id::text AS transfer_id, m.division_code, m.actor_name, m.occurred_at, m.recorded_at, m.synthetic`

const movementJoins = sql`resources.movements m JOIN resources.depots d ON d.id = m.depot_id JOIN resources.supplies p ON p.id = m.supply_id`

export async function findMovementsByIds(q: Queryable, ids: readonly string[]): Promise<MovementRow[]> {
  if (ids.length === 0) return []
  return queryRows<MovementRow>(q, sql`
    SELECT ${movementColumns} FROM ${movementJoins}
    WHERE m.id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)
    ORDER BY m.recorded_at, m.kind DESC, m.batch_expiry NULLS LAST`)
}

export interface MovementFilter {
  scope: SQL
  depotId?: string | undefined
  supplyId?: string | undefined
  kind?: LedgerKind | undefined
  documentNo?: string | undefined
  from?: string | undefined
  to?: string | undefined
  nameLike: string | null
}

export async function findMovements(q: Queryable, f: MovementFilter, limit: number, offset: number): Promise<{ rows: MovementRow[]; total: number }> {
  const where = sql.join([
    f.scope,
    f.depotId ? sql`m.depot_id = ${f.depotId}::uuid` : sql`true`,
    f.supplyId ? sql`m.supply_id = ${f.supplyId}::uuid` : sql`true`,
    f.kind ? sql`m.kind = ${f.kind}` : sql`true`,
    f.documentNo ? sql`m.document_no = ${f.documentNo}` : sql`true`,
    f.from ? sql`m.occurred_at >= ${f.from}::timestamptz` : sql`true`,
    f.to ? sql`m.occurred_at < ${f.to}::timestamptz` : sql`true`,
    f.nameLike ? sql`(p.name ILIKE ${f.nameLike} OR d.name ILIKE ${f.nameLike} OR m.reason ILIKE ${f.nameLike})` : sql`true`,
  ], sql` AND `)
  const rows = await queryRows<MovementRow>(q, sql`
    SELECT ${movementColumns} FROM ${movementJoins} WHERE ${where}
    ORDER BY m.occurred_at DESC, m.recorded_at DESC, m.id LIMIT ${limit} OFFSET ${offset}`)
  const [count] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM ${movementJoins} WHERE ${where}`)
  return { rows, total: count?.n ?? 0 }
}

export interface StockRow {
  depot_id: string
  depot_name: string
  depot_level: DepotLevel
  division_code: string
  supply_id: string
  supply_code: string
  supply_name: string
  category: SupplyCategory
  unit: string
  quantity: number
  min_quantity: number
  nearest_expiry: string | null
}

export interface StockFilter {
  scope: SQL
  depotId?: string | undefined
  supplyId?: string | undefined
  category?: SupplyCategory | undefined
  nameLike: string | null
  belowMinimumOnly?: boolean
}

const stockFrom = sql`
  resources.stock_items s
  JOIN resources.depots d ON d.id = s.depot_id
  JOIN resources.supplies p ON p.id = s.supply_id
  LEFT JOIN LATERAL (
    SELECT sum(b.quantity)::int AS quantity,
           to_char(min(b.batch_expiry) FILTER (WHERE b.quantity > 0), 'YYYY-MM-DD') AS nearest_expiry
    FROM resources.stock_batches b WHERE b.depot_id = s.depot_id AND b.supply_id = s.supply_id) b ON true`

function stockWhere(f: StockFilter): SQL {
  return sql.join([
    f.scope,
    f.depotId ? sql`s.depot_id = ${f.depotId}::uuid` : sql`true`,
    f.supplyId ? sql`s.supply_id = ${f.supplyId}::uuid` : sql`true`,
    f.category ? sql`p.category = ${f.category}` : sql`true`,
    f.nameLike ? sql`(p.name ILIKE ${f.nameLike} OR d.name ILIKE ${f.nameLike})` : sql`true`,
    f.belowMinimumOnly ? sql`s.min_quantity > 0 AND coalesce(b.quantity, 0) < s.min_quantity` : sql`true`,
  ], sql` AND `)
}

const stockColumns = sql`s.depot_id::text AS depot_id, d.name AS depot_name, d.level AS depot_level, d.division_code,
  s.supply_id::text AS supply_id, p.code AS supply_code, p.name AS supply_name, p.category, p.unit,
  coalesce(b.quantity, 0) AS quantity, s.min_quantity, b.nearest_expiry`

/** Quantities per depot × supply (city depots first), with the page's total. */
export async function findStock(q: Queryable, f: StockFilter, limit: number | null, offset: number): Promise<{ rows: StockRow[]; total: number }> {
  const rows = await queryRows<StockRow>(q, sql`
    SELECT ${stockColumns} FROM ${stockFrom} WHERE ${stockWhere(f)}
    ORDER BY CASE d.level WHEN 'city' THEN 0 WHEN 'township' THEN 1 ELSE 2 END, d.division_code, d.name, p.category, p.code
    ${limit === null ? sql`` : sql`LIMIT ${limit}`} OFFSET ${offset}`)
  const [count] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM ${stockFrom} WHERE ${stockWhere(f)}`)
  return { rows, total: count?.n ?? 0 }
}

export async function setMinimum(q: Queryable, depotId: string, supplyId: string, minQuantity: number): Promise<number | null> {
  const [before] = await queryRows<{ min_quantity: number }>(q, sql`
    SELECT min_quantity FROM resources.stock_items WHERE depot_id = ${depotId}::uuid AND supply_id = ${supplyId}::uuid`)
  await q.execute(sql`
    INSERT INTO resources.stock_items (depot_id, supply_id, min_quantity) VALUES (${depotId}::uuid, ${supplyId}::uuid, ${minQuantity})
    ON CONFLICT (depot_id, supply_id) DO UPDATE SET min_quantity = EXCLUDED.min_quantity`)
  return before?.min_quantity ?? null
}

export interface ExpiringRow {
  depot_id: string
  depot_name: string
  division_code: string
  supply_id: string
  supply_code: string
  supply_name: string
  unit: string
  batch_expiry: string
  quantity: number
  days_left: number
}

/** Batches with stock whose expiry falls within `days` days of today in China (or has passed). */
export async function findExpiringBatches(q: Queryable, scope: SQL, depotId: string | undefined, days: number): Promise<ExpiringRow[]> {
  return queryRows<ExpiringRow>(q, sql`
    WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d)
    SELECT b.depot_id::text AS depot_id, d.name AS depot_name, d.division_code, b.supply_id::text AS supply_id,
           p.code AS supply_code, p.name AS supply_name, p.unit, to_char(b.batch_expiry, 'YYYY-MM-DD') AS batch_expiry, b.quantity,
           (b.batch_expiry - today.d)::int AS days_left
    FROM resources.stock_batches b
      JOIN resources.depots d ON d.id = b.depot_id
      JOIN resources.supplies p ON p.id = b.supply_id
      CROSS JOIN today
    WHERE ${scope} AND b.quantity > 0 AND b.batch_expiry IS NOT NULL AND b.batch_expiry <= today.d + ${days}::int
      ${depotId ? sql`AND b.depot_id = ${depotId}::uuid` : sql``}
    ORDER BY b.batch_expiry, d.division_code, p.code`)
}

export async function countAllMovements(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM resources.movements`)
  return row?.n ?? 0
}
