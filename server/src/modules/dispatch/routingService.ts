/**
 * Routing, closures and matrices over the in-memory network (network.ts), answered by its
 * customisable contraction hierarchy. Closures are stored (audited) and applied to the
 * closed-edge mask and the hierarchy's weights as soon as they commit.
 */
import { randomUUID } from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { cchPath } from '@yingji/domain/dispatch/cchQuery'
import type { ClosureGeometry } from '@yingji/domain/dispatch/closures'
import { edgesClosedBy } from '@yingji/domain/dispatch/closures'
import { travelTimeMatrix } from '@yingji/domain/dispatch/matrix'
import type { Position } from '@yingji/domain/dispatch/roadGraph'
import { directAlongSegment, snapPoint, sourceAnchors, targetAnchors, type Snapped } from '@yingji/domain/dispatch/snap'
import type { Actor } from '../../http/access.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import type { Platform } from '../../platform.ts'
import { recordAudit } from '../auth/index.ts'
import { applyClosure, closureGeometryOf, getRoadNetwork, releaseClosure, withBuiltNetwork, type RoadNetwork } from './network.ts'
import * as queries from './roadQueries.ts'
import type { Closure, ClosureBody, MatrixBody, MatrixResult, RoadsResult, RouteResult } from './routingSchemas.ts'

/** A point farther than this from every open road is off the network. */
export const maxSnapDistanceM = 10_000

const round6 = (x: number) => Math.round(x * 1e6) / 1e6
const round1 = (x: number) => Math.round(x * 10) / 10

/** "lon,lat" → position, or a 400 naming the parameter. */
export function parseLonLat(text: string, field: 'from' | 'to'): Position {
  const parts = text.split(',').map((s) => s.trim())
  const [lon, lat] = parts.map(Number)
  const ok = parts.length === 2 && parts.every((p) => p !== '') && Number.isFinite(lon) && Number.isFinite(lat)
    && Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90
  if (!ok) {
    throw invalid('invalid_position', `querystring.${field}`, `${field === 'from' ? '起点' : '终点'}应为“经度,纬度”，如 117.13,28.97`,
      `${field} must be "lon,lat", e.g. 117.13,28.97`)
  }
  return [lon!, lat!]
}

function snapOrFail(network: RoadNetwork, p: Position, field: string, label: string, labelEn: string): Snapped {
  const s = snapPoint(network.snap, p, network.mask.closed, maxSnapDistanceM)
  if (!s) {
    throw invalid('off_network', field, `${label}附近 ${maxSnapDistanceM / 1000} 公里内没有可通行的道路`,
      `No open road within ${maxSnapDistanceM / 1000} km of the ${labelEn}`)
  }
  return s
}

export async function route(platform: Platform, fromText: string, toText: string): Promise<Static<typeof RouteResult>> {
  const from = parseLonLat(fromText, 'from')
  const to = parseLonLat(toText, 'to')
  const network = await getRoadNetwork(platform)
  const closed = network.mask.closed
  const a = snapOrFail(network, from, 'querystring.from', '起点', 'start')
  const b = snapOrFail(network, to, 'querystring.to', '终点', 'end')
  const { graph } = network
  const path = cchPath(network.metric, sourceAnchors(network.snap, a, closed), targetAnchors(network.snap, b, closed))
  const direct = directAlongSegment(network.snap, a, b, closed)
  let coordinates: number[][]
  let durationS: number
  let distanceM: number
  if (direct && (!path || direct.costS <= path.costS)) {
    coordinates = [[a.lon, a.lat], [b.lon, b.lat]]
    durationS = direct.costS
    distanceM = direct.lengthM
  } else if (path) {
    const anchors = sourceAnchors(network.snap, a, closed)
    const first = anchors[path.sourceIndex]!.node
    coordinates = [[a.lon, a.lat], [graph.lon[first]!, graph.lat[first]!]]
    for (const e of path.edges) coordinates.push([graph.lon[graph.target[e]!]!, graph.lat[graph.target[e]!]!])
    coordinates.push([b.lon, b.lat])
    durationS = path.costS
    distanceM = path.lengthM
  } else {
    throw new AppError('not_found', 'no_route', '起点与终点之间没有可通行的路径（道路可能已封闭）',
      'No open route between the start and the end (roads may be closed)', 'querystring.to')
  }
  return {
    distanceM: round1(distanceM),
    durationS: round1(durationS),
    geometry: { type: 'LineString', coordinates: dedupe(coordinates).map(([x, y]) => [round6(x!), round6(y!)]) },
    snapped: {
      from: { lon: round6(a.lon), lat: round6(a.lat), distanceM: round1(a.distanceM) },
      to: { lon: round6(b.lon), lat: round6(b.lat), distanceM: round1(b.distanceM) },
    },
    closures: network.closureEdges.size,
    synthetic: network.synthetic,
  }
}

function dedupe(coords: number[][]): number[][] {
  return coords.filter((c, i) => i === 0 || c[0] !== coords[i - 1]![0] || c[1] !== coords[i - 1]![1])
}

