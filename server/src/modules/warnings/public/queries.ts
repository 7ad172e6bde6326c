/**
 * The public feed's SQL: issued warnings only. Drafts, submitted and rejected warnings never
 * leave through /public; a superseded or cancelled alert's XML stays readable because the
 * Update or Cancel that replaced it references it.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'

export interface PublicWarningRow {
  identifier: string
  msg_type: 'Alert' | 'Update' | 'Cancel'
  hazard: string
  level: 'blue' | 'yellow' | 'orange' | 'red'
  headline: string
  headline_en: string | null
  description: string
  description_en: string | null
  instruction: string | null
  instruction_en: string | null
  onset: Date | string | null
  expires: Date | string
  sent: Date | string
  area_desc: string
  division_codes: string[]
  geojson: string
}

/** Issued, unexpired messages (alerts, updates and cancels), newest first. */
export async function listIssuedUnexpired(q: Queryable, options: { withCancels: boolean; limit: number }): Promise<PublicWarningRow[]> {
  return queryRows<PublicWarningRow>(q, sql`
    SELECT identifier, msg_type, hazard, level, headline, headline_en, description, description_en,
           instruction, instruction_en, onset, expires, sent, area_desc, division_codes,
           ST_AsGeoJSON(area_geom, 6) AS geojson
    FROM warnings.warnings
    WHERE status = 'issued' AND cap_xml IS NOT NULL AND sent IS NOT NULL AND expires > now()
      AND (${options.withCancels} OR msg_type <> 'Cancel')
    ORDER BY sent DESC, identifier
    LIMIT ${options.limit}`)
}

/** The published CAP document of an alert once issued (also after it was superseded or cancelled). */
export async function publishedCapXml(q: Queryable, identifier: string): Promise<string | null> {
  const rows = await queryRows<{ cap_xml: string }>(q, sql`
    SELECT cap_xml FROM warnings.warnings
    WHERE identifier = ${identifier} AND status IN ('issued', 'superseded', 'cancelled') AND cap_xml IS NOT NULL`)
  return rows[0]?.cap_xml ?? null
}

/** The county boundary (public base map of /alerts): GeoJSON text per county-level area. */
export async function countyBoundaries(q: Queryable): Promise<{ code: string; name: string; geojson: string }[]> {
  return queryRows(q, sql`
    SELECT d.code, d.name, ST_AsGeoJSON(a.geometry, 5) AS geojson
    FROM geo.division_areas a JOIN geo.divisions d ON d.code = a.division_code
    WHERE d.level = 'county'
    ORDER BY d.code`)
}

/** Township-level units' points and names (labels on the public map). */
export async function townshipPoints(q: Queryable): Promise<{ code: string; name: string; lon: number; lat: number }[]> {
  return queryRows(q, sql`
    SELECT code, name, ST_X(location) AS lon, ST_Y(location) AS lat
    FROM geo.divisions
    WHERE level = 'township' AND location IS NOT NULL AND code LIKE '360281%'
    ORDER BY code`)
}
