/**
 * Dispatch algorithms: `routingBench()` (below) measures routing; `planningBench()`
 * (bench/lib/dispatchPlanning.ts: supplies allocation and evacuation) runs after it.
 *
 * Routing: fastest-path queries with the product's customisable contraction hierarchy (CCH,
 * domain/src/dispatch/cch.ts) on Leping's synthetic road network and on a synthetic road-like
 * grid of ≥ 1 M directed edges, with and without closures, against plain Dijkstra (binary heap,
 * same graph, same queries, same run), A* with landmarks (the previous product, Leping only) and
 * ngraph.path's A*; CCH preprocessing and customisation times (full, and partial for one more
 * closure); a 50 × 50 travel-time matrix (CCH buckets) against one Dijkstra per source and 2,500
 * single Dijkstra queries. Every query's cost is checked equal across the algorithms.
 */
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import createGraph from 'ngraph.graph'
import ngraphPath from 'ngraph.path'
import { astarPath, buildLandmarks } from '../domain/src/dispatch/astar.ts'
import { arcCount, buildCch, customise, recustomise, type CchMetric } from '../domain/src/dispatch/cch.ts'
import { cchPath } from '../domain/src/dispatch/cchQuery.ts'
import { ClosureMask, edgesClosedBy } from '../domain/src/dispatch/closures.ts'
import { dijkstraPath } from '../domain/src/dispatch/dijkstra.ts'
import { snapIndexOf, travelTimeMatrix } from '../domain/src/dispatch/matrix.ts'
import { buildRoadGraph, fromEdgeList, type Position, type RoadGraph } from '../domain/src/dispatch/roadGraph.ts'
import { snapPoint, sourceAnchors, targetAnchors } from '../domain/src/dispatch/snap.ts'
import type { Anchor } from '../domain/src/dispatch/search.ts'
import { synthesizeRoads } from '../domain/src/dispatch/syntheticRoads.ts'
import { lepingAnchors, lepingSyntheticSeed } from '../domain/src/geo/leping.ts'
import { mulberry32 } from '../domain/src/geo/seededRandom.ts'
import { synthesizeDivisions } from '../domain/src/geo/syntheticDivisions.ts'
import { loadLepingDatasets } from '../server/src/modules/geo/lepingDatasets.ts'
import { planningBench } from './lib/dispatchPlanning.ts'

export const description = 'routing p50/p99 (customisable contraction hierarchy vs plain Dijkstra vs A* with landmarks vs ngraph.path), with closures and customisation times; 50 × 50 matrix; allocation and evacuation (HiGHS vs greedy)'

export async function run(): Promise<void> {
  await routingBench()
  await planningBench()
}

interface Query { sources: Anchor[]; targets: Anchor[] }

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}
const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1))

/**
 * Times each query `repeat` times and keeps the fastest: on a shared, loaded machine the slower
 * repetitions measure the scheduler, not the search (both algorithms are timed the same way).
 */
function timeEach<T>(queries: readonly T[], fn: (q: T) => number, repeat = 1): { times: number[]; costs: number[] } {
  const times: number[] = []
  const costs: number[] = []
  for (const q of queries) {
    let best = Infinity
    let c = 0
    for (let r = 0; r < repeat; r++) {
      const t0 = performance.now()
      c = fn(q)
      best = Math.min(best, performance.now() - t0)
    }
    times.push(best)
    costs.push(c)
  }
  return { times, costs }
}

function sameCosts(a: number[], b: number[], label: string): void {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!
    if (!(x === y || Math.abs(x - y) <= 1e-6 * Math.max(1, x))) throw new Error(`${label}: query ${i} cost ${x} ≠ ${y}`)
  }
}

type Search = (q: Query) => { costS: number; settled: number } | null

interface Row { case: string; cch: number[]; dijkstra: number[]; alt?: number[]; ngraph?: number[]; settledCch: number; settledDijkstra: number }

const pair = (xs: number[] | undefined) => (xs ? `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.99))}` : '—')

