/**
 * The audience preview's figures (接收对象预览), for the whole audience or one township's share
 * of it: people by channel, role and township, and the population of the villages in the area.
 * The rows are the fan-out's own (`audienceRows`), so the preview counts who will be sent to.
 */
import { sql } from 'drizzle-orm'
import { divisionPrefix } from '@yingji/domain/geo/divisionCode'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import { audienceRows, type AudienceTarget } from './audience.ts'

export interface AudienceCounts {
  byChannel: Array<{ channel: string; recipients: number; missingAddress: number }>
  byRole: Array<{ role: string; kind: string; people: number }>
  byTownship: Array<{ townshipCode: string | null; people: number }>
  totalPeople: number
  responsiblePeople: number
}

/** `township` (12 digits) keeps only its recipients and villages; null keeps all. */
export async function previewCounts(q: Queryable, target: AudienceTarget, township: string | null): Promise<AudienceCounts> {
  const inTownship = township === null ? sql`true` : sql`township_code = ${township}`
  const rows = await queryRows<{ grp: string; k1: string | null; k2: string | null; n: number; m: number }>(q, sql`
    WITH a AS MATERIALIZED (${audienceRows(target)}),
    ok AS (SELECT *, (address IS NOT NULL AND address <> '') AS reachable FROM a WHERE ${inTownship})
    SELECT 'channel' AS grp, channel AS k1, NULL AS k2, count(*) FILTER (WHERE reachable)::int AS n, count(*) FILTER (WHERE NOT reachable)::int AS m FROM ok GROUP BY channel
    UNION ALL SELECT 'role', role, kind, count(DISTINCT subscriber_id)::int, 0 FROM ok GROUP BY role, kind
    UNION ALL SELECT 'township', township_code, NULL, count(DISTINCT subscriber_id)::int, 0 FROM ok GROUP BY township_code
    UNION ALL SELECT 'total', NULL, NULL, count(DISTINCT subscriber_id)::int, count(DISTINCT subscriber_id) FILTER (WHERE kind = 'responsible')::int FROM ok`)
  const of = (g: string) => rows.filter((r) => r.grp === g)
  const total = of('total')[0]
  return {
    byChannel: of('channel').map((r) => ({ channel: r.k1!, recipients: r.n, missingAddress: r.m })).sort((a, b) => a.channel.localeCompare(b.channel)),
    byRole: of('role').map((r) => ({ role: r.k1!, kind: r.k2!, people: r.n })).sort((a, b) => a.kind.localeCompare(b.kind) || b.people - a.people),
    byTownship: of('township').map((r) => ({ townshipCode: r.k1, people: r.n })).sort((a, b) => b.people - a.people),
    totalPeople: total?.n ?? 0,
    responsiblePeople: total?.m ?? 0,
  }
}

/** Sum of the populations of the villages whose points lie in the area (in `township` only when given; synthetic where marked). */
export async function previewExposedPopulation(q: Queryable, warningId: string, township: string | null): Promise<{ population: number; villages: number; synthetic: boolean }> {
  const inTownship = township === null ? sql`true` : sql`v.code::text LIKE ${`${divisionPrefix(township)}%`}`
  const [row] = await queryRows<{ population: number | null; villages: number; synthetic: boolean | null }>(q, sql`
    SELECT sum(v.population)::bigint::float8 AS population, count(*)::int AS villages, bool_or(v.synthetic) AS synthetic
    FROM warnings.warnings w JOIN geo.divisions v ON v.level = 'village' AND v.location && w.area_geom AND ST_Intersects(v.location, w.area_geom)
    WHERE w.id = ${warningId} AND ${inTownship}`)
  return { population: Math.round(row?.population ?? 0), villages: row?.villages ?? 0, synthetic: row?.synthetic ?? true }
}
