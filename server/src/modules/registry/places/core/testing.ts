/** Test helpers for the place registries: uploads built as a clerk would fill them, sheets read back. */
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { xlsxMediaType } from '../../../../http/app.ts'

/** A workbook with Chinese headers in row 1 and data from row 2 (no English row, as clerks often do). */
export async function xlsxUpload(sheetName: string, headers: string[], rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow(headers)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A sheet's rows as arrays of cell text (row 1 first), for checking downloads. */
export async function sheetRows(xlsx: Buffer, sheetName: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet) throw new Error(`no sheet ${sheetName}: ${workbook.worksheets.map((w) => w.name).join(', ')}`)
  const rows: string[][] = []
  sheet.eachRow((row) => {
    const values = row.values as unknown[]
    rows.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))))
  })
  return rows
}

export const postXlsx = (app: FastifyInstance, url: string, cookie: string, body: Buffer) =>
  app.inject({ method: 'POST', url, headers: { cookie, 'content-type': xlsxMediaType }, payload: body })
