/**
 * Checks shared by the form and the import: USCC (GB 32100-2015) and division existence.
 */
import { normalizeUscc, validateUscc } from '@yingji/domain/registry/uscc'
import type { Queryable } from '../../../db/database.ts'
import { invalid } from '../../../http/errors.ts'
import { divisionPlaces, parseDivisionCode } from '../../geo/index.ts'

/** A normalized, valid USCC, or the domain's reason in zh and en. */
export function checkUscc(input: string): { ok: true; uscc: string } | { ok: false; message: string; messageEn: string } {
  const uscc = normalizeUscc(input)
  const result = validateUscc(uscc)
  return result.valid ? { ok: true, uscc } : { ok: false, message: result.message, messageEn: result.messageEn }
}

/** A valid USCC or a 400 naming the field. */
export function usccOrThrow(input: string, field: string): string {
  const result = checkUscc(input)
  if (!result.ok) throw invalid('invalid_uscc', field, result.message, result.messageEn)
  return result.uscc
}

/** A 12-digit code of a division that exists, or a 400 naming the field. */
export async function existingDivision(q: Queryable, input: string, field: string): Promise<{ code: string; name: string }> {
  const code = parseDivisionCode(input, field)
  const place = (await divisionPlaces(q, [code])).get(code)
  if (!place) throw invalid('unknown_division_code', field, `行政区划代码 ${input} 不存在`, `No division has the code ${input}`)
  return { code, name: place.name }
}
