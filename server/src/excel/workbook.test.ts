import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../http/errors.ts'
import { exportWorkbook, importRowsInvalid, loadWorkbook, readSheet, templateWorkbook, type SheetColumn } from './workbook.ts'

const columns: SheetColumn[] = [
  { key: 'name', header: '名称', headerEn: 'Name', required: true, kind: 'text', example: '乐平市示例化工有限公司' },
  { key: 'employees', header: '从业人数', headerEn: 'Employees', kind: 'integer', example: 120 },
  { key: 'quantity', header: '数量（吨）', headerEn: 'Quantity (t)', kind: 'number', example: 12.5 },
  { key: 'since', header: '成立日期', headerEn: 'Founded', kind: 'date', example: '2010-03-15' },
  { key: 'active', header: '是否在用', headerEn: 'In use', kind: 'boolean', example: '是' },
  {
    key: 'status', header: '状态', headerEn: 'Status', kind: 'enum', required: true, example: '运营',
    options: [{ value: 'operating', label: '运营', labelEn: 'Operating' }, { value: 'closed', label: '关闭', labelEn: 'Closed' }],
  },
  { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', kind: 'divisionCode', required: true, example: '360281100' },
  { key: 'location', header: '经纬度', headerEn: 'Longitude,latitude', kind: 'lonLat', example: '117.12,28.96' },
]

/** Opens a workbook buffer, lets `fill` edit the first sheet, and returns the new buffer. */
async function edit(buffer: Buffer, fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = await loadWorkbook(buffer)
  fill(workbook.worksheets[0]!)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('templateWorkbook', () => {
  it('has Chinese headers with * on required columns, English names, an example row, drop-downs and a 说明 sheet', async () => {
    const workbook = await loadWorkbook(await templateWorkbook([{ name: '企业', columns }]))
    const sheet = workbook.getWorksheet('企业')!
    expect(sheet.getRow(1).values).toEqual([undefined, '名称*', '从业人数', '数量（吨）', '成立日期', '是否在用', '状态*', '行政区划代码*', '经纬度'])
    expect(sheet.getCell('B2').value).toBe('Employees')
    expect(sheet.getCell('A3').value).toBe('乐平市示例化工有限公司')
    const validation = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model
    expect(Object.values(validation).some((v) => v.type === 'list' && v.formulae[0] === '"运营,关闭"')).toBe(true)
    expect(Object.values(validation).some((v) => v.type === 'list' && v.formulae[0] === '"是,否"')).toBe(true)
    const notes = workbook.getWorksheet('说明')!
    const text = notes.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n')
    expect(text).toContain('行政区划代码，6、9 或 12 位数字')
    expect(text).toContain('下拉选择：运营、关闭')
  })

  it('reads back as nothing while the example row is unchanged', async () => {
    const result = await readSheet(await templateWorkbook([{ name: '企业', columns }]), { columns })
    expect(result).toEqual({ rows: [], errors: [] })
  })

  it('puts long option lists on a hidden sheet', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ value: `v${i}`, label: `选项${i}` }))
    const workbook = await loadWorkbook(await templateWorkbook([{ name: '表', columns: [{ key: 'k', header: '类别', headerEn: 'Kind', kind: 'enum', options: many }] }]))
    expect(workbook.getWorksheet('选项')?.state).toBe('hidden')
    expect(workbook.getWorksheet('选项')?.getCell('A60').value).toBe('选项59')
  })
})

