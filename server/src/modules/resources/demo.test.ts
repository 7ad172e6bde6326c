import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'
import { seedResourcesDemo } from './demo.ts'

describe('Leping demo resources (the prepared database)', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  const get = async (url: string) => (await app.inject({ method: 'GET', url, headers: county })).json()

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = (await loginAs(app, platform, { role: 'duty_officer' })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('has ten synthetic depots, city depots first, all on the map', async () => {
    const depots = await get('/api/resources/depots?pageSize=50')
    expect(depots.total).toBe(10)
    expect(depots.items[0]).toMatchObject({ name: '乐平市应急物资储备库', level: 'city', divisionName: '洎阳街道', synthetic: true })
    expect(depots.items.filter((d: { level: string }) => d.level === 'township')).toHaveLength(7)
    expect((await get('/api/resources/depots/map')).features).toHaveLength(10)
  })

  it('has stock from the opening ledger, with warnings below minimum and near or past expiry', async () => {
    const quilts = await get('/api/resources/stock?q=镇桥镇&pageSize=50')
    expect(quilts.items.find((s: { supplyName: string }) => s.supplyName === '棉被').quantity).toBe(190) // 200 in, 10 handed out
    const warnings = await get('/api/resources/stock/warnings')
    const below = warnings.belowMinimum.map((s: { depotName: string; supplyName: string; quantity: number; minQuantity: number }) => `${s.depotName} ${s.supplyName} ${s.quantity}/${s.minQuantity}`)
    expect(below).toEqual(expect.arrayContaining(['鸬鹚乡应急物资储备库 救生衣 60/100', '乐港镇应急物资储备库 单帐篷 40/50', '鸬鹚乡应急物资储备库 排涝泵 2/3']))
    expect(warnings.expiring.map((w: { depotName: string; daysLeft: number; expired: boolean }) => [w.depotName, w.daysLeft, w.expired])).toEqual([
      ['名口镇应急物资储备库', -4, true], ['乐港镇应急物资储备库', 12, false], ['乐平市应急物资储备库', 21, false],
    ])
  })

  it('has the supermarket agreement reserve of drinking water and a production-capacity reserve', async () => {
    const reserves = await get('/api/resources/reserves')
    expect(reserves.items.map((r: { kind: string }) => r.kind)).toEqual(['agreement', 'capacity'])
    expect(reserves.items[0]).toMatchObject({ inForce: true, responseHours: 4 })
    expect(reserves.items[0].items[0]).toMatchObject({ name: '饮用水', unit: '箱', quantity: 3000 })
  })

  it('has fifteen teams, the flood, forest fire, hazmat and social teams among them, and one certificate expiring next month', async () => {
    const teams = await get('/api/resources/teams?pageSize=50')
    expect(teams.total).toBe(15)
    const names = teams.items.map((t: { name: string }) => t.name)
    expect(names).toEqual(expect.arrayContaining(['乐平市防汛抢险队', '乐平市森林消防专业队', '江西乐平工业园区危化品应急救援队', '乐平市蓝天救援队', '镇桥镇民兵应急排']))
    expect(teams.items.filter((t: { type: string }) => t.type === 'social')).toHaveLength(2)
    const hazmat = teams.items.find((t: { type: string }) => t.type === 'hazmat')
    expect(hazmat).toMatchObject({ divisionName: '江西乐平工业园区', capabilities: ['hazmat', 'fire'] })
    const certificates = await get('/api/resources/teams/certificate-warnings')
    expect(certificates.items).toEqual([expect.objectContaining({ teamName: '乐平市防汛抢险队', memberName: '彭建军', certificateName: '内河船舶驾驶证', daysLeft: 35, expired: false })])
  })

  it('skips when data exists', async () => {
    await seedResourcesDemo(platform.db)
    expect((await get('/api/resources/depots')).total).toBe(10)
  })
})
