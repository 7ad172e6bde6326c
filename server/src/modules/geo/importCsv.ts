/**
 * `yingji divisions import FILE.csv`: loads another county's divisions from a GB/T 2260-style
 * code list (header `code,name`, optional `type`; codes of 6, 9 or 12 digits; parents derived
 * from the codes). Every row is checked first and every problem reported with its line, in
 * Chinese and English; one bad row imports nothing. Otherwise rows are added or renamed in one
 * transaction, audited as a system write.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { divisionLevel, normalizeDivisionCode, parentDivisionCode, shortDivisionCode } from '@yingji/domain/geo/divisionCode'
import { inferDivisionType } from '@yingji/domain/geo/divisionType'
import type { Db, Queryable } from '../../db/database.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { findDivisionsByCodes, upsertDivisionCodes, type DivisionLevelName, type NewDivision } from './queries.ts'

export interface ImportProblem {
  line: number
  message: string
  messageEn: string
}

/** A rejected file: `problems` lists every bad row; the message lists them too, one per line. */
export class DivisionImportError extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    super('invalid', 'invalid_division_csv',
      [`区划文件有 ${problems.length} 处错误，未导入任何数据：`, ...problems.map((p) => `第 ${p.line} 行：${p.message}`)].join('\n'),
      [`The division file has ${problems.length} error(s); nothing was imported:`, ...problems.map((p) => `line ${p.line}: ${p.messageEn}`)].join('\n'),
      'file')
  }
}

export interface ImportOptions {
  /** The code list's edition, stored with every row (default `GB/T 2260 CSV`). */
  codeEdition?: string
}

export interface ImportResult {
  count: number
  /** Short code of the highest division in the file (e.g. `360222`). */
  root: string
}

interface CsvRow { line: number; code: string; name: string; type: string }

const maxNameLength = 100
const levelOrder: Record<DivisionLevelName, number> = { county: 0, township: 1, village: 2 }

export async function importDivisionsCsv(db: Db, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const codeEdition = options.codeEdition ?? 'GB/T 2260 CSV'
  const { rows, problems } = readCodeList(file)
  return db.transaction(async (tx) => {
    const divisions = await checkRows(tx, rows, problems, codeEdition)
    if (problems.length > 0) throw new DivisionImportError(problems.sort((a, b) => a.line - b.line))
    divisions.sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.code.localeCompare(b.code))
    const before = await findDivisionsByCodes(tx, divisions.map((d) => d.code))
    await upsertDivisionCodes(tx, divisions)
    const root = shortDivisionCode(divisions[0]!.code)
    await recordAudit(tx, {
      actor: null, action: 'division.import', entity: 'division', entityId: divisions[0]!.code,
      before: { rows: before.map((d) => ({ code: d.code, name: d.name, type: d.type, parentCode: d.parent_code })) },
      after: {
        file: path.basename(file), codeEdition, count: divisions.length, created: divisions.length - before.length, updated: before.length,
        rows: divisions.map((d) => ({ code: d.code, name: d.name, type: d.type, parentCode: d.parent_code })),
      },
    })
    return { count: divisions.length, root }
  })
}

/** Rows of the file with their line numbers; file-level problems (unreadable, no header…). */
function readCodeList(file: string): { rows: CsvRow[]; problems: ImportProblem[] } {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(fs.readFileSync(file, 'utf8'), { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { lines?: number }
    if (e.code === 'ENOENT') {
      throw new AppError('invalid', 'file_not_found', `找不到文件：${file}`, `No such file: ${file}`, 'file')
    }
    throw new DivisionImportError([{ line: e.lines ?? 1, message: `CSV 格式错误：${e.message}`, messageEn: `Malformed CSV: ${e.message}` }])
  }
  const header = records[0]?.record.map((h) => h.toLowerCase())
  const column = (name: string) => header?.indexOf(name) ?? -1
  const [codeAt, nameAt, typeAt] = [column('code'), column('name'), column('type')]
  if (codeAt < 0 || nameAt < 0) {
    throw new DivisionImportError([{ line: 1, message: '表头须包含 code 和 name 列（可选 type）', messageEn: 'The header must have the columns code and name (type is optional)' }])
  }
  if (records.length < 2) {
    throw new DivisionImportError([{ line: 2, message: '文件中没有区划数据', messageEn: 'The file has no divisions' }])
  }
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    code: record[codeAt] ?? '',
    name: record[nameAt] ?? '',
    type: typeAt >= 0 ? (record[typeAt] ?? '') : '',
  }))
  return { rows, problems: [] }
}

/** Checks codes, names, duplicates and parents; pushes every problem found. */
async function checkRows(q: Queryable, rows: CsvRow[], problems: ImportProblem[], codeEdition: string): Promise<NewDivision[]> {
  const problem = (line: number, message: string, messageEn: string) => problems.push({ line, message, messageEn })
  const firstLine = new Map<string, number>()
  const valid: (NewDivision & { line: number })[] = []
  for (const row of rows) {
    const code = normalizeDivisionCode(row.code)
    if (!code) {
      problem(row.line, `代码“${row.code}”不是 6、9 或 12 位数字的行政区划代码`, `code "${row.code}" is not a division code of 6, 9 or 12 digits`)
      continue
    }
    const level = divisionLevel(code)
    if (level === 'province' || level === 'prefecture') {
      problem(row.line, `代码 ${row.code} 是省级或地级区划，只能导入县级及以下`, `code ${row.code} is a province or prefecture; only counties and below can be imported`)
      continue
    }
    const seen = firstLine.get(code)
    if (seen !== undefined) {
      problem(row.line, `代码 ${row.code} 与第 ${seen} 行重复`, `code ${row.code} duplicates line ${seen}`)
      continue
    }
    firstLine.set(code, row.line)
    if (row.name === '' || row.name.length > maxNameLength) {
      problem(row.line, `代码 ${row.code} 的名称为空或超过 ${maxNameLength} 个字`, `the name of ${row.code} is empty or longer than ${maxNameLength} characters`)
      continue
    }
    valid.push({
      line: row.line, code, name: row.name, level, type: row.type || inferDivisionType(level, row.name),
      parent_code: parentDivisionCode(code), population: null, synthetic: false, lon: null, lat: null, code_edition: codeEdition,
    })
  }
  // A county's parent (its prefecture) is outside the tree; a township or village needs its
  // parent in the file or already in the database.
  const inFile = new Set(firstLine.keys())
  const needed = valid.filter((d) => d.level !== 'county' && !inFile.has(d.parent_code!))
  const known = new Set((await findDivisionsByCodes(q, [...new Set(needed.map((d) => d.parent_code!))])).map((d) => d.code))
  for (const d of needed) {
    if (!known.has(d.parent_code!)) {
      const parent = shortDivisionCode(d.parent_code!)
      problem(d.line, `上级区划 ${parent} 既不在文件中也不在数据库中`, `the parent division ${parent} is neither in the file nor in the database`)
    }
  }
  return valid.map(({ line: _line, ...division }) => division)
}
