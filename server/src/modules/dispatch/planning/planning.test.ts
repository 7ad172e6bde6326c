import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../../http/app.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'
import { stopSolver } from './solver.ts'

type Headers = { cookie: string }

describe('dispatch planning over HTTP: teams, allocation into a dispatch order, evacuation, coverage', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let duty: Headers
  let commander: Headers
  let department: Headers
  let village: Headers
  let quilt: { id: string }
  let tent: { id: string }
  let blanket: { id: string }
  let shelter: { id: string; name: string }

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    duty = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    commander = (await loginAs(app, platform, { role: 'commander' })).headers
    department = (await loginAs(app, platform, { role: 'department' })).headers
    village = (await loginAs(app, platform, { role: 'village', jurisdiction: '360281100201' })).headers
    ;[quilt] = await queryRows<{ id: string }>(platform.db, sql`SELECT id::text AS id FROM resources.supplies WHERE code = 'SH-MB-01'`) as [{ id: string }]
    ;[tent] = await queryRows<{ id: string }>(platform.db, sql`SELECT id::text AS id FROM resources.supplies WHERE code = 'SH-ZP-01'`) as [{ id: string }]
    ;[blanket] = await queryRows<{ id: string }>(platform.db, sql`SELECT id::text AS id FROM resources.supplies WHERE code = 'SH-MT-01'`) as [{ id: string }]
    ;[shelter] = await queryRows<{ id: string; name: string }>(platform.db, sql`SELECT id::text AS id, name FROM registry.shelters WHERE status = 'available' ORDER BY name LIMIT 1`) as [{ id: string; name: string }]
  })
  afterAll(async () => {
    await stopSolver()
    await app?.close()
    await platform?.close()
  })

  const onHand = async (supplyId: string) =>
    (await queryRows<{ depot_id: string; quantity: number }>(platform.db, sql`SELECT depot_id::text AS depot_id, quantity FROM resources.stock_on_hand WHERE supply_id = ${supplyId}::uuid`))
  const totalOnHand = async (supplyId: string) => (await onHand(supplyId)).reduce((n, r) => n + r.quantity, 0)

  it('recommends teams for a flood: flood teams first, every team with its breakdown and reason', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dispatch/teams/recommend?lon=117.13&lat=28.96&hazard=flood', headers: duty })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.items.length).toBeGreaterThan(3)
    expect(body.items[0].match).toMatch(/capability|type/)
    expect(body.items[0]).toMatchObject({ rank: 1, held: false })
    expect(body.items[0].why).toMatch(/车程 \d+ 分钟/)
    expect(body.items[0].whyEn).toMatch(/min drive/)
    const scores = body.items.filter((t: { held: boolean }) => !t.held).map((t: { score: number }) => t.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  const report = async (over: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST', url: '/api/incidents', headers: duty,
      payload: { category: 'natural', subtype: 'flood', title: '乐安河城区段漫堤', divisionCode: '360281001000', occurredAt: new Date(Date.now() - 600_000).toISOString(), source: 'manual', ...over },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json<{ id: string }>().id
  }

  it('recommends for an incident: its place and hazard; the flood team first, the park hazmat team held in reserve (SCENARIO step 11)', async () => {
    const incidentId = await report({ location: { lon: 117.2, lat: 28.99 } })
    const res = await app.inject({ method: 'GET', url: `/api/dispatch/teams/recommend?incidentId=${incidentId}`, headers: duty })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ hazard: 'flood', lon: 117.2, lat: 28.99, incident: { id: incidentId, title: '乐安河城区段漫堤', subtype: 'flood' }, travelSource: 'road' })
    expect(body.items[0]).toMatchObject({ name: '乐平市防汛抢险队', match: 'capability', status: 'ready', held: false, heldReason: null })
    expect(body.items[0].travelMinutes).toBeGreaterThan(0)
    expect(body.items[0].why).toBe(`防汛抢险队：能力匹配（洪涝），待命，车程 ${body.items[0].travelMinutes} 分钟，60 人`)
    const hazmat = body.items.find((t: { type: string }) => t.type === 'hazmat')
    expect(hazmat).toMatchObject({ held: true, heldReason: 'reserve' })
    expect(hazmat.why).toMatch(/留守待命：驻地 5 公里内有重大危险源企业 \d+ 家，防洪涝引发次生危化事故/)
    expect(body.items.at(-1).held).toBe(true)

    // The incident's hazardType fact wins over its subtype; a hazmat accident does not hold the hazmat team back.
    const chemical = await report({ category: 'accident', subtype: 'hazmatAccident', title: '园区储罐泄漏', divisionCode: '360281401000', location: { lon: 117.11, lat: 29.0 } })
    const forChemical = (await app.inject({ method: 'GET', url: `/api/dispatch/teams/recommend?incidentId=${chemical}`, headers: duty })).json()
    expect(forChemical.hazard).toBe('hazmat')
    expect(forChemical.items[0]).toMatchObject({ type: 'hazmat', held: false, match: 'capability' })

    // The query's own hazard and place win over the incident's.
    const asked = (await app.inject({ method: 'GET', url: `/api/dispatch/teams/recommend?incidentId=${incidentId}&hazard=forest_fire&lon=117.16&lat=28.98`, headers: duty })).json()
    expect(asked).toMatchObject({ hazard: 'forest_fire', lon: 117.16, lat: 28.98 })
    expect(asked.items[0].type).toBe('forest_fire')
  })

  it('a flood at 镇桥镇, far from the city: the county flood team still beats the nearer township militia platoons (part-time, said in the reason)', async () => {
    const incidentId = await report({ title: '乐安河镇桥段超警戒', divisionCode: '360281100000', location: { lon: 117.4526, lat: 28.931 } })
    const res = await app.inject({ method: 'GET', url: `/api/dispatch/teams/recommend?incidentId=${incidentId}`, headers: duty })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items as { name: string; why: string; travelMinutes: number }[]
    expect(items[0]!.name).toBe('乐平市防汛抢险队')
    const platoon = items.find((t) => t.name.includes('民兵应急排'))!
    expect(platoon.travelMinutes).toBeLessThan(items[0]!.travelMinutes)
    expect(platoon.why).toContain('基层兼职队伍')
  })

  it('for an incident: unknown or outside the jurisdiction → 404; no hazard or no place → 400 naming the field', async () => {
    const unknown = await app.inject({ method: 'GET', url: `/api/dispatch/teams/recommend?incidentId=${crypto.randomUUID()}`, headers: duty })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.field).toBe('querystring.incidentId')
    const elsewhere = await report({ divisionCode: '360281106000', title: '礼林镇内涝', location: { lon: 117.39, lat: 29.0 } })
    expect((await app.inject({ method: 'GET', url: `/api/dispatch/teams/recommend?incidentId=${elsewhere}`, headers: village })).statusCode).toBe(404)
    const protest = await report({ category: 'socialSecurity', subtype: 'massIncident', title: '群体性上访', location: { lon: 117.13, lat: 28.97 } })
    const noHazard = await app.inject({ method: 'GET', url: `/api/dispatch/teams/recommend?incidentId=${protest}`, headers: duty })
    expect(noHazard.statusCode).toBe(400)
    expect(noHazard.json().error).toMatchObject({ code: 'incident_without_hazard', field: 'querystring.hazard' })
    const nothing = await app.inject({ method: 'GET', url: '/api/dispatch/teams/recommend?hazard=flood', headers: duty })
    expect(nothing.json().error).toMatchObject({ code: 'place_required', field: 'querystring.lon' })
  })

  it('refuses an unknown hazard naming the field, and callers without a session', async () => {
    const bad = await app.inject({ method: 'GET', url: '/api/dispatch/teams/recommend?lon=117.13&lat=28.96&hazard=volcano', headers: duty })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'unknown_hazard', field: 'querystring.hazard' })
    expect(bad.json().error.messageEn).toBeTruthy()
    const anon = await app.inject({ method: 'GET', url: '/api/dispatch/teams/recommend?lon=117.13&lat=28.96&hazard=flood' })
    expect(anon.statusCode).toBe(401)
  })

  let orderId: string
  let orderNo: string

  it('allocates supplies exactly (network simplex) into a draft order: lines within stock, the rest reported unmet', async () => {
    const quilts = await totalOnHand(quilt.id)
    const res = await app.inject({
      method: 'POST', url: '/api/dispatch/allocations', headers: duty,
      payload: {
        demands: [
          { shelterId: shelter.id, items: [{ supplyId: quilt.id, quantity: 20 }, { supplyId: tent.id, quantity: 5 }], priority: 'urgent' },
          { divisionCode: '360281100000', items: [{ supplyId: quilt.id, quantity: quilts + 100_000 }], priority: 'low' },
        ],
      },
    })
    expect(res.statusCode).toBe(201)
    const order = res.json()
    orderId = order.id
    orderNo = order.orderNo
    expect(order).toMatchObject({ status: 'draft', orderNo: expect.stringMatching(/^DD-\d{8}-[0-9A-F]{6}$/) })
    // The urgent shelter gets all its quilts; the rest of the stock goes to the low-priority demand.
    const toShelter = order.lines.filter((l: { demandIndex: number; supplyId: string }) => l.demandIndex === 0 && l.supplyId === quilt.id)
    expect(toShelter.reduce((n: number, l: { quantity: number }) => n + l.quantity, 0)).toBe(20)
    expect(order.unmet.find((u: { demandIndex: number; supplyId: string }) => u.demandIndex === 0 && u.supplyId === quilt.id)).toBeUndefined()
    // Depot lines never exceed a depot's stock.
    const stock = new Map((await onHand(quilt.id)).map((r) => [r.depot_id, r.quantity]))
    const fromDepot = new Map<string, number>()
    for (const l of order.lines.filter((l: { sourceKind: string; supplyId: string }) => l.sourceKind === 'depot' && l.supplyId === quilt.id)) {
      fromDepot.set(l.sourceId, (fromDepot.get(l.sourceId) ?? 0) + l.quantity)
    }
    for (const [depot, q] of fromDepot) expect(q).toBeLessThanOrEqual(stock.get(depot)!)
    const unmetLow = order.unmet.find((u: { demandIndex: number; supplyId: string }) => u.demandIndex === 1 && u.supplyId === quilt.id)
    expect(unmetLow.quantity).toBeGreaterThanOrEqual(100_000)
    expect(order.solveMs).toBeGreaterThan(0)
    // Nothing moved yet: a draft.
    expect(await totalOnHand(quilt.id)).toBe(quilts)
  })

  it('bad allocation input → 400 naming the field; roles that may not plan → 403', async () => {
    const cases = [
      { payload: { demands: [{ shelterId: shelter.id, divisionCode: '360281100000', items: [{ supplyId: quilt.id, quantity: 1 }] }] }, field: 'body.demands.0' },
      { payload: { demands: [{ items: [{ supplyId: quilt.id, quantity: 1 }] }] }, field: 'body.demands.0' },
      { payload: { demands: [{ point: { lon: 117.1, lat: 28.9 }, items: [{ supplyId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }] }, field: 'body.demands.0.items.0.supplyId' },
      { payload: { demands: [{ divisionCode: '360281999999', items: [{ supplyId: quilt.id, quantity: 1 }] }] }, field: 'body.demands.0.divisionCode' },
    ]
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/dispatch/allocations', headers: duty, payload: c.payload })
      expect(res.statusCode, JSON.stringify(c.payload)).toBe(400)
      expect(res.json().error.field).toBe(c.field)
    }
    const zero = await app.inject({ method: 'POST', url: '/api/dispatch/allocations', headers: duty, payload: { demands: [{ point: { lon: 117.1, lat: 28.9 }, items: [{ supplyId: quilt.id, quantity: 0 }] }] } })
    expect(zero.statusCode).toBe(400)
    expect(zero.json().error.field).toMatch(/quantity/)
    const extra = await app.inject({ method: 'POST', url: '/api/dispatch/allocations', headers: duty, payload: { demands: [{ point: { lon: 117.1, lat: 28.9 }, items: [{ supplyId: quilt.id, quantity: 1 }] }], what: 1 } })
    expect(extra.statusCode).toBe(400)
    const forbidden = await app.inject({ method: 'POST', url: '/api/dispatch/allocations', headers: village, payload: { demands: [{ point: { lon: 117.1, lat: 28.9 }, items: [{ supplyId: quilt.id, quantity: 1 }] }] } })
    expect(forbidden.statusCode).toBe(403)
  })

  it('only the commander or the duty officer confirms; confirming writes every depot line as an out in the ledger, once', async () => {
    const notAllowed = await app.inject({ method: 'POST', url: `/api/dispatch/orders/${orderId}/confirm`, headers: department })
    expect(notAllowed.statusCode).toBe(403)
    const before = await totalOnHand(quilt.id)
    const order = (await app.inject({ method: 'GET', url: `/api/dispatch/orders/${orderId}`, headers: duty })).json()
    const depotQuilts = order.lines.filter((l: { sourceKind: string; supplyId: string }) => l.sourceKind === 'depot' && l.supplyId === quilt.id)
      .reduce((n: number, l: { quantity: number }) => n + l.quantity, 0)
    const res = await app.inject({ method: 'POST', url: `/api/dispatch/orders/${orderId}/confirm`, headers: commander })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) })
    expect(await totalOnHand(quilt.id)).toBe(before - depotQuilts)
    const movements = await queryRows<{ kind: string; n: number; q: number }>(platform.db, sql`SELECT kind, count(*)::int AS n, sum(quantity)::int AS q
      FROM resources.movements WHERE document_no = ${orderNo} GROUP BY kind`)
    expect(movements).toHaveLength(1)
    expect(movements[0]!.kind).toBe('out')
    const depotLines = order.lines.filter((l: { sourceKind: string }) => l.sourceKind === 'depot')
    expect(movements[0]!.q).toBe(depotLines.reduce((n: number, l: { quantity: number }) => n + l.quantity, 0))
    const again = await app.inject({ method: 'POST', url: `/api/dispatch/orders/${orderId}/confirm`, headers: commander })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('order_not_draft')
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${orderId} ORDER BY id`)
    expect(audit.map((a) => a.action)).toEqual(['dispatch_order.plan', 'dispatch_order.confirm'])
  })

  it('confirm is all-or-nothing: when a depot no longer holds enough, 409 names the line and nothing is written', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/dispatch/allocations', headers: duty,
      payload: { demands: [{ shelterId: shelter.id, items: [{ supplyId: tent.id, quantity: 3 }, { supplyId: blanket.id, quantity: 4 }] }], sources: { reserveIds: [] } },
    })
    expect(res.statusCode).toBe(201)
    const order = res.json()
    const depotLines = order.lines.filter((l: { sourceKind: string }) => l.sourceKind === 'depot')
    expect(depotLines.length).toBeGreaterThanOrEqual(2)
    // Someone hands out the whole stock of the LAST line's depot × supply meanwhile.
    const last = depotLines[depotLines.length - 1]
    const [left] = await queryRows<{ quantity: number }>(platform.db, sql`SELECT quantity FROM resources.stock_on_hand WHERE depot_id = ${last.sourceId}::uuid AND supply_id = ${last.supplyId}::uuid`)
    const out = await app.inject({ method: 'POST', url: '/api/resources/movements', headers: duty, payload: { kind: 'out', depotId: last.sourceId, supplyId: last.supplyId, quantity: left!.quantity, reason: '测试：全部发放' } })
    expect(out.statusCode).toBe(201)
    const before = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM resources.movements`)
    const confirm = await app.inject({ method: 'POST', url: `/api/dispatch/orders/${order.id}/confirm`, headers: commander })
    expect(confirm.statusCode).toBe(409)
    const position = order.lines.findIndex((l: { sourceId: string; supplyId: string }) => l.sourceId === last.sourceId && l.supplyId === last.supplyId)
    expect(confirm.json().error).toMatchObject({ code: 'insufficient_stock', field: `lines.${position}` })
    expect(confirm.json().error.message).toMatch(/第 \d+ 行/)
    const after = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM resources.movements`)
    expect(after[0]!.n).toBe(before[0]!.n)
    expect((await app.inject({ method: 'GET', url: `/api/dispatch/orders/${order.id}`, headers: duty })).json().status).toBe('draft')
  })

  it('evacuates a township under shelter capacities; people = placed + without a place', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/dispatch/evacuations', headers: duty, payload: { area: { divisionCodes: ['360281100000'] }, maxMinutes: 60 } })
    expect(res.statusCode).toBe(201)
    const plan = res.json()
    expect(plan.villages.length).toBeGreaterThan(3)
    for (const s of plan.shelters) {
      const placed = plan.assignments.filter((a: { shelterId: string }) => a.shelterId === s.id).reduce((n: number, a: { people: number }) => n + a.people, 0)
      expect(placed).toBe(s.assigned)
      expect(placed).toBeLessThanOrEqual(s.capacity)
    }
    expect(plan.assigned + plan.unassigned).toBe(plan.people)
    for (const v of plan.villages) {
      const placed = plan.assignments.filter((a: { villageCode: string }) => a.villageCode === v.code).reduce((n: number, a: { people: number }) => n + a.people, 0)
      expect(placed + v.unassigned).toBe(v.population)
    }
    for (const a of plan.assignments) {
      expect(a.travelSeconds).toBeLessThanOrEqual(60 * 60)
      expect(a.route?.type).toBe('LineString')
    }
    const saved = await app.inject({ method: 'GET', url: `/api/dispatch/evacuations/${plan.id}`, headers: duty })
    expect(saved.json().people).toBe(plan.people)
  })

  it('a tight time limit leaves people without a place rather than breaking it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/dispatch/evacuations', headers: duty, payload: { area: { divisionCodes: ['360281100000'] }, maxMinutes: 1, withRoutes: false } })
    expect(res.statusCode).toBe(201)
    const plan = res.json()
    expect(plan.unassigned).toBeGreaterThan(0)
    for (const a of plan.assignments) expect(a.travelSeconds).toBeLessThanOrEqual(60)
  })

  it('evacuates a polygon area; bad areas → 400 naming the field', async () => {
    const poly = { type: 'Polygon', coordinates: [[[117.0, 28.8], [117.4, 28.8], [117.4, 29.1], [117.0, 29.1], [117.0, 28.8]]] }
    const ok = await app.inject({ method: 'POST', url: '/api/dispatch/evacuations', headers: duty, payload: { area: { polygon: poly }, withRoutes: false } })
    expect(ok.statusCode).toBe(201)
    const cases = [
      { payload: { area: { polygon: { type: 'Polygon', coordinates: [[[117.0, 28.8], [117.4, 28.8], [117.4, 29.1], [117.0, 29.1]]] } } }, field: 'body.area.polygon.coordinates.0' },
      { payload: { area: { divisionCodes: ['360281100000', '360281999000'] } }, field: 'body.area.divisionCodes.1' },
      { payload: { area: { warningId: '00000000-0000-4000-8000-000000000000' } }, field: 'body.area.warningId' },
      { payload: { area: { polygon: { type: 'Polygon', coordinates: [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10]]] } } }, field: 'body.area' },
    ]
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/dispatch/evacuations', headers: duty, payload: c.payload })
      expect(res.statusCode, JSON.stringify(c.payload)).toBe(400)
      expect(res.json().error.field).toBe(c.field)
    }
    const outside = await app.inject({ method: 'POST', url: '/api/dispatch/evacuations', headers: (await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })).headers, payload: { area: { divisionCodes: ['360281100000'] } } })
    expect(outside.statusCode).toBe(403)
  })

  it('shelter coverage lists high-risk villages with the reason and the nearest shelter', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dispatch/shelter-coverage?minutes=30', headers: duty })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.highRisk).toBe(body.villages.length)
    expect(body.uncovered).toBe(body.villages.filter((v: { covered: boolean }) => !v.covered).length)
    for (const v of body.villages) {
      expect(v.reasons.length).toBeGreaterThan(0)
      if (v.covered) expect(v.nearestMinutes).toBeLessThanOrEqual(30)
    }
    const strict = (await app.inject({ method: 'GET', url: '/api/dispatch/shelter-coverage?minutes=5', headers: duty })).json()
    expect(strict.uncovered).toBeGreaterThanOrEqual(body.uncovered)
    const bad = await app.inject({ method: 'GET', url: '/api/dispatch/shelter-coverage?minutes=0', headers: duty })
    expect(bad.statusCode).toBe(400)
  })
})
