/** Names of jurisdictions (管辖范围) for display, from the geo module's exported lookup. */
import { shortDivisionCode } from '@yingji/domain/geo/divisionCode'
import type { Queryable } from '../../db/database.ts'
import { divisionNames as knownDivisionNames } from '../geo/index.ts'

/** Code → name for the given 12-digit codes; a code without a known division shows as its short code. */
export async function divisionNames(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const names = new Map(codes.map((code) => [code, shortDivisionCode(code)]))
  for (const [code, name] of await knownDivisionNames(q, codes)) names.set(code, name)
  return names
}

/** Whether the geo module knows this 12-digit division. */
export async function divisionExists(q: Queryable, code: string): Promise<boolean> {
  return (await knownDivisionNames(q, [code])).has(code)
}
