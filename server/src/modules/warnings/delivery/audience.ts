/**
 * The audience of a warning (预警受众): every active subscriber whose location lies in the
 * warning's area, or whose division is one of (or under) the warning's divisions, or who got
 * the warning an Update/Cancel refers to — once per channel they chose and have an address
 * for, responsible persons first (priority 0).
 *
 * Speed (1,000,000 subscribers → a township's recipients in well under a second): the area is
 * cut with ST_Subdivide into pieces of ≤ 64 vertices, so each piece's bounding box is tight and
 * the partial GiST index on `subscribers.location` (WHERE active) finds the candidates; the
 * exact ST_Intersects runs on the small pieces only. Division matches use the text_pattern_ops
 * index with a constant prefix (LIKE '360281100%'). The fan-out is ONE INSERT … SELECT.
 */
import crypto from 'node:crypto'
import { sql, type SQL } from 'drizzle-orm'
import { divisionPrefix, normalizeDivisionCode } from '@yingji/domain/geo/divisionCode'
import type { Queryable } from '../../../db/database.ts'
import { affectedRows } from '../../../db/rows.ts'

export interface AudienceTarget {
  id: string
  divisionCodes: readonly string[]
  referencesId: string | null
}

/** Max vertices per piece of the subdivided area. */
const pieceVertices = 64

/**
 * Rows (subscriber_id, kind, role, channel, priority, address, township_code) of the
 * audience. `spatial: false` is the naive plan for the bench (no subdivision, index scans off
 * by the caller).
 */
export function audienceRows(target: AudienceTarget, options: { subdivide?: boolean } = {}): SQL {
  // Each branch carries the columns the rows need, so the union is not joined back to the
  // million-row table (that join was a sequential scan of it). The township is stored on the
  // subscriber (migration 0004).
  const person = sql`s.id, s.kind, s.role, s.channels, s.phone, s.email, s.wecom_webhook, s.dingtalk_webhook, s.user_id, s.township_code`
  const prefixes = [...new Set(target.divisionCodes.map((c) => normalizeDivisionCode(c)).filter((c): c is string => c !== null).map(divisionPrefix))]
  const inDivisions = prefixes.length === 0 ? null : sql`(${sql.join(prefixes.map((p) => sql`s.division_code LIKE ${`${p}%`}`), sql` OR `)})`
  // The branches are disjoint, so they need no de-duplication (a township's ~120,000 wide rows
  // hashed): a subscriber the divisions already take is not tested against the area at all (the
  // cheap LIKE runs before ST_Intersects); DISTINCT ON drops a point on the edge of two pieces.
  // The bench's naive plan (`subdivide: false`) keeps the plain union, an independent check.
  const naive = options.subdivide === false
  const byArea = naive
    ? sql`SELECT ${person} FROM pieces p JOIN warnings.subscribers s ON s.location && p.g AND ST_Intersects(s.location, p.g) WHERE s.active`
    : sql`SELECT DISTINCT ON (s.id) ${person} FROM pieces p JOIN warnings.subscribers s ON s.location && p.g AND ST_Intersects(s.location, p.g)
      WHERE s.active${inDivisions ? sql` AND NOT coalesce(${inDivisions}, false)` : sql``}`
  const byDivision = inDivisions ? sql`UNION${naive ? sql`` : sql` ALL`} SELECT ${person} FROM warnings.subscribers s WHERE s.active AND ${inDivisions}` : sql``
  const previous = target.referencesId
    ? sql`UNION SELECT ${person} FROM warnings.deliveries d JOIN warnings.subscribers s ON s.id = d.subscriber_id AND s.active WHERE d.warning_id = ${target.referencesId}`
    : sql``
  const pieces = naive
    ? sql`SELECT w.area_geom AS g FROM warnings.warnings w WHERE w.id = ${target.id}`
    : sql`SELECT ST_Subdivide(w.area_geom, ${pieceVertices}) AS g FROM warnings.warnings w WHERE w.id = ${target.id}`
  return sql`
    WITH pieces AS MATERIALIZED (${pieces}),
    hits AS (
      (${byArea})
      ${byDivision}
      ${previous}
    )
    SELECT h.id AS subscriber_id, h.kind, h.role, h.channel,
      CASE h.kind WHEN 'responsible' THEN 0 ELSE 1 END AS priority,
      CASE h.channel WHEN 'sms' THEN h.phone WHEN 'email' THEN h.email WHEN 'wecom' THEN h.wecom_webhook
        WHEN 'dingtalk' THEN h.dingtalk_webhook ELSE h.user_id::text END AS address,
      h.township_code
    FROM (SELECT hits.*, unnest(hits.channels) AS channel FROM hits) h`
}

/**
 * The fan-out: one INSERT … SELECT, all or nothing in the caller's transaction, so a warning
 * that has any rows has them all and a repeat adds nothing (checked once, not per row: ON
 * CONFLICT's speculative insertion cost ~30 % of the write; the UNIQUE warning × subscriber ×
 * channel key still refuses a concurrent second fan-out). Ids are a random prefix per fan-out
 * and a counter: no random source per row (each gen_random_uuid() costs ~20 µs in PGlite) and
 * primary-key inserts land at the index's end.
 */
export async function insertDeliveries(q: Queryable, target: AudienceTarget, options: { subdivide?: boolean } = {}): Promise<number> {
  // An Update's union (and the bench's naive plan) hashes ~100,000 candidate rows: in memory,
  // not sorted on disk as with the default 4 MB. Transaction-local (the consumer's transaction).
  await q.execute(sql`SELECT set_config('work_mem', '64MB', true)`)
  return affectedRows(await q.execute(sql`
    INSERT INTO warnings.deliveries (id, warning_id, subscriber_id, channel, priority, address, township_code)
    SELECT (${idPrefix()} || lpad(to_hex(row_number() OVER ()), 12, '0'))::uuid,
      ${target.id}, a.subscriber_id, a.channel, a.priority, a.address, a.township_code
    FROM (${audienceRows(target, options)}) a
    WHERE a.address IS NOT NULL AND a.address <> ''
      AND NOT EXISTS (SELECT 1 FROM warnings.deliveries d WHERE d.warning_id = ${target.id})`))
}

/** 80 random bits as the first four groups of a UUID ("xxxxxxxx-xxxx-xxxx-xxxx-"). */
function idPrefix(): string {
  const hex = crypto.randomBytes(10).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-`
}
