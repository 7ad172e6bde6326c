import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../../http/app.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'

/** `YYYY-MM-DD` of today in China plus `days`. */
const dayInChina = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)

describe('stock ledger (出入库台账) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let zhenqiao: { cookie: string } // 镇桥镇
  let legang: { cookie: string } // 乐港镇
  let depotA: string // 镇桥镇
  let depotB: string // 乐港镇
  let tents: string // no shelf life
  let water: string // 12 months

  const count = async (table: string) =>
    (await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n
  const move = (headers: { cookie: string }, payload: object) => app.inject({ method: 'POST', url: '/api/resources/movements', headers, payload })
  const onHand = async (depotId: string, supplyId: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/resources/stock?depotId=${depotId}&supplyId=${supplyId}`, headers: county })
    return res.json().items[0]?.quantity ?? 0
  }

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    zhenqiao = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })).headers
    legang = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })).headers
    const depot = async (name: string, divisionCode: string) =>
      (await app.inject({ method: 'POST', url: '/api/resources/depots', headers: county, payload: { level: 'township', name, divisionCode } })).json().id as string
    depotA = await depot('台账测试甲库', '360281100')
    depotB = await depot('台账测试乙库', '360281101')
    const supply = async (payload: object) =>
      (await app.inject({ method: 'POST', url: '/api/resources/supplies', headers: county, payload })).json().id as string
    tents = await supply({ code: 'T-TENT', name: '测试帐篷', category: 'living', unit: '顶' })
    water = await supply({ code: 'T-WATER', name: '测试饮用水', category: 'living', unit: '箱', shelfLifeMonths: 12 })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('derives stock from in, out, a transfer pair and a loss', async () => {
    expect((await move(zhenqiao, { kind: 'in', depotId: depotA, supplyId: tents, quantity: 100, reason: '采购入库', documentNo: 'RK-T-001' })).statusCode).toBe(201)
    expect((await move(zhenqiao, { kind: 'out', depotId: depotA, supplyId: tents, quantity: 30, reason: '发放安置点' })).statusCode).toBe(201)
    const transfer = await move(zhenqiao, { kind: 'transfer', depotId: depotA, toDepotId: depotB, supplyId: tents, quantity: 20, reason: '支援乐港镇', documentNo: 'DB-T-001' })
    expect(transfer.statusCode).toBe(201)
    const doc = transfer.json()
    expect(doc.movements.map((m: { kind: string; depotId: string; quantity: number; documentNo: string; transferId: string }) =>
      [m.kind, m.depotId, m.quantity, m.documentNo, m.transferId])).toEqual([
      ['transfer_out', depotA, 20, 'DB-T-001', doc.transferId],
      ['transfer_in', depotB, 20, 'DB-T-001', doc.transferId],
    ])
    expect((await move(zhenqiao, { kind: 'loss', depotId: depotA, supplyId: tents, quantity: 5, reason: '霉变报损' })).statusCode).toBe(201)
    expect(await onHand(depotA, tents)).toBe(100 - 30 - 20 - 5)
    expect(await onHand(depotB, tents)).toBe(20)

    const ledger = (await app.inject({ method: 'GET', url: `/api/resources/movements?depotId=${depotA}&supplyId=${tents}`, headers: county })).json()
    expect(ledger.total).toBe(4)
    expect(ledger.items.map((m: { kind: string }) => m.kind).sort()).toEqual(['in', 'loss', 'out', 'transfer_out'])
    expect(ledger.items.find((m: { kind: string }) => m.kind === 'out').documentNo).toMatch(/^CK-\d{8}-[0-9A-F]{6}$/)
  })

  it('refuses an overdraw with 409 and writes nothing: no ledger row, no audit row, no event', async () => {
    const before = { movements: await count('resources.movements'), audit: await count('auth.audit_log'), outbox: await count('events.outbox') }
    const res = await move(zhenqiao, { kind: 'out', depotId: depotA, supplyId: tents, quantity: 46, reason: '超量出库' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'insufficient_stock', field: 'body.quantity', details: { available: 45, requested: 46, unit: '顶' } })
    expect(res.json().error.message).toContain('库存不足')
    expect(res.json().error.messageEn).toContain('Not enough stock')
    const transfer = await move(zhenqiao, { kind: 'transfer', depotId: depotA, toDepotId: depotB, supplyId: tents, quantity: 1000, reason: '超量调拨' })
    expect(transfer.statusCode).toBe(409)
    expect({ movements: await count('resources.movements'), audit: await count('auth.audit_log'), outbox: await count('events.outbox') }).toEqual(before)
    expect(await onHand(depotA, tents)).toBe(45)
  })

  it('lets only one of two simultaneous outs past zero', async () => {
    await move(county, { kind: 'in', depotId: depotB, supplyId: tents, quantity: 10, reason: '补库' }) // depot B: 30
    const results = await Promise.all([1, 2, 3].map(() => move(county, { kind: 'out', depotId: depotB, supplyId: tents, quantity: 12, reason: '并发出库' })))
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 409])
    expect(await onHand(depotB, tents)).toBe(6)
  })

  it('writes an audit row and a resources.stock_moved outbox event with each movement', async () => {
    const doc = (await move(legang, { kind: 'in', depotId: depotB, supplyId: tents, quantity: 7, reason: '捐赠入库', documentNo: 'RK-T-EVENT' })).json()
    const [event] = await queryRows<{ topic: string; payload: { documentNo: string; kind: string; quantity: number; movements: unknown[] } }>(
      platform.db, sql`SELECT topic, payload FROM events.outbox WHERE payload->>'documentNo' = 'RK-T-EVENT'`)
    expect(event).toMatchObject({ topic: 'resources.stock_moved', payload: { documentNo: 'RK-T-EVENT', kind: 'in', quantity: 7 } })
    expect(event!.payload.movements).toHaveLength(1)
    const audit = await queryRows<{ action: string; actor_role: string }>(platform.db, sql`
      SELECT action, actor_role FROM auth.audit_log WHERE entity = 'resources.movement' AND entity_id = ${doc.movements[0].id}`)
    expect(audit).toEqual([{ action: 'stock.in', actor_role: 'township' }])
  })

  it('keeps the ledger append-only in the database itself', async () => {
    await expect(platform.db.execute(sql`UPDATE resources.movements SET quantity = 1 WHERE depot_id = ${depotA}::uuid`)).rejects.toThrow()
    await expect(platform.db.execute(sql`DELETE FROM resources.movements WHERE depot_id = ${depotA}::uuid`)).rejects.toThrow()
  })

  it('moves expiring stock by batch, first to expire first out, and warns about near and past expiry', async () => {
    const soon = dayInChina(10)
    const later = dayInChina(300)
    const past = dayInChina(-3)
    for (const [quantity, batchExpiry] of [[50, later], [40, soon], [8, past]] as const) {
      expect((await move(zhenqiao, { kind: 'in', depotId: depotA, supplyId: water, quantity, batchExpiry, reason: '入库' })).statusCode).toBe(201)
    }
    const out = (await move(zhenqiao, { kind: 'out', depotId: depotA, supplyId: water, quantity: 30, reason: '发放' })).json()
    // The expired batch first, then the one expiring soon.
    expect(out.movements.map((m: { batchExpiry: string; quantity: number }) => [m.batchExpiry, m.quantity])).toEqual([[past, 8], [soon, 22]])

    const warnings = (await app.inject({ method: 'GET', url: `/api/resources/stock/warnings?depotId=${depotA}`, headers: zhenqiao })).json()
    expect(warnings.days).toBe(30)
    expect(warnings.expiring.map((w: { batchExpiry: string; quantity: number; daysLeft: number; expired: boolean }) => [w.batchExpiry, w.quantity, w.daysLeft, w.expired]))
      .toEqual([[soon, 18, 10, false]])
    const wide = (await app.inject({ method: 'GET', url: `/api/resources/stock/warnings?depotId=${depotA}&days=365`, headers: zhenqiao })).json()
    expect(wide.expiring.map((w: { batchExpiry: string }) => w.batchExpiry)).toEqual([soon, later])

    // A named batch: the loss of a batch that is not there is refused.
    const loss = await move(zhenqiao, { kind: 'loss', depotId: depotA, supplyId: water, quantity: 1, batchExpiry: past, reason: '过期报损' })
    expect(loss.statusCode).toBe(409)
    expect(await onHand(depotA, water)).toBe(68)
  })

  it('flags an expired batch still on hand', async () => {
    const past = dayInChina(-1)
    await move(legang, { kind: 'in', depotId: depotB, supplyId: water, quantity: 5, batchExpiry: past, reason: '入库' })
    const warnings = (await app.inject({ method: 'GET', url: '/api/resources/stock/warnings', headers: legang })).json()
    expect(warnings.expiring.find((w: { depotId: string }) => w.depotId === depotB)).toMatchObject({ batchExpiry: past, quantity: 5, daysLeft: -1, expired: true })
  })

  it('warns below the settable minimum stock', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/resources/stock/minimum', headers: zhenqiao, payload: { depotId: depotA, supplyId: tents, minQuantity: 60 } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ quantity: 45, minQuantity: 60, belowMinimum: true })
    const warnings = (await app.inject({ method: 'GET', url: '/api/resources/stock/warnings', headers: zhenqiao })).json()
    expect(warnings.belowMinimum.filter((s: { depotId: string }) => s.depotId === depotA).map((s: { supplyId: string }) => s.supplyId)).toEqual([tents])
    // Another township neither sees it nor may set it.
    const other = (await app.inject({ method: 'GET', url: '/api/resources/stock/warnings', headers: legang })).json()
    expect(other.belowMinimum.some((s: { depotId: string }) => s.depotId === depotA)).toBe(false)
    expect((await app.inject({ method: 'PUT', url: '/api/resources/stock/minimum', headers: legang, payload: { depotId: depotA, supplyId: tents, minQuantity: 1 } })).statusCode).toBe(403)
  })

  it('keeps townships apart: 乐港镇 can neither see nor move 镇桥镇 stock', async () => {
    expect((await move(legang, { kind: 'out', depotId: depotA, supplyId: tents, quantity: 1, reason: '越权' })).statusCode).toBe(403)
    const stock = (await app.inject({ method: 'GET', url: '/api/resources/stock?pageSize=200', headers: legang })).json()
    expect(stock.items.every((s: { divisionCode: string }) => s.divisionCode.startsWith('360281101'))).toBe(true)
    const ledger = (await app.inject({ method: 'GET', url: `/api/resources/movements?depotId=${depotA}`, headers: legang })).json()
    expect(ledger.total).toBe(0)
    expect((await app.inject({ method: 'GET', url: '/api/resources/stock?divisionCode=360281100', headers: legang })).statusCode).toBe(403)
  })

  it.each([
    { why: 'a transfer without destination', payload: { kind: 'transfer', quantity: 1, reason: 'x' }, field: 'body.toDepotId' },
    { why: 'a destination on an out', payload: { kind: 'out', quantity: 1, reason: 'x', toDepotId: '00000000-0000-4000-8000-000000000000' }, field: 'body.toDepotId' },
    { why: 'zero quantity', payload: { kind: 'in', quantity: 0, reason: 'x' }, field: 'body.quantity' },
    { why: 'a fractional quantity', payload: { kind: 'in', quantity: 1.5, reason: 'x' }, field: 'body.quantity' },
    { why: 'no reason', payload: { kind: 'in', quantity: 1 }, field: 'body.reason' },
    { why: 'an unknown kind', payload: { kind: 'gift', quantity: 1, reason: 'x' }, field: 'body.kind' },
    { why: 'an unknown supply', payload: { kind: 'in', quantity: 1, reason: 'x', supplyId: '00000000-0000-4000-8000-000000000000' }, field: 'body.supplyId' },
    { why: 'expiring stock in without batch expiry', payload: { kind: 'in', quantity: 1, reason: 'x', useWater: true }, field: 'body.batchExpiry' },
  ])('answers 400 naming the field for $why', async ({ payload, field }) => {
    const { useWater, ...rest } = payload as Record<string, unknown>
    const res = await move(county, { depotId: depotA, supplyId: useWater ? water : tents, ...rest })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe(field)
  })
})
