/** Depots (储备库): list, read, create, edit, delete, map layer. Every write audited. */
import type { Static } from '@fastify/type-provider-typebox'
import type { Db, Queryable } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { AppError, notFound } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/index.ts'
import { divisionNames } from '../../geo/index.ts'
import { resolveDivision, lonLatOf } from '../core/divisions.ts'
import { assertCanWrite, canSee, listScope, nameLike, offsetOf, scopeCondition } from '../core/scope.ts'
import * as queries from './queries.ts'
import type { CreateDepotBody, Depot, DepotListQuery, DepotMap, UpdateDepotBody } from './schemas.ts'

export type DepotView = Static<typeof Depot>
const entity = 'resources.depot'

const iso = (v: Date | string) => new Date(v).toISOString()

function viewOf(r: queries.DepotRow, names: Map<string, string>): DepotView {
  return {
    id: r.id, level: r.level, name: r.name, divisionCode: r.division_code, divisionName: names.get(r.division_code) ?? null,
    location: lonLatOf(r.lon, r.lat), address: r.address, manager: r.manager, phone: r.phone, capacityNote: r.capacity_note,
    synthetic: r.synthetic, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  }
}

async function viewsOf(q: Queryable, rows: queries.DepotRow[]): Promise<DepotView[]> {
  const names = await divisionNames(q, rows.map((r) => r.division_code))
  return rows.map((r) => viewOf(r, names))
}

function filterOf(actor: Actor, query: Static<typeof DepotListQuery>): queries.DepotFilter {
  return { scope: scopeCondition(listScope(actor, query.divisionCode), 'd', false), nameLike: nameLike(query.q), level: query.level }
}

export async function listDepots(db: Db, actor: Actor, query: Static<typeof DepotListQuery>) {
  const { rows, total } = await queries.findDepots(db, filterOf(actor, query), query.pageSize, offsetOf(query.page, query.pageSize))
  return { items: await viewsOf(db, rows), total, page: query.page, pageSize: query.pageSize }
}

/** Every depot matching the list's filters (Excel export). */
export async function allDepots(db: Db, actor: Actor, query: Static<typeof DepotListQuery>): Promise<DepotView[]> {
  const { rows } = await queries.findDepots(db, filterOf(actor, query), null, 0)
  return viewsOf(db, rows)
}

/** A depot the actor may see, or 404 (also for depots outside the jurisdiction: no probing). */
export async function loadDepot(q: Queryable, actor: Actor, id: string, field = 'params.id'): Promise<queries.DepotRow> {
  const row = await queries.findDepotById(q, id)
  if (!row || !canSee(actor, { divisionCode: row.division_code })) throw notFound(`储备库 ${id}`, `Depot ${id}`, field)
  return row
}

export async function getDepot(db: Db, actor: Actor, id: string): Promise<DepotView> {
  return (await viewsOf(db, [await loadDepot(db, actor, id)]))[0]!
}

type CreateBody = Static<typeof CreateDepotBody>

/** Checked column values of a new depot; the location defaults to the division's point. */
export async function depotValues(q: Queryable, actor: Actor, body: CreateBody, field = 'body.divisionCode'): Promise<queries.DepotValues> {
  const division = await resolveDivision(q, body.divisionCode, field)
  assertCanWrite(actor, { divisionCode: division.code })
  const location = body.location === undefined ? division.location : body.location
  return {
    level: body.level, name: body.name.trim(), division_code: division.code,
    lon: location?.lon ?? null, lat: location?.lat ?? null,
    address: body.address ?? null, manager: body.manager ?? null, phone: body.phone ?? null,
    capacity_note: body.capacityNote ?? null, synthetic: false,
  }
}

export async function createDepot(db: Db, actor: Actor, body: CreateBody): Promise<DepotView> {
  return db.transaction(async (tx) => {
    const values = await depotValues(tx, actor, body)
    const [id] = await queries.insertDepots(tx, [values])
    const created = (await viewsOf(tx, [(await queries.findDepotById(tx, id!))!]))[0]!
    await recordAudit(tx, { actor, action: 'depot.create', entity, entityId: id!, after: created })
    return created
  })
}

export async function updateDepot(db: Db, actor: Actor, id: string, body: Static<typeof UpdateDepotBody>): Promise<DepotView> {
  return db.transaction(async (tx) => {
    const row = await loadDepot(tx, actor, id)
    assertCanWrite(actor, { divisionCode: row.division_code })
    const before = (await viewsOf(tx, [row]))[0]!
    let divisionCode = row.division_code
    if (body.divisionCode !== undefined) {
      divisionCode = (await resolveDivision(tx, body.divisionCode, 'body.divisionCode')).code
      assertCanWrite(actor, { divisionCode })
    }
    const location = body.location === undefined ? before.location : body.location
    await queries.updateDepot(tx, id, {
      level: body.level ?? row.level, name: body.name?.trim() ?? row.name, division_code: divisionCode,
      lon: location?.lon ?? null, lat: location?.lat ?? null,
      address: body.address === undefined ? row.address : body.address,
      manager: body.manager === undefined ? row.manager : body.manager,
      phone: body.phone === undefined ? row.phone : body.phone,
      capacity_note: body.capacityNote === undefined ? row.capacity_note : body.capacityNote,
      synthetic: row.synthetic,
    })
    const after = (await viewsOf(tx, [(await queries.findDepotById(tx, id))!]))[0]!
    await recordAudit(tx, { actor, action: 'depot.update', entity, entityId: id, before, after })
    return after
  })
}

/** Deletes a depot that never held stock; one with ledger entries is kept (409): history stays. */
export async function deleteDepot(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadDepot(tx, actor, id)
    assertCanWrite(actor, { divisionCode: row.division_code })
    if (await queries.depotHasMovements(tx, id)) {
      throw new AppError('conflict', 'depot_has_movements', '该储备库已有出入库记录，不能删除', 'The depot has stock movements and cannot be deleted', 'params.id')
    }
    const before = (await viewsOf(tx, [row]))[0]!
    await queries.deleteDepot(tx, id)
    await recordAudit(tx, { actor, action: 'depot.delete', entity, entityId: id, before })
  })
}

export async function depotMap(db: Db, actor: Actor, query: Static<typeof DepotListQuery>): Promise<Static<typeof DepotMap>> {
  const { rows } = await queries.findDepots(db, filterOf(actor, query), null, 0)
  return {
    type: 'FeatureCollection',
    features: rows.filter((r) => r.lon !== null && r.lat !== null).map((r) => ({
      type: 'Feature' as const,
      properties: { id: r.id, name: r.name, level: r.level, divisionCode: r.division_code, synthetic: r.synthetic },
      geometry: { type: 'Point' as const, coordinates: [lonLatOf(r.lon, r.lat)!.lon, lonLatOf(r.lon, r.lat)!.lat] },
    })),
  }
}
