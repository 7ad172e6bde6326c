import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../../../testing/platform.ts'
import { loginAs } from '../../../../testing/session.ts'
import { postXlsx, sheetRows, xlsxUpload } from '../core/testing.ts'

const zhenqiao = '360281100000' // 镇桥镇
const url = '/api/registry/shelters'

const school = {
  name: '镇桥镇中心小学避灾安置点', type: 'indoor', level: 'township', capacity: 600, areaM2: 1800,
  facilities: ['water', 'power', 'toilet', 'medical'], address: '镇桥镇解放街 8 号', managerName: '刘敏', managerPhone: '0798-6812345',
  divisionCode: '360281100', location: { lon: 117.21, lat: 28.93 },
}

describe('shelters (避灾安置场所) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let township: { cookie: string }
  let village: { cookie: string }
  let enterprise: { cookie: string }
  let admin: { cookie: string }
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, who: { cookie: string }, payload?: object) =>
    app.inject({ method, url: path, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) })
  const total = async () => (await call('GET', `${url}?pageSize=1`, county)).json().total as number

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = await loginAs(app, platform, { role: 'duty_officer' })
    admin = await loginAs(app, platform, { role: 'admin' })
    township = await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })
    village = await loginAs(app, platform, { role: 'village', jurisdiction: '360281100201' })
    enterprise = await loginAs(app, platform, { role: 'enterprise' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('registers a shelter with its facilities, opens it (启用中), closes it, deletes it — audited', async () => {
    const created = await call('POST', url, township, school)
    expect(created.statusCode).toBe(201)
    const shelter = created.json()
    expect(shelter).toMatchObject({
      ...school, divisionCode: zhenqiao, divisionName: '镇桥镇', typeName: '室内', levelName: '乡镇级',
      facilityNames: ['水', '电', '厕所', '医疗'], status: 'available', statusName: '可用',
    })
    expect((await call('PATCH', `${url}/${shelter.id}`, township, { status: 'in_use' })).json()).toMatchObject({ status: 'in_use', statusName: '启用中', capacity: 600 })
    expect((await call('GET', `${url}?status=in_use`, township)).json().items.map((s: { id: string }) => s.id)).toContain(shelter.id)
    expect((await call('DELETE', `${url}/${shelter.id}`, township)).statusCode).toBe(204)
    const audit = (await call('GET', `/api/auth/audit?entity=shelter&entityId=${shelter.id}`, admin)).json().items
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['shelter.delete', 'shelter.update', 'shelter.create'])
  })

  it.each([
    { why: 'no capacity', body: { ...school, capacity: undefined }, field: 'body.capacity' },
    { why: 'a capacity of 0', body: { ...school, capacity: 0 }, field: 'body.capacity' },
    { why: 'a fractional capacity', body: { ...school, capacity: 12.5 }, field: 'body.capacity' },
    { why: 'an area of 0', body: { ...school, areaM2: 0 }, field: 'body.areaM2' },
    { why: 'an unknown facility', body: { ...school, facilities: ['water', 'pool'] }, field: 'body.facilities.1' },
    { why: 'an unknown level', body: { ...school, level: 'province' }, field: 'body.level' },
    { why: 'a status outside 可用/启用中/停用', body: { ...school, status: 'full' }, field: 'body.status' },
    { why: 'no location', body: { ...school, location: undefined }, field: 'body.location' },
  ])('refuses $why with a 400 naming $field, writing nothing', async ({ body, field }) => {
    const before = await total()
    const res = await call('POST', url, county, body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe(field)
    expect(await total()).toBe(before)
  })

  it('scopes reading to the jurisdiction; villages and enterprises read, only officers write', async () => {
    const all = (await call('GET', `${url}?pageSize=200`, county)).json()
    const mine = (await call('GET', `${url}?pageSize=200`, township)).json()
    expect(mine.total).toBeLessThan(all.total)
    expect(mine.items.every((s: { divisionCode: string }) => s.divisionCode.startsWith('360281100'))).toBe(true)
    expect(mine.totalCapacity).toBe(mine.items.reduce((n: number, s: { capacity: number }) => n + s.capacity, 0))
    const villageList = (await call('GET', url, village)).json()
    expect(villageList.items.every((s: { divisionCode: string }) => s.divisionCode === '360281100201')).toBe(true)
    expect((await call('POST', url, village, school)).statusCode).toBe(403)
    expect((await call('GET', url, enterprise)).statusCode).toBe(200)
    expect((await call('POST', url, enterprise, school)).statusCode).toBe(403)
  })

  it('maps shelters with capacity and status', async () => {
    const map = (await call('GET', `${url}/map?level=city`, county)).json()
    expect(map.features).toHaveLength(1)
    expect(map.features[0].properties).toMatchObject({ name: '乐平市体育中心避灾安置点', level: 'city', capacity: 2000, synthetic: true })
  })

  describe('Excel', () => {
    const headers = ['场所名称', '类型', '级别', '可容纳人数', '面积（平方米）', '配套设施', '管理人', '管理人电话', '行政区划代码', '经纬度']

    it('exports what the list shows, facilities as 水、电…', async () => {
      const rows = await sheetRows((await call('GET', `${url}/export?level=city`, county)).rawPayload, '避灾安置场所')
      expect(rows[0]).toEqual(expect.arrayContaining(['场所名称*', '可容纳人数*', '配套设施']))
      expect(rows.slice(2)).toHaveLength(1)
      expect(rows[2]).toContain('水、电、厕所、医疗、储备、厨房、通信、广播、消防')
    })

    it('imports, or lists every wrong cell and imports nothing', async () => {
      const good = ['镇桥镇文化站', '综合', '乡镇级', 300, 900, '水、电、厕所', '胡明', '13907981111', '360281100', '117.2,28.93']
      expect((await postXlsx(app, `${url}/import`, township.cookie, await xlsxUpload('场所', headers, [good]))).json()).toEqual({ imported: 1 })
      const imported = (await call('GET', `${url}?q=${encodeURIComponent('镇桥镇文化站')}`, county)).json().items[0]
      expect(imported).toMatchObject({ type: 'mixed', facilities: ['water', 'power', 'toilet'], divisionCode: zhenqiao })
      const before = await total()
      const res = await postXlsx(app, `${url}/import`, township.cookie, await xlsxUpload('场所', headers, [
        good,
        ['坏设施', '室内', '村级', 100, 200, '水、游泳池', '胡明', '13907981111', '360281100201', '117.2,28.93'],
        ['坏人数', '室内', '村级', '很多', 200, '水', '胡明', '13907981111', '360281100201', '117.2,28.93'],
        ['', '室内', '省级', 100, 200, '水', '胡明', '139', '360281100201', ''],
      ]))
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details.map((d: { row: number; column: string }) => `${d.row} ${d.column}`)).toEqual([
        '3 配套设施', '4 可容纳人数', '5 场所名称', '5 级别', '5 经纬度',
      ])
      expect(await total()).toBe(before)
    })
  })
})
