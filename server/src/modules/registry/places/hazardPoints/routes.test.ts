import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../../../testing/platform.ts'
import { loginAs } from '../../../../testing/session.ts'
import { postXlsx, sheetRows, xlsxUpload } from '../core/testing.ts'

const tanghu = '360281100201' // 塘湖村, 镇桥镇
const url = '/api/registry/hazard-points'

const slide = {
  name: '塘湖村后山滑坡', type: 'landslide', scale: 'small', stability: 'fairly_stable',
  threatenedHouseholds: 6, threatenedPeople: 23, threatenedProperty: 120.5,
  divisionCode: tanghu, monitorName: '王建国', monitorPhone: '13807981234', location: { lon: 117.25, lat: 28.92 },
}

describe('geological hazard points (地质灾害隐患点) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let township: { cookie: string }
  let admin: { cookie: string }
  let enterprise: { cookie: string }
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, who: { cookie: string }, payload?: object) =>
    app.inject({ method, url: path, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) })
  const total = async () => (await call('GET', `${url}?pageSize=1`, county)).json().total as number

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = await loginAs(app, platform, { role: 'duty_officer' })
    admin = await loginAs(app, platform, { role: 'admin' })
    township = await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })
    enterprise = await loginAs(app, platform, { role: 'enterprise' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('registers, shows, changes and deletes a point, each change audited', async () => {
    const created = await call('POST', url, township, slide)
    expect(created.statusCode).toBe(201)
    const point = created.json()
    expect(point).toMatchObject({
      ...slide, typeName: '滑坡', scaleName: '小型', stabilityName: '基本稳定', status: 'active', statusName: '在册',
      divisionName: '塘湖村委会', synthetic: false,
    })
    expect((await call('GET', `${url}/${point.id}`, county)).json()).toEqual(point)
    const changed = await call('PATCH', `${url}/${point.id}`, township, { stability: 'unstable', threatenedPeople: 40 })
    expect(changed.json()).toMatchObject({ stability: 'unstable', stabilityName: '不稳定', threatenedPeople: 40, name: slide.name })
    expect((await call('DELETE', `${url}/${point.id}`, township)).statusCode).toBe(204)
    expect((await call('GET', `${url}/${point.id}`, county)).statusCode).toBe(404)
    const audit = (await call('GET', `/api/auth/audit?entity=hazard_point&entityId=${point.id}`, admin)).json().items
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['hazard_point.delete', 'hazard_point.update', 'hazard_point.create'])
    expect(audit[1].before).toMatchObject({ stability: 'fairly_stable' })
  })

  it.each([
    { why: 'an unknown type', body: { ...slide, type: '地裂缝' }, field: 'body.type' },
    { why: 'a negative household count', body: { ...slide, threatenedHouseholds: -1 }, field: 'body.threatenedHouseholds' },
    { why: 'more households than people', body: { ...slide, threatenedHouseholds: 30 }, field: 'body.threatenedHouseholds', code: 'households_exceed_people' },
    { why: 'a township instead of a village', body: { ...slide, divisionCode: '360281100' }, field: 'body.divisionCode', code: 'village_expected' },
    { why: 'no monitor', body: { ...slide, monitorName: undefined }, field: 'body.monitorName' },
    { why: 'a bad monitor phone', body: { ...slide, monitorPhone: '123' }, field: 'body.monitorPhone' },
    { why: 'a latitude out of range', body: { ...slide, location: { lon: 117.2, lat: 128.9 } }, field: 'body.location.lat' },
  ])('refuses $why with a 400 naming $field, writing nothing', async ({ body, field, code }) => {
    const before = await total()
    const res = await call('POST', url, county, body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ field, ...(code ? { code } : {}) })
    expect(await total()).toBe(before)
  })

  it('keeps a township officer to its township, and enterprise users out', async () => {
    const list = (await call('GET', `${url}?pageSize=200`, township)).json()
    expect(list.items.every((p: { divisionCode: string }) => p.divisionCode.startsWith('360281100'))).toBe(true)
    const elsewhere = (await call('GET', `${url}?pageSize=200`, county)).json().items.find((p: { divisionCode: string }) => !p.divisionCode.startsWith('360281100'))
    expect(elsewhere).toBeDefined()
    expect((await call('GET', `${url}/${elsewhere.id}`, township)).statusCode).toBe(404)
    expect((await call('POST', url, township, { ...slide, divisionCode: elsewhere.divisionCode })).statusCode).toBe(403)
    expect((await call('GET', url, enterprise)).statusCode).toBe(403)
  })

  it('lists the demo points with filters, and maps them', async () => {
    const landslides = (await call('GET', `${url}?type=landslide&pageSize=200`, county)).json()
    expect(landslides.total).toBeGreaterThan(0)
    expect(landslides.items.every((p: { type: string; synthetic: boolean }) => p.type === 'landslide')).toBe(true)
    const map = (await call('GET', `${url}/map`, county)).json()
    expect(map.features.length).toBe((await call('GET', `${url}?pageSize=1`, county)).json().total)
    expect(map.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Point' }, properties: { typeName: expect.any(String) } })
  })

  describe('Excel', () => {
    const headers = ['隐患点名称', '灾害类型', '规模', '稳定性', '威胁户数', '威胁人数', '威胁财产（万元）', '所在村代码', '群测群防员', '监测员电话', '经纬度']

    it('template and export carry the Chinese headers; an export of a filter holds just those rows', async () => {
      const template = await sheetRows((await call('GET', `${url}/template`, county)).rawPayload, '地质灾害隐患点')
      expect(template[0]).toEqual(expect.arrayContaining(['隐患点名称*', '灾害类型*', '群测群防员*', '经纬度*']))
      const exported = await sheetRows((await call('GET', `${url}/export?type=collapse`, county)).rawPayload, '地质灾害隐患点')
      const collapses = (await call('GET', `${url}?type=collapse&pageSize=1`, county)).json().total
      expect(exported.slice(2)).toHaveLength(collapses)
      expect(exported.slice(2).every((row) => row[1] === '崩塌')).toBe(true)
    })

    it('imports good rows and reports every bad one with row and column, importing nothing', async () => {
      const good = ['塘湖村东侧崩塌', '崩塌', '小型', '稳定', 2, 8, 30, tanghu, '李四', '13607981111', '117.24,28.93']
      const ok = await postXlsx(app, `${url}/import`, township.cookie, await xlsxUpload('隐患点', headers, [good]))
      expect(ok.json()).toEqual({ imported: 1 })
      const before = await total()
      const bad = await postXlsx(app, `${url}/import`, township.cookie, await xlsxUpload('隐患点', headers, [
        good,
        ['坏类型', '地裂缝', '小型', '稳定', 2, 8, 30, tanghu, '李四', '13607981111', '117.24,28.93'],
        ['户多于人', '滑坡', '小型', '稳定', 9, 8, 30, tanghu, '李四', '13607981111', '117.24,28.93'],
        ['坏电话和坐标', '滑坡', '巨型', '稳定', 2, 8, 30, tanghu, '李四', '1360798', '28.93,117.24'],
        ['非本乡镇', '滑坡', '小型', '稳定', 2, 8, 30, '360281101201', '李四', '13607981111', '117.24,28.93'],
      ]))
      expect(bad.statusCode).toBe(400)
      expect(bad.json().error.code).toBe('import_rows_invalid')
      expect(bad.json().error.details.map((d: { row: number; column: string }) => `${d.row} ${d.column}`)).toEqual([
        '3 灾害类型', '4 威胁户数', '5 规模', '5 经纬度', '6 所在村代码',
      ])
      expect(await total()).toBe(before)
    })
  })
})
