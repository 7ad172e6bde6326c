/**
 * Import of the enterprise workbook (企业 + 生产储存单元). Every row is checked first — cells,
 * USCC check characters, duplicate codes, divisions that exist and lie in the caller's
 * jurisdiction, substances GB 18218 knows — and every error is reported; any error imports
 * nothing. Then one transaction writes all rows with a few multi-row statements, recomputes
 * the grades and records one audit entry.
 */
import crypto from 'node:crypto'
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { Db, Queryable } from '../../../db/database.ts'
import type { Actor } from '../../../http/access.ts'
import { AppError } from '../../../http/errors.ts'
import {
  cellError, importRowsInvalid, loadWorkbook, readSheet,
  type ImportRowError, type ImportValue, type LonLat, type ReadRow, type SheetColumn,
} from '../../../excel/workbook.ts'
import { recordAudit } from '../../auth/audit.ts'
import { enqueueEvent } from '../../events/outbox.ts'
import { divisionPlaces } from '../../geo/index.ts'
import { gradeColumns, tryGrade } from './grading.ts'
import * as queries from './queries.ts'
import {
  enterpriseColumn, enterpriseColumns, enterpriseSheetName, unitColumn, unitColumns, unitSheetName, type UnitColumnKey,
} from './sheets.ts'
import { checkUscc } from './values.ts'

export const importedTopic = 'registry.enterprises_imported'

export interface ImportOutcome {
  imported: number
  created: number
  updated: number
  units: number
}

export interface ImportOptions {
  /** Mark the rows as demo data (seeds, benchmarks). */
  synthetic?: boolean
}

interface ParsedUnit {
  uscc: string
  name: string
  kind: string
  exposedPeople: number
  substances: queries.StoredSubstance[]
  /** The Excel row of each substance (for errors found when grading the whole unit). */
  substanceRows: number[]
}

export interface ParsedWorkbook {
  enterprises: queries.EnterpriseValues[]
  units: ParsedUnit[]
  /** USCC → id of enterprises already registered that the file names. */
  existing: Map<string, { id: string; division_code: string }>
}

const text = (value: ImportValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null)
const num = (value: ImportValue | undefined): number | null => (typeof value === 'number' ? value : null)

class Errors {
  readonly list: ImportRowError[] = []
  constructor(private readonly sheet: string) {}
  add(row: number, column: Pick<SheetColumn, 'header'>, message: string, messageEn: string): void {
    this.list.push({ ...cellError(row, column, message, messageEn), sheet: this.sheet })
  }
}

const industryCodePattern = /^[A-T]([0-9]{2,4})?$/

function tooLong(errors: Errors, row: number, column: SheetColumn, value: string | null, max: number): void {
  if (value !== null && value.length > max) errors.add(row, column, `不能超过 ${max} 个字`, `At most ${max} characters`)
}

/** 其他联系人: `姓名/职务/电话` separated by ； */
function parseOtherContacts(value: string | null): queries.Contact[] | null {
  if (value === null) return []
  const contacts: queries.Contact[] = []
  for (const part of value.split(/[;；\n]/).map((p) => p.trim()).filter(Boolean)) {
    const [name, role, phone, ...rest] = part.split(/[/／]/).map((p) => p.trim())
    if (!name || rest.length > 0 || name.length > 50 || (role?.length ?? 0) > 50 || (phone?.length ?? 0) > 30) return null
    contacts.push({ name, ...(role ? { role } : {}), ...(phone ? { phone } : {}) })
  }
  return contacts.length > 19 ? null : contacts
}

