import type { SubstanceInput } from '../api/enterprises.ts'

/** A substance row as typed in a form: a name or CAS number, a quantity, maybe a Table 2 category. */
export interface SubstanceRow {
  substance?: string
  category?: string
  quantityT?: number
}

const casPattern = /^\d{2,7}-\d{2}-\d$/

/** The API's substance: `cas` when the text is a CAS number, else `name`; categories split on commas. */
export function substanceInput(row: SubstanceRow): SubstanceInput {
  const text = row.substance?.trim() ?? ''
  const categories = (row.category ?? '').split(/[,，\s]+/).filter(Boolean)
  const input: SubstanceInput = { quantityT: row.quantityT ?? 0 }
  if (casPattern.test(text)) input.cas = text
  else if (text) input.name = text
  if (categories.length === 1) input.category = categories[0]
  else if (categories.length > 1) input.category = categories
  return input
}

/** Back from a stored substance to the form's row. */
export function substanceRow(input: SubstanceInput): SubstanceRow {
  const category = Array.isArray(input.category) ? input.category.join(', ') : input.category
  return { substance: input.cas ?? input.name ?? '', category, quantityT: input.quantityT }
}

/**
 * A server error on `body.substances.2.name` (or `.cas`, `.category`) belongs to the form's
 * `substances[2].substance` (or `.category`).
 */
export function substanceFieldPath(path: (string | number)[]): (string | number)[] {
  if (path[0] === 'substances' && typeof path[1] === 'number') {
    const leaf = path[2] === 'category' ? 'category' : path[2] === 'quantityT' ? 'quantityT' : 'substance'
    return ['substances', path[1], leaf]
  }
  return path
}
