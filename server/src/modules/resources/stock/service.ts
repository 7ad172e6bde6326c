/**
 * Stock as a ledger (出入库台账). A movement is appended, never changed: quantities on hand are
 * derived from the ledger. An out, transfer or loss is checked against the stock on hand while
 * the depot × supply row is locked, so two concurrent outs cannot both pass zero. Stock that
 * expires moves by batch, first-expiry-first-out unless a batch is named.
 */
import crypto from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import type { Db, Queryable } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { AppError, invalid } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/index.ts'
import { enqueueEvent } from '../../events/outbox.ts'
import { findDepotById, type DepotRow } from '../depots/queries.ts'
import { assertCanWrite, canSee, listScope, nameLike, offsetOf, scopeCondition } from '../core/scope.ts'
import { findSupplyById, type SupplyRow } from '../supplies/queries.ts'
import * as queries from './queries.ts'
import type {
  BatchWarning, CreateMovementBody, MinimumBody, Movement, MovementDocument, MovementListQuery, MovementRequestKind,
  StockItem, StockQuery, StockWarnings, WarningsQuery,
} from './schemas.ts'

export type MovementView = Static<typeof Movement>
export type StockItemView = Static<typeof StockItem>

/** The topic other modules (dispatch, analytics) follow. */
export const stockMovedTopic = 'resources.stock_moved'

const iso = (v: Date | string) => new Date(v).toISOString()

const movementView = (r: queries.MovementRow): MovementView => ({
  id: r.id, kind: r.kind, depotId: r.depot_id, depotName: r.depot_name, supplyId: r.supply_id, supplyCode: r.supply_code,
  supplyName: r.supply_name, unit: r.unit, quantity: r.quantity, batchExpiry: r.batch_expiry, reason: r.reason,
  documentNo: r.document_no, transferId: r.transfer_id, divisionCode: r.division_code, actorName: r.actor_name,
  occurredAt: iso(r.occurred_at), recordedAt: iso(r.recorded_at), synthetic: r.synthetic,
})

const stockView = (r: queries.StockRow): StockItemView => ({
  depotId: r.depot_id, depotName: r.depot_name, depotLevel: r.depot_level, divisionCode: r.division_code,
  supplyId: r.supply_id, supplyCode: r.supply_code, supplyName: r.supply_name, category: r.category, unit: r.unit,
  quantity: r.quantity, minQuantity: r.min_quantity, belowMinimum: r.min_quantity > 0 && r.quantity < r.min_quantity,
  nearestExpiry: r.nearest_expiry,
})

const documentPrefix: Record<MovementRequestKind, string> = { in: 'RK', out: 'CK', transfer: 'DB', loss: 'BS' }

/** RK/CK/DB/BS (入库/出库/调拨/报损) + date in China + 6 random hex digits. */
function newDocumentNo(kind: MovementRequestKind, at: Date): string {
  const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  return `${documentPrefix[kind]}-${day}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`
}

async function depotFor(q: Queryable, id: string, field: string): Promise<DepotRow> {
  const depot = await findDepotById(q, id)
  if (!depot) throw invalid('unknown_depot', field, `${field}：储备库不存在`, `${field}: no such depot`)
  return depot
}

async function supplyFor(q: Queryable, id: string, field: string): Promise<SupplyRow> {
  const supply = await findSupplyById(q, id)
  if (!supply) throw invalid('unknown_supply', field, `${field}：物资目录中没有该物资`, `${field}: no such supply in the catalogue`)
  return supply
}

interface Draw { batchExpiry: string | null; quantity: number }

/** Takes `quantity` from the batches on hand (first to expire first), or 409 when there is not enough. */
function drawFromBatches(batches: queries.BatchRow[], quantity: number, depot: DepotRow, supply: SupplyRow, batch: string | undefined): Draw[] {
  const usable = batch === undefined ? batches : batches.filter((b) => b.batch_expiry === batch)
  const available = usable.reduce((n, b) => n + b.quantity, 0)
  if (available < quantity) {
    const which = batch === undefined ? '' : `（批次有效期 ${batch}）`
    const whichEn = batch === undefined ? '' : ` (batch expiring ${batch})`
    throw new AppError('conflict', 'insufficient_stock',
      `库存不足：${depot.name} 的${supply.name}${which}现有 ${available} ${supply.unit}，不能出 ${quantity} ${supply.unit}`,
      `Not enough stock: ${depot.name} holds ${available} ${supply.unit} of ${supply.name}${whichEn}, cannot take ${quantity}`,
      'body.quantity', { available, requested: quantity, unit: supply.unit })
  }
  const draws: Draw[] = []
  let left = quantity
  for (const b of usable) {
    if (left === 0) break
    const take = Math.min(left, b.quantity)
    draws.push({ batchExpiry: b.batch_expiry, quantity: take })
    left -= take
  }
  return draws
}