function enterpriseValues(row: ReadRow, uscc: string, contacts: queries.Contact[], synthetic: boolean): queries.EnterpriseValues {
  const v = row.values
  const location = v.location as LonLat | null
  const contactName = text(v.contactName)
  const first: queries.Contact[] = contactName
    ? [{ name: contactName, ...(text(v.contactRole) ? { role: text(v.contactRole)! } : {}), ...(text(v.contactPhone) ? { phone: text(v.contactPhone)! } : {}) }]
    : []
  return {
    uscc,
    name: text(v.name)!,
    industry_code: text(v.industryCode)?.toUpperCase() ?? null,
    supervision_category: text(v.supervisionCategory) ?? 'other',
    address: text(v.address),
    lon: location?.[0] ?? null,
    lat: location?.[1] ?? null,
    division_code: text(v.divisionCode)!,
    contacts: [...first, ...contacts],
    employees: num(v.employees),
    standardization_level: text(v.standardizationLevel),
    status: text(v.status) ?? 'operating',
    synthetic,
  }
}

/** The column a domain error field (`substances.0.cas`) points at. */
function substanceColumn(field: string): SheetColumn {
  const last = field.split('.').pop()
  const key: UnitColumnKey = last === 'cas' ? 'cas' : last === 'category' ? 'category' : last === 'quantityT' ? 'quantityT' : 'substanceName'
  return unitColumn(key)
}

/** Domain messages start with “第1项…” (the item of a list); in a sheet the row says which. */
const withoutItem = (zh: string, en: string): [string, string] =>
  [zh.replace(/^第\d+项/, '').replace(/^：/, ''), en.replace(/^Item \d+ ?/, '').replace(/^: /, '')]

function substanceOf(v: Record<string, ImportValue>): queries.StoredSubstance | null {
  const name = text(v.substanceName)
  const cas = text(v.cas)
  const categoryText = text(v.category)
  if (!name && !cas && !categoryText) return null
  const category = categoryText?.split(/[、,，;；\s]+/).filter(Boolean).map((c) => c.toUpperCase())
  return {
    ...(cas ? { cas } : {}),
    ...(name ? { name } : {}),
    ...(category && category.length > 0 ? { category: category.length === 1 ? category[0]! : category } : {}),
    ...(v.mixture === true ? { mixture: true } : {}),
    quantityT: num(v.quantityT) ?? 0,
  }
}

