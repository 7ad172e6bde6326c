/**
 * The in-memory road network (路网) routed on: built once from dispatch.roads on first use (the
 * synthetic network is seeded first when the table is empty), with its customisable contraction
 * hierarchy; rebuilt after an import. Closures need no rebuild: each adds its edges to the
 * closed-edge mask and the hierarchy's weights are re-customised for the arcs it touches at once
 * (a fraction of a millisecond on the county network); removing it does the same. Other dispatch code
 * (allocation, evacuation, teams) asks `travelTimes`.
 */
import { buildCch, customise, recustomise, type CchMetric, type ContractionHierarchy } from '@yingji/domain/dispatch/cch'
import { ClosureMask, edgesClosedBy, type ClosureGeometry } from '@yingji/domain/dispatch/closures'
import { snapIndexOf, travelTimeMatrix } from '@yingji/domain/dispatch/matrix'
import { buildRoadGraph, roadClasses, type Position, type RoadClass, type RoadGraph, type RoadLine } from '@yingji/domain/dispatch/roadGraph'
import type { SnapIndex } from '@yingji/domain/dispatch/snap'
import type { Platform } from '../../platform.ts'
import { findActiveClosures, findRoads, type ClosureRow, type RoadRow } from './roadQueries.ts'
import { seedSyntheticRoads } from './seed.ts'

export interface RoadNetwork {
  graph: RoadGraph
  snap: SnapIndex
  hierarchy: ContractionHierarchy
  /** `mask.closed` is the closed-edge mask every search takes. */
  mask: ClosureMask
  /** The hierarchy's weights for the current mask (re-customised on every closure change). */
  metric: CchMetric
  /** Edges closed by each active closure (by closure id). */
  closureEdges: Map<string, number[]>
  roads: RoadRow[]
  /** Whether any road is synthetic (shown on the map and in answers). */
  synthetic: boolean
}

const networks = new WeakMap<Platform, Promise<RoadNetwork>>()

/** The network of this platform, built on first use. */
export function getRoadNetwork(platform: Platform): Promise<RoadNetwork> {
  let network = networks.get(platform)
  if (!network) {
    network = buildNetwork(platform)
    networks.set(platform, network)
    network.catch(() => networks.delete(platform))
  }
  return network
}

/** Forget the built network (after an import): the next use rebuilds it. */
export function invalidateRoadNetwork(platform: Platform): void {
  networks.delete(platform)
}

/**
 * Travel times in seconds from each `from` to each `to` position over the open roads, row-major
 * (`result[i * to.length + j]`); Infinity when unreachable.
 */
export async function travelTimes(platform: Platform, from: readonly Position[], to: readonly Position[]): Promise<Float64Array> {
  const network = await getRoadNetwork(platform)
  return travelTimeMatrix(network.graph, from, to, network.mask.closed, network.metric)
}

export function closureGeometryOf(row: Pick<ClosureRow, 'geojson' | 'radius_m'>): ClosureGeometry {
  const g = JSON.parse(row.geojson) as { type: string; coordinates: unknown }
  if (g.type === 'Point') return { type: 'Point', coordinates: g.coordinates as Position, radiusM: row.radius_m ?? 0 }
  return g as ClosureGeometry
}

/** Closes the closure's edges (no-op when already applied). Returns the edges it closes. */
export function applyClosure(network: RoadNetwork, id: string, geometry: ClosureGeometry): number[] {
  const known = network.closureEdges.get(id)
  if (known) return known
  const edges = edgesClosedBy(network.snap, geometry)
  network.closureEdges.set(id, edges)
  network.mask.add(edges)
  recustomise(network.metric, network.mask.closed, edges)
  return edges
}

export function releaseClosure(network: RoadNetwork, id: string): void {
  const edges = network.closureEdges.get(id)
  if (!edges) return
  network.closureEdges.delete(id)
  network.mask.remove(edges)
  recustomise(network.metric, network.mask.closed, edges)
}

/** Applies to an already built network only (a network built later reads the table anyway). */
export async function withBuiltNetwork(platform: Platform, apply: (network: RoadNetwork) => void): Promise<void> {
  const network = networks.get(platform)
  if (network) apply(await network)
}

async function buildNetwork(platform: Platform): Promise<RoadNetwork> {
  await seedSyntheticRoads(platform.db)
  const roads = await findRoads(platform.db)
  const lines: RoadLine[] = roads.map((r) => ({
    id: r.id,
    coordinates: (JSON.parse(r.geojson) as { coordinates: Position[] }).coordinates,
    roadClass: (roadClasses as readonly string[]).includes(r.class) ? (r.class as RoadClass) : 'other',
    speedKmh: Number(r.speed_kmh),
    oneway: r.oneway,
  }))
  const graph = buildRoadGraph(lines)
  const hierarchy = buildCch(graph)
  const network: RoadNetwork = {
    graph,
    snap: snapIndexOf(graph),
    hierarchy,
    mask: new ClosureMask(graph),
    metric: customise(hierarchy),
    closureEdges: new Map(),
    roads,
    synthetic: roads.some((r) => r.synthetic),
  }
  for (const c of await findActiveClosures(platform.db)) applyClosure(network, c.id, closureGeometryOf(c))
  return network
}
