/**
 * Column declarations shared by templates, exports and imports, and the cell checks of an
 * import. One declaration per column keeps the three in step: the template's header, its
 * drop-down list and the reader's check come from the same object.
 */
import { normalizeDivisionCode } from '@yingji/domain/geo/divisionCode'

export type ColumnKind = 'text' | 'number' | 'integer' | 'date' | 'boolean' | 'enum' | 'divisionCode' | 'lonLat'

/** An enum option: the stable key stored in the database and the labels shown in Excel. */
export interface EnumOption {
  value: string
  label: string
  labelEn?: string
}

export interface SheetColumn {
  /** The key of the row object (export) and of the read values (import). */
  key: string
  /** Chinese header, shown in the sheet and named in errors. */
  header: string
  headerEn: string
  required?: boolean
  kind: ColumnKind
  /** `enum` only: the allowed values. */
  options?: readonly EnumOption[]
  /** The template's example value, written as the user would type it. */
  example?: string | number | boolean
  /** Column width in characters. */
  width?: number
}

/** A longitude/latitude pair in WGS84, in GeoJSON order. */
export type LonLat = [lon: number, lat: number]

/** A checked cell: text, enum key, `YYYY-MM-DD` date, 12-digit division code, or `null` when empty. */
export type ImportValue = string | number | boolean | LonLat | null

/** One wrong cell (or row, or header) of an import, as the user finds it in Excel. */
export interface ImportRowError {
  /** Row number as Excel shows it (the header is row 1). */
  row: number
  /** The column's Chinese header. */
  column: string
  message: string
  messageEn: string
  /** The sheet, when an import reads several. */
  sheet?: string
}

/** An error about a cell of `column` in `row`, for checks beyond the cell itself (e.g. USCC). */
export const cellError = (row: number, column: Pick<SheetColumn, 'header'>, message: string, messageEn: string): ImportRowError =>
  ({ row, column: column.header, message, messageEn })

/** A cell's value reduced to a primitive: exceljs also yields rich text, formulas, links. */
export type RawCell = string | number | boolean | Date | null

type CheckResult = { value: ImportValue } | { error: [zh: string, en: string] }

const ok = (value: ImportValue): CheckResult => ({ value })
const fail = (zh: string, en: string): CheckResult => ({ error: [zh, en] })

/** Numbers typed into text columns (phone numbers, codes) come back as text without exponent. */
function numberText(value: number): string {
  return Number.isInteger(value) ? BigInt(value).toString() : String(value)
}

const asText = (raw: RawCell): string => {
  if (raw instanceof Date) return isoDate(raw)
  if (typeof raw === 'number') return numberText(raw)
  if (typeof raw === 'boolean') return raw ? '是' : '否'
  return (raw ?? '').trim()
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function parseNumber(raw: RawCell): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null
  if (typeof raw !== 'string') return null
  const text = raw.trim().replace(/,/g, '')
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null
  return Number(text)
}

// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in).
const excelEpochMs = Date.UTC(1899, 11, 30)

function parseDate(raw: RawCell): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : isoDate(raw)
  if (typeof raw === 'number') {
    if (raw < 1 || raw > 2958465) return null
    return isoDate(new Date(excelEpochMs + Math.floor(raw) * 86400000))
  }
  if (typeof raw !== 'string') return null
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim())
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return isoDate(date)
}

const trueWords = new Set(['是', 'y', 'yes', 'true', '1', '有'])
const falseWords = new Set(['否', 'n', 'no', 'false', '0', '无'])

function parseBoolean(raw: RawCell): boolean | null {
  if (typeof raw === 'boolean') return raw
  const text = asText(raw).toLowerCase()
  if (trueWords.has(text)) return true
  if (falseWords.has(text)) return false
  return null
}

function parseLonLat(raw: RawCell): LonLat | 'format' | 'range' | 'swapped' {
  const parts = asText(raw).split(/\s*[,，;；\s]\s*/).filter(Boolean)
  if (parts.length !== 2) return 'format'
  const [lon, lat] = parts.map((part) => parseNumber(part)) as [number | null, number | null]
  if (lon === null || lat === null) return 'format'
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90 ? 'swapped' : 'range'
  // China lies within lon 73–136, lat 3–54: a pair the other way round was typed as 纬度,经度.
  if (lon >= 3 && lon <= 54 && lat >= 73 && lat <= 136) return 'swapped'
  return [lon, lat]
}

/** Allowed options as the user reads them in an error: the Chinese labels, in order. */
export const optionList = (options: readonly EnumOption[], lang: 'zh' | 'en'): string =>
  options.map((option) => (lang === 'zh' ? option.label : option.labelEn ?? option.value)).join(lang === 'zh' ? '、' : ', ')

