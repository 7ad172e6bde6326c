/**
 * Who sees and changes which place rows: a row is visible when its division lies in the
 * caller's jurisdiction (管辖范围); a `divisionCode` filter narrows that further.
 */
import { divisionPrefix, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { Queryable } from '../../../../db/database.ts'
import { assertInJurisdiction, type Actor, type Role } from '../../../../http/access.ts'
import { AppError, invalid, notFound } from '../../../../http/errors.ts'
import { divisionNames, parseDivisionCode } from '../../../geo/index.ts'

/** Roles that maintain the place registries (enterprise users only their own risk points). */
export const placeWriters: readonly Role[] = ['admin', 'duty_officer', 'department', 'township']

/** Every role that may read the registries of public places. */
export const placeReaders: readonly Role[] = ['admin', 'duty_officer', 'commander', 'department', 'township', 'village', 'api_client']

/**
 * The division-code prefix a list is limited to: the caller's jurisdiction, or the requested
 * division inside it (403 when it lies outside, 400 when it is not a code).
 */
export function listPrefix(actor: Actor, requested: string | undefined): string {
  if (requested === undefined || requested === '') return divisionPrefix(actor.jurisdiction)
  const code = parseDivisionCode(requested, 'querystring.divisionCode')
  assertInJurisdiction(actor, code)
  return divisionPrefix(code)
}

/** A row outside the caller's jurisdiction is answered as absent, not as forbidden. */
export function assertVisible<T extends { division_code: string }>(actor: Actor, row: T | null, what: string, whatEn: string): T {
  if (!row || !isWithinDivision(row.division_code, actor.jurisdiction)) throw notFound(what, whatEn, 'params.id')
  return row
}

/**
 * A division code from a request body (q: the write's transaction): normalised to 12 digits, known to the geo module and
 * inside the caller's jurisdiction. Returns the code and its name.
 */
export async function resolveDivision(q: Queryable, actor: Actor, input: string, field: string): Promise<{ code: string; name: string }> {
  const code = parseDivisionCode(input, field)
  const name = await divisionName(q, code)
  if (!name) {
    throw invalid('unknown_division', field, `行政区划不存在：${input}`, `No such division: ${input}`)
  }
  if (!isWithinDivision(code, actor.jurisdiction)) {
    throw new AppError('forbidden', 'forbidden', `行政区划 ${name}（${code}）不在您的管辖范围内`, `Division ${code} is outside your jurisdiction`, field)
  }
  return { code, name }
}

/**
 * Division names looked up within one transaction are kept for its lifetime, so an import of
 * thousands of rows in a few villages asks the geo module a few times, not once per row.
 */
const namesSeen = new WeakMap<Queryable, Map<string, string | undefined>>()

async function divisionName(q: Queryable, code: string): Promise<string | undefined> {
  let seen = namesSeen.get(q)
  if (!seen) namesSeen.set(q, (seen = new Map()))
  if (!seen.has(code)) seen.set(code, (await divisionNames(q, [code])).get(code))
  return seen.get(code)
}

/** Names for the division codes of a page of rows. */
export async function namesFor(q: Queryable, rows: readonly { division_code: string }[]): Promise<Map<string, string>> {
  return divisionNames(q, rows.map((r) => r.division_code))
}

/** `text` as a LIKE pattern matching it anywhere. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
