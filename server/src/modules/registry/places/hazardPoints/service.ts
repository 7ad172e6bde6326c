/**
 * Geological hazard points (地质灾害隐患点): where a slope or ground may fail, whom it
 * threatens and who watches it (群测群防员). Each lies in a village.
 */
import { divisionLevel } from '@yingji/domain/geo/divisionCode'
import type { Db, Queryable } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import { invalid } from '../../../../http/errors.ts'
import { recordAudit } from '../../../auth/index.ts'
import { labelOf } from '../core/options.ts'
import { assertVisible, listPrefix, namesFor, resolveDivision } from '../core/scope.ts'
import { commonView, newId, pageOf, pointFeatures, type CommonView } from '../core/views.ts'
import { hazardScales, hazardStabilities, hazardStatuses, hazardTypes } from './options.ts'
import * as queries from './queries.ts'
import type { HazardPointCreate, HazardPointPatch } from './schemas.ts'

const what = ['地质灾害隐患点', 'Geological hazard point'] as const

export interface HazardPointView extends CommonView {
  name: string
  type: queries.HazardPointValues['type']
  typeName: string
  scale: queries.HazardPointValues['scale']
  scaleName: string
  stability: queries.HazardPointValues['stability']
  stabilityName: string
  threatenedHouseholds: number
  threatenedPeople: number
  threatenedProperty: number
  monitorName: string
  monitorPhone: string
  location: { lon: number; lat: number }
  status: queries.HazardPointValues['status']
  statusName: string
}

const viewOf = (r: queries.HazardPointRow, names: Map<string, string>): HazardPointView => ({
  ...commonView(r, names),
  name: r.name, type: r.type, typeName: labelOf(hazardTypes, r.type), scale: r.scale, scaleName: labelOf(hazardScales, r.scale),
  stability: r.stability, stabilityName: labelOf(hazardStabilities, r.stability),
  threatenedHouseholds: r.threatened_households, threatenedPeople: r.threatened_people, threatenedProperty: r.threatened_property,
  monitorName: r.monitor_name, monitorPhone: r.monitor_phone, location: { lon: r.lon, lat: r.lat },
  status: r.status, statusName: labelOf(hazardStatuses, r.status),
})

type FilterQuery = Omit<queries.HazardPointFilter, 'prefix'> & { divisionCode?: string | undefined }
const filterOf = (actor: Actor, query: FilterQuery): queries.HazardPointFilter => ({ ...query, prefix: listPrefix(actor, query.divisionCode) })

export async function listHazardPoints(q: Queryable, actor: Actor, query: FilterQuery & { page: number; pageSize: number }) {
  const { rows, total } = await queries.findHazardPointPage(q, filterOf(actor, query), pageOf(query))
  const names = await namesFor(q, rows)
  return { items: rows.map((r) => viewOf(r, names)), total, page: query.page, pageSize: query.pageSize }
}

export async function allHazardPoints(q: Queryable, actor: Actor, query: FilterQuery): Promise<HazardPointView[]> {
  const rows = await queries.findAllHazardPoints(q, filterOf(actor, query))
  const names = await namesFor(q, rows)
  return rows.map((r) => viewOf(r, names))
}

export async function hazardPointMap(q: Queryable, actor: Actor, query: FilterQuery) {
  const rows = await queries.findAllHazardPoints(q, filterOf(actor, query))
  return pointFeatures(rows, (r) => ({
    id: r.id, name: r.name, type: r.type, typeName: labelOf(hazardTypes, r.type), scale: r.scale,
    threatenedPeople: r.threatened_people, status: r.status, synthetic: r.synthetic,
  }))
}

export async function getHazardPoint(q: Queryable, actor: Actor, id: string): Promise<HazardPointView> {
  const row = assertVisible(actor, await queries.findHazardPoint(q, id), ...what)
  return viewOf(row, await namesFor(q, [row]))
}

/** Checks a full input and gives the row to store; errors name `<fieldPrefix>.<field>`. */
export async function prepareHazardPoint(
  q: Queryable, actor: Actor, id: string, input: HazardPointCreate, synthetic = false, fieldPrefix = 'body',
): Promise<queries.HazardPointValues> {
  const division = await resolveDivision(q, actor, input.divisionCode, `${fieldPrefix}.divisionCode`)
  if (divisionLevel(division.code) !== 'village') {
    throw invalid('village_expected', `${fieldPrefix}.divisionCode`,
      `隐患点应登记到村（社区）一级的行政区划：${division.name}（${division.code}）不是村`,
      `A hazard point belongs to a village: ${division.code} is not a village`)
  }
  if (input.threatenedHouseholds > input.threatenedPeople) {
    throw invalid('households_exceed_people', `${fieldPrefix}.threatenedHouseholds`,
      `威胁户数（${input.threatenedHouseholds}）不能多于威胁人数（${input.threatenedPeople}）`,
      `Households threatened (${input.threatenedHouseholds}) cannot exceed people threatened (${input.threatenedPeople})`)
  }
  return {
    id, name: input.name.trim(), type: input.type, scale: input.scale, stability: input.stability,
    threatened_households: input.threatenedHouseholds, threatened_people: input.threatenedPeople,
    threatened_property: input.threatenedProperty, division_code: division.code,
    monitor_name: input.monitorName.trim(), monitor_phone: input.monitorPhone,
    lon: input.location.lon, lat: input.location.lat, status: input.status ?? 'active', synthetic,
  }
}

export async function createHazardPoint(db: Db, actor: Actor, input: HazardPointCreate): Promise<HazardPointView> {
  const id = newId()
  await db.transaction(async (tx) => {
    const row = await prepareHazardPoint(tx, actor, id, input)
    await queries.insertHazardPoints(tx, [row])
    await recordAudit(tx, { actor, action: 'hazard_point.create', entity: 'hazard_point', entityId: id, after: row })
  })
  return getHazardPoint(db, actor, id)
}

const inputOf = (r: queries.HazardPointRow): HazardPointCreate => ({
  name: r.name, type: r.type, scale: r.scale, stability: r.stability, threatenedHouseholds: r.threatened_households,
  threatenedPeople: r.threatened_people, threatenedProperty: r.threatened_property, divisionCode: r.division_code,
  monitorName: r.monitor_name, monitorPhone: r.monitor_phone, location: { lon: r.lon, lat: r.lat }, status: r.status,
})

export async function updateHazardPoint(db: Db, actor: Actor, id: string, patch: HazardPointPatch): Promise<HazardPointView> {
  await db.transaction(async (tx) => {
    const before = assertVisible(actor, await queries.findHazardPoint(tx, id), ...what)
    const row = await prepareHazardPoint(tx, actor, id, { ...inputOf(before), ...patch }, before.synthetic)
    await queries.updateHazardPoint(tx, row)
    await recordAudit(tx, { actor, action: 'hazard_point.update', entity: 'hazard_point', entityId: id, before, after: row })
  })
  return getHazardPoint(db, actor, id)
}

export async function deleteHazardPoint(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = assertVisible(actor, await queries.findHazardPoint(tx, id), ...what)
    await queries.deleteHazardPoint(tx, id)
    await recordAudit(tx, { actor, action: 'hazard_point.delete', entity: 'hazard_point', entityId: id, before })
  })
}