function printRows(rows: Row[]): void {
  console.log('| case | CCH p50 / p99 (ms) | plain Dijkstra p50 / p99 (ms) | speed-up (p50, p99) | A*+landmarks p50 / p99 (ms) | ngraph.path A* p50 / p99 (ms) | nodes scanned (mean) CCH / Dijkstra |')
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  for (const r of rows) {
    const up50 = quantile(r.dijkstra, 0.5) / quantile(r.cch, 0.5), up99 = quantile(r.dijkstra, 0.99) / quantile(r.cch, 0.99)
    console.log(`| ${r.case} | ${pair(r.cch)} | ${pair(r.dijkstra)} | ${up50.toFixed(1)}×, ${up99.toFixed(1)}× | ${pair(r.alt)} | ${pair(r.ngraph)} | ${Math.round(r.settledCch)} / ${Math.round(r.settledDijkstra)} |`)
  }
}

function measure(
  label: string, graph: RoadGraph, queries: Query[], metric: CchMetric, closed: Uint8Array | undefined,
  extra: { alt?: Search; ngraph?: { find: (q: Query) => number; count: number } } = {},
  repeat = 1,
): Row {
  const cchSearch: Search = (q) => cchPath(metric, q.sources, q.targets)
  const dijkstraSearch: Search = (q) => dijkstraPath(graph, q.sources, q.targets, closed)
  // warm-up
  for (const q of queries.slice(0, 20)) { cchSearch(q); dijkstraSearch(q); extra.alt?.(q) }
  const timed = (search: Search) => {
    let settled = 0
    const result = timeEach(queries, (q) => {
      const r = search(q)
      settled += r?.settled ?? 0
      return r?.costS ?? Infinity
    }, repeat)
    return { ...result, settled: settled / (queries.length * repeat) }
  }
  const cch = timed(cchSearch)
  const dij = timed(dijkstraSearch)
  sameCosts(cch.costs, dij.costs, label)
  let altTimes: number[] | undefined
  if (extra.alt) {
    const alt = timed(extra.alt)
    sameCosts(alt.costs, dij.costs, `${label} ALT`)
    altTimes = alt.times
  }
  let ngTimes: number[] | undefined
  if (extra.ngraph) {
    const subset = queries.slice(0, extra.ngraph.count)
    const ng = timeEach(subset, extra.ngraph.find)
    sameCosts(ng.costs, dij.costs.slice(0, subset.length), `${label} ngraph`)
    ngTimes = ng.times
  }
  return { case: label, cch: cch.times, dijkstra: dij.times, alt: altTimes, ngraph: ngTimes, settledCch: cch.settled, settledDijkstra: dij.settled }
}

/**
 * CCH preprocessing once, then full customisation timed `runs` times open and with the closures;
 * then `extra` more closures (circles of `radiusM`) each applied and lifted again by partial
 * re-customisation of the closed metric (which ends as it started).
 */
function hierarchyFor(graph: RoadGraph, closures: { mask: ClosureMask }, runs: number, extra: { count: number; radiusM: number; seed: number }) {
  let t0 = performance.now()
  const cch = buildCch(graph)
  const preprocessMs = performance.now() - t0
  const timeCustomise = (mask: Uint8Array | undefined) => {
    const times: number[] = []
    let metric: CchMetric | undefined
    for (let i = 0; i < runs; i++) {
      t0 = performance.now()
      metric = customise(cch, mask, metric)
      times.push(performance.now() - t0)
    }
    return { metric: metric!, ms: quantile(times, 0.5) }
  }
  const open = timeCustomise(undefined)
  const withClosures = timeCustomise(closures.mask.closed)
  const random = mulberry32(extra.seed)
  const snap = snapIndexOf(graph)
  const apply: number[] = [], lift: number[] = [], arcs: number[] = []
  for (let i = -1; i < extra.count; i++) {
    const v = Math.floor(random() * graph.nodeCount)
    const edges = edgesClosedBy(snap, { type: 'Point', coordinates: [graph.lon[v]!, graph.lat[v]!], radiusM: extra.radiusM })
    if (i < 0) {
      // warm-up (compilation), not timed
      closures.mask.add(edges)
      recustomise(withClosures.metric, closures.mask.closed, edges)
      closures.mask.remove(edges)
      recustomise(withClosures.metric, closures.mask.closed, edges)
      continue
    }
    t0 = performance.now()
    closures.mask.add(edges)
    arcs.push(recustomise(withClosures.metric, closures.mask.closed, edges))
    apply.push(performance.now() - t0)
    t0 = performance.now()
    closures.mask.remove(edges)
    recustomise(withClosures.metric, closures.mask.closed, edges)
    lift.push(performance.now() - t0)
  }
  const line = `CCH: nested dissection + contraction ${ms(preprocessMs)} ms, ${arcCount(cch).toLocaleString('en')} arcs ` +
    `(${(arcCount(cch) / (graph.edgeCount / 2)).toFixed(2)} per road segment); full customisation (median of ${runs}): open ${ms(open.ms)} ms, ` +
    `with the closures ${ms(withClosures.ms)} ms; one more closure (${extra.radiusM} m circle, ${extra.count} tried) applied by partial ` +
    `re-customisation: median ${ms(quantile(apply, 0.5))} ms, max ${ms(Math.max(...apply))} ms (median ${Math.round(quantile(arcs, 0.5)).toLocaleString('en')} arcs recomputed; ` +
    `${arcs.filter((a) => a === arcCount(cch)).length} fell back to a full customisation), ` +
    `lifted: median ${ms(quantile(lift, 0.5))} ms`
  return { cch, open: open.metric, closed: withClosures.metric, line }
}