describe('readSheet', () => {
  it('round trip: a filled-in template reads as checked values with Excel row numbers', async () => {
    const filled = await edit(await templateWorkbook([{ name: '企业', columns }]), (sheet) => {
      sheet.getRow(3).values = ['江西甲公司', 35, '1,200.5', new Date(Date.UTC(2001, 0, 2)), '否', '关闭', 360281100201, '117.2, 28.9']
      sheet.getRow(4).values = ['江西乙公司', null, 3, '2019/7/8', true, 'operating', '360281', '117.3，29.0']
      sheet.getRow(6).values = [{ richText: [{ text: '江西' }, { text: '丙公司' }] }, null, null, 43831, 'Y', 'Closed', '360281101', null]
    })
    const { rows, errors } = await readSheet(filled, { columns })
    expect(errors).toEqual([])
    expect(rows).toEqual([
      { rowNumber: 3, valid: true, values: { name: '江西甲公司', employees: 35, quantity: 1200.5, since: '2001-01-02', active: false, status: 'closed', divisionCode: '360281100201', location: [117.2, 28.9] } },
      { rowNumber: 4, valid: true, values: { name: '江西乙公司', employees: null, quantity: 3, since: '2019-07-08', active: true, status: 'operating', divisionCode: '360281000000', location: [117.3, 29] } },
      { rowNumber: 6, valid: true, values: { name: '江西丙公司', employees: null, quantity: null, since: '2020-01-01', active: true, status: 'closed', divisionCode: '360281101000', location: null } },
    ])
  })

  it('round trip: an export reads back to the same values', async () => {
    const records = [
      { name: '甲', employees: 5, quantity: 0.25, since: '2024-02-29', active: true, status: 'operating', divisionCode: '360281401001', location: [117.1234567, 28.9876543] },
      { name: '乙', employees: null, quantity: null, since: null, active: false, status: 'closed', divisionCode: '360281100000', location: null },
    ]
    const { rows, errors } = await readSheet(await exportWorkbook([{ name: '企业', columns, rows: records }]), { columns, sheetName: '企业' })
    expect(errors).toEqual([])
    expect(rows.map((row) => row.values)).toEqual(records)
  })

  it('finds columns by header whatever their order, and by English header', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Sheet1')
    sheet.addRow(['Division code', '状态', '名称 *'])
    sheet.addRow(['360281100', '运营', '甲'])
    const { rows, errors } = await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()), { columns })
    expect(errors).toEqual([])
    expect(rows[0]).toMatchObject({ rowNumber: 2, values: { name: '甲', status: 'operating', divisionCode: '360281100000', employees: null } })
  })

  it('reports a missing required column on row 1', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('表').addRow(['名称', '状态'])
    const { errors } = await readSheet(Buffer.from(await workbook.xlsx.writeBuffer()), { columns })
    expect(errors).toEqual([{ row: 1, column: '行政区划代码', message: '缺少必填列“行政区划代码”', messageEn: 'The required column "行政区划代码" (Division code) is missing' }])
  })

  it('reports every wrong cell of every row, each with its row number and Chinese header', async () => {
    const filled = await edit(await templateWorkbook([{ name: '企业', columns }]), (sheet) => {
      sheet.getRow(3).values = [null, 'abc', 'x1', '2023-02-30', '可能', '营业', '36028', '28.9,117.2']
      sheet.getRow(4).values = ['  ', 1.5, '1e3', '昨天', 2, null, '360281abc', '200,10']
      sheet.getRow(5).values = ['好', 1, 1, '2023-01-01', '是', '运营', '360281100', '117']
    })
    const { rows, errors } = await readSheet(filled, { columns })
    const brief = errors.map((e) => [e.row, e.column, e.message])
    expect(brief).toEqual([
      [3, '名称', '必填'],
      [3, '从业人数', '应为整数，实为“abc”'],
      [3, '数量（吨）', '应为数字，实为“x1”'],
      [3, '成立日期', '应为日期（如 2025-05-01），实为“2023-02-30”'],
      [3, '是否在用', '应为“是”或“否”，实为“可能”'],
      [3, '状态', '“营业”不是可选值，应为：运营、关闭'],
      [3, '行政区划代码', '行政区划代码应为 6、9 或 12 位数字，实为“36028”'],
      [3, '经纬度', '经纬度顺序颠倒：应先经度后纬度'],
      [4, '名称', '必填'],
      [4, '从业人数', '应为整数，实为“1.5”'],
      [4, '成立日期', '应为日期（如 2025-05-01），实为“昨天”'],
      [4, '是否在用', '应为“是”或“否”，实为“2”'],
      [4, '状态', '必填'],
      [4, '行政区划代码', '行政区划代码应为 6、9 或 12 位数字，实为“360281abc”'],
      [4, '经纬度', '经度应在 -180 至 180、纬度应在 -90 至 90 之间'],
      [5, '经纬度', '应为“经度,纬度”（如 117.12,28.96），实为“117”'],
    ])
    expect(errors.every((e) => e.messageEn.length > 0)).toBe(true)
    expect(rows.map((r) => [r.rowNumber, r.valid])).toEqual([[3, false], [4, false], [5, false]])
    expect(rows[1]!.values.quantity).toBe(1000)
  })

  it('rejects a file that is not .xlsx and a missing named sheet with a 400 on body', async () => {
    await expect(readSheet(Buffer.from('name,code\n'), { columns })).rejects.toMatchObject({ status: 400, code: 'invalid_xlsx', field: 'body' })
    const template = await templateWorkbook([{ name: '企业', columns }])
    await expect(readSheet(template, { columns, sheetName: '装置' })).rejects.toMatchObject({ code: 'import_sheet_missing', message: '工作簿中没有工作表“装置”' })
    expect(await readSheet(template, { columns, sheetName: '装置', optional: true })).toEqual({ rows: [], errors: [] })
  })
})

describe('importRowsInvalid', () => {
  it('is a 400 on body listing every error and naming the first', () => {
    const errors = [
      { row: 3, column: '名称', message: '必填', messageEn: 'Required' },
      { row: 7, column: '状态', message: '“x”不是可选值', messageEn: '"x" is not allowed' },
    ]
    const error = importRowsInvalid(errors)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ status: 400, code: 'import_rows_invalid', field: 'body', details: errors })
    expect(error.message).toBe('导入文件有 2 处错误，未导入任何数据（第 3 行“名称”：必填）')
    expect(error.messageEn).toBe('The file has 2 errors; nothing was imported (row 3, "名称": Required)')
  })
})
