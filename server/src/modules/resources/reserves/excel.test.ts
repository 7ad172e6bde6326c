import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { buildApp, xlsxMediaType } from '../../../http/app.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'

type Cells = (string | number | null)[][]

/** Writes data rows from row 3 into the 储备 and 储备物资 sheets of a downloaded workbook. */
async function filled(buffer: Buffer, reserves: Cells, items: Cells): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  for (const [name, rows] of [['储备', reserves], ['储备物资', items]] as const) {
    const sheet = workbook.getWorksheet(name)!
    rows.forEach((values, i) => { sheet.getRow(3 + i).values = values })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('reserves in Excel (储备 + 储备物资)', () => {
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
  const upload = (body: Buffer, headers = county) =>
    app.inject({ method: 'POST', url: '/api/resources/reserves/import', headers: { ...headers, 'content-type': xlsxMediaType }, payload: body })
  const count = async (q: string, headers = county) =>
    (await app.inject({ method: 'GET', url: `/api/resources/reserves?q=${encodeURIComponent(q)}`, headers })).json().total as number

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

  it('offers a template with both sheets, Chinese headers and an example row', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await download('/api/resources/reserves/template') as unknown as ArrayBuffer)
    const reserves = workbook.getWorksheet('储备')!
    expect((reserves.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['储备编号*', '储备类型*', '供应方*', '行政区划代码*', '响应时间（小时）*'])
    expect(reserves.getCell('B3').value).toBe('协议储备')
    expect((workbook.getWorksheet('储备物资')!.getRow(1).values as unknown[]).slice(1)).toEqual(['储备编号*', '物资编码', '品名', '单位', '数量*'])
  })

  it('imports nothing from a file with bad rows and reports every error by sheet, row and Chinese column', async () => {
    const file = await filled(await download('/api/resources/reserves/template'), [
      ['A', '协议储备', 'Excel测试超市甲', '360281100', 4, null, null, '2026-01-01', '2099-12-31', null], // good
      ['B', '协议储备', 'Excel测试超市乙', '360281100', 0, null, 'abc', null, null, null], // zero hours, bad phone, no end date
      ['A', '产能储备', 'Excel测试工厂', '360281101', 24, null, null, null, null, null], // duplicate number, outside jurisdiction
      ['C', '战略储备', 'Excel测试仓', '360281100', 6, null, null, null, null, null], // unknown kind, no items
    ], [
      ['A', 'SH-YS-01', null, null, 100], // good
      ['B', null, '方便面', null, 0], // no unit, zero quantity
      ['Z', 'NO-SUCH', null, null, 5], // unknown reserve and code
    ])
    const res = await upload(file, zhenqiao)
    expect(res.statusCode).toBe(400)
    const error = res.json().error
    expect(error).toMatchObject({ code: 'import_rows_invalid', field: 'body' })
    expect(error.details.map((d: { sheet: string; row: number; column: string }) => [d.sheet, d.row, d.column])).toEqual([
      ['储备', 4, '响应时间（小时）'], ['储备', 4, '协议到期日'], ['储备', 4, '联系电话'],
      ['储备', 5, '行政区划代码'], ['储备', 5, '储备编号'],
      ['储备', 6, '储备类型'], ['储备', 6, '储备编号'],
      ['储备物资', 4, '单位'], ['储备物资', 4, '数量'],
      ['储备物资', 5, '储备编号'], ['储备物资', 5, '物资编码'],
    ])
    expect(error.details.every((d: { message: string; messageEn: string }) => d.message && d.messageEn)).toBe(true)
    expect(await count('Excel测试')).toBe(0)
  })

  it('round-trips: a good file imports (audited), its export imports again to the same reserves', async () => {
    const file = await filled(await download('/api/resources/reserves/template', zhenqiao), [
      ['R1', '协议储备', '往返测试超市', '360281100', 4, '陈经理', '0798-6000000', '2026-01-01', '2099-12-31', '24 小时营业'],
      ['R2', '产能储备', '往返测试编织袋厂', '360281100201', 24, null, null, null, null, null],
    ], [
      ['R1', 'SH-YS-01', null, null, 2000],
      ['R1', null, '方便面', '箱', 500],
      ['R2', null, '编织袋', '条', 20000],
    ])
    const res = await upload(file, zhenqiao)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ imported: 2 })
    const audit = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM auth.audit_log WHERE action = 'reserve.import'`)
    expect(audit[0]!.n).toBe(1)

    const list = async () => (await app.inject({ method: 'GET', url: '/api/resources/reserves?q=往返测试', headers: zhenqiao })).json().items
      .map((r: Record<string, unknown>) => ({ ...r, id: undefined, createdAt: undefined, updatedAt: undefined }))
    const imported = await list()
    expect(imported).toMatchObject([
      { kind: 'agreement', supplierName: '往返测试超市', divisionCode: '360281100000', responseHours: 4, contactPhone: '0798-6000000', contractEnd: '2099-12-31', note: '24 小时营业',
        items: [{ name: '饮用水', unit: '箱', quantity: 2000 }, { supplyId: null, name: '方便面', unit: '箱', quantity: 500 }] },
      { kind: 'capacity', supplierName: '往返测试编织袋厂', divisionCode: '360281100201', contractEnd: null, items: [{ name: '编织袋', unit: '条', quantity: 20000 }] },
    ])

    const exported = await download('/api/resources/reserves/export?q=往返测试', zhenqiao)
    const again = await upload(exported, zhenqiao)
    expect(again.json()).toEqual({ imported: 2 })
    const both = await list()
    expect(both).toHaveLength(4)
    expect(new Set(both.map((r: unknown) => JSON.stringify(r))).size).toBe(2)
  })
})