export interface MovementOptions {
  /** Demo rows (the seed). */
  synthetic?: boolean
}

/** Records one document (入库/出库/调拨/报损): ledger rows, audit and the outbox event in one transaction. */
export async function recordMovement(
  db: Db, actor: Actor | null, body: Static<typeof CreateMovementBody>, options: MovementOptions = {},
): Promise<Static<typeof MovementDocument>> {
  if (body.kind === 'transfer' && body.toDepotId === undefined) {
    throw invalid('missing_destination', 'body.toDepotId', '调拨须填写调入库 body.toDepotId', 'A transfer needs the destination depot body.toDepotId')
  }
  if (body.kind !== 'transfer' && body.toDepotId !== undefined) {
    throw invalid('unexpected_destination', 'body.toDepotId', '只有调拨才填写调入库 body.toDepotId', 'Only a transfer has a destination depot body.toDepotId')
  }
  if (body.kind === 'transfer' && body.toDepotId === body.depotId) {
    throw invalid('same_depot', 'body.toDepotId', '调入库不能与调出库相同', 'The destination depot must differ from the source')
  }
  const occurredAt = body.occurredAt === undefined ? null : new Date(body.occurredAt)
  if (occurredAt && occurredAt.getTime() > Date.now() + 5 * 60_000) {
    throw invalid('future_movement', 'body.occurredAt', '发生时间不能晚于当前时间', 'A movement cannot happen in the future')
  }

  return db.transaction((tx) => recordMovementIn(tx, actor, body, occurredAt, options))
}

/** The work of `recordMovement` inside the caller's transaction (the demo seed writes many at once). */
export async function recordMovementIn(
  tx: Queryable, actor: Actor | null, body: Static<typeof CreateMovementBody>, occurredAt: Date | null, options: MovementOptions = {},
): Promise<Static<typeof MovementDocument>> {
  const depot = await depotFor(tx, body.depotId, 'body.depotId')
  if (actor) assertCanWrite(actor, { divisionCode: depot.division_code })
  const supply = await supplyFor(tx, body.supplyId, 'body.supplyId')
  const destination = body.toDepotId === undefined ? null : await depotFor(tx, body.toDepotId, 'body.toDepotId')
  const expires = supply.shelf_life_months !== null
  if (body.kind === 'in' && expires && body.batchExpiry === undefined) {
    throw invalid('batch_expiry_required', 'body.batchExpiry', `${supply.name}有保质期，入库须填写批次有效期 body.batchExpiry`,
      `${supply.name} expires: stock coming in needs its batch expiry body.batchExpiry`)
  }
  if (!expires && body.batchExpiry !== undefined) {
    throw invalid('batch_expiry_not_applicable', 'body.batchExpiry', `${supply.name}无保质期，不应填写批次有效期`, `${supply.name} does not expire: leave out body.batchExpiry`)
  }

  await queries.lockStockItems(tx, [
    { depotId: depot.id, supplyId: supply.id },
    ...(destination ? [{ depotId: destination.id, supplyId: supply.id }] : []),
  ])
  const draws: Draw[] = body.kind === 'in'
    ? [{ batchExpiry: body.batchExpiry ?? null, quantity: body.quantity }]
    : drawFromBatches(await queries.findBatchesOnHand(tx, depot.id, supply.id), body.quantity, depot, supply, body.batchExpiry)

  const documentNo = body.documentNo?.trim() || newDocumentNo(body.kind, occurredAt ?? new Date())
  const transferId = body.kind === 'transfer' ? crypto.randomUUID() : null
  const common = {
    supply_id: supply.id, reason: body.reason.trim(), document_no: documentNo, transfer_id: transferId,
    actor_kind: actor?.kind ?? 'system', actor_id: actor?.id ?? null, actor_name: actor?.name ?? '系统',
    occurred_at: occurredAt?.toISOString() ?? null, synthetic: options.synthetic ?? false,
  }
  const rows: queries.NewMovement[] = draws.flatMap((draw) => {
    const at = (kind: queries.NewMovement['kind'], d: DepotRow): queries.NewMovement =>
      ({ ...common, kind, depot_id: d.id, division_code: d.division_code, quantity: draw.quantity, batch_expiry: draw.batchExpiry })
    if (body.kind === 'transfer') return [at('transfer_out', depot), at('transfer_in', destination!)]
    return [at(body.kind, depot)]
  })
  const ids = await queries.insertMovements(tx, rows)
  const movements = (await queries.findMovementsByIds(tx, ids)).map(movementView)
  const document = { documentNo, kind: body.kind, transferId, movements }

  await recordAudit(tx, { actor, action: `stock.${body.kind}`, entity: 'resources.movement', entityId: transferId ?? ids[0]!, after: document })
  await enqueueEvent(tx, stockMovedTopic, {
    documentNo, kind: body.kind, depotId: depot.id, toDepotId: destination?.id ?? null, supplyId: supply.id, supplyCode: supply.code,
    quantity: body.quantity, divisionCode: depot.division_code,
    movements: movements.map((m) => ({ id: m.id, kind: m.kind, depotId: m.depotId, quantity: m.quantity, batchExpiry: m.batchExpiry })),
  })
  return document
}