export async function matrix(platform: Platform, body: Static<typeof MatrixBody>): Promise<Static<typeof MatrixResult>> {
  const network = await getRoadNetwork(platform)
  const m = travelTimeMatrix(network.graph, body.sources, body.targets, network.mask.closed, network.metric)
  const n = body.targets.length
  return {
    durationsS: body.sources.map((_, i) => body.targets.map((_, j) => {
      const v = m[i * n + j]!
      return Number.isFinite(v) ? round1(v) : null
    })),
    closures: network.closureEdges.size,
  }
}

export async function roads(platform: Platform): Promise<Static<typeof RoadsResult>> {
  const network = await getRoadNetwork(platform)
  return {
    type: 'FeatureCollection',
    synthetic: network.synthetic,
    features: network.roads.map((r) => ({
      type: 'Feature' as const,
      properties: { id: r.id, class: r.class, name: r.name, speedKmh: Number(r.speed_kmh), oneway: r.oneway, synthetic: r.synthetic },
      geometry: JSON.parse(r.geojson) as { type: 'LineString'; coordinates: number[][] },
    })),
  }
}

type ClosureView = Static<typeof Closure>
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString())

function viewOf(row: queries.ClosureRow, closedEdges: number): ClosureView {
  return {
    id: row.id, reason: row.reason, geometry: JSON.parse(row.geojson) as ClosureView['geometry'], radiusM: row.radius_m,
    incidentId: row.incident_id, createdBy: row.created_by, createdAt: iso(row.created_at)!, removedBy: row.removed_by,
    removedAt: iso(row.removed_at), closedSegments: Math.ceil(closedEdges / 2),
  }
}

export async function listClosures(platform: Platform): Promise<ClosureView[]> {
  const network = await getRoadNetwork(platform)
  const rows = await queries.findActiveClosures(platform.db)
  return rows.map((r) => viewOf(r, network.closureEdges.get(r.id)?.length ?? 0))
}

function closureGeometryOfBody(body: Static<typeof ClosureBody>): ClosureGeometry {
  const g = body.geometry
  if (g.type === 'Point') {
    if (body.radiusM === undefined) throw invalid('radius_required', 'body.radiusM', '点状封路需要半径 radiusM（米）', 'A Point closure needs radiusM (metres)')
    return { type: 'Point', coordinates: g.coordinates, radiusM: body.radiusM }
  }
  if (body.radiusM !== undefined) throw invalid('radius_only_for_point', 'body.radiusM', '只有点状封路可以指定半径', 'Only a Point closure takes radiusM')
  if (g.type === 'Polygon') {
    g.coordinates.forEach((ring, i) => {
      const first = ring[0]!
      const last = ring[ring.length - 1]!
      if (first[0] !== last[0] || first[1] !== last[1]) {
        throw invalid('ring_not_closed', `body.geometry.coordinates.${i}`, '多边形的环首尾坐标必须相同', 'A polygon ring must end where it starts')
      }
    })
  }
  return g
}

export async function createClosure(platform: Platform, actor: Actor, body: Static<typeof ClosureBody>): Promise<ClosureView> {
  const geometry = closureGeometryOfBody(body)
  const network = await getRoadNetwork(platform)
  const edges = edgesClosedBy(network.snap, geometry)
  const id = randomUUID()
  const row = await platform.db.transaction(async (tx) => {
    const inserted = await queries.insertClosure(tx, {
      id, reason: body.reason.trim(), geometry: body.geometry, radiusM: body.radiusM ?? null, incidentId: body.incidentId ?? null,
      createdBy: actor.name,
    })
    await recordAudit(tx, {
      actor, action: 'dispatch.closure.create', entity: 'dispatch.closure', entityId: id,
      after: { reason: inserted.reason, geometry: body.geometry, radiusM: inserted.radius_m, incidentId: inserted.incident_id, closedSegments: Math.ceil(edges.length / 2) },
    })
    return inserted
  })
  await withBuiltNetwork(platform, (n) => applyClosure(n, id, closureGeometryOf(row)))
  return viewOf(row, edges.length)
}

export async function removeClosure(platform: Platform, actor: Actor, id: string): Promise<ClosureView> {
  const row = await platform.db.transaction(async (tx) => {
    const current = await queries.findClosure(tx, id)
    if (!current || current.removed_at !== null) throw notFound(`封路 ${id}`, `Closure ${id}`, 'params.id')
    const removed = await queries.markClosureRemoved(tx, id, actor.name)
    await recordAudit(tx, {
      actor, action: 'dispatch.closure.remove', entity: 'dispatch.closure', entityId: id,
      before: { reason: current.reason, removedAt: null }, after: { removedAt: iso(removed.removed_at), removedBy: removed.removed_by },
    })
    return removed
  })
  let edges = 0
  await withBuiltNetwork(platform, (n) => {
    edges = n.closureEdges.get(id)?.length ?? 0
    releaseClosure(n, id)
  })
  return viewOf(row, edges)
}
