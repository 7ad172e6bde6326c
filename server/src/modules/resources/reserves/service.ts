/**
 * Reserves (储备): goods a supplier holds for the city on call (协议储备) and what an enterprise
 * can produce a day in an emergency (产能储备). Enterprise users keep their own enterprise's
 * reserves. Every write audited.
 */
import type { Static } from '@fastify/type-provider-typebox'
import type { Db, Queryable } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { invalid, notFound } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/index.ts'
import { divisionNames } from '../../geo/index.ts'
import { resolveDivision } from '../core/divisions.ts'
import { assertCanWrite, canSee, listScope, nameLike, offsetOf, scopeCondition } from '../core/scope.ts'
import { findSupplyById } from '../supplies/queries.ts'
import * as queries from './queries.ts'
import type { CreateReserveBody, Reserve, ReserveListQuery, UpdateReserveBody } from './schemas.ts'

export type ReserveView = Static<typeof Reserve>
const entity = 'resources.reserve'
const iso = (v: Date | string) => new Date(v).toISOString()

async function viewsOf(q: Queryable, rows: queries.ReserveRow[]): Promise<ReserveView[]> {
  const names = await divisionNames(q, rows.map((r) => r.division_code))
  return rows.map((r) => ({
    id: r.id, kind: r.kind, supplierName: r.supplier_name, enterpriseId: r.enterprise_id, divisionCode: r.division_code,
    divisionName: names.get(r.division_code) ?? null, contactName: r.contact_name, contactPhone: r.contact_phone,
    responseHours: Number(r.response_hours), contractStart: r.contract_start, contractEnd: r.contract_end, inForce: r.in_force,
    note: r.note, synthetic: r.synthetic, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    items: r.items.map((i) => ({ supplyId: i.supply_id, name: i.item_name, unit: i.unit, quantity: i.quantity })),
  }))
}

const filterOf = (actor: Actor, query: Static<typeof ReserveListQuery>): queries.ReserveFilter => ({
  scope: scopeCondition(listScope(actor, query.divisionCode), 'r', true), nameLike: nameLike(query.q), kind: query.kind, supplyId: query.supplyId,
})

export async function listReserves(db: Db, actor: Actor, query: Static<typeof ReserveListQuery>) {
  const { rows, total } = await queries.findReserves(db, filterOf(actor, query), query.pageSize, offsetOf(query.page, query.pageSize))
  return { items: await viewsOf(db, rows), total, page: query.page, pageSize: query.pageSize }
}

/** Every reserve the list would show, unpaged (exports). */
export async function allReserves(db: Db, actor: Actor, query: Static<typeof ReserveListQuery>): Promise<ReserveView[]> {
  return viewsOf(db, (await queries.findReserves(db, filterOf(actor, query), null, 0)).rows)
}

async function loadReserve(q: Queryable, actor: Actor, id: string): Promise<queries.ReserveRow> {
  const row = await queries.findReserveById(q, id)
  if (!row || !canSee(actor, { divisionCode: row.division_code, enterpriseId: row.enterprise_id })) throw notFound(`储备 ${id}`, `Reserve ${id}`, 'params.id')
  return row
}

export async function getReserve(db: Db, actor: Actor, id: string): Promise<ReserveView> {
  return (await viewsOf(db, [await loadReserve(db, actor, id)]))[0]!
}

type ItemInput = Static<typeof CreateReserveBody>['items'][number]

/** Items named by a catalogue entry take its name and unit; free items need both. */
async function itemValues(q: Queryable, items: readonly ItemInput[]): Promise<queries.ItemValues[]> {
  const values: queries.ItemValues[] = []
  for (const [i, item] of items.entries()) {
    const field = `body.items.${i}`
    const supply = item.supplyId ? await findSupplyById(q, item.supplyId) : null
    if (item.supplyId && !supply) throw invalid('unknown_supply', `${field}.supplyId`, `${field}.supplyId：物资目录中没有该物资`, `${field}.supplyId: no such supply in the catalogue`)
    const name = item.name ?? supply?.name
    const unit = item.unit ?? supply?.unit
    if (!name) throw invalid('item_name_required', `${field}.name`, `${field}.name：未关联物资目录时须填写品名`, `${field}.name: an item outside the catalogue needs a name`)
    if (!unit) throw invalid('item_unit_required', `${field}.unit`, `${field}.unit：未关联物资目录时须填写单位`, `${field}.unit: an item outside the catalogue needs a unit`)
    values.push({ supply_id: supply?.id ?? null, item_name: name, unit, quantity: item.quantity })
  }
  return values
}

