/**
 * Planning's SQL. Dispatch orders and evacuation plans are this module's tables. The rest is
 * read-only look-ups of what planning draws on — teams, stock on hand and agreement reserves
 * (resources), shelters and hazard points (registry), village points and rivers (geo), a
 * warning's area (warnings) — which those modules' index.ts do not export as functions; every
 * write to another module goes through its exported function (the ledger's recordMovementIn).
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'

const ids = (values: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::uuid[]`
const texts = (values: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`
const prefixOf = (prefix: string) => `${prefix}%`

export interface TeamRow {
  id: string; name: string; type: string; level: string; status: string; capabilities: string[]; headcount: number
  division_code: string; lon: number | null; lat: number | null
}

export function findTeams(q: Queryable, prefix: string): Promise<TeamRow[]> {
  return queryRows<TeamRow>(q, sql`
    SELECT t.id::text AS id, t.name, t.type, t.level, t.status, t.capabilities, t.headcount, t.division_code::text AS division_code,
           ST_X(t.location) AS lon, ST_Y(t.location) AS lat
    FROM resources.teams t WHERE t.division_code LIKE ${prefixOf(prefix)} ORDER BY t.name`)
}

export interface IncidentPlace {
  id: string; title: string; subtype: string; division_code: string; lon: number | null; lat: number | null
  facts: { hazardType?: string; injured?: number; missing?: number }
}

/** An incident's place, hazard and facts (read-only read of the incidents module's table). */
export async function findIncidentPlace(q: Queryable, id: string): Promise<IncidentPlace | undefined> {
  const [row] = await queryRows<IncidentPlace>(q, sql`
    SELECT id::text AS id, title, subtype, division_code, ST_X(location) AS lon, ST_Y(location) AS lat, facts
    FROM incidents.incidents WHERE id = ${id}::uuid`)
  return row
}

/** Per team, the major-hazard enterprises (GB 18218) within `radiusM` of its base (read-only read of the registry). */
export async function majorHazardsNearTeams(q: Queryable, teamIds: readonly string[], radiusM: number): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map()
  const rows = await queryRows<{ id: string; n: number }>(q, sql`
    SELECT t.id::text AS id, count(e.id)::int AS n
    FROM resources.teams t JOIN registry.enterprises e
      ON e.major_hazard_level IS NOT NULL AND ST_DWithin(t.location::geography, e.location::geography, ${radiusM})
    WHERE t.id = ANY (${ids(teamIds)})
    GROUP BY t.id`)
  return new Map(rows.map((r) => [r.id, r.n]))
}

export interface DepotStockRow {
  depot_id: string; depot_name: string; division_code: string; lon: number | null; lat: number | null
  supply_id: string; quantity: number
}

/** Depots' stock on hand (> 0) of the supplies asked for, within the prefix, optionally only some depots. */
export function findDepotStock(q: Queryable, prefix: string, supplyIds: readonly string[], depotIds: readonly string[] | null): Promise<DepotStockRow[]> {
  return queryRows<DepotStockRow>(q, sql`
    SELECT d.id::text AS depot_id, d.name AS depot_name, d.division_code::text AS division_code, ST_X(d.location) AS lon, ST_Y(d.location) AS lat,
           s.supply_id::text AS supply_id, s.quantity
    FROM resources.stock_on_hand s JOIN resources.depots d ON d.id = s.depot_id
    WHERE d.division_code LIKE ${prefixOf(prefix)} AND s.quantity > 0 AND s.supply_id = ANY (${ids(supplyIds)})
      ${depotIds ? sql`AND d.id = ANY (${ids(depotIds)})` : sql``}
    ORDER BY d.name, s.supply_id`)
}

export interface ReserveItemRow {
  reserve_id: string; supplier_name: string; division_code: string; response_hours: number
  supply_id: string; quantity: number
}

