/**
 * Planning use cases: team recommendation, supplies allocation into a draft dispatch order
 * (调拨单) and its confirmation into the stock ledger, evacuation to shelters, shelter coverage.
 * The models are pure (domain/dispatch); allocation is solved by the domain's network simplex,
 * evacuation by HiGHS in a worker (solver.ts); travel times
 * come from the road network when loaded (travel.ts).
 */
import crypto from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { divisionPrefix, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import { buildAllocation, demandedSupplies, solveAllocationExact, type AllocationDemand, type AllocationSource } from '@yingji/domain/dispatch/allocationModel'
import { buildEvacuation, solveEvacuation } from '@yingji/domain/dispatch/evacuationModel'
import { coverage, hazardPointRadiusM, riskReasons, riverBufferM } from '@yingji/domain/dispatch/shelterCoverage'
import { guardedRadiusKm, hazardLabels, rankTeams, reserveFor, teamHazardOfIncident, weights, type Readiness, type TeamLevel, type TeamTypeKey } from '@yingji/domain/dispatch/teamRanking'
import type { Queryable } from '../../../db/database.ts'
import { assertInJurisdiction, type Actor } from '../../../http/access.ts'
import { AppError, forbidden, invalid, notFound } from '../../../http/errors.ts'
import type { Platform } from '../../../platform.ts'
import { recordAudit } from '../../auth/index.ts'
import { enqueueEvent } from '../../events/outbox.ts'
import { divisionPlaces } from '../../geo/index.ts'
import { recordMovementIn } from '../../resources/index.ts'
import * as queries from './queries.ts'
import type { AllocationBody, Coverage, EvacuationBody, EvacuationPlan, Order, RecommendQuery, Recommendation } from './schemas.ts'
import { solveLps } from './solver.ts'
import { travelFor, type LonLatPair, type RouteLine } from './travel.ts'

export const orderConfirmedTopic = 'dispatch.order_confirmed'
export const evacuationPlannedTopic = 'dispatch.evacuation_planned'

const iso = (v: Date | string) => new Date(v).toISOString()
const round6 = (x: number) => Math.round(x * 1e6) / 1e6
const prefixOf = (actor: Actor) => divisionPrefix(actor.jurisdiction)
/** Shelters serve across township lines: planning looks at the whole county of the caller. */
const countyPrefixOf = (actor: Actor) => actor.jurisdiction.slice(0, 6)

// ---------------------------------------------------------------- teams

/** Where and for which hazard: the query's own, else the incident's place and hazard. */
async function recommendationTarget(q: Queryable, actor: Actor, query: Static<typeof RecommendQuery>) {
  const incident = query.incidentId ? await queries.findIncidentPlace(q, query.incidentId) : undefined
  if (query.incidentId && (!incident || !isWithinDivision(incident.division_code, actor.jurisdiction))) {
    throw notFound(`事件 ${query.incidentId}`, `Incident ${query.incidentId}`, 'querystring.incidentId')
  }
  const hazard = query.hazard ?? (incident ? teamHazardOfIncident({ subtype: incident.subtype, hazardType: incident.facts.hazardType }) : null)
  if (!hazard) {
    throw invalid(incident ? 'incident_without_hazard' : 'hazard_required', 'querystring.hazard',
      incident ? `事件“${incident.title}”的类型没有对应的救援灾种，请指定 hazard` : '请指定灾种 hazard 或事件 incidentId',
      incident ? `The incident "${incident.title}" has no rescue hazard for its type: give hazard` : 'Give a hazard or an incidentId')
  }
  if (!hazardLabels[hazard]) throw invalid('unknown_hazard', 'querystring.hazard', `未知灾种 ${hazard}`, `Unknown hazard ${hazard}`)
  const lon = query.lon ?? incident?.lon ?? null
  const lat = query.lat ?? incident?.lat ?? null
  if (lon === null || lat === null) {
    throw invalid(incident ? 'incident_without_location' : 'place_required', incident ? 'querystring.incidentId' : 'querystring.lon',
      incident ? `事件“${incident.title}”没有位置，请在地图上指定地点` : '请指定地点 lon、lat 或事件 incidentId',
      incident ? `The incident "${incident.title}" has no location: give lon and lat` : 'Give lon and lat, or an incidentId')
  }
  return { hazard, lon, lat, incident: incident ? { id: incident.id, title: incident.title, subtype: incident.subtype } : null }
}

export async function recommendTeams(platform: Platform, actor: Actor, query: Static<typeof RecommendQuery>): Promise<Static<typeof Recommendation>> {
  const { hazard, lon, lat, incident } = await recommendationTarget(platform.db, actor, query)
  const label = hazardLabels[hazard]!
  const teams = await queries.findTeams(platform.db, prefixOf(actor))
  const guarded = await queries.majorHazardsNearTeams(platform.db, teams.filter((t) => t.type === 'hazmat').map((t) => t.id), guardedRadiusKm * 1000)
  const travel = await travelFor(platform)
  const located = teams.filter((t) => t.lon !== null && t.lat !== null)
  const times = await travel.times(located.map((t) => [t.lon!, t.lat!]), [[lon, lat]])
  const seconds = new Map(located.map((t, i) => [t.id, times[i]!]))
  const ranked = rankTeams(teams.map((t) => ({
    id: t.id, name: t.name, type: t.type as TeamTypeKey, level: t.level as TeamLevel, status: t.status as Readiness, capabilities: t.capabilities, headcount: t.headcount,
    travelSeconds: seconds.get(t.id) ?? null,
    reserve: reserveFor({ type: t.type as TeamTypeKey, majorHazardsNearBase: guarded.get(t.id) ?? 0 }, hazard),
  })), hazard)
  const byId = new Map(teams.map((t) => [t.id, t]))
  return {
    hazard, hazardName: label.zh, hazardNameEn: label.en, weights: { ...weights }, travelSource: travel.source, lon, lat, incident,
    items: ranked.slice(0, query.limit ?? 20).map((r) => {
      const t = byId.get(r.id)!
      return { ...r, type: t.type, status: t.status, headcount: t.headcount, divisionCode: t.division_code, lon: t.lon, lat: t.lat }
    }),
  }
}

// ---------------------------------------------------------------- allocation

type AllocationRequest = Static<typeof AllocationBody>
interface DemandPoint { index: number; label: string; lon: number; lat: number; priority: AllocationDemand['priority'] }

async function resolveDemands(q: Queryable, actor: Actor, body: AllocationRequest): Promise<DemandPoint[]> {
  const shelterIds = body.demands.flatMap((d) => (d.shelterId ? [d.shelterId] : []))
  const shelters = new Map((await queries.findSheltersByIds(q, shelterIds)).map((s) => [s.id, s]))
  const places = await divisionPlaces(q, body.demands.flatMap((d) => (d.divisionCode ? [d.divisionCode] : [])))
  return body.demands.map((d, index) => {
    const field = `body.demands.${index}`
    const given = [d.shelterId, d.divisionCode, d.point].filter((x) => x !== undefined).length
    if (given !== 1) {
      throw invalid('demand_location', field, `${field}：需求点须且只能填写 shelterId、divisionCode、point 之一`, `${field}: give exactly one of shelterId, divisionCode, point`)
    }
    const priority = d.priority ?? 'normal'
    if (d.shelterId) {
      const s = shelters.get(d.shelterId)
      if (!s) throw invalid('unknown_shelter', `${field}.shelterId`, `${field}.shelterId：避灾安置场所不存在`, `${field}.shelterId: no such shelter`)
      return { index, label: d.label ?? s.name, lon: s.lon, lat: s.lat, priority }
    }
    if (d.divisionCode) {
      const p = places.get(d.divisionCode)
      if (!p) throw invalid('unknown_division', `${field}.divisionCode`, `${field}.divisionCode：行政区划不存在`, `${field}.divisionCode: no such division`)
      assertInJurisdiction(actor, d.divisionCode)
      if (!p.location) throw invalid('division_without_point', `${field}.divisionCode`, `${field}.divisionCode：${p.name}没有位置点`, `${field}.divisionCode: ${p.name} has no point`)
      return { index, label: d.label ?? p.name, lon: p.location.lon, lat: p.location.lat, priority }
    }
    return { index, label: d.label ?? `(${d.point!.lon.toFixed(4)}, ${d.point!.lat.toFixed(4)})`, lon: d.point!.lon, lat: d.point!.lat, priority }
  })
}

interface SourceInfo { kind: 'depot' | 'reserve'; id: string; name: string; divisionCode: string; lon: number; lat: number; leadSeconds: number; stock: Record<string, number> }

const newOrderNo = () => {
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  return `DD-${day}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`
}

export async function allocate(platform: Platform, actor: Actor, body: AllocationRequest): Promise<Static<typeof Order>> {
  const { db } = platform
  const demands = await resolveDemands(db, actor, body)
  const supplyIds = demandedSupplies(body.demands.map((d) => ({ items: d.items, priority: d.priority ?? 'normal' })))
  const supplies = new Map((await queries.findSupplies(db, supplyIds)).map((s) => [s.id, s]))
  body.demands.forEach((d, i) => d.items.forEach((item, j) => {
    if (!supplies.has(item.supplyId)) {
      const field = `body.demands.${i}.items.${j}.supplyId`
      throw invalid('unknown_supply', field, `${field}：物资目录中没有该物资`, `${field}: no such supply in the catalogue`)
    }
  }))

  // Sources: depots' stock on hand and agreement reserves in force, within the jurisdiction.
  const prefix = prefixOf(actor)
  const sources = new Map<string, SourceInfo>()
  for (const r of await queries.findDepotStock(db, prefix, supplyIds, body.sources?.depotIds ?? null)) {
    if (r.lon === null || r.lat === null) continue // a depot without a location cannot be routed from
    const s = sources.get(r.depot_id) ?? { kind: 'depot', id: r.depot_id, name: r.depot_name, divisionCode: r.division_code, lon: r.lon, lat: r.lat, leadSeconds: 0, stock: {} }
    s.stock[r.supply_id] = (s.stock[r.supply_id] ?? 0) + r.quantity
    sources.set(r.depot_id, s)
  }
  const reserves = await queries.findAgreementReserves(db, prefix, supplyIds, body.sources?.reserveIds ?? null)
  const reservePlaces = await divisionPlaces(db, reserves.map((r) => r.division_code))
  for (const r of reserves) {
    // A reserve has no address point: its supplier's division point stands in, plus its response time.
    const at = reservePlaces.get(r.division_code)?.location
    if (!at) continue
    const s = sources.get(r.reserve_id) ?? { kind: 'reserve', id: r.reserve_id, name: r.supplier_name, divisionCode: r.division_code, lon: at.lon, lat: at.lat, leadSeconds: r.response_hours * 3600, stock: {} }
    s.stock[r.supply_id] = (s.stock[r.supply_id] ?? 0) + r.quantity
    sources.set(r.reserve_id, s)
  }
  const sourceList = [...sources.values()]

  const travel = await travelFor(platform)
  const started = performance.now()
  const travelSeconds = await travel.times(sourceList.map((s) => [s.lon, s.lat]), demands.map((d) => [d.lon, d.lat]))
  const model = buildAllocation({
    sources: sourceList.map((s): AllocationSource => ({ stock: s.stock, leadSeconds: s.leadSeconds })),
    demands: body.demands.map((d, i) => ({ items: d.items, priority: demands[i]!.priority })),
    travelSeconds,
  })
  // Exact network simplex, one supply at a time, letting other requests in between supplies.
  const { result } = await solveAllocationExact(model, () => new Promise((resolve) => setImmediate(resolve)))
  const solveMs = Math.round((performance.now() - started) * 10) / 10

  const lines = result.lines.map((l) => {
    const s = sourceList[l.source]!
    const d = demands[l.demand]!
    const supply = supplies.get(l.supplyId)!
    return {
      source_kind: s.kind, source_id: s.id, source_name: s.name, source_division_code: s.divisionCode, source_lon: s.lon, source_lat: s.lat,
      demand_index: d.index, demand_label: d.label, demand_lon: d.lon, demand_lat: d.lat,
      supply_id: supply.id, supply_name: supply.name, unit: supply.unit, quantity: l.quantity, travel_seconds: l.seconds,
    }
  })
  const unmet = result.unmet.map((u) => {
    const supply = supplies.get(u.supplyId)!
    return { demandIndex: u.demand, demandLabel: demands[u.demand]!.label, supplyId: supply.id, supplyName: supply.name, unit: supply.unit, quantity: u.quantity }
  })
  const id = crypto.randomUUID()
  const orderNo = newOrderNo()
  const demandViews = demands.map((d) => ({ index: d.index, label: d.label, lon: round6(d.lon), lat: round6(d.lat), priority: d.priority }))
  await db.transaction(async (tx) => {
    await queries.insertOrder(tx, {
      id, order_no: orderNo, division_code: actor.jurisdiction, request: body, demands: demandViews, unmet,
      objective_seconds: result.objectiveSeconds, solve_ms: solveMs, created_by: actor.kind === 'user' ? actor.id : null, created_by_name: actor.name,
    }, lines)
    await recordAudit(tx, { actor, action: 'dispatch_order.plan', entity: 'dispatch.order', entityId: id, after: { orderNo, lines: lines.length, unmet, objectiveSeconds: result.objectiveSeconds } })
  })
  return { ...(await getOrder(db, actor, id)), travelSource: travel.source }
}

async function orderView(q: Queryable, row: queries.OrderRow): Promise<Static<typeof Order>> {
  const lines = await queries.findOrderLines(q, row.id)
  return {
    id: row.id, orderNo: row.order_no, status: row.status, divisionCode: row.division_code,
    demands: row.demands as Static<typeof Order>['demands'],
    lines: lines.map((l) => ({
      sourceKind: l.source_kind, sourceId: l.source_id, sourceName: l.source_name, sourceLon: l.source_lon, sourceLat: l.source_lat,
      demandIndex: l.demand_index, demandLabel: l.demand_label, demandLon: l.demand_lon, demandLat: l.demand_lat,
      supplyId: l.supply_id, supplyName: l.supply_name, unit: l.unit, quantity: l.quantity, travelSeconds: l.travel_seconds,
    })),
    unmet: row.unmet as Static<typeof Order>['unmet'],
    objectiveSeconds: row.objective_seconds, solveMs: row.solve_ms, createdByName: row.created_by_name, createdAt: iso(row.created_at),
    confirmedByName: row.confirmed_by_name, confirmedAt: row.confirmed_at === null ? null : iso(row.confirmed_at),
  }
}

const orderNotFound = (id: string) => new AppError('not_found', 'not_found', `调拨单 ${id} 不存在`, `Dispatch order ${id} not found`, 'params.id')

export async function getOrder(q: Queryable, actor: Actor, id: string): Promise<Static<typeof Order>> {
  const row = await queries.findOrder(q, id)
  if (!row || !isWithinDivision(row.division_code, actor.jurisdiction)) throw orderNotFound(id)
  return orderView(q, row)
}

export async function listOrders(q: Queryable, actor: Actor): Promise<{ items: Static<typeof Order>[] }> {
  const rows = await queries.findOrders(q, prefixOf(actor), 50)
  return { items: await Promise.all(rows.map((r) => orderView(q, r))) }
}

/**
 * Confirms a draft order in ONE transaction: each depot line becomes an 'out' movement in the
 * ledger (document_no = the order number; first-expiry-first-out), each reserve line a recorded
 * call on the agreement (no ledger movement: the supplier's goods are not in a depot). If any
 * depot no longer holds enough, nothing is written and the answer is 409 naming the line.
 */
export async function confirmOrder(platform: Platform, actor: Actor, id: string): Promise<Static<typeof Order>> {
  return platform.db.transaction(async (tx) => {
    const row = await queries.findOrder(tx, id, true)
    if (!row || !isWithinDivision(row.division_code, actor.jurisdiction)) throw orderNotFound(id)
    if (row.status !== 'draft') {
      throw new AppError('conflict', 'order_not_draft', `调拨单 ${row.order_no} 已${row.status === 'confirmed' ? '确认' : '取消'}，不能再确认`,
        `Dispatch order ${row.order_no} is already ${row.status}`, 'params.id')
    }
    const lines = await queries.findOrderLines(tx, id)
    for (const line of lines.filter((l) => l.source_kind === 'depot')) {
      try {
        await recordMovementIn(tx, actor, {
          kind: 'out', depotId: line.source_id, supplyId: line.supply_id, quantity: line.quantity,
          reason: `调拨单 ${row.order_no}：调往${line.demand_label}`.slice(0, 200), documentNo: row.order_no,
        }, null)
      } catch (error) {
        if (error instanceof AppError && error.code === 'insufficient_stock') {
          throw new AppError('conflict', 'insufficient_stock',
            `第 ${line.position + 1} 行（${line.source_name} ${line.supply_name} ${line.quantity} ${line.unit}）：${error.message}；调拨单未确认，请重新调配`,
            `Line ${line.position + 1} (${line.source_name}, ${line.quantity} ${line.unit} of ${line.supply_name}): ${error.messageEn}; the order was not confirmed, plan again`,
            `lines.${line.position}`, { line: line.position, ...(error.details as object) })
        }
        throw error
      }
    }
    const reserveCalls = lines.filter((l) => l.source_kind === 'reserve').map((l) => ({
      reserveId: l.source_id, supplierName: l.source_name, supplyName: l.supply_name, unit: l.unit, quantity: l.quantity,
    }))
    await queries.markConfirmed(tx, id, actor.kind === 'user' ? actor.id : null, actor.name)
    await recordAudit(tx, {
      actor, action: 'dispatch_order.confirm', entity: 'dispatch.order', entityId: id,
      before: { status: 'draft' }, after: { status: 'confirmed', orderNo: row.order_no, movements: lines.length - reserveCalls.length, reserveCalls },
    })
    await enqueueEvent(tx, orderConfirmedTopic, { orderId: id, orderNo: row.order_no, divisionCode: row.division_code, reserveCalls })
    return { ...(await orderView(tx, (await queries.findOrder(tx, id))!)), reserveCalls }
  })
}

// ---------------------------------------------------------------- evacuation

type EvacuationRequest = Static<typeof EvacuationBody>

async function villagesOfArea(q: Queryable, actor: Actor, area: EvacuationRequest['area']): Promise<queries.VillageRow[]> {
  const prefix = prefixOf(actor)
  if ('divisionCodes' in area) {
    const codes = [...new Set(area.divisionCodes)]
    const known = new Set((await queries.divisionsExist(q, codes)).map((r) => r.code))
    area.divisionCodes.forEach((code, i) => {
      if (!known.has(code)) throw invalid('unknown_division', `body.area.divisionCodes.${i}`, `body.area.divisionCodes.${i}：行政区划 ${code} 不存在`, `body.area.divisionCodes.${i}: no division ${code}`)
      assertInJurisdiction(actor, code)
    })
    return queries.findVillagesInDivisions(q, prefix, codes.map(divisionPrefix))
  }
  if ('polygon' in area) {
    for (const [i, ring] of area.polygon.coordinates.entries()) {
      const [a, b] = [ring[0]!, ring[ring.length - 1]!]
      if (a[0] !== b[0] || a[1] !== b[1]) {
        throw invalid('ring_not_closed', `body.area.polygon.coordinates.${i}`, '多边形的环须首尾相同', 'A polygon ring must end where it starts')
      }
      for (const [lon, lat] of ring) {
        if (!(Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90)) throw invalid('bad_position', `body.area.polygon.coordinates.${i}`, '坐标超出经纬度范围', 'A position is outside longitude/latitude range')
      }
    }
    return queries.findVillagesInGeometry(q, prefix, queries.geoJsonGeometry(area.polygon))
  }
  const warning = await queries.findWarningArea(q, area.warningId)
  if (!warning) throw invalid('unknown_warning', 'body.area.warningId', 'body.area.warningId：预警不存在', 'body.area.warningId: no such warning')
  if (!isWithinDivision(warning.division_code, actor.jurisdiction) && !isWithinDivision(actor.jurisdiction, warning.division_code)) throw forbidden()
  return queries.findVillagesInGeometry(q, prefix, queries.geoJsonGeometry(JSON.parse(warning.area_geojson)))
}

export async function planEvacuation(platform: Platform, actor: Actor, body: EvacuationRequest): Promise<Static<typeof EvacuationPlan>> {
  const { db } = platform
  const villages = await villagesOfArea(db, actor, body.area)
  if (villages.length === 0) {
    throw invalid('no_villages', 'body.area', 'body.area：区域内没有村（社区）位置点', 'body.area: no village points in the area')
  }
  const shelters = await queries.findAvailableShelters(db, countyPrefixOf(actor))
  const travel = await travelFor(platform)
  const started = performance.now()
  const travelSeconds = await travel.times(villages.map((v) => [v.lon, v.lat]), shelters.map((s) => [s.lon, s.lat]))
  const model = buildEvacuation({ people: villages.map((v) => v.population), capacity: shelters.map((s) => s.capacity), travelSeconds, ...(body.maxMinutes ? { maxMinutes: body.maxMinutes } : {}) })
  const { result } = await solveEvacuation(model, (lps) => solveLps(lps, { timeLimitSeconds: 20 }))
  const solveMs = Math.round((performance.now() - started) * 10) / 10

  const routes = new Map<string, RouteLine | null>()
  if (body.withRoutes !== false) {
    for (const a of result.assignments) {
      const v = villages[a.village]!
      const s = shelters[a.shelter]!
      const from: LonLatPair = [v.lon, v.lat]
      const to: LonLatPair = [s.lon, s.lat]
      routes.set(`${a.village}:${a.shelter}`, await travel.route(from, to))
    }
  }
  const assignedTo = new Array<number>(shelters.length).fill(0)
  for (const a of result.assignments) assignedTo[a.shelter]! += a.people
  const people = villages.reduce((n, v) => n + v.population, 0)
  const unassigned = result.unassigned.reduce((n, u) => n + u, 0)
  const plan = {
    villages: villages.map((v, i) => ({ code: v.code, name: v.name, population: v.population, synthetic: v.synthetic, lon: round6(v.lon), lat: round6(v.lat), unassigned: result.unassigned[i]! })),
    shelters: shelters.map((s, i) => ({ id: s.id, name: s.name, capacity: s.capacity, assigned: assignedTo[i]!, lon: round6(s.lon), lat: round6(s.lat) }))
      .filter((s) => s.assigned > 0),
    assignments: result.assignments.map((a) => ({
      villageCode: villages[a.village]!.code, shelterId: shelters[a.shelter]!.id, people: a.people, travelSeconds: a.seconds,
      route: routes.get(`${a.village}:${a.shelter}`) ?? null,
    })),
    people, assigned: people - unassigned, unassigned, personSeconds: result.personSeconds, solveMs,
    maxMinutes: body.maxMinutes ?? null, travelSource: travel.source,
  }
  const id = crypto.randomUUID()
  await db.transaction(async (tx) => {
    await queries.insertPlan(tx, {
      id, division_code: actor.jurisdiction, request: body, result: plan, people, unassigned, person_seconds: result.personSeconds, solve_ms: solveMs,
      created_by: actor.kind === 'user' ? actor.id : null, created_by_name: actor.name,
    })
    await recordAudit(tx, { actor, action: 'evacuation_plan.create', entity: 'dispatch.evacuation_plan', entityId: id, after: { request: body, people, unassigned, villages: villages.length } })
    await enqueueEvent(tx, evacuationPlannedTopic, { planId: id, divisionCode: actor.jurisdiction, people, unassigned })
  })
  return { id, ...plan }
}

export async function getEvacuationPlan(q: Queryable, actor: Actor, id: string): Promise<Static<typeof EvacuationPlan>> {
  const row = await queries.findPlan(q, id)
  if (!row || !isWithinDivision(row.division_code, actor.jurisdiction)) {
    throw new AppError('not_found', 'not_found', `转移安置方案 ${id} 不存在`, `Evacuation plan ${id} not found`, 'params.id')
  }
  return { id: row.id, ...(row.result as Omit<Static<typeof EvacuationPlan>, 'id'>) }
}

// ---------------------------------------------------------------- coverage

export const coverageRule = {
  zh: `高风险村：${hazardPointRadiusM / 1000} 公里内有在册地灾隐患点，或距河流 ${riverBufferM / 1000} 公里内（无高程数据，以近河代表易涝低洼）`,
  en: `High-risk village: an active geological-hazard point within ${hazardPointRadiusM / 1000} km, or within ${riverBufferM / 1000} km of a river (no elevation data: nearness to a river stands for flood-prone low ground)`,
}

export async function shelterCoverage(platform: Platform, actor: Actor, minutes: number): Promise<Static<typeof Coverage>> {
  const { db } = platform
  const villages = await queries.findRiskVillages(db, prefixOf(actor), hazardPointRadiusM, riverBufferM)
  const risky = villages.map((v) => ({ v, reasons: riskReasons({ hazardPointsNearby: v.hazard_points, riverDistanceM: v.river_distance_m }) })).filter((x) => x.reasons.length > 0)
  const shelters = await queries.findAvailableShelters(db, countyPrefixOf(actor))
  const travel = await travelFor(platform)
  const times = await travel.times(risky.map((x) => [x.v.lon, x.v.lat]), shelters.map((s) => [s.lon, s.lat]))
  const cover = coverage(risky.length, shelters.length, times, minutes)
  const items = risky.map(({ v, reasons }, i) => {
    const c = cover[i]!
    const s = c.nearestShelter === null ? null : shelters[c.nearestShelter]!
    return {
      code: v.code, name: v.name, population: v.population, lon: round6(v.lon), lat: round6(v.lat), reasons,
      hazardPoints: v.hazard_points, riverDistanceM: v.river_distance_m === null ? null : Math.round(v.river_distance_m),
      nearestShelterId: s?.id ?? null, nearestShelterName: s?.name ?? null,
      nearestMinutes: c.nearestSeconds === null ? null : Math.round(c.nearestSeconds / 6) / 10, covered: c.covered,
    }
  }).sort((a, b) => Number(a.covered) - Number(b.covered) || (b.nearestMinutes ?? 1e9) - (a.nearestMinutes ?? 1e9))
  return { minutes, rule: coverageRule.zh, ruleEn: coverageRule.en, travelSource: travel.source, villages: items, highRisk: items.length, uncovered: items.filter((i) => !i.covered).length }
}
