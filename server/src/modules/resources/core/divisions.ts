/** The division of a new or edited row: a real Leping division, in the actor's reach, with its point. */
import type { Queryable } from '../../../db/database.ts'
import { invalid } from '../../../http/errors.ts'
import { divisionPlaces, parseDivisionCode, type DivisionPlace } from '../../geo/index.ts'

export interface ResolvedDivision extends DivisionPlace { code: string }

/** A 6/9/12-digit code from a body, as a known 12-digit division, or a 400 naming the field. */
export async function resolveDivision(q: Queryable, raw: string, field: string): Promise<ResolvedDivision> {
  const code = parseDivisionCode(raw, field)
  const place = (await divisionPlaces(q, [code])).get(code)
  if (!place) {
    throw invalid('unknown_division', field, `${field} 不是已登记的行政区划：${raw}`, `${field} is not a known division: ${raw}`)
  }
  return { code, ...place }
}

/** Location columns as SQL text: `ST_SetSRID(ST_MakePoint(lon, lat), 4326)` inputs. */
export interface LonLat { lon: number; lat: number }
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6
export const lonLatOf = (lon: number | null, lat: number | null): LonLat | null =>
  lon === null || lat === null ? null : { lon: round6(Number(lon)), lat: round6(Number(lat)) }