/** ngraph.path over the same directed graph (node-to-node queries; closures through `blocked`). */
function ngraphFinder(graph: RoadGraph, closed: Uint8Array | undefined) {
  const g = createGraph<undefined, number>({ multigraph: true })
  for (let v = 0; v < graph.nodeCount; v++) g.addNode(v)
  for (let e = 0; e < graph.edgeCount; e++) g.addLink(graph.source[e]!, graph.target[e]!, e)
  const lowerBound = (a: number, b: number) => Math.hypot((graph.lon[a]! - graph.lon[b]!) * 97_300, (graph.lat[a]! - graph.lat[b]!) * 110_574) / graph.maxSpeedMps * 0.99
  const finder = ngraphPath.aStar(g, {
    oriented: true,
    distance: (_a, _b, link) => graph.timeS[link.data]!,
    heuristic: (a, b) => lowerBound(a.id as number, b.id as number),
    blocked: closed ? (_a, _b, link) => closed[link.data] !== 0 : undefined,
  })
  return (q: Query) => {
    const s = q.sources[0]!.node, t = q.targets[0]!.node
    const path = finder.find(s, t)
    if (path.length < 2 || path[0]!.id !== t || path[path.length - 1]!.id !== s) return s === t ? 0 : Infinity
    // ngraph returns the nodes from target to source; sum the cheapest open edge per hop.
    let cost = 0
    for (let i = path.length - 1; i > 0; i--) {
      const a = path[i]!.id as number, b = path[i - 1]!.id as number
      let best = Infinity
      for (let e = graph.offsets[a]!; e < graph.offsets[a + 1]!; e++) if (graph.target[e] === b && !(closed && closed[e])) best = Math.min(best, graph.timeS[e]!)
      cost += best
    }
    return cost
  }
}

/** Leping's synthetic network, exactly as the server seeds it. */
function lepingNetwork(): { graph: RoadGraph; villages: Position[]; roads: number } {
  const data = loadLepingDatasets()
  const synthetic = synthesizeDivisions({
    seed: lepingSyntheticSeed, boundary: data.boundary, townships: data.townships, villages: data.villages, anchors: lepingAnchors,
    urbanPopulation: data.county.urbanPopulation, ruralPopulation: data.county.ruralPopulation,
  })
  const at = new Map([...synthetic.townships, ...synthetic.villages].map((d) => [d.code, d]))
  const townships = data.townships.map((t) => ({ code: t.code, name: t.name, ...at.get(t.code)!.location, population: at.get(t.code)!.population }))
  const villages = data.villages.map((v) => ({ code: v.code, name: v.name, ...at.get(v.code)!.location, parentCode: v.townshipCode }))
  const roads = synthesizeRoads({ seatCode: Object.keys(lepingAnchors)[0]!, townships, villages, boundary: data.boundary.geometry, seed: lepingSyntheticSeed })
  const graph = buildRoadGraph(roads.map((r, id) => ({ id, coordinates: r.coordinates, roadClass: r.roadClass, speedKmh: r.speedKmh })))
  return { graph, villages: villages.map((v) => [v.lon, v.lat] as const), roads: roads.length }
}

/**
 * A road-like grid: `side × side` nodes 300 m apart (jittered), two-way streets at 30 km/h, every
 * 8th row and column an arterial at 60 km/h, every 40th a highway at 90 km/h.
 */
