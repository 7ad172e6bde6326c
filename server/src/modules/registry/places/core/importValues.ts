/** Reading the checked cells of an import row (`readSheet` gives null for empty cells). */
import type { ImportValue } from '../../../../excel/workbook.ts'

export type RowValues = Record<string, ImportValue>

export const textOf = (value: ImportValue | undefined): string => (typeof value === 'string' ? value : '')
export const numberOf = (value: ImportValue | undefined): number | null => (typeof value === 'number' ? value : null)
export const locationOf = (value: ImportValue | undefined): { lon: number; lat: number } | null =>
  Array.isArray(value) ? { lon: value[0], lat: value[1] } : null
