import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../../../testing/platform.ts'
import { loginAs } from '../../../../testing/session.ts'
import { docxText } from '../core/zipEntry.ts'
import { postXlsx, sheetRows, xlsxUpload } from '../core/testing.ts'

const tanghu = '360281100201' // 塘湖村, in 镇桥镇
const park = '360281401000' // 江西乐平工业园区

const tank = {
  name: '液氯储罐区', kind: 'public_place', placeType: '储罐区', divisionCode: tanghu, location: { lon: 117.2, lat: 28.9 },
  method: 'LEC', likelihood: 3, exposure: 6, consequence: 15,
  hazards: '液氯泄漏\n储罐超压', consequences: '中毒和窒息、火灾',
  controlMeasures: [
    { level: 'company', measure: '设置泄漏报警并与紧急切断联锁', person: '张伟' },
    { level: 'post', measure: '每班巡检两次并记录', person: '李强' },
  ],
  emergencyMeasures: '发现泄漏立即疏散下风向人员，佩戴空气呼吸器关闭阀门', responsiblePerson: '张伟', responsiblePhone: '13907981234',
  reviewDate: '2026-12-31',
}

describe('risk points (风险点) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let township: { cookie: string }
  let otherTownship: { cookie: string }
  let admin: { cookie: string }
  let commander: { cookie: string }
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: { cookie: string }, payload?: object) =>
    app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) })

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = await loginAs(app, platform, { role: 'duty_officer' })
    admin = await loginAs(app, platform, { role: 'admin' })
    commander = await loginAs(app, platform, { role: 'commander' })
    township = await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })
    otherTownship = await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  describe('scoring: the colour follows the LEC and LS bands (risk-grading.md §2, §3)', () => {
    it.each([
      { why: 'LEC D = 3 × 6 × 15 = 270 is 高度危险 → 较大 orange', input: { method: 'LEC', likelihood: 3, exposure: 6, consequence: 15 }, score: 270, level: 'large', colour: 'orange', levelName: '较大风险' },
      { why: 'LEC D = 10 × 6 × 7 = 420 > 320 → 重大 red', input: { method: 'LEC', likelihood: 10, exposure: 6, consequence: 7 }, score: 420, level: 'major', colour: 'red', levelName: '重大风险' },
      { why: 'LEC D = 3 × 6 × 7 = 126 → 一般 yellow', input: { method: 'LEC', likelihood: 3, exposure: 6, consequence: 7 }, score: 126, level: 'general', colour: 'yellow', levelName: '一般风险' },
      { why: 'LEC D = 10 × 1 × 7 = 70 closes the 20–70 band → 低 blue', input: { method: 'LEC', likelihood: 10, exposure: 1, consequence: 7 }, score: 70, level: 'low', colour: 'blue', levelName: '低风险' },
      { why: 'LS R = 4 × 5 = 20 → red', input: { method: 'LS', likelihood: 4, severity: 5 }, score: 20, level: 'major', colour: 'red', levelName: '重大风险' },
      { why: 'LS R = 3 × 3 = 9 → yellow', input: { method: 'LS', likelihood: 3, severity: 3 }, score: 9, level: 'general', colour: 'yellow', levelName: '一般风险' },
    ])('$why', async ({ input, score, level, colour, levelName }) => {
      const res = await call('POST', '/api/registry/risk-points', county, { ...tank, exposure: undefined, consequence: undefined, ...input })
      expect(res.statusCode).toBe(201)
      expect(res.json()).toMatchObject({ score, level, colour, levelName, divisionCode: tanghu, divisionName: '塘湖村委会', synthetic: false })
    })

    it('rescores on change: lowering C from 15 to 3 turns an orange point blue, and the audit shows both', async () => {
      const created = (await call('POST', '/api/registry/risk-points', county, tank)).json()
      expect(created.colour).toBe('orange')
      const res = await call('PATCH', `/api/registry/risk-points/${created.id}`, county, { consequence: 3 })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ score: 54, level: 'low', colour: 'blue', name: tank.name, controlMeasures: tank.controlMeasures })
      const audit = (await call('GET', `/api/auth/audit?entity=risk_point&entityId=${created.id}`, admin)).json()
      expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['risk_point.update', 'risk_point.create'])
      expect(audit.items[0].before).toMatchObject({ colour: 'orange', score: 270 })
      expect(audit.items[0].after).toMatchObject({ colour: 'blue', score: 54 })
    })

    it('switching to LS drops E and C and needs S', async () => {
      const created = (await call('POST', '/api/registry/risk-points', county, tank)).json()
      const missing = await call('PATCH', `/api/registry/risk-points/${created.id}`, county, { method: 'LS', likelihood: 2 })
      expect(missing.statusCode).toBe(400)
      expect(missing.json().error).toMatchObject({ code: 'missing_risk_factor', field: 'body.severity' })
      const res = await call('PATCH', `/api/registry/risk-points/${created.id}`, county, { method: 'LS', likelihood: 2, severity: 4 })
      expect(res.json()).toMatchObject({ method: 'LS', score: 8, colour: 'blue', exposure: null, consequence: null, severity: 4 })
    })
  })

  describe('validation: 400 naming the field, nothing written', () => {
    it.each([
      { why: 'no name', body: { ...tank, name: undefined }, field: 'body.name', code: 'invalid_input' },
      { why: 'E = 7 is not in the LEC table', body: { ...tank, exposure: 7 }, field: 'body.exposure', code: 'invalid_risk_factor', zh: '10、6、3、2、1、0.5' },
      { why: 'LEC without C', body: { ...tank, consequence: undefined }, field: 'body.consequence', code: 'missing_risk_factor' },
      { why: 'LS severity 6', body: { ...tank, method: 'LS', severity: 6 }, field: 'body.severity', code: 'invalid_risk_factor' },
      { why: 'an unknown method', body: { ...tank, method: 'HAZOP' }, field: 'body.method', code: 'invalid_input' },
      { why: 'a division that does not exist', body: { ...tank, divisionCode: '360281100999' }, field: 'body.divisionCode', code: 'unknown_division' },
      { why: 'a malformed division code', body: { ...tank, divisionCode: '3602811' }, field: 'body.divisionCode', code: 'invalid_division_code' },
      { why: 'a phone number with letters', body: { ...tank, responsiblePhone: '1390798abcd' }, field: 'body.responsiblePhone', code: 'invalid_input' },
      { why: 'a control level that is not 公司/车间/班组/岗位', body: { ...tank, controlMeasures: [{ level: 'boss', measure: 'x', person: 'y' }] }, field: 'body.controlMeasures.0.level', code: 'invalid_input' },
      { why: 'an unknown field', body: { ...tank, colour: 'blue' }, field: 'body.colour', code: 'invalid_input' },
      { why: 'a public place tied to an enterprise', body: { ...tank, enterpriseId: '00000000-0000-4000-8000-000000000001' }, field: 'body.enterpriseId', code: 'enterprise_not_allowed' },
    ])('$why → $field', async ({ body, field, code, zh }) => {
      const before = (await call('GET', '/api/registry/risk-points?pageSize=1', county)).json().total
      const res = await call('POST', '/api/registry/risk-points', county, body)
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({ code, field })
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(res.json().error.messageEn).toMatch(/[a-z]/)
      if (zh) expect(res.json().error.message).toContain(zh)
      expect((await call('GET', '/api/registry/risk-points?pageSize=1', county)).json().total).toBe(before)
    })
  })

  describe('jurisdiction (管辖范围)', () => {
    it('a township officer registers in its township, not in another one or in the park', async () => {
      expect((await call('POST', '/api/registry/risk-points', township, tank)).statusCode).toBe(201)
      const res = await call('POST', '/api/registry/risk-points', township, { ...tank, divisionCode: park })
      expect(res.statusCode).toBe(403)
      expect(res.json().error.field).toBe('body.divisionCode')
    })

    it('sees only its township in lists and on the map; another township\'s point is absent (404)', async () => {
      const parkPoint = (await call('POST', '/api/registry/risk-points', county, { ...tank, name: '园区甲类仓库', divisionCode: park })).json()
      const list = (await call('GET', '/api/registry/risk-points?pageSize=200', township)).json()
      expect(list.total).toBeGreaterThan(0)
      expect(list.items.every((p: { divisionCode: string }) => p.divisionCode.startsWith('360281100'))).toBe(true)
      const map = (await call('GET', '/api/registry/risk-points/map', township)).json()
      expect(map.features.map((f: { properties: { id: string } }) => f.properties.id)).not.toContain(parkPoint.id)
      expect((await call('GET', `/api/registry/risk-points/${parkPoint.id}`, township)).statusCode).toBe(404)
      expect((await call('PATCH', `/api/registry/risk-points/${parkPoint.id}`, township, { name: 'x' })).statusCode).toBe(404)
      expect((await call('DELETE', `/api/registry/risk-points/${parkPoint.id}`, otherTownship)).statusCode).toBe(404)
      expect((await call('GET', '/api/registry/risk-points?divisionCode=360281401', township)).statusCode).toBe(403)
    })

    it('ties a point to a registered enterprise, and refuses an enterprise that does not exist', async () => {
      const company = (await call('GET', '/api/registry/enterprises?pageSize=1', county)).json().items[0]
      const tied = await call('POST', '/api/registry/risk-points', county, { ...tank, kind: 'enterprise', enterpriseId: company.id })
      expect(tied.statusCode).toBe(201)
      expect((await call('GET', `/api/registry/risk-points?enterpriseId=${company.id}&pageSize=200`, county)).json().items.map((p: { id: string }) => p.id)).toContain(tied.json().id)
      const unknown = await call('POST', '/api/registry/risk-points', county, { ...tank, kind: 'enterprise', enterpriseId: '00000000-0000-4000-8000-00000000dead' })
      expect(unknown.statusCode).toBe(400)
      expect(unknown.json().error).toMatchObject({ code: 'unknown_enterprise', field: 'body.enterpriseId' })
    })

    it('a commander reads but may not write', async () => {
      expect((await call('GET', '/api/registry/risk-points', commander)).statusCode).toBe(200)
      expect((await call('POST', '/api/registry/risk-points', commander, tank)).statusCode).toBe(403)
    })

    it('an enterprise user sees and registers only its own enterprise\'s points', async () => {
      const enterprise = await loginAs(app, platform, { role: 'enterprise', enterpriseId: '00000000-0000-4000-8000-0000000000e1' })
      const own = await call('POST', '/api/registry/risk-points', enterprise, { ...tank, kind: 'enterprise', name: '本企业反应釜' })
      expect(own.statusCode).toBe(201)
      expect(own.json().enterpriseId).toBe('00000000-0000-4000-8000-0000000000e1')
      const list = (await call('GET', '/api/registry/risk-points?pageSize=200', enterprise)).json()
      expect(list.items.map((p: { name: string }) => p.name)).toEqual(['本企业反应釜'])
      const other = (await call('GET', '/api/registry/risk-points?pageSize=1', county)).json().items[0]
      expect((await call('GET', `/api/registry/risk-points/${other.id}`, enterprise)).statusCode).toBe(403)
      expect((await call('POST', '/api/registry/risk-points', enterprise, tank)).statusCode).toBe(403)
    })
  })

  describe('lists, filters and the map (一图)', () => {
    it('filters by colour and method, highest risk first, paged', async () => {
      const red = (await call('GET', '/api/registry/risk-points?colour=red&pageSize=200', county)).json()
      expect(red.items.length).toBeGreaterThan(0)
      expect(red.items.every((p: { colour: string }) => p.colour === 'red')).toBe(true)
      const ls = (await call('GET', '/api/registry/risk-points?method=LS&pageSize=200', county)).json()
      expect(ls.items.every((p: { method: string }) => p.method === 'LS')).toBe(true)
      const page = (await call('GET', '/api/registry/risk-points?page=2&pageSize=2', county)).json()
      expect(page).toMatchObject({ page: 2, pageSize: 2 })
      expect(page.items).toHaveLength(2)
      const all = (await call('GET', '/api/registry/risk-points?pageSize=200', county)).json().items
      const order = ['major', 'large', 'general', 'low']
      const ranks = all.map((p: { level: string }) => order.indexOf(p.level))
      expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b))
    })

    it('the map gives located points coloured by level', async () => {
      const map = (await call('GET', '/api/registry/risk-points/map?colour=orange', county)).json()
      expect(map.type).toBe('FeatureCollection')
      expect(map.features.length).toBeGreaterThan(0)
      expect(map.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Point' }, properties: { colour: 'orange', level: 'large', levelName: '较大风险' } })
    })
  })

  describe('一牌: the risk notification card', () => {
    it('is a Word document with the level band, facts, hazards, measures and phone numbers', async () => {
      const point = (await call('POST', '/api/registry/risk-points', county, tank)).json()
      const res = await call('GET', `/api/registry/risk-points/${point.id}/card.docx`, county)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('wordprocessingml')
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('安全风险告知卡'))
      const text = docxText(res.rawPayload)
      for (const expected of [
        '安全风险告知卡', '较大风险（橙色）', '液氯储罐区', '塘湖村委会', 'D = L × E × C = 3 × 6 × 15 = 270', '高度危险',
        '液氯泄漏', '储罐超压', '【公司级】设置泄漏报警并与紧急切断联锁（责任人：张伟）', '【岗位级】每班巡检两次并记录',
        '佩戴空气呼吸器关闭阀门', '13907981234', '火警 119', '急救 120',
      ]) expect(text).toContain(expected)
    })
  })

  describe('三清单: the three lists', () => {
    it('one workbook: 风险清单, 管控措施清单 (a row per measure), 应急处置清单', async () => {
      const res = await call('GET', `/api/registry/risk-lists.xlsx?divisionCode=${tanghu}`, county)
      expect(res.statusCode).toBe(200)
      const points = (await call('GET', `/api/registry/risk-points?divisionCode=${tanghu}&pageSize=200`, county)).json()
      const risks = await sheetRows(res.rawPayload, '风险清单')
      expect(risks[0]).toEqual(['序号', '风险点名称', '类别', '所在区划', '场所类型', '危险因素', '可能导致的事故', '风险评价', '风险等级', '风险颜色', '责任人', '联系电话'])
      expect(risks.slice(2)).toHaveLength(points.total)
      const measures = await sheetRows(res.rawPayload, '管控措施清单')
      const measureCount = points.items.reduce((n: number, p: { controlMeasures: unknown[] }) => n + p.controlMeasures.length, 0)
      expect(measures.slice(2)).toHaveLength(measureCount)
      expect(measures.slice(2)).toContainEqual(expect.arrayContaining(['液氯储罐区', '公司', '设置泄漏报警并与紧急切断联锁', '张伟']))
      const emergency = await sheetRows(res.rawPayload, '应急处置清单')
      expect(emergency.slice(2)).toContainEqual(expect.arrayContaining(['液氯储罐区', '发现泄漏立即疏散下风向人员，佩戴空气呼吸器关闭阀门']))
    })
  })

  describe('Excel', () => {
    const headers = ['风险点名称', '类别', '行政区划代码', '评价方法', '可能性L', '暴露频繁程度E', '后果C', '严重性S', '管控措施', '联系电话']

    it('the template has the Chinese headers and an example row; an export reads back', async () => {
      const template = await call('GET', '/api/registry/risk-points/template', county)
      expect(template.headers['content-type']).toContain('spreadsheetml')
      const rows = await sheetRows(template.rawPayload, '风险点')
      expect(rows[0]).toEqual(expect.arrayContaining(['风险点名称*', '类别*', '行政区划代码*', '评价方法*', '可能性L*', '管控措施']))
      expect(rows[2]).toContain('液氯储罐区')
      const exported = await sheetRows((await call('GET', '/api/registry/risk-points/export?colour=red', county)).rawPayload, '风险点')
      expect(exported[0]).toEqual(expect.arrayContaining(['风险值', '风险等级', '风险颜色']))
      expect(exported.slice(2).every((row) => row.includes('红'))).toBe(true)
    })

    it('imports good rows, scored like the API', async () => {
      const file = await xlsxUpload('风险点', headers, [
        ['加油站卸油区', '公共场所', '360281100201', 'LEC', 3, 6, 7, null, '公司|卸油时专人监护|王五\n岗位|静电接地|赵六', '0798-6812345'],
        ['商场中庭', '公共场所', '360281100', 'LS', 4, null, null, 4, null, null],
      ])
      const res = await postXlsx(app, '/api/registry/risk-points/import', township.cookie, file)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ imported: 2 })
      const found = (await call('GET', `/api/registry/risk-points?q=${encodeURIComponent('加油站卸油区')}`, county)).json().items[0]
      expect(found).toMatchObject({ score: 126, colour: 'yellow', controlMeasures: [{ level: 'company', measure: '卸油时专人监护', person: '王五' }, { level: 'post', measure: '静电接地', person: '赵六' }] })
    })

    it('reports every bad row with its row and Chinese column, and imports nothing', async () => {
      const before = (await call('GET', '/api/registry/risk-points?pageSize=1', county)).json().total
      const file = await xlsxUpload('风险点', headers, [
        ['好的一行', '公共场所', '360281100201', 'LEC', 3, 6, 7, null, null, null],
        ['', '企业', '360281100201', 'LEC', 3, 6, 7, null, null, null],
        ['坏因子', '公共场所', '360281100201', 'LEC', 4, 6, 7, null, null, null],
        ['坏区划', '公共场所', '360281999999', 'LS', 2, null, null, 2, null, null],
        ['外乡镇', '公共场所', '360281401000', 'LS', 2, null, null, 2, null, null],
        ['坏措施', '公共场所', '360281100201', 'LS', 2, null, null, 2, '老板|盯着', '12345'],
        ['坏类别', '工厂', '360281100201', 'LX', 2, null, null, 2, null, null],
      ])
      const res = await postXlsx(app, '/api/registry/risk-points/import', township.cookie, file)
      expect(res.statusCode).toBe(400)
      const error = res.json().error
      expect(error).toMatchObject({ code: 'import_rows_invalid', field: 'body' })
      expect(error.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([
        [3, '风险点名称'], [4, '可能性L'], [5, '行政区划代码'], [6, '行政区划代码'], [7, '管控措施'], [7, '联系电话'], [8, '类别'], [8, '评价方法'],
      ])
      expect((await call('GET', '/api/registry/risk-points?pageSize=1', county)).json().total).toBe(before)
    })
  })
})