function gridNetwork(side: number): RoadGraph {
  const random = mulberry32(20261129)
  const n = side * side
  const lon = new Float64Array(n), lat = new Float64Array(n)
  const stepLon = 300 / 97_300, stepLat = 300 / 110_574
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) {
    lon[r * side + c] = 116 + c * stepLon + (random() - 0.5) * stepLon * 0.3
    lat[r * side + c] = 28 + r * stepLat + (random() - 0.5) * stepLat * 0.3
  }
  const speedOf = (line: number) => (line % 40 === 0 ? 90 : line % 8 === 0 ? 60 : 30) / 3.6
  const from: number[] = [], to: number[] = [], len: number[] = [], time: number[] = []
  const add = (a: number, b: number, speed: number) => {
    const m = Math.hypot((lon[a]! - lon[b]!) * 97_300, (lat[a]! - lat[b]!) * 110_574)
    const t = (m / speed) * (1 + random() * 0.2)
    from.push(a, b); to.push(b, a); len.push(m, m); time.push(t, t)
  }
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) {
    const v = r * side + c
    if (c + 1 < side) add(v, v + 1, speedOf(r))
    if (r + 1 < side) add(v, v + side, speedOf(c))
  }
  return fromEdgeList({ lon, lat, from, to, lengthM: len, timeS: time })
}

function closuresOn(graph: RoadGraph, count: number, radiusM: number, seed: number): { mask: ClosureMask; closedEdges: number } {
  const random = mulberry32(seed)
  const snap = snapIndexOf(graph)
  const mask = new ClosureMask(graph)
  for (let i = 0; i < count; i++) {
    const v = Math.floor(random() * graph.nodeCount)
    mask.add(edgesClosedBy(snap, { type: 'Point', coordinates: [graph.lon[v]!, graph.lat[v]!], radiusM }))
  }
  return { mask, closedEdges: mask.closedCount() }
}

function pointQueries(graph: RoadGraph, points: readonly Position[], count: number, seed: number, closed?: Uint8Array): Query[] {
  const random = mulberry32(seed)
  const snap = snapIndexOf(graph)
  const out: Query[] = []
  while (out.length < count) {
    const a = snapPoint(snap, points[Math.floor(random() * points.length)]!, closed)
    const b = snapPoint(snap, points[Math.floor(random() * points.length)]!, closed)
    if (!a || !b) continue
    out.push({ sources: sourceAnchors(snap, a, closed), targets: targetAnchors(snap, b, closed) })
  }
  return out
}

function nodeQueries(graph: RoadGraph, count: number, seed: number): Query[] {
  const random = mulberry32(seed)
  return Array.from({ length: count }, () => ({
    sources: [{ node: Math.floor(random() * graph.nodeCount), costS: 0, lengthM: 0 }],
    targets: [{ node: Math.floor(random() * graph.nodeCount), costS: 0, lengthM: 0 }],
  }))
}