/** Agreement reserves (协议储备) in force with items of the supplies asked for. */
export function findAgreementReserves(q: Queryable, prefix: string, supplyIds: readonly string[], reserveIds: readonly string[] | null): Promise<ReserveItemRow[]> {
  return queryRows<ReserveItemRow>(q, sql`
    SELECT r.id::text AS reserve_id, r.supplier_name, r.division_code::text AS division_code, r.response_hours::float8 AS response_hours,
           i.supply_id::text AS supply_id, sum(i.quantity)::int AS quantity
    FROM resources.reserves r JOIN resources.reserve_items i ON i.reserve_id = r.id
    WHERE r.kind = 'agreement' AND r.division_code LIKE ${prefixOf(prefix)} AND i.supply_id = ANY (${ids(supplyIds)})
      AND (r.contract_end IS NULL OR r.contract_end >= (now() AT TIME ZONE 'Asia/Shanghai')::date)
      AND (r.contract_start IS NULL OR r.contract_start <= (now() AT TIME ZONE 'Asia/Shanghai')::date)
      ${reserveIds ? sql`AND r.id = ANY (${ids(reserveIds)})` : sql``}
    GROUP BY r.id, r.supplier_name, r.division_code, r.response_hours, i.supply_id
    ORDER BY r.supplier_name`)
}

export interface SupplyRow { id: string; code: string; name: string; unit: string }

export function findSupplies(q: Queryable, supplyIds: readonly string[]): Promise<SupplyRow[]> {
  return queryRows<SupplyRow>(q, sql`SELECT id::text AS id, code, name, unit FROM resources.supplies WHERE id = ANY (${ids(supplyIds)})`)
}

export interface ShelterRow { id: string; name: string; capacity: number; status: string; division_code: string; lon: number; lat: number }

const shelterColumns = sql`s.id::text AS id, s.name, s.capacity, s.status, s.division_code, ST_X(s.location) AS lon, ST_Y(s.location) AS lat`

export function findSheltersByIds(q: Queryable, shelterIds: readonly string[]): Promise<ShelterRow[]> {
  return queryRows<ShelterRow>(q, sql`SELECT ${shelterColumns} FROM registry.shelters s WHERE s.id = ANY (${ids(shelterIds)})`)
}

/** Shelters open for use (status available) within the prefix. */
export function findAvailableShelters(q: Queryable, prefix: string): Promise<ShelterRow[]> {
  return queryRows<ShelterRow>(q, sql`SELECT ${shelterColumns} FROM registry.shelters s
    WHERE s.status = 'available' AND s.division_code LIKE ${prefixOf(prefix)} ORDER BY s.name`)
}

export interface VillageRow { code: string; name: string; population: number; synthetic: boolean; lon: number; lat: number }

const villageColumns = sql`v.code::text AS code, v.name, coalesce(v.population, 0) AS population, v.synthetic, ST_X(v.location) AS lon, ST_Y(v.location) AS lat`

/** Village points (with a location) in the subtrees of the given code prefixes, within the prefix. */
export function findVillagesInDivisions(q: Queryable, prefix: string, subtreePrefixes: readonly string[]): Promise<VillageRow[]> {
  const subtree = sql.join(subtreePrefixes.map((p) => sql`v.code LIKE ${prefixOf(p)}`), sql` OR `)
  return queryRows<VillageRow>(q, sql`SELECT ${villageColumns} FROM geo.divisions v
    WHERE v.level = 'village' AND v.location IS NOT NULL AND v.code LIKE ${prefixOf(prefix)} AND (${subtree}) ORDER BY v.code`)
}

/** Village points inside a polygon (GeoJSON geometry text), within the prefix. */
export function findVillagesInGeometry(q: Queryable, prefix: string, geometry: SQL): Promise<VillageRow[]> {
  return queryRows<VillageRow>(q, sql`SELECT ${villageColumns} FROM geo.divisions v
    WHERE v.level = 'village' AND v.location IS NOT NULL AND v.code LIKE ${prefixOf(prefix)} AND ST_Intersects(v.location, ${geometry}) ORDER BY v.code`)
}

