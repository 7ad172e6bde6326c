/**
 * An Excel import of one place registry: every row is checked (cells by the sheet reader,
 * then the same rules as the API by the registry's `prepare`), every error is reported, and
 * nothing is written unless every row is right.
 */
import type { Db, Tx } from '../../../../db/database.ts'
import type { Actor } from '../../../../http/access.ts'
import { AppError } from '../../../../http/errors.ts'
import { recordAudit } from '../../../auth/index.ts'
import { cellError, importRowsInvalid, readSheet, type ImportRowError, type ImportValue, type SheetColumn } from '../../../../excel/workbook.ts'

export interface ImportSpec<T extends { id: string }> {
  columns: readonly SheetColumn[]
  /** Audit entity, e.g. `shelter`. */
  entity: string
  /** A row's checked cells → the stored row; throws an AppError whose `field` is `row.<column key>`. */
  prepare(tx: Tx, values: Record<string, ImportValue>): Promise<T>
  insert(tx: Tx, rows: readonly T[]): Promise<void>
}

export interface RowProblem {
  /** `row.<column key>` */
  field: string | undefined
  message: string
  messageEn: string
}

/** Several wrong cells of one import row, found before the row could be checked as a whole. */
export class RowProblems extends AppError {
  constructor(readonly problems: readonly RowProblem[]) {
    super('invalid', 'row_invalid', problems[0]?.message ?? '', problems[0]?.messageEn ?? '', problems[0]?.field)
  }
}

/** Throws the problems of a row's own cells, if any; returns otherwise. */
export function assertNoRowProblems(problems: readonly RowProblem[]): void {
  if (problems.length > 0) throw new RowProblems(problems)
}

/** The field prefix `prepare` functions use for import rows, so an error maps back to its column. */
export const importField = 'row'

export async function importRows<T extends { id: string }>(db: Db, actor: Actor, body: Buffer, spec: ImportSpec<T>): Promise<{ imported: number }> {
  const read = await readSheet(body, { columns: spec.columns })
  const errors: ImportRowError[] = [...read.errors]
  const byKey = new Map(spec.columns.map((c) => [c.key, c]))
  const invalid = new Error('import rows invalid')
  try {
    return await db.transaction(async (tx) => {
      const prepared: T[] = []
      for (const row of read.rows) {
        if (!row.valid) continue
        try {
          prepared.push(await spec.prepare(tx, row.values))
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) throw error
          const problems = error instanceof RowProblems ? error.problems : [{ field: error.field, message: error.message, messageEn: error.messageEn }]
          for (const problem of problems) {
            const key = problem.field?.startsWith(`${importField}.`) ? problem.field.slice(importField.length + 1) : undefined
            const column = (key && byKey.get(key)) || spec.columns[0]!
            errors.push(cellError(row.rowNumber, column, problem.message, problem.messageEn))
          }
        }
      }
      if (errors.length > 0) throw invalid
      await spec.insert(tx, prepared)
      await recordAudit(tx, {
        actor, action: `${spec.entity}.import`, entity: spec.entity, entityId: prepared[0]?.id ?? 'none',
        after: { count: prepared.length, ids: prepared.map((r) => r.id) },
      })
      return { imported: prepared.length }
    })
  } catch (error) {
    if (error === invalid) throw importRowsInvalid(errors.sort((a, b) => a.row - b.row))
    throw error
  }
}