export async function routingBench(): Promise<void> {
  console.log(`machine: ${os.cpus().length} cores, Node ${process.versions.node}, load average ${os.loadavg()[0]!.toFixed(1)}`)
  console.log('Leping rows: each query timed 3 times, fastest kept (p99 otherwise measures the scheduler on a loaded machine); grid rows: once.')
  // Leping
  let t0 = performance.now()
  const leping = lepingNetwork()
  const buildMs = performance.now() - t0
  t0 = performance.now()
  const lepingLandmarks = buildLandmarks(leping.graph, 16)
  const landmarkMs = performance.now() - t0
  const closures = closuresOn(leping.graph, 30, 400, 7)
  const lepingCch = hierarchyFor(leping.graph, closures, 21, { count: 50, radiusM: 400, seed: 8 })
  console.log(`\n### Leping synthetic network: ${leping.roads} roads, ${leping.graph.nodeCount.toLocaleString('en')} nodes, ${leping.graph.edgeCount.toLocaleString('en')} directed edges`)
  console.log(`graph build ${ms(buildMs)} ms (with synthesis), 16 landmarks ${ms(landmarkMs)} ms; closures: 30 circles of 400 m closing ${closures.closedEdges} edges`)
  console.log(`${lepingCch.line}\n`)
  const lq = pointQueries(leping.graph, leping.villages, 2000, 1)
  const lqClosed = pointQueries(leping.graph, leping.villages, 2000, 1, closures.mask.closed)
  const lepingNodeQ = nodeQueries(leping.graph, 300, 3)
  const alt = (closed?: Uint8Array): Search => (q) => astarPath(leping.graph, lepingLandmarks, q.sources, q.targets, { closed })
  const rows: Row[] = [
    measure('Leping, village → village, open', leping.graph, lq, lepingCch.open, undefined, { alt: alt() }, 3),
    measure('Leping, village → village, 30 closures', leping.graph, lqClosed, lepingCch.closed, closures.mask.closed, { alt: alt(closures.mask.closed) }, 3),
    measure('Leping, node → node, open', leping.graph, lepingNodeQ, lepingCch.open, undefined,
      { alt: alt(), ngraph: { find: ngraphFinder(leping.graph, undefined), count: 300 } }, 3),
    measure('Leping, node → node, 30 closures', leping.graph, lepingNodeQ, lepingCch.closed, closures.mask.closed,
      { alt: alt(closures.mask.closed), ngraph: { find: ngraphFinder(leping.graph, closures.mask.closed), count: 300 } }, 3),
  ]
  printRows(rows)

  // 50 × 50 matrix
  const random = mulberry32(50)
  const pick = () => leping.villages[Math.floor(random() * leping.villages.length)]!
  const sources = Array.from({ length: 50 }, pick), targets = Array.from({ length: 50 }, pick)
  const matrixRuns: number[] = [], dijkstraMatrixRuns: number[] = []
  let m: Float64Array = new Float64Array()
  for (let i = 0; i < 5; i++) {
    t0 = performance.now(); m = travelTimeMatrix(leping.graph, sources, targets, closures.mask.closed, lepingCch.closed); matrixRuns.push(performance.now() - t0)
    t0 = performance.now(); sameCosts([...travelTimeMatrix(leping.graph, sources, targets, closures.mask.closed)], [...m], 'matrix'); dijkstraMatrixRuns.push(performance.now() - t0)
  }
  const snap = snapIndexOf(leping.graph)
  t0 = performance.now()
  let pairs = 0
  for (let i = 0; i < 50; i++) for (let j = 0; j < 50; j++) {
    const a = snapPoint(snap, sources[i]!, closures.mask.closed)!, b = snapPoint(snap, targets[j]!, closures.mask.closed)!
    const r = dijkstraPath(leping.graph, sourceAnchors(snap, a, closures.mask.closed), targetAnchors(snap, b, closures.mask.closed), closures.mask.closed)
    const c = r?.costS ?? Infinity
    const x = m[i * 50 + j]!
    if (!(c === x || Math.abs(c - x) < 1e-6 * Math.max(1, c)) && !(i === j || x < c)) throw new Error(`matrix ${i},${j}: ${x} ≠ ${c}`)
    pairs++
  }
  const pairMs = performance.now() - t0
  const mMed = quantile(matrixRuns, 0.5)
  const dMed = quantile(dijkstraMatrixRuns, 0.5)
  console.log(`\n50 × 50 matrix on Leping with 30 closures: CCH (bucket many-to-many) median ${ms(mMed)} ms (runs ${matrixRuns.map(ms).join(', ')}); ` +
    `one Dijkstra per source ${ms(dMed)} ms: ${(dMed / mMed).toFixed(1)}×; ${pairs} single Dijkstra queries ${ms(pairMs)} ms: ${(pairMs / mMed).toFixed(1)}×`)

  // ≥ 1 M edges
  const side = 510
  t0 = performance.now()
  const grid = gridNetwork(side)
  const gridBuild = performance.now() - t0
  const gridClosures = closuresOn(grid, 200, 500, 11)
  const gridCch = hierarchyFor(grid, gridClosures, 1, { count: 10, radiusM: 500, seed: 12 })
  console.log(`\n### Road-like grid: ${grid.nodeCount.toLocaleString('en')} nodes, ${grid.edgeCount.toLocaleString('en')} directed edges`)
  console.log(`graph build ${ms(gridBuild)} ms; closures: 200 circles of 500 m closing ${gridClosures.closedEdges.toLocaleString('en')} edges`)
  console.log(`${gridCch.line}\n`)
  const gq = nodeQueries(grid, 200, 5)
  const gridRows = [
    measure('1 M-edge grid, open (ngraph.path on 30 queries)', grid, gq, gridCch.open, undefined, { ngraph: { find: ngraphFinder(grid, undefined), count: 30 } }),
    measure('1 M-edge grid, 200 closures', grid, gq, gridCch.closed, gridClosures.mask.closed),
  ]
  printRows(gridRows)
  console.log(`\nload average at the end: ${os.loadavg()[0]!.toFixed(1)} (2 cores: above 2 means other work competed)`)
}
