/**
 * What is near an incident (周边资源与风险): rescue teams, depots with their stock, shelters with
 * capacity, enterprises, geological hazard points and risk points within N km, nearest first,
 * distances on the spheroid (geography). Only rows in the caller's jurisdiction.
 */
import { sql } from 'drizzle-orm'
import { divisionPrefix } from '@yingji/domain/geo/divisionCode'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'

export interface NearbyItem {
  kind: 'team' | 'depot' | 'shelter' | 'enterprise' | 'hazard_point' | 'risk_point'
  id: string
  name: string
  divisionCode: string
  location: { lon: number; lat: number }
  distanceM: number
  /** Kind-specific: team type/status/headcount, depot stock, shelter capacity, risk level … */
  detail: Record<string, unknown>
}

interface Row { kind: NearbyItem['kind']; id: string; name: string; division_code: string; lon: number; lat: number; distance_m: number; detail: Record<string, unknown> }

/** Everything within `radiusKm` of the point, at most `perKind` of each kind. */
export async function nearby(q: Queryable, at: { lon: number; lat: number }, radiusKm: number, jurisdiction: string, perKind = 20): Promise<NearbyItem[]> {
  const point = sql`ST_SetSRID(ST_MakePoint(${at.lon}, ${at.lat}), 4326)::geography`
  const radius = radiusKm * 1000
  const prefix = divisionPrefix(jurisdiction) + '%'
  const near = (table: string) => sql`${sql.raw(table)}.location IS NOT NULL AND ST_DWithin(${sql.raw(table)}.location::geography, ${point}, ${radius}) AND ${sql.raw(table)}.division_code::text LIKE ${prefix}`
  const dist = (table: string) => sql`ST_Distance(${sql.raw(table)}.location::geography, ${point})`
  const rows = await queryRows<Row>(q, sql`
    (SELECT 'team' AS kind, t.id::text AS id, t.name, t.division_code::text AS division_code, ST_X(t.location) AS lon, ST_Y(t.location) AS lat, ${dist('t')} AS distance_m,
       jsonb_build_object('type', t.type, 'status', t.status, 'headcount', t.headcount, 'leaderName', t.leader_name, 'leaderPhone', t.leader_phone, 'capabilities', to_jsonb(t.capabilities)) AS detail
     FROM resources.teams t WHERE ${near('t')} ORDER BY distance_m LIMIT ${perKind})
    UNION ALL
    (SELECT 'depot', d.id::text, d.name, d.division_code::text, ST_X(d.location), ST_Y(d.location), ${dist('d')},
       jsonb_build_object('level', d.level, 'stock', coalesce((
         SELECT jsonb_agg(jsonb_build_object('supplyId', s.id, 'name', s.name, 'unit', s.unit, 'quantity', h.quantity) ORDER BY h.quantity DESC)
         FROM resources.stock_on_hand h JOIN resources.supplies s ON s.id = h.supply_id WHERE h.depot_id = d.id AND h.quantity > 0), '[]'::jsonb))
     FROM resources.depots d WHERE ${near('d')} ORDER BY 7 LIMIT ${perKind})
    UNION ALL
    (SELECT 'shelter', s.id::text, s.name, s.division_code, ST_X(s.location), ST_Y(s.location), ${dist('s')},
       jsonb_build_object('type', s.type, 'capacity', s.capacity, 'status', s.status, 'managerName', s.manager_name)
     FROM registry.shelters s WHERE ${near('s')} AND s.status <> 'closed' ORDER BY 7 LIMIT ${perKind})
    UNION ALL
    (SELECT 'enterprise', e.id::text, e.name, e.division_code::text, ST_X(e.location), ST_Y(e.location), ${dist('e')},
       jsonb_build_object('status', e.status)
     FROM registry.enterprises e WHERE ${near('e')} ORDER BY 7 LIMIT ${perKind})
    UNION ALL
    (SELECT 'hazard_point', h.id::text, h.name, h.division_code, ST_X(h.location), ST_Y(h.location), ${dist('h')},
       jsonb_build_object('type', h.type, 'status', h.status, 'monitorName', h.monitor_name)
     FROM registry.hazard_points h WHERE ${near('h')} AND h.status = 'active' ORDER BY 7 LIMIT ${perKind})
    UNION ALL
    (SELECT 'risk_point', r.id::text, r.name, r.division_code, ST_X(r.location), ST_Y(r.location), ${dist('r')},
       jsonb_build_object('level', r.level, 'placeType', r.place_type)
     FROM registry.risk_points r WHERE ${near('r')} ORDER BY 7 LIMIT ${perKind})`)
  return rows
    .map((r) => ({ kind: r.kind, id: r.id, name: r.name, divisionCode: r.division_code.trim(), location: { lon: Number(r.lon), lat: Number(r.lat) }, distanceM: Math.round(Number(r.distance_m)), detail: r.detail }))
    .sort((a, b) => a.distanceM - b.distanceM)
}
