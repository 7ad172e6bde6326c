/**
 * The supplies catalogue (物资目录): what depots may hold, with its unit and shelf life. The
 * county's catalogue is shared: everyone signed in reads the entries defined on the path from
 * the province down to their jurisdiction and below it; writers edit entries in their reach.
 */
import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { divisionPrefix, parentDivisionCode } from '@yingji/domain/geo/divisionCode'
import type { Db, Queryable } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { AppError, notFound } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/index.ts'
import { resolveDivision } from '../core/divisions.ts'
import { assertCanWrite, nameLike, offsetOf } from '../core/scope.ts'
import * as queries from './queries.ts'
import type { CreateSupplyBody, Supply, SupplyListQuery, UpdateSupplyBody } from './schemas.ts'

export type SupplyView = Static<typeof Supply>
const entity = 'resources.supply'
/** Entries without a division belong to the county catalogue. */
export const catalogueDivision = '360281000000'

const iso = (v: Date | string) => new Date(v).toISOString()

export const supplyView = (r: queries.SupplyRow): SupplyView => ({
  id: r.id, code: r.code, name: r.name, category: r.category, unit: r.unit, spec: r.spec, shelfLifeMonths: r.shelf_life_months,
  divisionCode: r.division_code, synthetic: r.synthetic, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
})

function ancestorsOf(code: string): string[] {
  const codes = [code]
  for (let parent = parentDivisionCode(code); parent; parent = parentDivisionCode(parent)) codes.push(parent)
  return codes
}

const visibleTo = (actor: Actor) => sql`(s.division_code IN (SELECT jsonb_array_elements_text(${JSON.stringify(ancestorsOf(actor.jurisdiction))}::jsonb))
  OR s.division_code LIKE ${`${divisionPrefix(actor.jurisdiction)}%`})`

const filterOf = (actor: Actor, query: Static<typeof SupplyListQuery>): queries.SupplyFilter =>
  ({ visible: visibleTo(actor), nameLike: nameLike(query.q), category: query.category })

export async function listSupplies(db: Db, actor: Actor, query: Static<typeof SupplyListQuery>) {
  const { rows, total } = await queries.findSupplies(db, filterOf(actor, query), query.pageSize, offsetOf(query.page, query.pageSize))
  return { items: rows.map(supplyView), total, page: query.page, pageSize: query.pageSize }
}

export async function allSupplies(db: Db, actor: Actor, query: Static<typeof SupplyListQuery>): Promise<SupplyView[]> {
  return (await queries.findSupplies(db, filterOf(actor, query), null, 0)).rows.map(supplyView)
}

/** A catalogue entry, or 404 naming the field the id came from. */
export async function loadSupply(q: Queryable, id: string, field = 'params.id'): Promise<queries.SupplyRow> {
  const row = await queries.findSupplyById(q, id)
  if (!row) throw notFound(`物资 ${id}`, `Supply ${id}`, field)
  return row
}

export async function getSupply(db: Db, id: string): Promise<SupplyView> {
  return supplyView(await loadSupply(db, id))
}

export const codeTaken = (code: string, field = 'body.code') =>
  new AppError('conflict', 'supply_code_taken', `物资编码 ${code} 已存在`, `The supply code ${code} is already in use`, field)

export async function createSupply(db: Db, actor: Actor, body: Static<typeof CreateSupplyBody>): Promise<SupplyView> {
  return db.transaction(async (tx) => {
    const division = body.divisionCode === undefined ? catalogueDivision : (await resolveDivision(tx, body.divisionCode, 'body.divisionCode')).code
    assertCanWrite(actor, { divisionCode: division })
    if ((await queries.findSuppliesByCodes(tx, [body.code])).length > 0) throw codeTaken(body.code)
    const [id] = await queries.insertSupplies(tx, [{
      code: body.code, name: body.name.trim(), category: body.category, unit: body.unit.trim(), spec: body.spec ?? null,
      shelf_life_months: body.shelfLifeMonths ?? null, division_code: division, synthetic: false,
    }])
    const created = supplyView((await queries.findSupplyById(tx, id!))!)
    await recordAudit(tx, { actor, action: 'supply.create', entity, entityId: id!, after: created })
    return created
  })
}

export async function updateSupply(db: Db, actor: Actor, id: string, body: Static<typeof UpdateSupplyBody>): Promise<SupplyView> {
  return db.transaction(async (tx) => {
    const row = await loadSupply(tx, id)
    assertCanWrite(actor, { divisionCode: row.division_code })
    if (body.code !== undefined && body.code !== row.code && (await queries.findSuppliesByCodes(tx, [body.code])).length > 0) throw codeTaken(body.code)
    await queries.updateSupply(tx, id, {
      ...row,
      code: body.code ?? row.code, name: body.name?.trim() ?? row.name, category: body.category ?? row.category,
      unit: body.unit?.trim() ?? row.unit, spec: body.spec === undefined ? row.spec : body.spec,
      shelf_life_months: body.shelfLifeMonths === undefined ? row.shelf_life_months : body.shelfLifeMonths,
    })
    const after = supplyView((await queries.findSupplyById(tx, id))!)
    await recordAudit(tx, { actor, action: 'supply.update', entity, entityId: id, before: supplyView(row), after })
    return after
  })
}

export async function deleteSupply(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadSupply(tx, id)
    assertCanWrite(actor, { divisionCode: row.division_code })
    if (await queries.supplyIsUsed(tx, id)) {
      throw new AppError('conflict', 'supply_in_use', '该物资已有库存记录，不能删除', 'The supply has stock records and cannot be deleted', 'params.id')
    }
    await queries.deleteSupply(tx, id)
    await recordAudit(tx, { actor, action: 'supply.delete', entity, entityId: id, before: supplyView(row) })
  })
}