export const geoJsonGeometry = (geojson: unknown) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geojson)}), 4326)`

export interface WarningAreaRow { id: string; status: string; division_code: string; headline: string; area_geojson: string }

export async function findWarningArea(q: Queryable, id: string): Promise<WarningAreaRow | undefined> {
  const [row] = await queryRows<WarningAreaRow>(q, sql`SELECT w.id::text AS id, w.status, w.division_code, w.headline, ST_AsGeoJSON(w.area_geom) AS area_geojson
    FROM warnings.warnings w WHERE w.id = ${id}::uuid`)
  return row
}

/** A radius in degrees that covers `metres` in any direction below latitude 45° (the index prefilter). */
const degreesAbove = (metres: number) => metres / 75_000

export interface RiskVillageRow extends VillageRow { hazard_points: number; river_distance_m: number | null }

/**
 * Villages within the prefix with their risk facts: active hazard points within `hazardRadiusM`
 * and the distance to the nearest river (geography distances, metres). Only villages within
 * `riverBufferM` of a river or with a hazard point nearby come back.
 */
export function findRiskVillages(q: Queryable, prefix: string, hazardRadiusM: number, riverBufferM: number): Promise<RiskVillageRow[]> {
  return queryRows<RiskVillageRow>(q, sql`
    SELECT * FROM (
      SELECT ${villageColumns},
        (SELECT count(*) FROM registry.hazard_points h
          WHERE h.status = 'active' AND ST_DWithin(h.location, v.location, ${degreesAbove(hazardRadiusM)})
            AND ST_DWithin(h.location::geography, v.location::geography, ${hazardRadiusM}))::int AS hazard_points,
        (SELECT min(ST_Distance(r.geometry::geography, v.location::geography)) FROM geo.rivers r
          WHERE ST_DWithin(r.geometry, v.location, ${degreesAbove(riverBufferM)})
            AND ST_DWithin(r.geometry::geography, v.location::geography, ${riverBufferM}))::float8 AS river_distance_m
      FROM geo.divisions v
      WHERE v.level = 'village' AND v.location IS NOT NULL AND v.code LIKE ${prefixOf(prefix)}
    ) x WHERE x.hazard_points > 0 OR x.river_distance_m IS NOT NULL ORDER BY x.code`)
}

export function divisionsExist(q: Queryable, codes: readonly string[]): Promise<{ code: string }[]> {
  return queryRows<{ code: string }>(q, sql`SELECT code::text AS code FROM geo.divisions WHERE code = ANY (${texts(codes)})`)
}

// ---- dispatch orders ----

export interface OrderRow {
  id: string; order_no: string; status: string; division_code: string; request: unknown; demands: unknown; unmet: unknown
  objective_seconds: number; solve_ms: number; created_by_name: string; created_at: Date | string
  confirmed_by_name: string | null; confirmed_at: Date | string | null
}

export interface OrderLineRow {
  position: number; source_kind: 'depot' | 'reserve'; source_id: string; source_name: string; source_division_code: string
  source_lon: number | null; source_lat: number | null; demand_index: number; demand_label: string; demand_lon: number; demand_lat: number
  supply_id: string; supply_name: string; unit: string; quantity: number; travel_seconds: number
}

export interface NewOrder {
  id: string; order_no: string; division_code: string; request: unknown; demands: unknown; unmet: unknown
  objective_seconds: number; solve_ms: number; created_by: string | null; created_by_name: string
}

export async function insertOrder(q: Queryable, o: NewOrder, lines: Omit<OrderLineRow, 'position'>[]): Promise<void> {
  await q.execute(sql`INSERT INTO dispatch.orders (id, order_no, status, division_code, request, demands, unmet, objective_seconds, solve_ms, created_by, created_by_name)
    VALUES (${o.id}::uuid, ${o.order_no}, 'draft', ${o.division_code}, ${JSON.stringify(o.request)}::jsonb, ${JSON.stringify(o.demands)}::jsonb,
            ${JSON.stringify(o.unmet)}::jsonb, ${o.objective_seconds}, ${o.solve_ms}, ${o.created_by}::uuid, ${o.created_by_name})`)
  if (lines.length === 0) return
  const point = (lon: number | null, lat: number | null) => (lon === null || lat === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`)
  await q.execute(sql`INSERT INTO dispatch.order_lines (order_id, position, source_kind, source_id, source_name, source_division_code, source_location,
      demand_index, demand_label, demand_location, supply_id, supply_name, unit, quantity, travel_seconds) VALUES ${sql.join(lines.map((l, i) => sql`(
      ${o.id}::uuid, ${i}, ${l.source_kind}, ${l.source_id}::uuid, ${l.source_name}, ${l.source_division_code}, ${point(l.source_lon, l.source_lat)},
      ${l.demand_index}, ${l.demand_label}, ${point(l.demand_lon, l.demand_lat)}, ${l.supply_id}::uuid, ${l.supply_name}, ${l.unit}, ${l.quantity}, ${l.travel_seconds})`), sql`, `)}`)
}

