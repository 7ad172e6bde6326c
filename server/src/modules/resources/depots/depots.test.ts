import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'
import { queryRows } from '../../../db/rows.ts'
import { sql } from 'drizzle-orm'

describe('depots (储备库) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let zhenqiao: { cookie: string } // 镇桥镇 township officer
  let legang: { cookie: string } // 乐港镇 township officer
  let commander: { cookie: string }

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    zhenqiao = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })).headers
    legang = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })).headers
    commander = (await loginAs(app, platform, { role: 'commander' })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  const post = (headers: { cookie: string }, payload: object) => app.inject({ method: 'POST', url: '/api/resources/depots', headers, payload })

  it('creates a township depot at the township point, audited, and shows it to its township only', async () => {
    const res = await post(zhenqiao, { level: 'township', name: '镇桥镇测试储备库', divisionCode: '360281100', manager: '李四', phone: '13800000000' })
    expect(res.statusCode, res.body).toBe(201)
    const depot = res.json()
    expect(depot).toMatchObject({ level: 'township', name: '镇桥镇测试储备库', divisionCode: '360281100000', divisionName: '镇桥镇', synthetic: false })
    expect(depot.location.lon).toBeGreaterThan(116.8)

    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${depot.id}`)
    expect(audit.map((a) => a.action)).toEqual(['depot.create'])

    const own = (await app.inject({ method: 'GET', url: '/api/resources/depots?q=测试', headers: zhenqiao })).json()
    expect(own.items.map((d: { id: string }) => d.id)).toContain(depot.id)
    const other = (await app.inject({ method: 'GET', url: '/api/resources/depots?q=测试', headers: legang })).json()
    expect(other.items.map((d: { id: string }) => d.id)).not.toContain(depot.id)
    expect((await app.inject({ method: 'GET', url: `/api/resources/depots/${depot.id}`, headers: legang })).statusCode).toBe(404)
    expect((await app.inject({ method: 'PATCH', url: `/api/resources/depots/${depot.id}`, headers: legang, payload: { name: 'x' } })).statusCode).toBe(404)
  })

  it('refuses a depot outside the jurisdiction (403) and a read-only role (403)', async () => {
    expect((await post(legang, { level: 'township', name: '越权', divisionCode: '360281100' })).statusCode).toBe(403)
    expect((await post(commander, { level: 'township', name: '指挥长', divisionCode: '360281100' })).statusCode).toBe(403)
  })

  it.each([
    { payload: { level: 'township', divisionCode: '360281100' }, field: 'body.name' },
    { payload: { level: 'county', name: 'x', divisionCode: '360281100' }, field: 'body.level' },
    { payload: { level: 'township', name: 'x', divisionCode: '36028' }, field: 'body.divisionCode' },
    { payload: { level: 'township', name: 'x', divisionCode: '360281199' }, field: 'body.divisionCode' },
    { payload: { level: 'township', name: 'x', divisionCode: '360281100', phone: 'abc' }, field: 'body.phone' },
    { payload: { level: 'township', name: 'x', divisionCode: '360281100', location: { lon: 200, lat: 28 } }, field: 'body.location.lon' },
    { payload: { level: 'township', name: 'x', divisionCode: '360281100', stock: 5 }, field: 'body.stock' },
  ])('answers 400 naming $field', async ({ payload, field }) => {
    const res = await post(county, payload)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe(field)
    expect(res.json().error.message).toContain(field)
  })

  it('edits and deletes a depot without movements; the map layer lists depots with their level', async () => {
    const depot = (await post(county, { level: 'city', name: '乐平市临时储备点', divisionCode: '360281001', location: { lon: 117.13, lat: 28.97 } })).json()
    const patched = await app.inject({ method: 'PATCH', url: `/api/resources/depots/${depot.id}`, headers: county, payload: { capacityNote: '帐篷 200 顶', manager: null } })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ capacityNote: '帐篷 200 顶', manager: null, location: { lon: 117.13, lat: 28.97 } })
    const map = (await app.inject({ method: 'GET', url: '/api/resources/depots/map', headers: county })).json()
    expect(map.features.find((f: { properties: { id: string } }) => f.properties.id === depot.id)).toMatchObject({
      geometry: { type: 'Point', coordinates: [117.13, 28.97] }, properties: { name: '乐平市临时储备点', level: 'city' },
    })
    expect((await app.inject({ method: 'DELETE', url: `/api/resources/depots/${depot.id}`, headers: county })).statusCode).toBe(204)
    expect((await app.inject({ method: 'GET', url: `/api/resources/depots/${depot.id}`, headers: county })).statusCode).toBe(404)
  })
})
