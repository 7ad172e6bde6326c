import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../../http/app.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'
import { seedWarningsDemo, publicOptIns } from '../demo.ts'

type Headers = { cookie: string }

describe('warning subscribers (预警接收人) over HTTP, and the demo seed', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let duty: Headers
  let zhenqiao: Headers
  let legang: Headers
  let commander: Headers
  const count = async () => (await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM warnings.subscribers`))[0]!.n

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    duty = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    zhenqiao = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })).headers
    legang = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })).headers
    commander = (await loginAs(app, platform, { role: 'commander' })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('seeds the demo subscribers once: township leaders and WeCom robots, village officers, hazard monitors, enterprise safety officers, the public', async () => {
    // prepareDatabase may have seeded them already; either way a second call adds nothing
    await seedWarningsDemo(platform.db)
    expect(await count()).toBeGreaterThan(publicOptIns)
    expect(await seedWarningsDemo(platform.db)).toBe(0)
    const byRole = await queryRows<{ role: string; n: number; synthetic: boolean }>(platform.db, sql`
      SELECT role, count(*)::int AS n, bool_and(synthetic) AS synthetic FROM warnings.subscribers GROUP BY role ORDER BY role`)
    const roles = Object.fromEntries(byRole.map((r) => [r.role, r.n]))
    expect(byRole.every((r) => r.synthetic)).toBe(true)
    const [facts] = await queryRows<{ townships: number; villages: number; hazard: number; enterprises: number }>(platform.db, sql`
      SELECT (SELECT count(*) FROM geo.divisions WHERE level = 'township' AND code LIKE '360281%')::int AS townships,
             (SELECT count(*) FROM geo.divisions WHERE level = 'village' AND code LIKE '360281%')::int AS villages,
             (SELECT count(*) FROM registry.hazard_points)::int AS hazard, (SELECT count(*) FROM registry.enterprises)::int AS enterprises`)
    expect(roles.township_leader).toBe(facts!.townships * 2)
    expect(roles.village_leader).toBe(facts!.villages)
    expect(roles.grid_officer).toBeGreaterThanOrEqual(facts!.villages)
    expect(roles.grid_officer).toBeLessThanOrEqual(facts!.villages * 2)
    expect(roles.hazard_monitor).toBe(facts!.hazard)
    expect(roles.enterprise_safety).toBe(facts!.enterprises)
    expect(roles.public).toBe(publicOptIns)
    const robots = await queryRows<{ url: string }>(platform.db, sql`SELECT wecom_webhook AS url FROM warnings.subscribers WHERE 'wecom' = ANY (channels)`)
    expect(robots[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:18080\/wecom\/360281\d{6}$/)
  })

  it('lists with filters (role, division, channel, q) within the jurisdiction', async () => {
    const own = (await app.inject({ method: 'GET', url: '/api/warnings/subscribers?role=village_leader&pageSize=200', headers: zhenqiao })).json()
    expect(own.total).toBeGreaterThan(0)
    expect(own.items.every((s: { divisionCode: string; role: string }) => s.divisionCode.startsWith('360281100') && s.role === 'village_leader')).toBe(true)
    const county = (await app.inject({ method: 'GET', url: '/api/warnings/subscribers?divisionCode=360281100&role=village_leader&pageSize=200', headers: duty })).json()
    expect(county.total).toBe(own.total)
    const robots = (await app.inject({ method: 'GET', url: '/api/warnings/subscribers?channel=wecom', headers: duty })).json()
    expect(robots.items.every((s: { channels: string[] }) => s.channels.includes('wecom'))).toBe(true)
    const one = own.items[0]
    const byName = (await app.inject({ method: 'GET', url: `/api/warnings/subscribers?q=${encodeURIComponent(one.phone)}`, headers: zhenqiao })).json()
    expect(byName.items.map((s: { id: string }) => s.id)).toContain(one.id)
    expect((await app.inject({ method: 'GET', url: '/api/warnings/subscribers?divisionCode=360281101', headers: zhenqiao })).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/warnings/subscribers', headers: commander })).statusCode).toBe(403)
  })

  it('creates, edits and removes a subscriber, audited; another township cannot see or write it', async () => {
    const created = await app.inject({
      method: 'POST', url: '/api/warnings/subscribers', headers: zhenqiao,
      payload: { name: '测试网格员', role: 'grid_officer', divisionCode: '360281100', phone: '13912345678', channels: ['sms'] },
    })
    expect(created.statusCode, created.body).toBe(201)
    const s = created.json()
    expect(s).toMatchObject({ kind: 'responsible', divisionCode: '360281100000', divisionName: '镇桥镇', roleName: { zh: '网格员' }, synthetic: false })
    expect((await app.inject({ method: 'GET', url: `/api/warnings/subscribers/${s.id}`, headers: legang })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: '/api/warnings/subscribers', headers: legang,
      payload: { name: '越权', role: 'grid_officer', divisionCode: '360281100', phone: '13912345678', channels: ['sms'] } })).statusCode).toBe(403)
    const patched = await app.inject({ method: 'PATCH', url: `/api/warnings/subscribers/${s.id}`, headers: zhenqiao,
      payload: { email: 'grid@example.cn', channels: ['sms', 'email'] } })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ email: 'grid@example.cn', channels: ['sms', 'email'], phone: '13912345678' })
    expect((await app.inject({ method: 'DELETE', url: `/api/warnings/subscribers/${s.id}`, headers: zhenqiao })).statusCode).toBe(204)
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${s.id} ORDER BY id`)
    expect(audit.map((a) => a.action)).toEqual(['subscriber.create', 'subscriber.update', 'subscriber.delete'])
  })

  it.each([
    { why: 'SMS without a phone', payload: { channels: ['sms'], phone: undefined, email: 'a@example.cn' }, field: 'body.channels.0', code: 'channel_without_contact' },
    { why: 'WeCom without a webhook', payload: { channels: ['sms', 'wecom'] }, field: 'body.channels.1', code: 'channel_without_contact' },
    { why: 'a 10-digit phone', payload: { phone: '1391234567' }, field: 'body.phone' },
    { why: 'a landline', payload: { phone: '07986812345' }, field: 'body.phone' },
    { why: 'a bad email', payload: { email: 'not-an-email', channels: ['email'] }, field: 'body.email' },
    { why: 'an ftp webhook', payload: { wecomWebhook: 'ftp://x/y', channels: ['wecom'] }, field: 'body.wecomWebhook' },
    { why: 'no channel', payload: { channels: [] }, field: 'body.channels' },
    { why: 'an unknown channel', payload: { channels: ['fax'] }, field: 'body.channels.0' },
    { why: 'an unknown role', payload: { role: 'mayor' }, field: 'body.role' },
    { why: 'neither division nor location', payload: { divisionCode: undefined }, field: 'body.divisionCode', code: 'subscriber_unplaced' },
    { why: 'an unknown division', payload: { divisionCode: '360281999999' }, field: 'body.divisionCode', code: 'unknown_division_code' },
    { why: 'a location off the map', payload: { divisionCode: undefined, location: { lon: 200, lat: 29 } }, field: 'body.location.lon' },
  ])('bad input → 400 naming the field, nothing written: $why', async ({ payload, field, code }) => {
    const before = await count()
    const res = await app.inject({ method: 'POST', url: '/api/warnings/subscribers', headers: duty,
      payload: { name: '测试', role: 'grid_officer', divisionCode: '360281100', phone: '13912345678', channels: ['sms'], ...payload } })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().error.field).toBe(field)
    if (code) expect(res.json().error.code).toBe(code)
    expect(await count()).toBe(before)
  })

  it('a public opt-in with only a location is placed in the division its point lies in', async () => {
    const [seat] = await queryRows<{ lon: number; lat: number }>(platform.db, sql`SELECT ST_X(location) lon, ST_Y(location) lat FROM geo.divisions WHERE code = '360281100000'`)
    const res = await app.inject({ method: 'POST', url: '/api/warnings/subscribers', headers: zhenqiao,
      payload: { name: '公众', role: 'public', location: { lon: seat!.lon, lat: seat!.lat }, phone: '13800000001', channels: ['sms'] } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ kind: 'public', divisionCode: null })
    expect((await app.inject({ method: 'GET', url: `/api/warnings/subscribers/${res.json().id}`, headers: zhenqiao })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: `/api/warnings/subscribers/${res.json().id}`, headers: legang })).statusCode).toBe(404)
  })
  it('a location-only subscriber follows a village point added or moved nearer, into that township', async () => {
    const [seat] = await queryRows<{ lon: number; lat: number }>(platform.db, sql`SELECT ST_X(location) lon, ST_Y(location) lat FROM geo.divisions WHERE code = '360281100000'`)
    const res = await app.inject({ method: 'POST', url: '/api/warnings/subscribers', headers: duty,
      payload: { name: '公众', role: 'public', location: { lon: seat!.lon + 0.0004, lat: seat!.lat }, phone: '13800000003', channels: ['sms'] } })
    expect(res.statusCode, res.body).toBe(201)
    const township = async () => (await queryRows<{ t: string }>(platform.db, sql`SELECT township_code AS t FROM warnings.subscribers WHERE id = ${res.json().id}`))[0]!.t
    expect(await township()).toBe('360281100000')
    // A village of 乐港镇 placed right at the subscriber (a corrected village point, say)
    await platform.db.execute(sql`INSERT INTO geo.divisions (code, name, level, type, parent_code, synthetic, location, code_edition)
      VALUES ('360281101998', '测试村委会', 'village', '220', '360281101000', true, ST_SetSRID(ST_MakePoint(${seat!.lon + 0.0005}, ${seat!.lat}), 4326), 'test')`)
    expect(await township()).toBe('360281101000')
    await platform.db.execute(sql`UPDATE geo.divisions SET location = ST_SetSRID(ST_MakePoint(117.0, 28.9), 4326) WHERE code = '360281101998'`)
    expect(await township()).toBe('360281100000')
    await platform.db.execute(sql`DELETE FROM geo.divisions WHERE code = '360281101998'`)
  })
})
