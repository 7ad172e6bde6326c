import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../../../testing/platform.ts'
import { loginAs } from '../../../../testing/session.ts'
import { postXlsx, sheetRows, xlsxUpload } from '../core/testing.ts'

const url = '/api/registry/experts'
const expert = { name: '陈立新', field: 'hazchem', title: '高级工程师', organisation: '乐平市应急管理局', phone: '13907989876', divisionCode: '360281' }

describe('experts (专家库) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let township: { cookie: string }
  let apiClient: { cookie: string }
  let admin: { cookie: string }
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, who: { cookie: string }, payload?: object) =>
    app.inject({ method, url: path, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) })
  const total = async () => (await call('GET', `${url}?pageSize=1`, county)).json().total as number

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = await loginAs(app, platform, { role: 'department' })
    admin = await loginAs(app, platform, { role: 'admin' })
    township = await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })
    apiClient = await loginAs(app, platform, { role: 'api_client' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('adds an expert at county level, finds them by field and organisation, changes and removes them', async () => {
    const created = await call('POST', url, county, expert)
    expect(created.statusCode).toBe(201)
    const e = created.json()
    expect(e).toMatchObject({ ...expert, divisionCode: '360281000000', divisionName: '乐平市', fieldName: '危化', synthetic: false })
    const byField = (await call('GET', `${url}?field=hazchem&pageSize=200`, county)).json()
    expect(byField.items.every((x: { field: string }) => x.field === 'hazchem')).toBe(true)
    expect(byField.items.map((x: { id: string }) => x.id)).toContain(e.id)
    const byOrganisation = (await call('GET', `${url}?q=${encodeURIComponent('应急管理局')}&pageSize=200`, county)).json()
    expect(byOrganisation.items.map((x: { id: string }) => x.id)).toContain(e.id)
    expect((await call('PATCH', `${url}/${e.id}`, county, { field: 'fire' })).json()).toMatchObject({ field: 'fire', fieldName: '消防' })
    expect((await call('DELETE', `${url}/${e.id}`, county)).statusCode).toBe(204)
    const audit = (await call('GET', `/api/auth/audit?entity=expert&entityId=${e.id}`, admin)).json().items
    expect(audit.map((x: { action: string }) => x.action)).toEqual(['expert.delete', 'expert.update', 'expert.create'])
  })

  it('clears optional texts sent as null in a PATCH (shown empty afterwards)', async () => {
    const e = (await call('POST', url, county, { ...expert, name: '清空测试专家' })).json()
    const cleared = await call('PATCH', `${url}/${e.id}`, county, { title: null, organisation: null })
    expect(cleared.statusCode, cleared.body).toBe(200)
    expect((await call('GET', `${url}/${e.id}`, county)).json()).toMatchObject({ title: '', organisation: '', phone: expert.phone })
  })

  it.each([
    { why: 'an unknown field', body: { ...expert, field: 'astrology' }, field: 'body.field' },
    { why: 'no phone', body: { ...expert, phone: undefined }, field: 'body.phone' },
    { why: 'an empty name', body: { ...expert, name: '' }, field: 'body.name' },
    { why: 'a division outside Leping', body: { ...expert, divisionCode: '360222' }, field: 'body.divisionCode' },
  ])('refuses $why naming $field', async ({ body, field }) => {
    const before = await total()
    const res = await call('POST', url, county, body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe(field)
    expect(await total()).toBe(before)
  })

  it('county experts are outside a township officer\'s reach; API clients only read', async () => {
    const list = (await call('GET', url, township)).json()
    expect(list.items.every((x: { divisionCode: string }) => x.divisionCode.startsWith('360281100'))).toBe(true)
    expect((await call('POST', url, township, expert)).statusCode).toBe(403)
    expect((await call('GET', url, apiClient)).statusCode).toBe(200)
    expect((await call('POST', url, apiClient, expert)).statusCode).toBe(403)
  })

  it('template, export and import with every bad row reported', async () => {
    const template = await sheetRows((await call('GET', `${url}/template`, county)).rawPayload, '专家库')
    expect(template[0]).toEqual(['姓名*', '专业领域*', '职称', '工作单位', '联系电话*', '行政区划代码*'])
    const exported = await sheetRows((await call('GET', `${url}/export?field=geology`, county)).rawPayload, '专家库')
    expect(exported.slice(2).length).toBeGreaterThan(0)
    expect(exported.slice(2).every((row) => row[1] === '地质')).toBe(true)
    const headers = ['姓名', '专业领域', '联系电话', '行政区划代码']
    expect((await postXlsx(app, `${url}/import`, county.cookie, await xlsxUpload('专家', headers, [['周明', '防汛', '13907980000', '360281']]))).json()).toEqual({ imported: 1 })
    const before = await total()
    const res = await postXlsx(app, `${url}/import`, county.cookie, await xlsxUpload('专家', headers, [
      ['周明', '防汛', '13907980000', '360281'],
      ['吴亮', '占卜', '13907980000', '360281'],
      ['郑华', '医疗', '110', '360281'],
      ['孙强', '医疗', '13907980000', '360281999'],
    ]))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.map((d: { row: number; column: string }) => `${d.row} ${d.column}`)).toEqual(['3 专业领域', '4 联系电话', '5 行政区划代码'])
    expect(await total()).toBe(before)
    const notXlsx = await app.inject({ method: 'POST', url: `${url}/import`, headers: { cookie: county.cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: Buffer.from('not a workbook') })
    expect(notXlsx.statusCode).toBe(400)
    expect(notXlsx.json().error).toMatchObject({ code: 'invalid_xlsx', field: 'body' })
  })
})