/** Reads and checks the whole workbook; throws `import_rows_invalid` listing every error. */
export async function parseEnterpriseWorkbook(q: Queryable, actor: Actor, buffer: Buffer, options: ImportOptions = {}): Promise<ParsedWorkbook> {
  const workbook = await loadWorkbook(buffer)
  const enterpriseSheet = await readSheet(workbook, { columns: enterpriseColumns, sheetName: enterpriseSheetName })
  const unitSheet = await readSheet(workbook, { columns: unitColumns, sheetName: unitSheetName, optional: true })
  const eErrors = new Errors(enterpriseSheetName)
  const uErrors = new Errors(unitSheetName)
  eErrors.list.push(...enterpriseSheet.errors.map((e) => ({ ...e, sheet: enterpriseSheetName })))
  uErrors.list.push(...unitSheet.errors.map((e) => ({ ...e, sheet: unitSheetName })))

  // Enterprises: codes, duplicates, free-text limits.
  const usccCol = enterpriseColumn('uscc')
  const fileUsccs = new Map<string, number>()
  const accepted: { row: ReadRow; uscc: string; contacts: queries.Contact[] }[] = []
  for (const row of enterpriseSheet.rows) {
    const v = row.values
    let ok = row.valid
    let uscc: string | null = null
    const raw = text(v.uscc)
    if (raw !== null) {
      const checked = checkUscc(raw)
      if (!checked.ok) {
        eErrors.add(row.rowNumber, usccCol, checked.message, checked.messageEn)
        ok = false
      } else if (fileUsccs.has(checked.uscc)) {
        eErrors.add(row.rowNumber, usccCol, `与第 ${fileUsccs.get(checked.uscc)} 行的信用代码重复`, `Same code as row ${fileUsccs.get(checked.uscc)}`)
        ok = false
      } else {
        fileUsccs.set(checked.uscc, row.rowNumber)
        uscc = checked.uscc
      }
    }
    tooLong(eErrors, row.rowNumber, enterpriseColumn('name'), text(v.name), 200)
    tooLong(eErrors, row.rowNumber, enterpriseColumn('address'), text(v.address), 300)
    tooLong(eErrors, row.rowNumber, enterpriseColumn('contactName'), text(v.contactName), 50)
    tooLong(eErrors, row.rowNumber, enterpriseColumn('contactRole'), text(v.contactRole), 50)
    tooLong(eErrors, row.rowNumber, enterpriseColumn('contactPhone'), text(v.contactPhone), 30)
    const industry = text(v.industryCode)?.toUpperCase()
    if (industry && !industryCodePattern.test(industry)) {
      eErrors.add(row.rowNumber, enterpriseColumn('industryCode'), `“${industry}”不是 GB/T 4754 行业代码（如 C2614）`, `"${industry}" is not a GB/T 4754 industry code (e.g. C2614)`)
      ok = false
    }
    if (text(v.contactName) === null && (text(v.contactRole) !== null || text(v.contactPhone) !== null)) {
      eErrors.add(row.rowNumber, enterpriseColumn('contactName'), '填写了联系人职务或电话时必须填写联系人', 'A contact name is required with a contact role or phone')
      ok = false
    }
    const contacts = parseOtherContacts(text(v.otherContacts))
    if (contacts === null) {
      eErrors.add(row.rowNumber, enterpriseColumn('otherContacts'), '格式应为“姓名/职务/电话”，多人用“；”分隔', 'Use "name/role/phone", several separated by ；')
      ok = false
    }
    if (ok && uscc !== null) accepted.push({ row, uscc, contacts: contacts ?? [] })
  }

  // Divisions exist and lie in the caller's jurisdiction.
  const codes = enterpriseSheet.rows.map((r) => text(r.values.divisionCode)).filter((c): c is string => c !== null)
  const places = await divisionPlaces(q, codes)
  const divisionCol = enterpriseColumn('divisionCode')
  const divisionOk = new Set<number>()
  for (const row of enterpriseSheet.rows) {
    const code = text(row.values.divisionCode)
    if (code === null) continue
    if (!places.has(code)) eErrors.add(row.rowNumber, divisionCol, `行政区划代码 ${code} 不存在`, `No division has the code ${code}`)
    else if (!isWithinDivision(code, actor.jurisdiction)) eErrors.add(row.rowNumber, divisionCol, `行政区划 ${code} 不在您的管辖范围内`, `Division ${code} is outside your jurisdiction`)
    else divisionOk.add(row.rowNumber)
  }

  // Units: each row's enterprise, unit consistency, each substance on its own.
  const unitUsccs = new Map<number, string>()
  const unitUsccCol = unitColumn('uscc')
  for (const row of unitSheet.rows) {
    const raw = text(row.values.uscc)
    if (raw === null) continue
    const checked = checkUscc(raw)
    if (!checked.ok) uErrors.add(row.rowNumber, unitUsccCol, checked.message, checked.messageEn)
    else unitUsccs.set(row.rowNumber, checked.uscc)
  }
  const existing = await queries.findEnterpriseIdsByUscc(q, [...new Set([...fileUsccs.keys(), ...unitUsccs.values()])])
  for (const { row, uscc } of accepted) {
    const known = existing.get(uscc)
    if (known && !isWithinDivision(known.division_code, actor.jurisdiction)) {
      eErrors.add(row.rowNumber, usccCol, `该企业已登记在您管辖范围以外（${known.division_code}），无权修改`, `This enterprise is registered outside your jurisdiction (${known.division_code})`)
    }
  }

  const units = new Map<string, ParsedUnit>()
  const unitFirstRow = new Map<string, number>()
  for (const row of unitSheet.rows) {
    const v = row.values
    const uscc = unitUsccs.get(row.rowNumber)
    if (uscc !== undefined && !fileUsccs.has(uscc)) {
      const known = existing.get(uscc)
      if (!known) uErrors.add(row.rowNumber, unitUsccCol, `信用代码 ${uscc} 既不在“${enterpriseSheetName}”表中，也未登记`, `Code ${uscc} is neither in the "${enterpriseSheetName}" sheet nor registered`)
      else if (!isWithinDivision(known.division_code, actor.jurisdiction)) uErrors.add(row.rowNumber, unitUsccCol, '该企业不在您的管辖范围内', 'That enterprise is outside your jurisdiction')
    }
    const substance = substanceOf(v)
    if (substance === null && num(v.quantityT) !== null) {
      uErrors.add(row.rowNumber, unitColumn('substanceName'), '填写了存量时必须填写危险化学品名称、CAS号或危险性类别', 'Give the substance name, CAS number or hazard category with a quantity')
    }
    if (substance !== null) {
      const quantityHeader = unitColumn('quantityT').header
      const quantityBad = unitSheet.errors.some((e) => e.row === row.rowNumber && e.column === quantityHeader)
      if (quantityBad) {
        // Already reported by the cell check.
      } else if (num(v.quantityT) === null) {
        uErrors.add(row.rowNumber, unitColumn('quantityT'), '填写了危险化学品时必须填写最大存量', 'The quantity is required for a substance')
      } else if (num(v.quantityT)! < 0) {
        uErrors.add(row.rowNumber, unitColumn('quantityT'), '存量不能为负数', 'The quantity cannot be negative')
      } else {
        const alone = tryGrade(0, [substance])
        if (!alone.ok) uErrors.add(row.rowNumber, substanceColumn(alone.field), ...withoutItem(alone.message, alone.messageEn))
      }
    }
    const exposed = num(v.exposedPeople)
    if (exposed !== null && exposed < 0) uErrors.add(row.rowNumber, unitColumn('exposedPeople'), '人数不能为负数', 'The number of people cannot be negative')
    const name = text(v.unitName)
    if (uscc === undefined || name === null || text(v.kind) === null || exposed === null) continue
    tooLong(uErrors, row.rowNumber, unitColumn('unitName'), name, 200)
    const key = `${uscc}\u0000${name}`
    const unit = units.get(key)
    if (!unit) {
      units.set(key, { uscc, name, kind: text(v.kind)!, exposedPeople: exposed, substances: substance ? [substance] : [], substanceRows: substance ? [row.rowNumber] : [] })
      unitFirstRow.set(key, row.rowNumber)
      continue
    }
    if (unit.kind !== text(v.kind)) {
      uErrors.add(row.rowNumber, unitColumn('kind'), `同一单元的类型应与第 ${unitFirstRow.get(key)} 行一致`, `The unit kind differs from row ${unitFirstRow.get(key)} of the same unit`)
    }
    if (unit.exposedPeople !== exposed) {
      uErrors.add(row.rowNumber, unitColumn('exposedPeople'), `同一单元的厂外暴露人数应与第 ${unitFirstRow.get(key)} 行一致`, `The exposed people differ from row ${unitFirstRow.get(key)} of the same unit`)
    }
    if (substance) {
      unit.substances.push(substance)
      unit.substanceRows.push(row.rowNumber)
    }
  }

  // A unit's grade can still fail as a whole (e.g. β needs a category): point at its row.
  if (uErrors.list.length === 0) {
    for (const unit of units.values()) {
      const grade = tryGrade(unit.exposedPeople, unit.substances)
      if (!grade.ok) {
        const index = Number(grade.field.split('.')[1] ?? 0)
        uErrors.add(unit.substanceRows[index] ?? unitFirstRow.get(`${unit.uscc}\u0000${unit.name}`)!, substanceColumn(grade.field), ...withoutItem(grade.message, grade.messageEn))
      }
    }
  }

  // Sheet by sheet, row by row, as the user goes through the file (sort is stable: column order within a row).
  const byRow = (a: ImportRowError, b: ImportRowError) => a.row - b.row
  const errors = [...eErrors.list.sort(byRow), ...uErrors.list.sort(byRow)]
  if (errors.length > 0) throw importRowsInvalid(errors)
  if (accepted.length === 0 && units.size === 0) {
    throw new AppError('invalid', 'import_empty', '文件中没有可导入的数据', 'The file holds no rows to import', 'body')
  }
  const synthetic = options.synthetic === true
  return {
    enterprises: accepted.map(({ row, uscc, contacts }) => enterpriseValues(row, uscc, contacts, synthetic)),
    units: [...units.values()],
    existing,
  }
}

