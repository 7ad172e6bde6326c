import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../../http/app.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'

describe('reserves (协议储备 / 产能储备) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let legang: { cookie: string }
  let enterprise: { cookie: string }
  const enterpriseId = '22222222-3333-4444-8555-666666666666'
  let water: string

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    legang = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })).headers
    enterprise = (await loginAs(app, platform, { role: 'enterprise', jurisdiction: '360281401', enterpriseId })).headers
    water = (await app.inject({ method: 'POST', url: '/api/resources/supplies', headers: county, payload: { code: 'R-WATER', name: '储备测试饮用水', category: 'living', unit: '箱', shelfLifeMonths: 12 } })).json().id
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('registers an agreement reserve of drinking water; items take the catalogue name and unit', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/resources/reserves', headers: county,
      payload: {
        kind: 'agreement', supplierName: '测试连锁超市', divisionCode: '360281001', responseHours: 4, contactName: '陈经理', contactPhone: '0798-6000000',
        contractStart: '2026-01-01', contractEnd: '2099-12-31', items: [{ supplyId: water, quantity: 2000 }, { name: '方便面', unit: '箱', quantity: 500 }],
      },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      kind: 'agreement', responseHours: 4, inForce: true, divisionName: '洎阳街道',
      items: [{ supplyId: water, name: '储备测试饮用水', unit: '箱', quantity: 2000 }, { supplyId: null, name: '方便面', unit: '箱', quantity: 500 }],
    })
    const bySupply = (await app.inject({ method: 'GET', url: `/api/resources/reserves?supplyId=${water}`, headers: county })).json()
    expect(bySupply.items.map((r: { id: string }) => r.id)).toEqual([res.json().id])
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${res.json().id}`)
    expect(audit.map((a) => a.action)).toEqual(['reserve.create'])
    // Outside the township's jurisdiction: not listed for 乐港镇.
    const other = (await app.inject({ method: 'GET', url: '/api/resources/reserves?q=测试连锁', headers: legang })).json()
    expect(other.total).toBe(0)
  })

  it('lets an enterprise user register its own production-capacity reserve and see only its own', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/resources/reserves', headers: enterprise,
      payload: { kind: 'capacity', supplierName: '测试编织袋厂', divisionCode: '360281401', responseHours: 24, items: [{ name: '编织袋', unit: '条', quantity: 20000 }] },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ enterpriseId, inForce: true, contractEnd: null })
    const mine = (await app.inject({ method: 'GET', url: '/api/resources/reserves?pageSize=200', headers: enterprise })).json()
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([res.json().id])
    const patched = await app.inject({ method: 'PATCH', url: `/api/resources/reserves/${res.json().id}`, headers: enterprise, payload: { responseHours: 12 } })
    expect(patched.json().responseHours).toBe(12)
  })

  it('clears optional fields sent as null in a PATCH (stored as NULL)', async () => {
    const created = (await app.inject({
      method: 'POST', url: '/api/resources/reserves', headers: county,
      payload: { kind: 'capacity', supplierName: '清空测试厂', divisionCode: '360281001', responseHours: 8, contactName: '李厂长', contactPhone: '13800000000', note: '夜班可调', items: [{ name: '砂袋', unit: '条', quantity: 100 }] },
    })).json()
    const cleared = await app.inject({ method: 'PATCH', url: `/api/resources/reserves/${created.id}`, headers: county, payload: { contactName: null, contactPhone: null, note: null } })
    expect(cleared.statusCode, cleared.body).toBe(200)
    const [row] = await queryRows<{ contact_name: string | null; contact_phone: string | null; note: string | null }>(platform.db,
      sql`SELECT contact_name, contact_phone, note FROM resources.reserves WHERE id = ${created.id}::uuid`)
    expect(row).toEqual({ contact_name: null, contact_phone: null, note: null })
  })

  it.each([
    { why: 'an agreement without end date', payload: { kind: 'agreement', items: [{ name: '水', unit: '箱', quantity: 1 }] }, field: 'body.contractEnd' },
    { why: 'a free item without unit', payload: { kind: 'capacity', items: [{ name: '水', quantity: 1 }] }, field: 'body.items.0.unit' },
    { why: 'no items', payload: { kind: 'capacity', items: [] }, field: 'body.items' },
    { why: 'zero response hours', payload: { kind: 'capacity', responseHours: 0, items: [{ name: '水', unit: '箱', quantity: 1 }] }, field: 'body.responseHours' },
    { why: 'an end before the start', payload: { kind: 'agreement', contractStart: '2026-05-01', contractEnd: '2026-04-01', items: [{ name: '水', unit: '箱', quantity: 1 }] }, field: 'body.contractEnd' },
  ])('answers 400 naming the field for $why', async ({ payload, field }) => {
    const res = await app.inject({ method: 'POST', url: '/api/resources/reserves', headers: county, payload: { supplierName: '某公司', divisionCode: '360281', responseHours: 6, ...payload } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe(field)
  })
})
