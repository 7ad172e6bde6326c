import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import ExcelJS from 'exceljs'
import { buildApp, xlsxMediaType } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'

/** Opens a downloaded workbook, lets `fill` write data rows into its first sheet, returns the file. */
async function filled(buffer: Buffer, rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  rows.forEach((values, i) => { sheet.getRow(3 + i).values = values })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('resources Excel: templates, exports, imports', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let zhenqiao: { cookie: string }

  const download = async (url: string, headers = county) => {
    const res = await app.inject({ method: 'GET', url, headers })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe(xlsxMediaType)
    return res.rawPayload
  }
  const upload = (url: string, body: Buffer, headers = county) =>
    app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': xlsxMediaType }, payload: body })

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    zhenqiao = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('offers depot, catalogue and team templates with Chinese headers and an example row', async () => {
    for (const [url, headers, example] of [
      ['/api/resources/depots/template', ['名称*', '级别*', '行政区划代码*'], '镇桥镇应急物资储备库'],
      ['/api/resources/supplies/template', ['物资编码*', '物资名称*', '类别*', '计量单位*'], 'SH-ZP-01'],
      ['/api/resources/teams/template', ['队伍名称*', '队伍类型*', '级别*', '行政区划代码*'], '镇桥镇民兵应急排'],
    ] as const) {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await download(url) as unknown as ArrayBuffer)
      const sheet = workbook.worksheets[0]!
      expect((sheet.getRow(1).values as unknown[]).slice(1, 1 + headers.length)).toEqual(headers)
      expect(sheet.getCell('A3').value).toBe(example)
    }
  })

  it('imports nothing from a depot file with bad rows and reports every error by row and Chinese column', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/resources/depots', headers: county })).json().total
    const file = await filled(await download('/api/resources/depots/template'), [
      ['导入测试一号库', '乡镇级', '360281100', '117.1,28.95', null, null, null, null], // good
      [null, '省级', '360281100', null, null, null, null, null], // no name, bad level
      ['导入测试三号库', '村级', '3602811', '28.95,117.1', null, null, null, null], // bad code, swapped lon/lat
      ['导入测试四号库', '村级', '360281199', null, null, null, null, null], // unknown division
    ])
    const res = await upload('/api/resources/depots/import', file)
    expect(res.statusCode).toBe(400)
    const error = res.json().error
    expect(error).toMatchObject({ code: 'import_rows_invalid', field: 'body' })
    expect(error.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([
      [4, '名称'], [4, '级别'], [5, '行政区划代码'], [5, '经纬度'], [6, '行政区划代码'],
    ])
    expect(error.details.every((d: { message: string; messageEn: string }) => d.message && d.messageEn)).toBe(true)
    expect((await app.inject({ method: 'GET', url: '/api/resources/depots', headers: county })).json().total).toBe(before)
  })

  it('imports a good depot file, refuses rows outside a township officer\'s jurisdiction, and exports what it imported', async () => {
    const template = await download('/api/resources/depots/template', zhenqiao)
    const outside = await upload('/api/resources/depots/import', await filled(template, [['越权库', '乡镇级', '360281101', null, null, null, null, null]]), zhenqiao)
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error.details).toEqual([expect.objectContaining({ row: 3, column: '行政区划代码', message: '不在您的管辖范围内' })])

    const good = await filled(template, [
      ['导入测试甲库', '村级', '360281100201', null, '塘湖村委会', '吴某', '13800000001', '30 m²'],
      ['导入测试乙库', '乡镇级', '360281100', '117.2,28.9', null, null, null, null],
    ])
    const res = await upload('/api/resources/depots/import', good, zhenqiao)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ imported: 2 })
    const list = (await app.inject({ method: 'GET', url: '/api/resources/depots?q=导入测试', headers: zhenqiao })).json()
    expect(list.items.map((d: { name: string; location: unknown }) => [d.name, d.location !== null])).toEqual([['导入测试乙库', true], ['导入测试甲库', true]])

    const exported = new ExcelJS.Workbook()
    await exported.xlsx.load(await download('/api/resources/depots/export?q=导入测试', zhenqiao) as unknown as ArrayBuffer)
    const sheet = exported.worksheets[0]!
    expect(sheet.getCell('A3').value).toBe('导入测试乙库')
    expect(sheet.getCell('B3').value).toBe('乡镇级')
    expect(sheet.getCell('D3').value).toBe('117.2,28.9')
  })

  it('imports nothing from a catalogue file with a duplicate, a taken code and a bad unit count', async () => {
    const file = await filled(await download('/api/resources/supplies/template'), [
      ['IMP-01', '导入测试帐篷', '生活类', '顶', null, null],
      ['IMP-01', '导入测试帐篷二', '生活类', '顶', null, null],
      ['SH-ZP-01', '已存在的编码', '抢险类', '台', null, null],
      ['IMP-02', '导入测试水', '饮料类', '箱', null, '十二'],
    ])
    const res = await upload('/api/resources/supplies/import', file)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([
      [4, '物资编码'], [5, '物资编码'], [6, '类别'], [6, '保质期（月）'],
    ])
    const list = (await app.inject({ method: 'GET', url: '/api/resources/supplies?q=导入测试', headers: county })).json()
    expect(list.total).toBe(0)
    // The catalogue is the county's: a township officer may not import into it.
    expect((await upload('/api/resources/supplies/import', file, zhenqiao)).statusCode).toBe(403)
  })

  it('imports teams with capabilities and equipment written as in Excel, and reports unknown hazards', async () => {
    const template = await download('/api/resources/teams/template')
    const bad = await upload('/api/resources/teams/import', await filled(template, [
      ['导入测试队', '防汛抢险', '乡镇级', '360281100', null, null, null, null, 20, '待命', '洪涝、外星入侵', '冲锋舟2'],
    ]))
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.map((d: { row: number; column: string; message: string }) => [d.row, d.column, d.message])).toEqual([
      [3, '可处置灾种', '未知灾种“外星入侵”'], [3, '主要装备', '“冲锋舟2”应写作“名称×数量”'],
    ])
    const good = await upload('/api/resources/teams/import', await filled(template, [
      ['导入测试队', '防汛抢险', '乡镇级', '360281100', null, '镇桥镇', '王某', '13900000002', 20, '休整', '洪涝、内涝', '冲锋舟×2、救生衣×40件'],
    ]))
    expect(good.json()).toEqual({ imported: 1 })
    const team = (await app.inject({ method: 'GET', url: '/api/resources/teams?q=导入测试队', headers: county })).json().items[0]
    expect(team).toMatchObject({
      type: 'flood', status: 'resting', headcount: 20, capabilities: ['flood', 'waterlogging'],
      equipment: [{ name: '冲锋舟', quantity: 2 }, { name: '救生衣', quantity: 40 }],
    })
  })

  it('answers 400 on body for a file that is not a workbook', async () => {
    const res = await upload('/api/resources/teams/import', Buffer.from('not a workbook'))
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'invalid_xlsx', field: 'body' })
  })
})
