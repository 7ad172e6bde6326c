import type { Db } from '../../db/database.ts'

// STUB — `yingji divisions import FILE.csv`.
export async function importDivisionsCsv(_db: Db, _file: string): Promise<{ count: number; root: string }> {
  throw new Error('not implemented')
}
