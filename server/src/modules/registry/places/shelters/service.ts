/** Shelters (避灾安置场所): where people go when they must leave home, how many fit, what is there. */
import type { Db, Queryable } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import { recordAudit } from '../../../auth/index.ts'
import { labelOf } from '../core/options.ts'
import { assertVisible, listPrefix, namesFor, resolveDivision } from '../core/scope.ts'
import { commonView, newId, pageOf, pointFeatures, type CommonView } from '../core/views.ts'
import { shelterFacilities, shelterLevels, shelterStatuses, shelterTypes } from './options.ts'
import * as queries from './queries.ts'
import type { ShelterCreate, ShelterPatch } from './schemas.ts'

const what = ['避灾安置场所', 'Shelter'] as const

export interface ShelterView extends CommonView {
  name: string
  type: queries.ShelterValues['type']
  typeName: string
  level: queries.ShelterValues['level']
  levelName: string
  capacity: number
  areaM2: number
  facilities: queries.ShelterValues['facilities']
  facilityNames: string[]
  address: string
  managerName: string
  managerPhone: string
  location: { lon: number; lat: number }
  status: queries.ShelterValues['status']
  statusName: string
}

const viewOf = (r: queries.ShelterRow, names: Map<string, string>): ShelterView => ({
  ...commonView(r, names),
  name: r.name, type: r.type, typeName: labelOf(shelterTypes, r.type), level: r.level, levelName: labelOf(shelterLevels, r.level),
  capacity: r.capacity, areaM2: r.area_m2, facilities: r.facilities, facilityNames: r.facilities.map((f) => labelOf(shelterFacilities, f)),
  address: r.address, managerName: r.manager_name, managerPhone: r.manager_phone, location: { lon: r.lon, lat: r.lat },
  status: r.status, statusName: labelOf(shelterStatuses, r.status),
})

type FilterQuery = Omit<queries.ShelterFilter, 'prefix'> & { divisionCode?: string | undefined }
const filterOf = (actor: Actor, query: FilterQuery): queries.ShelterFilter => ({ ...query, prefix: listPrefix(actor, query.divisionCode) })

export async function listShelters(q: Queryable, actor: Actor, query: FilterQuery & { page: number; pageSize: number }) {
  const { rows, total, capacity } = await queries.findShelterPage(q, filterOf(actor, query), pageOf(query))
  const names = await namesFor(q, rows)
  return { items: rows.map((r) => viewOf(r, names)), total, page: query.page, pageSize: query.pageSize, totalCapacity: capacity }
}

export async function allShelters(q: Queryable, actor: Actor, query: FilterQuery): Promise<ShelterView[]> {
  const rows = await queries.findAllShelters(q, filterOf(actor, query))
  const names = await namesFor(q, rows)
  return rows.map((r) => viewOf(r, names))
}

export async function shelterMap(q: Queryable, actor: Actor, query: FilterQuery) {
  const rows = await queries.findAllShelters(q, filterOf(actor, query))
  return pointFeatures(rows, (r) => ({
    id: r.id, name: r.name, type: r.type, level: r.level, capacity: r.capacity, status: r.status,
    statusName: labelOf(shelterStatuses, r.status), synthetic: r.synthetic,
  }))
}

export async function getShelter(q: Queryable, actor: Actor, id: string): Promise<ShelterView> {
  const row = assertVisible(actor, await queries.findShelter(q, id), ...what)
  return viewOf(row, await namesFor(q, [row]))
}

export async function prepareShelter(
  q: Queryable, actor: Actor, id: string, input: ShelterCreate, synthetic = false, fieldPrefix = 'body',
): Promise<queries.ShelterValues> {
  const division = await resolveDivision(q, actor, input.divisionCode, `${fieldPrefix}.divisionCode`)
  return {
    id, name: input.name.trim(), type: input.type, level: input.level, capacity: input.capacity, area_m2: input.areaM2,
    facilities: input.facilities ?? [], address: input.address ?? '', manager_name: input.managerName.trim(),
    manager_phone: input.managerPhone, division_code: division.code, lon: input.location.lon, lat: input.location.lat,
    status: input.status ?? 'available', synthetic,
  }
}

export async function createShelter(db: Db, actor: Actor, input: ShelterCreate): Promise<ShelterView> {
  const id = newId()
  await db.transaction(async (tx) => {
    const row = await prepareShelter(tx, actor, id, input)
    await queries.insertShelters(tx, [row])
    await recordAudit(tx, { actor, action: 'shelter.create', entity: 'shelter', entityId: id, after: row })
  })
  return getShelter(db, actor, id)
}

const inputOf = (r: queries.ShelterRow): ShelterCreate => ({
  name: r.name, type: r.type, level: r.level, capacity: r.capacity, areaM2: r.area_m2, facilities: r.facilities, address: r.address,
  managerName: r.manager_name, managerPhone: r.manager_phone, divisionCode: r.division_code, location: { lon: r.lon, lat: r.lat },
  status: r.status,
})

export async function updateShelter(db: Db, actor: Actor, id: string, patch: ShelterPatch): Promise<ShelterView> {
  await db.transaction(async (tx) => {
    const before = assertVisible(actor, await queries.findShelter(tx, id), ...what)
    const row = await prepareShelter(tx, actor, id, { ...inputOf(before), ...patch }, before.synthetic)
    await queries.updateShelter(tx, row)
    await recordAudit(tx, { actor, action: 'shelter.update', entity: 'shelter', entityId: id, before, after: row })
  })
  return getShelter(db, actor, id)
}

export async function deleteShelter(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = assertVisible(actor, await queries.findShelter(tx, id), ...what)
    await queries.deleteShelter(tx, id)
    await recordAudit(tx, { actor, action: 'shelter.delete', entity: 'shelter', entityId: id, before })
  })
}