function checkContract(kind: string, start: string | null, end: string | null): void {
  if (kind === 'agreement' && end === null) {
    throw invalid('contract_end_required', 'body.contractEnd', '协议储备须填写协议到期日 body.contractEnd', 'An agreement reserve needs its contract end date body.contractEnd')
  }
  if (start !== null && end !== null && end < start) {
    throw invalid('contract_period_reversed', 'body.contractEnd', '协议到期日不能早于开始日', 'The contract cannot end before it starts')
  }
}

const enterpriseOf = (actor: Actor | null, requested: string | null | undefined, current: string | null): string | null =>
  actor?.role === 'enterprise' ? actor.enterpriseId : requested === undefined ? current : requested

export async function reserveValues(q: Queryable, actor: Actor | null, body: Static<typeof CreateReserveBody>, synthetic = false): Promise<queries.ReserveValues> {
  const division = await resolveDivision(q, body.divisionCode, 'body.divisionCode')
  const enterpriseId = enterpriseOf(actor, body.enterpriseId, null)
  if (actor) assertCanWrite(actor, { divisionCode: division.code, enterpriseId })
  checkContract(body.kind, body.contractStart ?? null, body.contractEnd ?? null)
  return {
    kind: body.kind, supplier_name: body.supplierName.trim(), enterprise_id: enterpriseId, division_code: division.code,
    contact_name: body.contactName ?? null, contact_phone: body.contactPhone ?? null, response_hours: body.responseHours,
    contract_start: body.contractStart ?? null, contract_end: body.contractEnd ?? null, note: body.note ?? null, synthetic,
    items: await itemValues(q, body.items),
  }
}

export async function createReserve(db: Db, actor: Actor, body: Static<typeof CreateReserveBody>): Promise<ReserveView> {
  return db.transaction(async (tx) => {
    const id = await queries.insertReserve(tx, await reserveValues(tx, actor, body))
    const created = (await viewsOf(tx, [(await queries.findReserveById(tx, id))!]))[0]!
    await recordAudit(tx, { actor, action: 'reserve.create', entity, entityId: id, after: created })
    return created
  })
}

export async function updateReserve(db: Db, actor: Actor, id: string, body: Static<typeof UpdateReserveBody>): Promise<ReserveView> {
  return db.transaction(async (tx) => {
    const row = await loadReserve(tx, actor, id)
    assertCanWrite(actor, { divisionCode: row.division_code, enterpriseId: row.enterprise_id })
    const before = (await viewsOf(tx, [row]))[0]!
    const divisionCode = body.divisionCode === undefined ? row.division_code : (await resolveDivision(tx, body.divisionCode, 'body.divisionCode')).code
    const enterpriseId = enterpriseOf(actor, body.enterpriseId, row.enterprise_id)
    assertCanWrite(actor, { divisionCode, enterpriseId })
    const pick = <V>(value: V | undefined, current: V): V => (value === undefined ? current : value)
    const contractStart = pick(body.contractStart, row.contract_start)
    const contractEnd = pick(body.contractEnd, row.contract_end)
    checkContract(row.kind, contractStart, contractEnd)
    await queries.updateReserve(tx, id, {
      kind: row.kind, supplier_name: body.supplierName?.trim() ?? row.supplier_name, enterprise_id: enterpriseId, division_code: divisionCode,
      contact_name: pick(body.contactName, row.contact_name), contact_phone: pick(body.contactPhone, row.contact_phone),
      response_hours: body.responseHours ?? Number(row.response_hours), contract_start: contractStart, contract_end: contractEnd,
      note: pick(body.note, row.note), synthetic: row.synthetic,
      items: body.items ? await itemValues(tx, body.items) : row.items,
    })
    const after = (await viewsOf(tx, [(await queries.findReserveById(tx, id))!]))[0]!
    await recordAudit(tx, { actor, action: 'reserve.update', entity, entityId: id, before, after })
    return after
  })
}

export async function deleteReserve(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadReserve(tx, actor, id)
    assertCanWrite(actor, { divisionCode: row.division_code, enterpriseId: row.enterprise_id })
    const before = (await viewsOf(tx, [row]))[0]!
    await queries.deleteReserve(tx, id)
    await recordAudit(tx, { actor, action: 'reserve.delete', entity, entityId: id, before })
  })
}
