/** The supplies catalogue in Excel: template, export, import (all or nothing). */
import type { Static } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { cellError, exportWorkbook, importRowsInvalid, readSheet, templateWorkbook, type SheetColumn } from '../../../excel/workbook.ts'
import { recordAudit } from '../../auth/index.ts'
import { assertCanWrite } from '../core/scope.ts'
import * as queries from './queries.ts'
import { supplyCategories, supplyCategoryNames, type SupplyCategory, type SupplyListQuery } from './schemas.ts'
import { allSupplies, catalogueDivision } from './service.ts'

const sheetName = '物资目录'

export const supplyColumns = [
  { key: 'code', header: '物资编码', headerEn: 'Code', required: true, kind: 'text', example: 'SH-ZP-01' },
  { key: 'name', header: '物资名称', headerEn: 'Name', required: true, kind: 'text', example: '单帐篷', width: 20 },
  {
    key: 'category', header: '类别', headerEn: 'Category', required: true, kind: 'enum', example: '生活类',
    options: supplyCategories.map((value) => ({ value, label: supplyCategoryNames[value].zh, labelEn: supplyCategoryNames[value].en })),
  },
  { key: 'unit', header: '计量单位', headerEn: 'Unit', required: true, kind: 'text', example: '顶' },
  { key: 'spec', header: '规格型号', headerEn: 'Specification', kind: 'text', example: '3m×4m 棉帐篷', width: 20 },
  { key: 'shelfLifeMonths', header: '保质期（月）', headerEn: 'Shelf life (months)', kind: 'integer', example: '' },
] as const satisfies readonly SheetColumn[]

const column = (key: (typeof supplyColumns)[number]['key']) => supplyColumns.find((c) => c.key === key)!

export const supplyTemplate = () => templateWorkbook([{ name: sheetName, columns: supplyColumns, notes: ['保质期为空表示该物资不过期。 · An empty shelf life means the supply does not expire.'] }])

export async function exportSupplies(db: Db, actor: Actor, query: Static<typeof SupplyListQuery>): Promise<Buffer> {
  return exportWorkbook([{ name: sheetName, columns: supplyColumns, rows: await allSupplies(db, actor, query) }])
}

export async function importSupplies(db: Db, actor: Actor, body: Buffer): Promise<{ imported: number }> {
  assertCanWrite(actor, { divisionCode: catalogueDivision })
  const { rows, errors } = await readSheet(body, { columns: supplyColumns })
  const codeColumn = column('code')
  const seen = new Map<string, number>()
  for (const row of rows) {
    const code = row.values.code
    if (typeof code !== 'string') continue
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) errors.push(cellError(row.rowNumber, codeColumn, '编码只能包含字母、数字、- 和 _，最长 32 位', 'A code has letters, digits, - and _ only, at most 32'))
    else if (seen.has(code)) errors.push(cellError(row.rowNumber, codeColumn, `与第 ${seen.get(code)} 行编码重复`, `Same code as row ${seen.get(code)}`))
    else seen.set(code, row.rowNumber)
    const shelf = row.values.shelfLifeMonths
    if (typeof shelf === 'number' && (shelf < 1 || shelf > 600)) errors.push(cellError(row.rowNumber, column('shelfLifeMonths'), '应在 1 至 600 之间', 'Must be within 1..600'))
  }
  const existing = new Set((await queries.findSuppliesByCodes(db, [...seen.keys()])).map((s) => s.code))
  for (const [code, rowNumber] of seen) {
    if (existing.has(code)) errors.push(cellError(rowNumber, codeColumn, `物资编码 ${code} 已存在`, `The code ${code} is already in use`))
  }
  if (errors.length > 0) throw importRowsInvalid(errors.sort((a, b) => a.row - b.row))
  if (rows.length === 0) return { imported: 0 }
  await db.transaction(async (tx) => {
    const ids = await queries.insertSupplies(tx, rows.map(({ values: v }) => ({
      code: v.code as string, name: v.name as string, category: v.category as SupplyCategory, unit: v.unit as string,
      spec: typeof v.spec === 'string' && v.spec !== '' ? v.spec : null,
      shelf_life_months: typeof v.shelfLifeMonths === 'number' ? v.shelfLifeMonths : null,
      division_code: catalogueDivision, synthetic: false,
    })))
    await recordAudit(tx, { actor, action: 'supply.import', entity: 'resources.supply', entityId: `import:${ids.length}`, after: { count: ids.length, ids } })
  })
  return { imported: rows.length }
}