const orderColumns = sql`o.id::text AS id, o.order_no, o.status, o.division_code, o.request, o.demands, o.unmet, o.objective_seconds, o.solve_ms,
  o.created_by_name, o.created_at, o.confirmed_by_name, o.confirmed_at`

export async function findOrder(q: Queryable, id: string, forUpdate = false): Promise<OrderRow | undefined> {
  const [row] = await queryRows<OrderRow>(q, sql`SELECT ${orderColumns} FROM dispatch.orders o WHERE o.id = ${id}::uuid ${forUpdate ? sql`FOR UPDATE` : sql``}`)
  return row
}

export function findOrders(q: Queryable, prefix: string, limit: number): Promise<OrderRow[]> {
  return queryRows<OrderRow>(q, sql`SELECT ${orderColumns} FROM dispatch.orders o WHERE o.division_code LIKE ${prefixOf(prefix)}
    ORDER BY o.created_at DESC LIMIT ${limit}`)
}

export function findOrderLines(q: Queryable, orderId: string): Promise<OrderLineRow[]> {
  return queryRows<OrderLineRow>(q, sql`SELECT position, source_kind, source_id::text AS source_id, source_name, source_division_code,
      ST_X(source_location) AS source_lon, ST_Y(source_location) AS source_lat, demand_index, demand_label,
      ST_X(demand_location) AS demand_lon, ST_Y(demand_location) AS demand_lat, supply_id::text AS supply_id, supply_name, unit, quantity, travel_seconds
    FROM dispatch.order_lines WHERE order_id = ${orderId}::uuid ORDER BY position`)
}

export async function markConfirmed(q: Queryable, id: string, by: string | null, byName: string): Promise<void> {
  await q.execute(sql`UPDATE dispatch.orders SET status = 'confirmed', confirmed_by = ${by}::uuid, confirmed_by_name = ${byName}, confirmed_at = now() WHERE id = ${id}::uuid`)
}

export interface NewPlan {
  id: string; division_code: string; request: unknown; result: unknown; people: number; unassigned: number
  person_seconds: number; solve_ms: number; created_by: string | null; created_by_name: string
}

export async function insertPlan(q: Queryable, p: NewPlan): Promise<void> {
  await q.execute(sql`INSERT INTO dispatch.evacuation_plans (id, division_code, request, result, people, unassigned, person_seconds, solve_ms, created_by, created_by_name)
    VALUES (${p.id}::uuid, ${p.division_code}, ${JSON.stringify(p.request)}::jsonb, ${JSON.stringify(p.result)}::jsonb, ${p.people}, ${p.unassigned},
            ${p.person_seconds}, ${p.solve_ms}, ${p.created_by}::uuid, ${p.created_by_name})`)
}

export async function findPlan(q: Queryable, id: string): Promise<{ id: string; division_code: string; result: unknown } | undefined> {
  const [row] = await queryRows<{ id: string; division_code: string; result: unknown }>(q, sql`SELECT id::text AS id, division_code, result FROM dispatch.evacuation_plans WHERE id = ${id}::uuid`)
  return row
}
