/**
 * The road graph (路网图) in compressed sparse row form over typed arrays: every vertex of a road
 * line is a node (lines that share a vertex are joined there), every segment between consecutive
 * vertices is one directed edge per allowed direction, weighted by its travel time in seconds.
 * Typed arrays keep a county graph (and a synthetic million-edge one) compact and fast to search.
 */
import { localDistanceKm } from '../geo/localDistance.ts'

/** Road classes, fastest first; the index is the stored class code. */
export const roadClasses = ['national', 'provincial', 'county', 'township', 'village', 'other'] as const
export type RoadClass = (typeof roadClasses)[number]

/** Default free-flow speeds (km/h) by class: national 80, provincial 60, county 50, township 40, village 30. */
export const defaultSpeedKmh: Readonly<Record<RoadClass, number>> = {
  national: 80,
  provincial: 60,
  county: 50,
  township: 40,
  village: 30,
  other: 20,
}

export type Position = readonly [number, number]

/** One road line as stored: `coordinates` in [lon, lat] order. */
export interface RoadLine {
  /** Caller's identifier (row index or id), kept on every edge the line yields. */
  id: number
  coordinates: readonly Position[]
  roadClass: RoadClass
  speedKmh: number
  /** true: only in the drawing direction. */
  oneway?: boolean
}

export interface RoadGraph {
  nodeCount: number
  edgeCount: number
  /** Node positions (degrees). */
  lon: Float64Array
  lat: Float64Array
  /** Forward CSR: edges of node v are `offsets[v] .. offsets[v+1]-1`. */
  offsets: Uint32Array
  /** Edge e runs from `source[e]` to `target[e]`. */
  source: Uint32Array
  target: Uint32Array
  lengthM: Float64Array
  timeS: Float64Array
  roadClass: Uint8Array
  /** `RoadLine.id` the edge comes from. */
  roadId: Int32Array
  /** Reverse CSR: incoming edges of node v are `reverseEdges[reverseOffsets[v] .. reverseOffsets[v+1]-1]`. */
  reverseOffsets: Uint32Array
  reverseEdges: Uint32Array
  /** Fastest speed on the graph (m/s): a geometric lower bound of travel time is distance / this. */
  maxSpeedMps: number
}

/** Metres between two positions (local flat approximation, fine within a county). */
export function metresBetween(aLon: number, aLat: number, bLon: number, bLat: number): number {
  return localDistanceKm({ lon: aLon, lat: aLat }, { lon: bLon, lat: bLat }) * 1000
}

/** Vertices closer than this (degrees, ≈ 1 cm) are the same node. */
const vertexPrecision = 1e7

/** Builds the graph from road lines, joining lines at shared vertices. */
export function buildRoadGraph(lines: readonly RoadLine[]): RoadGraph {
  const nodeOf = new Map<string, number>()
  const lon: number[] = []
  const lat: number[] = []
  const nodeAt = (p: Position): number => {
    const key = `${Math.round(p[0] * vertexPrecision)},${Math.round(p[1] * vertexPrecision)}`
    let n = nodeOf.get(key)
    if (n === undefined) {
      n = lon.length
      nodeOf.set(key, n)
      lon.push(p[0])
      lat.push(p[1])
    }
    return n
  }
  const from: number[] = []
  const to: number[] = []
  const len: number[] = []
  const time: number[] = []
  const cls: number[] = []
  const rid: number[] = []
  let maxSpeed = 0
  for (const line of lines) {
    if (!(line.speedKmh > 0)) continue
    const speedMps = line.speedKmh / 3.6
    maxSpeed = Math.max(maxSpeed, speedMps)
    const classCode = Math.max(0, roadClasses.indexOf(line.roadClass))
    let prev = -1
    for (const p of line.coordinates) {
      const n = nodeAt(p)
      if (prev >= 0 && n !== prev) {
        const m = metresBetween(lon[prev]!, lat[prev]!, lon[n]!, lat[n]!)
        const add = (a: number, b: number) => {
          from.push(a); to.push(b); len.push(m); time.push(m / speedMps); cls.push(classCode); rid.push(line.id)
        }
        add(prev, n)
        if (!line.oneway) add(n, prev)
      }
      prev = n
    }
  }
  return fromEdgeList({ lon, lat, from, to, lengthM: len, timeS: time, roadClass: cls, roadId: rid, maxSpeedMps: maxSpeed })
}

export interface EdgeList {
  lon: ArrayLike<number>
  lat: ArrayLike<number>
  from: ArrayLike<number>
  to: ArrayLike<number>
  lengthM: ArrayLike<number>
  timeS: ArrayLike<number>
  roadClass?: ArrayLike<number>
  roadId?: ArrayLike<number>
  /** Needed for the geometric bound; computed from the edges when absent. */
  maxSpeedMps?: number
}

/** Builds the CSR arrays from a plain edge list (used by the builder, tests and benches). */
export function fromEdgeList(list: EdgeList): RoadGraph {
  const nodeCount = list.lon.length
  const edgeCount = list.from.length
  const offsets = new Uint32Array(nodeCount + 1)
  for (let i = 0; i < edgeCount; i++) offsets[list.from[i]! + 1]!++
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!
  const fill = offsets.slice(0, nodeCount)
  const source = new Uint32Array(edgeCount)
  const target = new Uint32Array(edgeCount)
  const lengthM = new Float64Array(edgeCount)
  const timeS = new Float64Array(edgeCount)
  const roadClass = new Uint8Array(edgeCount)
  const roadId = new Int32Array(edgeCount)
  let maxSpeed = list.maxSpeedMps ?? 0
  for (let i = 0; i < edgeCount; i++) {
    const e = fill[list.from[i]!]!++
    source[e] = list.from[i]!
    target[e] = list.to[i]!
    lengthM[e] = list.lengthM[i]!
    timeS[e] = list.timeS[i]!
    roadClass[e] = list.roadClass?.[i] ?? roadClasses.indexOf('other')
    roadId[e] = list.roadId?.[i] ?? -1
    if (list.maxSpeedMps === undefined && list.timeS[i]! > 0) maxSpeed = Math.max(maxSpeed, list.lengthM[i]! / list.timeS[i]!)
  }
  const reverseOffsets = new Uint32Array(nodeCount + 1)
  for (let e = 0; e < edgeCount; e++) reverseOffsets[target[e]! + 1]!++
  for (let v = 0; v < nodeCount; v++) reverseOffsets[v + 1]! += reverseOffsets[v]!
  const rfill = reverseOffsets.slice(0, nodeCount)
  const reverseEdges = new Uint32Array(edgeCount)
  for (let e = 0; e < edgeCount; e++) reverseEdges[rfill[target[e]!]!++] = e
  return {
    nodeCount,
    edgeCount,
    lon: Float64Array.from(list.lon),
    lat: Float64Array.from(list.lat),
    offsets,
    source,
    target,
    lengthM,
    timeS,
    roadClass,
    roadId,
    reverseOffsets,
    reverseEdges,
    maxSpeedMps: maxSpeed > 0 ? maxSpeed : 1,
  }
}

/** The reverse edge (same segment, other direction) of `e`, or -1 for a one-way segment. */
export function reverseEdgeOf(graph: RoadGraph, e: number): number {
  const a = graph.source[e]!
  const b = graph.target[e]!
  for (let f = graph.offsets[b]!; f < graph.offsets[b + 1]!; f++) {
    if (graph.target[f] === a && graph.roadId[f] === graph.roadId[e] && graph.lengthM[f] === graph.lengthM[e]) return f
  }
  return -1
}
