/**
 * Excel (.xlsx) templates, exports and imports for the registries.
 *
 * Layout of every data sheet: row 1 holds the Chinese headers (required ones end in `*`),
 * row 2 the English names (grey), data from row 3. A template's row 3 is an example (grey,
 * italic); the reader skips it while it is left unchanged. A 说明 sheet explains each column.
 * The reader finds columns by their header text, so users may reorder or add columns.
 */
import ExcelJS from 'exceljs'
import { AppError } from '../http/errors.ts'
import {
  checkCell, displayValue, kindDescription, optionList,
  type ImportRowError, type ImportValue, type RawCell, type SheetColumn,
} from './columns.ts'

export type { ColumnKind, EnumOption, ImportRowError, ImportValue, LonLat, SheetColumn } from './columns.ts'
export { cellError } from './columns.ts'

/** Data rows start here: row 1 Chinese headers, row 2 English headers. */
export const firstDataRow = 3
export const notesSheetName = '说明'
const optionsSheetName = '选项'
/** Drop-down lists and column formats reach this row in templates and exports. */
const validationRows = 2000

export interface TemplateSheet {
  name: string
  columns: readonly SheetColumn[]
  /** Extra lines for the 说明 sheet (e.g. how two sheets relate). */
  notes?: readonly string[]
}

export interface ExportSheet extends TemplateSheet {
  rows: readonly Record<string, unknown>[]
}

export interface ReadRow {
  /** The row number Excel shows. */
  rowNumber: number
  /** Checked values by column key; a bad or missing cell is `null`. */
  values: Record<string, ImportValue>
  /** False when any cell of the row failed its check (its errors are in `errors`). */
  valid: boolean
}

export interface ReadResult {
  rows: ReadRow[]
  errors: ImportRowError[]
}

export interface ReadOptions {
  columns: readonly SheetColumn[]
  /** Defaults to the first sheet that is not 说明. */
  sheetName?: string
  /** A missing sheet reads as empty instead of failing. */
  optional?: boolean
}

const headerText = (column: SheetColumn) => (column.required ? `${column.header}*` : column.header)
const columnLetter = (index: number): string => {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

type Validations = { add(address: string, validation: ExcelJS.DataValidation): void }
const validationsOf = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: Validations }).dataValidations

/** The options sheet holds lists too long for an inline validation formula (255 characters). */
function optionsRange(workbook: ExcelJS.Workbook, labels: string[]): string {
  const sheet = workbook.getWorksheet(optionsSheetName) ?? Object.assign(workbook.addWorksheet(optionsSheetName), { state: 'hidden' as const })
  const col = sheet.actualColumnCount + 1
  labels.forEach((label, i) => { sheet.getCell(i + 1, col).value = label })
  const letter = columnLetter(col - 1)
  return `'${optionsSheetName}'!$${letter}$1:$${letter}$${labels.length}`
}

