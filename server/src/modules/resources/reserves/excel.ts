/**
 * Reserves in Excel: a 储备 sheet (one row per reserve, numbered) and a 储备物资 sheet (one row
 * per item line, naming its reserve by that number). Every row of both sheets is checked and
 * every error reported; any error imports nothing.
 */
import type { Static } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import {
  cellError, exportWorkbook, importRowsInvalid, loadWorkbook, readSheet, templateWorkbook,
  type ImportRowError, type ImportValue, type SheetColumn,
} from '../../../excel/workbook.ts'
import { recordAudit } from '../../auth/index.ts'
import { checkDivisions } from '../core/excel.ts'
import { findSuppliesByCodes, findSupplyById } from '../supplies/queries.ts'
import * as queries from './queries.ts'
import { reserveKinds, type ReserveKind, type ReserveListQuery } from './schemas.ts'
import { allReserves } from './service.ts'

const reserveSheetName = '储备'
const itemSheetName = '储备物资'

export const reserveKindNames: Record<ReserveKind, { zh: string; en: string }> = {
  agreement: { zh: '协议储备', en: 'Agreement reserve' },
  capacity: { zh: '产能储备', en: 'Production capacity' },
}

export const reserveColumns = [
  { key: 'number', header: '储备编号', headerEn: 'Reserve number', required: true, kind: 'text', example: 'R1', width: 12 },
  {
    key: 'kind', header: '储备类型', headerEn: 'Kind', required: true, kind: 'enum', example: '协议储备',
    options: reserveKinds.map((value) => ({ value, label: reserveKindNames[value].zh, labelEn: reserveKindNames[value].en })),
  },
  { key: 'supplierName', header: '供应方', headerEn: 'Supplier', required: true, kind: 'text', example: '乐平市某连锁超市', width: 26 },
  { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', required: true, kind: 'divisionCode', example: '360281100' },
  { key: 'responseHours', header: '响应时间（小时）', headerEn: 'Response hours', required: true, kind: 'number', example: 4 },
  { key: 'contactName', header: '联系人', headerEn: 'Contact', kind: 'text', example: '陈经理' },
  { key: 'contactPhone', header: '联系电话', headerEn: 'Phone', kind: 'text', example: '0798-6000000' },
  { key: 'contractStart', header: '协议开始日', headerEn: 'Contract start', kind: 'date', example: '2026-01-01' },
  { key: 'contractEnd', header: '协议到期日', headerEn: 'Contract end', kind: 'date', example: '2028-12-31' },
  { key: 'note', header: '备注', headerEn: 'Note', kind: 'text', width: 24 },
] as const satisfies readonly SheetColumn[]

export const reserveItemColumns = [
  { key: 'number', header: '储备编号', headerEn: 'Reserve number', required: true, kind: 'text', example: 'R1', width: 12 },
  { key: 'supplyCode', header: '物资编码', headerEn: 'Supply code', kind: 'text', example: 'SH-MB-01' },
  { key: 'name', header: '品名', headerEn: 'Item', kind: 'text', example: '棉被', width: 20 },
  { key: 'unit', header: '单位', headerEn: 'Unit', kind: 'text', example: '床' },
  { key: 'quantity', header: '数量', headerEn: 'Quantity', required: true, kind: 'integer', example: 500 },
] as const satisfies readonly SheetColumn[]

type ReserveKey = (typeof reserveColumns)[number]['key']
type ItemKey = (typeof reserveItemColumns)[number]['key']
const reserveColumn = (key: ReserveKey) => reserveColumns.find((c) => c.key === key)!
const itemColumn = (key: ItemKey) => reserveItemColumns.find((c) => c.key === key)!

const sheets = {
  reserves: {
    name: reserveSheetName, columns: reserveColumns,
    notes: ['每条储备一行，“储备编号”在本文件内唯一（如 R1、R2），用于在“储备物资”表中对应。', '协议储备须填写协议到期日；产能储备的数量为日产能。'],
  },
  items: {
    name: itemSheetName, columns: reserveItemColumns,
    notes: ['每项物资一行，“储备编号”对应“储备”表；每条储备至少一项物资。', '填写物资目录中的“物资编码”时品名和单位可留空；不在目录中的物资须填写品名和单位。'],
  },
}

export const reserveTemplate = () => templateWorkbook([sheets.reserves, sheets.items])

export async function exportReserves(db: Db, actor: Actor, query: Static<typeof ReserveListQuery>): Promise<Buffer> {
  const reserves = await allReserves(db, actor, query)
  const supplyIds = [...new Set(reserves.flatMap((r) => r.items.map((i) => i.supplyId)).filter((id): id is string => id !== null))]
  const codes = new Map<string, string>()
  for (const id of supplyIds) {
    const supply = await findSupplyById(db, id)
    if (supply) codes.set(id, supply.code)
  }
  const numberOf = (index: number) => `R${index + 1}`
  return exportWorkbook([
    { ...sheets.reserves, rows: reserves.map((r, i) => ({ ...r, number: numberOf(i) })) },
    {
      ...sheets.items,
      rows: reserves.flatMap((r, i) => r.items.map((item) => ({
        number: numberOf(i), supplyCode: item.supplyId ? codes.get(item.supplyId) ?? null : null, name: item.name, unit: item.unit, quantity: item.quantity,
      }))),
    },
  ])
}

const text = (v: ImportValue | undefined) => (typeof v === 'string' && v !== '' ? v : null)
const phonePattern = /^[0-9+() -]{3,30}$/

/** Errors of one sheet, each naming it. */
class SheetErrors {
  readonly list: ImportRowError[] = []
  constructor(private readonly sheet: string) {}
  add(row: number, column: Pick<SheetColumn, 'header'>, message: string, messageEn: string): void {
    this.list.push({ ...cellError(row, column, message, messageEn), sheet: this.sheet })
  }
  addAll(errors: readonly ImportRowError[]): void {
    this.list.push(...errors.map((e) => ({ ...e, sheet: this.sheet })))
  }
}

function tooLong(errors: SheetErrors, row: number, column: SheetColumn, value: string | null, max: number): void {
  if (value !== null && value.length > max) errors.add(row, column, `不能超过 ${max} 个字`, `At most ${max} characters`)
}

/** Imports every reserve with its items, or none: a 400 `import_rows_invalid` lists every wrong cell. */
export async function importReserves(db: Db, actor: Actor, body: Buffer): Promise<{ imported: number }> {
  const workbook = await loadWorkbook(body)
  const reserveSheet = await readSheet(workbook, { columns: reserveColumns, sheetName: reserveSheetName })
  const itemSheet = await readSheet(workbook, { columns: reserveItemColumns, sheetName: itemSheetName })
  const rErrors = new SheetErrors(reserveSheetName)
  const iErrors = new SheetErrors(itemSheetName)
  rErrors.addAll(reserveSheet.errors)
  iErrors.addAll(itemSheet.errors)
  const divisionErrors: ImportRowError[] = []
  await checkDivisions(db, actor, reserveSheet.rows, reserveColumn('divisionCode'), divisionErrors)
  rErrors.addAll(divisionErrors)

  // Reserves: unique numbers, contract dates, response time, text limits.
  const byNumber = new Map<string, { row: number; values: queries.ReserveValues }>()
  for (const { rowNumber, values: v } of reserveSheet.rows) {
    const number = text(v.number)
    if (number !== null && byNumber.has(number)) {
      rErrors.add(rowNumber, reserveColumn('number'), `与第 ${byNumber.get(number)!.row} 行储备编号重复`, `Same number as row ${byNumber.get(number)!.row}`)
    }
    const hours = typeof v.responseHours === 'number' ? v.responseHours : null
    if (hours !== null && (hours <= 0 || hours > 720)) rErrors.add(rowNumber, reserveColumn('responseHours'), '响应时间应大于 0 且不超过 720 小时', 'Response hours must be above 0 and at most 720')
    const start = text(v.contractStart)
    const end = text(v.contractEnd)
    if (v.kind === 'agreement' && end === null && !reserveSheet.errors.some((e) => e.row === rowNumber && e.column === reserveColumn('contractEnd').header)) {
      rErrors.add(rowNumber, reserveColumn('contractEnd'), '协议储备须填写协议到期日', 'An agreement reserve needs its contract end date')
    }
    if (start !== null && end !== null && end < start) rErrors.add(rowNumber, reserveColumn('contractEnd'), '协议到期日不能早于开始日', 'The contract cannot end before it starts')
    const phone = text(v.contactPhone)
    if (phone !== null && !phonePattern.test(phone)) rErrors.add(rowNumber, reserveColumn('contactPhone'), '电话只能包含数字、+、-、括号和空格（3–30 位）', 'A phone has digits, +, -, brackets and spaces (3–30)')
    tooLong(rErrors, rowNumber, reserveColumn('supplierName'), text(v.supplierName), 100)
    tooLong(rErrors, rowNumber, reserveColumn('contactName'), text(v.contactName), 50)
    tooLong(rErrors, rowNumber, reserveColumn('note'), text(v.note), 500)
    if (number === null || byNumber.has(number)) continue
    byNumber.set(number, {
      row: rowNumber,
      values: {
        kind: v.kind as ReserveKind, supplier_name: text(v.supplierName) ?? '', enterprise_id: null, division_code: text(v.divisionCode) ?? '',
        contact_name: text(v.contactName), contact_phone: phone, response_hours: hours ?? 0, contract_start: start, contract_end: end,
        note: text(v.note), synthetic: false, items: [],
      },
    })
  }

  // Items: their reserve, a catalogue entry or a name and unit, a positive quantity.
  const codes = [...new Set(itemSheet.rows.map((r) => text(r.values.supplyCode)).filter((c): c is string => c !== null))]
  const supplies = new Map((await findSuppliesByCodes(db, codes)).map((s) => [s.code, s]))
  for (const { rowNumber, values: v } of itemSheet.rows) {
    const number = text(v.number)
    const reserve = number === null ? undefined : byNumber.get(number)
    if (number !== null && !reserve) iErrors.add(rowNumber, itemColumn('number'), `“${reserveSheetName}”表中没有储备编号 ${number}`, `No reserve numbered ${number} in the "${reserveSheetName}" sheet`)
    const code = text(v.supplyCode)
    const supply = code === null ? undefined : supplies.get(code)
    if (code !== null && !supply) iErrors.add(rowNumber, itemColumn('supplyCode'), `物资目录中没有编码 ${code}`, `No supply with the code ${code} in the catalogue`)
    const name = text(v.name) ?? supply?.name ?? null
    const unit = text(v.unit) ?? supply?.unit ?? null
    if (code === null && name === null) iErrors.add(rowNumber, itemColumn('name'), '未填写物资编码时须填写品名', 'An item outside the catalogue needs a name')
    if (code === null && unit === null) iErrors.add(rowNumber, itemColumn('unit'), '未填写物资编码时须填写单位', 'An item outside the catalogue needs a unit')
    tooLong(iErrors, rowNumber, itemColumn('name'), text(v.name), 100)
    tooLong(iErrors, rowNumber, itemColumn('unit'), text(v.unit), 10)
    const quantity = typeof v.quantity === 'number' ? v.quantity : null
    if (quantity !== null && (quantity < 1 || quantity > 100_000_000)) iErrors.add(rowNumber, itemColumn('quantity'), '数量应在 1 到 1 亿之间', 'The quantity must be between 1 and 100 000 000')
    if (reserve && name !== null && unit !== null && quantity !== null) {
      reserve.values.items.push({ supply_id: supply?.id ?? null, item_name: name, unit, quantity })
    }
  }
  for (const [number, { row, values }] of byNumber) {
    const anyItemRow = itemSheet.rows.some((r) => text(r.values.number) === number)
    if (!anyItemRow) rErrors.add(row, reserveColumn('number'), `“${itemSheetName}”表中没有该储备的物资`, `The "${itemSheetName}" sheet lists no item of this reserve`)
    else if (values.items.length > 100) rErrors.add(row, reserveColumn('number'), '每条储备最多 100 项物资', 'At most 100 items per reserve')
  }

  const byRow = (a: ImportRowError, b: ImportRowError) => a.row - b.row
  const errors = [...rErrors.list.sort(byRow), ...iErrors.list.sort(byRow)]
  if (errors.length > 0) throw importRowsInvalid(errors)
  const values = [...byNumber.values()].map((r) => r.values)
  if (values.length === 0) return { imported: 0 }
  await db.transaction(async (tx) => {
    const ids = await queries.insertReserves(tx, values)
    await recordAudit(tx, { actor, action: 'reserve.import', entity: 'resources.reserve', entityId: `import:${ids.length}`, after: { count: ids.length, ids } })
  })
  return { imported: values.length }
}
