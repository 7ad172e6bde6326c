import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../http/app.ts'
import { queryRows } from '../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'
import { travelTimeMatrix } from '@yingji/domain/dispatch/matrix'
import { getRoadNetwork, travelTimes } from './network.ts'

describe('dispatch routing over HTTP (roads, routes, closures, matrices)', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let duty: { cookie: string }
  let township: { cookie: string }
  let towns: Array<{ code: string; name: string; lon: number; lat: number }>

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    duty = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    township = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })).headers
    towns = await queryRows(platform.db, sql`
      SELECT code, name, ST_X(location) AS lon, ST_Y(location) AS lat FROM geo.divisions
      WHERE level = 'township' AND code LIKE '360281%' ORDER BY code`)
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  const seat = () => towns.find((t) => t.code === '360281001000')!
  const zhenqiao = () => towns.find((t) => t.code === '360281100000')!
  const routeUrl = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
    `/api/dispatch/route?from=${a.lon},${a.lat}&to=${b.lon},${b.lat}`

  it('seeds a synthetic Leping network by class on first use, connecting every township seat', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dispatch/roads', headers: township })
    expect(res.statusCode).toBe(200)
    const roads = res.json()
    expect(roads.synthetic).toBe(true)
    expect(roads.features.length).toBeGreaterThan(350)
    const classes = new Set(roads.features.map((f: { properties: { class: string } }) => f.properties.class))
    expect([...classes].sort()).toEqual(['county', 'national', 'provincial', 'township', 'village'])
    expect(roads.features.every((f: { properties: { synthetic: boolean } }) => f.properties.synthetic)).toBe(true)
    const network = await getRoadNetwork(platform)
    const places = towns.map((t) => [t.lon, t.lat] as const)
    const times = await travelTimes(platform, places, places)
    expect([...times].every(Number.isFinite)).toBe(true)
    console.log(`synthetic network: ${roads.features.length} roads, ${network.graph.nodeCount} nodes, ${network.graph.edgeCount} edges; max township-to-township ${Math.round(Math.max(...times) / 60)} min`)
  })

  it('routes from the city seat to 镇桥镇: distance, duration and a line from snapped point to snapped point', async () => {
    const res = await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()), headers: township })
    expect(res.statusCode).toBe(200)
    const r = res.json()
    expect(r.distanceM).toBeGreaterThan(1000)
    expect(r.durationS).toBeGreaterThan(r.distanceM / (80 / 3.6) - 1)
    expect(r.durationS).toBeLessThan(r.distanceM / (30 / 3.6) + 1)
    expect(r.geometry.type).toBe('LineString')
    expect(r.geometry.coordinates[0]).toEqual([r.snapped.from.lon, r.snapped.from.lat])
    expect(r.geometry.coordinates.at(-1)).toEqual([r.snapped.to.lon, r.snapped.to.lat])
    expect(r.snapped.from.distanceM).toBeLessThan(1)
    expect(r).toMatchObject({ closures: 0, synthetic: true })
  })

  it('rejects bad coordinates naming the parameter, and points far from any road', async () => {
    for (const [from, to, field] of [['abc', '117.1,28.9', 'querystring.from'], ['117.1,28.9', '117.1', 'querystring.to'], ['117.1,28.9', '200,10', 'querystring.to']]) {
      const res = await app.inject({ method: 'GET', url: `/api/dispatch/route?from=${from}&to=${to}`, headers: township })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.field).toBe(field)
      expect(res.json().error.messageEn).toMatch(/lon,lat/)
    }
    const far = await app.inject({ method: 'GET', url: '/api/dispatch/route?from=117.13,28.97&to=116.0,28.0', headers: township })
    expect(far.statusCode).toBe(400)
    expect(far.json().error).toMatchObject({ code: 'off_network', field: 'querystring.to' })
    expect((await app.inject({ method: 'GET', url: '/api/dispatch/route?from=117.13,28.97' , headers: township })).statusCode).toBe(400)
    expect((await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()) })).statusCode).toBe(401)
  })

  it('a closure polygon takes effect at once: the route goes round it; removing it restores the route; both audited', async () => {
    const before = (await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()), headers: duty })).json()
    // A small square around a vertex in the middle of the route.
    const [x, y] = before.geometry.coordinates[Math.floor(before.geometry.coordinates.length / 2)]
    const d = 0.004
    const polygon = { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]] }
    const denied = await app.inject({ method: 'POST', url: '/api/dispatch/closures', headers: township, payload: { reason: '塌方', geometry: polygon } })
    expect(denied.statusCode).toBe(403)
    const created = await app.inject({ method: 'POST', url: '/api/dispatch/closures', headers: duty, payload: { reason: '山体滑坡阻断道路', geometry: polygon } })
    expect(created.statusCode).toBe(201)
    const closure = created.json()
    expect(closure.closedSegments).toBeGreaterThan(0)
    expect(closure).toMatchObject({ reason: '山体滑坡阻断道路', removedAt: null, radiusM: null })

    const after = (await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()), headers: township })).json()
    expect(after.closures).toBe(1)
    expect(after.durationS).toBeGreaterThan(before.durationS)
    const inside = (p: number[]) => p[0]! > x - d && p[0]! < x + d && p[1]! > y - d && p[1]! < y + d
    expect(after.geometry.coordinates.some(inside)).toBe(false)

    const list = (await app.inject({ method: 'GET', url: '/api/dispatch/closures', headers: township })).json()
    expect(list.map((c: { id: string }) => c.id)).toEqual([closure.id])

    expect((await app.inject({ method: 'DELETE', url: `/api/dispatch/closures/${closure.id}`, headers: township })).statusCode).toBe(403)
    const removed = await app.inject({ method: 'DELETE', url: `/api/dispatch/closures/${closure.id}`, headers: duty })
    expect(removed.statusCode).toBe(200)
    expect(removed.json().removedAt).not.toBeNull()
    expect((await app.inject({ method: 'DELETE', url: `/api/dispatch/closures/${closure.id}`, headers: duty })).statusCode).toBe(404)
    const again = (await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()), headers: township })).json()
    expect(again.durationS).toBe(before.durationS)
    expect((await app.inject({ method: 'GET', url: '/api/dispatch/closures', headers: township })).json()).toEqual([])

    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${closure.id} ORDER BY id`)
    expect(audit.map((a) => a.action)).toEqual(['dispatch.closure.create', 'dispatch.closure.remove'])
  })

  it('a point closure needs a radius; bad geometry is rejected naming the field, nothing written', async () => {
    const count = async () => (await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM dispatch.closures`))[0]!.n
    const n0 = await count()
    const noRadius = await app.inject({ method: 'POST', url: '/api/dispatch/closures', headers: duty, payload: { reason: '积水', geometry: { type: 'Point', coordinates: [117.13, 28.97] } } })
    expect(noRadius.statusCode).toBe(400)
    expect(noRadius.json().error.field).toBe('body.radiusM')
    const open = await app.inject({ method: 'POST', url: '/api/dispatch/closures', headers: duty, payload: { reason: '积水', geometry: { type: 'Polygon', coordinates: [[[117, 28], [117.1, 28], [117.1, 28.1], [117, 28.1]]] } } })
    expect(open.statusCode).toBe(400)
    expect(open.json().error.field).toMatch(/^body\.geometry/)
    const noReason = await app.inject({ method: 'POST', url: '/api/dispatch/closures', headers: duty, payload: { reason: '', geometry: { type: 'Point', coordinates: [117.13, 28.97] }, radiusM: 100 } })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.field).toMatch(/reason/)
    expect(await count()).toBe(n0)
    const circle = await app.inject({ method: 'POST', url: '/api/dispatch/closures', headers: duty, payload: { reason: '积水', geometry: { type: 'Point', coordinates: [seat().lon, seat().lat] }, radiusM: 300 } })
    expect(circle.statusCode).toBe(201)
    expect(circle.json().closedSegments).toBeGreaterThan(0)
    // The seat is now off the open network nearby: routes start from the nearest open road.
    const r = (await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()), headers: township })).json()
    expect(r.snapped.from.distanceM).toBeGreaterThan(250)
    await app.inject({ method: 'DELETE', url: `/api/dispatch/closures/${circle.json().id}`, headers: duty })
  })

  it('routes and matrices from the hierarchy equal plain Dijkstra on the same network while a closure is in force', async () => {
    const before = (await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()), headers: duty })).json()
    const [x, y] = before.geometry.coordinates[Math.floor(before.geometry.coordinates.length / 3)]
    const created = await app.inject({ method: 'POST', url: '/api/dispatch/closures', headers: duty, payload: { reason: '桥梁受损', geometry: { type: 'Point', coordinates: [x, y] }, radiusM: 200 } })
    expect(created.statusCode).toBe(201)
    const network = await getRoadNetwork(platform)
    const plain = (from: number[][], to: number[][]) => travelTimeMatrix(network.graph, from as [number, number][], to as [number, number][], network.mask.closed)
    const after = (await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()), headers: duty })).json()
    expect(after.durationS).toBeGreaterThan(before.durationS)
    expect(Math.abs(after.durationS - plain([[seat().lon, seat().lat]], [[zhenqiao().lon, zhenqiao().lat]])[0]!)).toBeLessThanOrEqual(0.05)
    const pts = towns.map((t) => [t.lon, t.lat] as [number, number])
    const fast = await travelTimes(platform, pts, pts)
    const expected = plain(pts, pts)
    for (let k = 0; k < expected.length; k++) expect(Math.abs(fast[k]! - expected[k]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, expected[k]!))
    await app.inject({ method: 'DELETE', url: `/api/dispatch/closures/${created.json().id}`, headers: duty })
    expect((await app.inject({ method: 'GET', url: routeUrl(seat(), zhenqiao()), headers: duty })).json().durationS).toBe(before.durationS)
  })

  it('matrices: township × township travel times equal single routes; at most 100 × 100', async () => {
    const pts = towns.slice(0, 5).map((t) => [t.lon, t.lat])
    const res = await app.inject({ method: 'POST', url: '/api/dispatch/matrix', headers: township, payload: { sources: pts, targets: pts } })
    expect(res.statusCode).toBe(200)
    const m = res.json().durationsS
    for (let i = 0; i < 5; i++) {
      expect(m[i][i]).toBe(0)
      const j = (i + 2) % 5
      const single = (await app.inject({ method: 'GET', url: `/api/dispatch/route?from=${pts[i]}&to=${pts[j]}`, headers: township })).json()
      expect(Math.abs(m[i][j] - single.durationS)).toBeLessThanOrEqual(0.1)
    }
    const tooMany = Array.from({ length: 101 }, () => [117.1, 28.9])
    const big = await app.inject({ method: 'POST', url: '/api/dispatch/matrix', headers: township, payload: { sources: tooMany, targets: pts } })
    expect(big.statusCode).toBe(400)
    expect(big.json().error.field).toMatch(/sources/)
  })
})