/** Checks one cell against its column: required, type, enum, code format, coordinate range. */
export function checkCell(column: SheetColumn, raw: RawCell): CheckResult {
  const empty = raw === null || (typeof raw === 'string' && raw.trim() === '')
  if (empty) return column.required ? fail('必填', 'Required') : ok(null)
  switch (column.kind) {
    case 'text':
      return ok(asText(raw))
    case 'number': {
      const value = parseNumber(raw)
      return value === null ? fail(`应为数字，实为“${asText(raw)}”`, `Must be a number, got "${asText(raw)}"`) : ok(value)
    }
    case 'integer': {
      const value = parseNumber(raw)
      return value === null || !Number.isInteger(value)
        ? fail(`应为整数，实为“${asText(raw)}”`, `Must be a whole number, got "${asText(raw)}"`)
        : ok(value)
    }
    case 'date': {
      const value = parseDate(raw)
      return value === null ? fail(`应为日期（如 2025-05-01），实为“${asText(raw)}”`, `Must be a date such as 2025-05-01, got "${asText(raw)}"`) : ok(value)
    }
    case 'boolean': {
      const value = parseBoolean(raw)
      return value === null ? fail(`应为“是”或“否”，实为“${asText(raw)}”`, `Must be 是 (yes) or 否 (no), got "${asText(raw)}"`) : ok(value)
    }
    case 'enum': {
      const text = asText(raw)
      const options = column.options ?? []
      const lower = text.toLowerCase()
      const match = options.find((option) => option.label === text || option.value.toLowerCase() === lower || option.labelEn?.toLowerCase() === lower)
      return match
        ? ok(match.value)
        : fail(`“${text}”不是可选值，应为：${optionList(options, 'zh')}`, `"${text}" is not allowed; use one of: ${optionList(options, 'en')}`)
    }
    case 'divisionCode': {
      const text = asText(raw)
      const value = normalizeDivisionCode(text)
      return value === null
        ? fail(`行政区划代码应为 6、9 或 12 位数字，实为“${text}”`, `A division code has 6, 9 or 12 digits, got "${text}"`)
        : ok(value)
    }
    case 'lonLat': {
      const value = parseLonLat(raw)
      if (value === 'format') return fail(`应为“经度,纬度”（如 117.12,28.96），实为“${asText(raw)}”`, `Must be "longitude,latitude" such as 117.12,28.96, got "${asText(raw)}"`)
      if (value === 'swapped') return fail('经纬度顺序颠倒：应先经度后纬度', 'Longitude and latitude are swapped: longitude comes first')
      if (value === 'range') return fail('经度应在 -180 至 180、纬度应在 -90 至 90 之间', 'Longitude must be within -180..180 and latitude within -90..90')
      return ok(value)
    }
  }
}

/** A value as written to an export cell: enum label, 是/否, `lon,lat`, text for codes. */
export function displayValue(column: SheetColumn, value: unknown): string | number | null {
  if (value === null || value === undefined || value === '') return null
  switch (column.kind) {
    case 'enum':
      return column.options?.find((option) => option.value === value)?.label ?? String(value)
    case 'boolean':
      return value ? '是' : '否'
    case 'lonLat':
      return Array.isArray(value) ? `${value[0]},${value[1]}` : String(value)
    case 'number':
    case 'integer':
      return typeof value === 'number' ? value : Number(value)
    case 'date':
      return value instanceof Date ? isoDate(value) : String(value).slice(0, 10)
    default:
      return String(value)
  }
}

/** What a column accepts, in words: the 说明 sheet's 格式 column. */
export function kindDescription(column: SheetColumn): [zh: string, en: string] {
  switch (column.kind) {
    case 'text': return ['文本', 'Text']
    case 'number': return ['数字', 'Number']
    case 'integer': return ['整数', 'Whole number']
    case 'date': return ['日期，如 2025-05-01', 'Date, e.g. 2025-05-01']
    case 'boolean': return ['是 / 否', 'Yes (是) / no (否)']
    case 'enum': return [`下拉选择：${optionList(column.options ?? [], 'zh')}`, `One of: ${optionList(column.options ?? [], 'en')}`]
    case 'divisionCode': return ['行政区划代码，6、9 或 12 位数字', 'Division code, 6, 9 or 12 digits']
    case 'lonLat': return ['经度,纬度（WGS84），如 117.12,28.96', 'Longitude,latitude (WGS84), e.g. 117.12,28.96']
  }
}
