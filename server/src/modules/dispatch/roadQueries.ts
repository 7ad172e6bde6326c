/** Roads' and closures' SQL (dispatch.roads, dispatch.closures). */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'

export interface NewRoad {
  coordinates: ReadonlyArray<readonly [number, number]>
  roadClass: string
  name: string | null
  speedKmh: number
  oneway: boolean
  source: string
  synthetic: boolean
}

export interface RoadRow {
  id: number
  class: string
  name: string | null
  speed_kmh: number
  oneway: boolean
  synthetic: boolean
  geojson: string
}

export async function countRoads(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM dispatch.roads`)
  return row?.n ?? 0
}

/** Serialises concurrent seeds/imports within a transaction. */
export async function lockRoads(q: Queryable): Promise<void> {
  await q.execute(sql`LOCK TABLE dispatch.roads IN SHARE ROW EXCLUSIVE MODE`)
}

export async function deleteAllRoads(q: Queryable): Promise<number> {
  const rows = await queryRows<{ id: number }>(q, sql`DELETE FROM dispatch.roads RETURNING id`)
  return rows.length
}

export async function insertRoads(q: Queryable, roads: readonly NewRoad[]): Promise<void> {
  for (let i = 0; i < roads.length; i += 500) {
    const batch = roads.slice(i, i + 500)
    const values = batch.map((r) => sql`(
      ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: r.coordinates })}), 4326),
      ${r.roadClass}, ${r.name}, ${r.speedKmh}, ${r.oneway}, ${r.source}, ${r.synthetic})`)
    await q.execute(sql`
      INSERT INTO dispatch.roads (geometry, class, name, speed_kmh, oneway, source, synthetic)
      VALUES ${sql.join(values, sql`, `)}`)
  }
}

export async function findRoads(q: Queryable): Promise<RoadRow[]> {
  return queryRows<RoadRow>(q, sql`
    SELECT id::int AS id, class, name, speed_kmh, oneway, synthetic, ST_AsGeoJSON(geometry, 7) AS geojson
    FROM dispatch.roads ORDER BY id`)
}

export interface ClosureRow {
  id: string
  reason: string
  geojson: string
  radius_m: number | null
  incident_id: string | null
  created_by: string
  created_at: Date | string
  removed_by: string | null
  removed_at: Date | string | null
}

const closureColumns = sql`id, reason, ST_AsGeoJSON(geometry, 7) AS geojson, radius_m, incident_id, created_by, created_at, removed_by, removed_at`

export async function findActiveClosures(q: Queryable): Promise<ClosureRow[]> {
  return queryRows<ClosureRow>(q, sql`SELECT ${closureColumns} FROM dispatch.closures WHERE removed_at IS NULL ORDER BY created_at, id`)
}

export async function findClosure(q: Queryable, id: string): Promise<ClosureRow | undefined> {
  const [row] = await queryRows<ClosureRow>(q, sql`SELECT ${closureColumns} FROM dispatch.closures WHERE id = ${id} FOR UPDATE`)
  return row
}

export async function insertClosure(
  q: Queryable,
  c: { id: string; reason: string; geometry: object; radiusM: number | null; incidentId: string | null; createdBy: string },
): Promise<ClosureRow> {
  const [row] = await queryRows<ClosureRow>(q, sql`
    INSERT INTO dispatch.closures (id, reason, geometry, radius_m, incident_id, created_by)
    VALUES (${c.id}, ${c.reason}, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(c.geometry)}), 4326), ${c.radiusM}, ${c.incidentId}, ${c.createdBy})
    RETURNING ${closureColumns}`)
  return row!
}

export async function markClosureRemoved(q: Queryable, id: string, removedBy: string): Promise<ClosureRow> {
  const [row] = await queryRows<ClosureRow>(q, sql`
    UPDATE dispatch.closures SET removed_at = now(), removed_by = ${removedBy} WHERE id = ${id}
    RETURNING ${closureColumns}`)
  return row!
}