export async function listMovements(db: Db, actor: Actor, query: Static<typeof MovementListQuery>) {
  const { rows, total } = await queries.findMovements(db, {
    scope: scopeCondition(listScope(actor, query.divisionCode), 'm', false),
    depotId: query.depotId, supplyId: query.supplyId, kind: query.kind, documentNo: query.documentNo, from: query.from, to: query.to,
    nameLike: nameLike(query.q),
  }, query.pageSize, offsetOf(query.page, query.pageSize))
  return { items: rows.map(movementView), total, page: query.page, pageSize: query.pageSize }
}

export async function getMovement(db: Db, actor: Actor, id: string): Promise<MovementView> {
  const [row] = await queries.findMovementsByIds(db, [id])
  if (!row || !canSee(actor, { divisionCode: row.division_code })) {
    throw new AppError('not_found', 'not_found', `出入库记录 ${id}不存在`, `Movement ${id} not found`, 'params.id')
  }
  return movementView(row)
}

export async function listStock(db: Db, actor: Actor, query: Static<typeof StockQuery>) {
  const { rows, total } = await queries.findStock(db, {
    scope: scopeCondition(listScope(actor, query.divisionCode), 'd', false),
    depotId: query.depotId, supplyId: query.supplyId, category: query.category, nameLike: nameLike(query.q),
  }, query.pageSize, offsetOf(query.page, query.pageSize))
  return { items: rows.map(stockView), total, page: query.page, pageSize: query.pageSize }
}

/** Sets the minimum stock (最低库存) of a depot × supply; audited. */
export async function setMinimum(db: Db, actor: Actor, body: Static<typeof MinimumBody>): Promise<StockItemView> {
  return db.transaction(async (tx) => {
    const depot = await depotFor(tx, body.depotId, 'body.depotId')
    assertCanWrite(actor, { divisionCode: depot.division_code })
    const supply = await supplyFor(tx, body.supplyId, 'body.supplyId')
    const before = await queries.setMinimum(tx, depot.id, supply.id, body.minQuantity)
    await recordAudit(tx, {
      actor, action: 'stock.minimum', entity: 'resources.stock_item', entityId: `${depot.id}:${supply.id}`,
      before: before === null ? undefined : { minQuantity: before }, after: { minQuantity: body.minQuantity },
    })
    const { rows } = await queries.findStock(tx, { scope: scopeCondition(listScope(actor, undefined), 'd', false), depotId: depot.id, supplyId: supply.id, nameLike: null }, 1, 0)
    return stockView(rows[0]!)
  })
}

/** Below-minimum stock and batches expiring within `days` days (or expired). */
export async function stockWarnings(db: Db, actor: Actor, query: Static<typeof WarningsQuery>): Promise<Static<typeof StockWarnings>> {
  const scope = scopeCondition(listScope(actor, query.divisionCode), 'd', false)
  const { rows } = await queries.findStock(db, { scope, depotId: query.depotId, nameLike: null, belowMinimumOnly: true }, null, 0)
  const expiring = await queries.findExpiringBatches(db, scope, query.depotId, query.days)
  return {
    days: query.days,
    belowMinimum: rows.map(stockView),
    expiring: expiring.map((r): Static<typeof BatchWarning> => ({
      depotId: r.depot_id, depotName: r.depot_name, divisionCode: r.division_code, supplyId: r.supply_id, supplyCode: r.supply_code,
      supplyName: r.supply_name, unit: r.unit, batchExpiry: r.batch_expiry, quantity: r.quantity, daysLeft: r.days_left, expired: r.days_left < 0,
    })),
  }
}