/** Inserts at most this many rows per statement: one JSON parameter stays a few MB. */
const chunkSize = 5000
const chunks = <T>(rows: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / chunkSize) }, (_, i) => rows.slice(i * chunkSize, (i + 1) * chunkSize))

/** Writes a checked workbook in the caller's transaction. */
export async function writeParsedWorkbook(tx: Queryable, actor: Actor, parsed: ParsedWorkbook, options: ImportOptions = {}): Promise<ImportOutcome> {
  const ids = new Map<string, { id: string; division_code: string }>(parsed.existing)
  let created = 0
  for (const chunk of chunks(parsed.enterprises)) {
    const divisionOf = new Map(chunk.map((e) => [e.uscc, e.division_code]))
    for (const row of await queries.upsertEnterprises(tx, chunk)) {
      ids.set(row.uscc, { id: row.id, division_code: divisionOf.get(row.uscc)! })
      if (row.inserted) created++
    }
  }
  // Updated enterprises keep their units' division in step.
  const withUnits = [...new Set(parsed.units.map((u) => ids.get(u.uscc)!.id))]
  await queries.deleteUnitsOf(tx, withUnits)
  const unitRows: queries.UnitValues[] = parsed.units.map((u) => {
    const grade = tryGrade(u.exposedPeople, u.substances)
    if (!grade.ok) throw new Error(`unit ${u.name} passed the checks but cannot be graded: ${grade.message}`)
    const enterprise = ids.get(u.uscc)!
    return {
      enterprise_id: enterprise.id, division_code: enterprise.division_code, name: u.name, kind: u.kind,
      exposed_people: u.exposedPeople, substances: u.substances, ...gradeColumns(grade), synthetic: options.synthetic === true,
    }
  })
  for (const chunk of chunks(unitRows)) await queries.insertUnits(tx, chunk)
  await queries.syncUnitDivisions(tx, parsed.enterprises.map((e) => ids.get(e.uscc)!.id))
  const affected = [...new Set([...parsed.enterprises.map((e) => ids.get(e.uscc)!.id), ...withUnits])]
  const changes = await queries.refreshMajorHazardLevels(tx, affected)
  const outcome: ImportOutcome = { imported: parsed.enterprises.length, created, updated: parsed.enterprises.length - created, units: unitRows.length }
  const batch = crypto.randomUUID()
  await recordAudit(tx, { actor, action: 'enterprise.import', entity: 'enterprise', entityId: batch, after: { ...outcome, usccs: parsed.enterprises.length <= 100 ? parsed.enterprises.map((e) => e.uscc) : undefined } })
  await enqueueEvent(tx, importedTopic, { batch, ...outcome, majorHazardChanges: changes.map((c) => ({ enterpriseId: c.id, before: c.before, after: c.after })) })
  return outcome
}

/** `POST /api/registry/enterprises/import`: the raw .xlsx body. */
export async function importEnterprises(db: Db, actor: Actor, body: unknown, options: ImportOptions = {}): Promise<ImportOutcome> {
  if (!Buffer.isBuffer(body)) {
    throw new AppError('invalid', 'invalid_xlsx', '请上传 Excel（.xlsx）文件作为请求体', 'Send the Excel (.xlsx) file as the request body', 'body')
  }
  const parsed = await parseEnterpriseWorkbook(db, actor, body, options)
  return db.transaction((tx) => writeParsedWorkbook(tx, actor, parsed, options))
}