function addDataSheet(workbook: ExcelJS.Workbook, spec: TemplateSheet): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 2 }] })
  sheet.columns = spec.columns.map((column) => ({
    key: column.key,
    width: column.width ?? Math.max(12, column.header.length * 2 + 4, column.headerEn.length + 2),
    style: column.kind === 'text' || column.kind === 'divisionCode' || column.kind === 'lonLat' ? { numFmt: '@' } : {},
  }))
  const zh = sheet.getRow(1)
  const en = sheet.getRow(2)
  spec.columns.forEach((column, i) => {
    zh.getCell(i + 1).value = headerText(column)
    en.getCell(i + 1).value = column.headerEn
  })
  zh.font = { bold: true }
  zh.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }
  en.font = { italic: true, color: { argb: 'FF808080' }, size: 9 }
  spec.columns.forEach((column, i) => {
    const labels = column.kind === 'enum' ? (column.options ?? []).map((o) => o.label) : column.kind === 'boolean' ? ['是', '否'] : null
    if (!labels) return
    const inline = `"${labels.join(',')}"`
    const letter = columnLetter(i)
    validationsOf(sheet).add(`${letter}${firstDataRow}:${letter}${validationRows}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [inline.length <= 255 && !labels.some((l) => l.includes(',')) ? inline : optionsRange(workbook, labels)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '无效的值',
      error: `请从下拉列表中选择：${optionList(column.options ?? [{ value: '是', label: '是' }, { value: '否', label: '否' }], 'zh')}`,
    })
  })
  return sheet
}

function addNotesSheet(workbook: ExcelJS.Workbook, sheets: readonly TemplateSheet[]): void {
  const notes = workbook.addWorksheet(notesSheetName)
  notes.columns = [{ width: 18 }, { width: 22 }, { width: 8 }, { width: 50 }, { width: 24 }, { width: 50 }]
  notes.addRow(['填写说明 · How to fill in']).font = { bold: true, size: 13 }
  notes.addRow(['第 1 行为中文列名（带 * 为必填），第 2 行为英文列名，请勿修改；从第 3 行起每行一条记录。'])
  notes.addRow(['模板第 3 行为示例（灰色斜体），未修改时导入会跳过，可直接覆盖或删除。'])
  notes.addRow(['导入时检查全部行：任何一行有误则不导入任何数据，并列出每个错误的行号和列名。'])
  notes.addRow(['Row 1: Chinese headers (* = required); row 2: English names; one record per row from row 3. The grey example row is skipped while unchanged. Any error imports nothing and every error is listed.'])
  for (const sheet of sheets) {
    notes.addRow([])
    notes.addRow([`工作表“${sheet.name}”`]).font = { bold: true }
    for (const line of sheet.notes ?? []) notes.addRow([line])
    notes.addRow(['列名', 'Column', '必填', '格式 / 可选值', 'Format', '示例']).font = { bold: true }
    for (const column of sheet.columns) {
      const [zh, en] = kindDescription(column)
      notes.addRow([column.header, column.headerEn, column.required ? '是' : '否', zh, en, column.example ?? ''])
    }
  }
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Yingji 应急'
  workbook.created = new Date(0)
  return workbook
}

/** A template: each sheet with headers, drop-down lists and one example row; then 说明. */
export async function templateWorkbook(sheets: readonly TemplateSheet[]): Promise<Buffer> {
  const workbook = newWorkbook()
  for (const spec of sheets) {
    const sheet = addDataSheet(workbook, spec)
    const example = sheet.getRow(firstDataRow)
    spec.columns.forEach((column, i) => {
      if (column.example !== undefined) example.getCell(i + 1).value = column.example
    })
    example.font = { italic: true, color: { argb: 'FF808080' } }
    example.getCell(1).note = '示例行：未修改时导入会跳过 · Example row, skipped on import while unchanged'
  }
  addNotesSheet(workbook, sheets)
  return toBuffer(workbook)
}

/** An export: the same layout as the template, one row per record, readable by `readSheet`. */
export async function exportWorkbook(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const workbook = newWorkbook()
  for (const spec of sheets) {
    const sheet = addDataSheet(workbook, spec)
    for (const row of spec.rows) {
      sheet.addRow(spec.columns.map((column) => displayValue(column, row[column.key])))
    }
  }
  addNotesSheet(workbook, sheets)
  return toBuffer(workbook)
}

/** A parsed workbook, so several sheets of one upload are read from one parse. */
export type LoadedWorkbook = ExcelJS.Workbook

/** Parses an upload; a file that is not .xlsx is a 400 on `body`. */
export async function loadWorkbook(buffer: Buffer | Uint8Array): Promise<LoadedWorkbook> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(buffer) as unknown as ArrayBuffer)
  } catch {
    throw new AppError('invalid', 'invalid_xlsx', '文件不是有效的 Excel（.xlsx）工作簿', 'The file is not a valid Excel (.xlsx) workbook', 'body')
  }
  return workbook
}

function rawOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('formula' in value || 'sharedFormula' in value) return rawOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
    if ('hyperlink' in value) return rawOf((value as ExcelJS.CellHyperlinkValue).text)
    if ('error' in value) return String(value.error)
  }
  return String(value)
}

const stripHeader = (text: string) => text.replace(/[*＊\s]/g, '').toLowerCase()

/**
 * Reads one sheet: finds the columns by header (Chinese, or English), skips the English
 * header row and an unchanged example row, checks every cell, and returns the good values of
 * every row together with every error. Rows that are entirely empty are ignored.
 */
export async function readSheet(source: Buffer | Uint8Array | LoadedWorkbook, options: ReadOptions): Promise<ReadResult> {
  const workbook = source instanceof ExcelJS.Workbook ? source : await loadWorkbook(source)
  const sheet = options.sheetName
    ? workbook.getWorksheet(options.sheetName)
    : workbook.worksheets.find((ws) => ws.name !== notesSheetName && ws.name !== optionsSheetName && ws.state !== 'hidden')
  if (!sheet) {
    if (options.optional) return { rows: [], errors: [] }
    const name = options.sheetName ?? ''
    throw new AppError('invalid', 'import_sheet_missing', `工作簿中没有工作表“${name}”`, `The workbook has no sheet "${name}"`, 'body')
  }
  const errors: ImportRowError[] = []
  const header = sheet.getRow(1)
  const positions = new Map<string, number>()
  header.eachCell((cell, col) => {
    const text = stripHeader(String(rawOf(cell.value) ?? ''))
    const column = options.columns.find((c) => stripHeader(c.header) === text || stripHeader(c.headerEn) === text)
    if (column && !positions.has(column.key)) positions.set(column.key, col)
  })
  for (const column of options.columns) {
    if (column.required && !positions.has(column.key)) {
      errors.push({ row: 1, column: column.header, message: `缺少必填列“${column.header}”`, messageEn: `The required column "${column.header}" (${column.headerEn}) is missing` })
    }
  }
  if (errors.length > 0) return { rows: [], errors }

  const rawRow = (row: ExcelJS.Row) => options.columns.map((column) => {
    const col = positions.get(column.key)
    return col === undefined ? null : rawOf(row.getCell(col).value)
  })
  const isEnglishHeader = (raws: RawCell[]) =>
    raws.some((raw, i) => typeof raw === 'string' && raw.trim() !== '' && stripHeader(raw) === stripHeader(options.columns[i]!.headerEn))
  const isExample = (raws: RawCell[]) => raws.every((raw, i) => {
    const example = options.columns[i]!.example
    const text = raw === null ? '' : raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim()
    return text === (example === undefined ? '' : String(example))
  })

  const rows: ReadRow[] = []
  const last = sheet.actualRowCount === 0 ? 0 : sheet.rowCount
  for (let rowNumber = 2; rowNumber <= last; rowNumber++) {
    const raws = rawRow(sheet.getRow(rowNumber))
    if (raws.every((raw) => raw === null || (typeof raw === 'string' && raw.trim() === ''))) continue
    if (rowNumber === 2 && isEnglishHeader(raws)) continue
    if (rowNumber === firstDataRow && isExample(raws)) continue
    const values: Record<string, ImportValue> = {}
    let valid = true
    options.columns.forEach((column, i) => {
      const result = checkCell(column, raws[i]!)
      if ('error' in result) {
        valid = false
        values[column.key] = null
        errors.push({ row: rowNumber, column: column.header, message: result.error[0], messageEn: result.error[1] })
      } else {
        values[column.key] = result.value
      }
    })
    // Rows with a bad cell are returned too, so callers can check the rest of the row.
    rows.push({ rowNumber, values, valid })
  }
  return { rows, errors }
}

/** The 400 for an import with wrong rows: every error in `details`, nothing imported. */
export function importRowsInvalid(errors: readonly ImportRowError[]): AppError {
  const count = errors.length
  const first = errors[0]
  const firstZh = first ? `（第 ${first.row} 行“${first.column}”：${first.message}）` : ''
  const firstEn = first ? ` (row ${first.row}, "${first.column}": ${first.messageEn})` : ''
  return new AppError(
    'invalid', 'import_rows_invalid',
    `导入文件有 ${count} 处错误，未导入任何数据${firstZh}`,
    `The file has ${count} error${count === 1 ? '' : 's'}; nothing was imported${firstEn}`,
    'body', errors,
  )
}
