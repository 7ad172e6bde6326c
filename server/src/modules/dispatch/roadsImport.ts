/**
 * Importing a road network (路网导入): an OpenStreetMap extract (.osm XML or .osm.pbf) or GeoJSON
 * road lines replaces dispatch.roads in one transaction (audited); the routing graph is rebuilt
 * on next use. `npx yingji roads import FILE` runs it from the command line; a server process
 * learns of it through the `dispatch.roads_imported` event.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parseOsmXml, parseRoadsGeoJson, roadsFromOsm, type ImportedRoad, type OsmWay } from '@yingji/domain/dispatch/osmRoads'
import type { Position } from '@yingji/domain/dispatch/roadGraph'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/access.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { enqueueEvent } from '../events/outbox.ts'
import { deleteAllRoads, insertRoads, lockRoads } from './roadQueries.ts'

/** An OSM-JSON element as tiny-osmpbf 0.1 (CommonJS, no published types) hands it over. */
interface OsmPbfElement {
  type: 'node' | 'way' | 'relation'
  id: number
  lat?: number
  lon?: number
  nodes?: number[]
  tags?: Record<string, string>
}
const tinyosmpbf = createRequire(import.meta.url)('tiny-osmpbf') as (data: Uint8Array, handler: (element: OsmPbfElement) => void) => unknown

export type RoadFormat = 'osm' | 'pbf' | 'geojson'

export interface RoadImportResult {
  format: RoadFormat
  roads: number
  /** Ways that are not vehicle roads (footways, buildings…) or features left out. */
  skipped: number
  replaced: number
}

export const roadsImportedTopic = 'dispatch.roads_imported'

export function formatOf(name: string): RoadFormat | null {
  const lower = name.toLowerCase()
  if (lower.endsWith('.osm.pbf') || lower.endsWith('.pbf')) return 'pbf'
  if (lower.endsWith('.osm') || lower.endsWith('.xml')) return 'osm'
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson'
  return null
}

const unreadable = (what: string, whatEn: string) => invalid('unreadable_roads', 'file', `无法读取路网文件：${what}`, `Cannot read the road file: ${whatEn}`)

export function parseRoads(format: RoadFormat, data: Buffer): { roads: ImportedRoad[]; skipped: number } {
  if (format === 'osm') {
    try {
      return parseOsmXml(data.toString('utf8'))
    } catch (error) {
      throw unreadable((error as Error).message, (error as Error).message)
    }
  }
  if (format === 'pbf') {
    const nodes = new Map<number, Position>()
    const ways: OsmWay[] = []
    try {
      tinyosmpbf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), (e) => {
        if (e.type === 'node' && e.lon !== undefined && e.lat !== undefined) nodes.set(e.id, [e.lon, e.lat])
        else if (e.type === 'way' && e.tags?.highway) ways.push({ nodes: e.nodes ?? [], tags: e.tags })
      })
    } catch (error) {
      throw unreadable((error as Error).message, (error as Error).message)
    }
    return roadsFromOsm(nodes, ways)
  }
  let json: unknown
  try {
    json = JSON.parse(data.toString('utf8'))
  } catch (error) {
    throw unreadable(`JSON 格式错误 ${(error as Error).message}`, `invalid JSON: ${(error as Error).message}`)
  }
  const { roads, problems } = parseRoadsGeoJson(json)
  if (problems.length > 0) {
    const first = problems[0]!
    const where = first.index >= 0 ? `features[${first.index}].${first.field}` : first.field
    throw new AppError('invalid', 'invalid_roads', `路网文件有 ${problems.length} 处错误，首个：${where} ${first.message}`,
      `The road file has ${problems.length} problem(s); first: ${where} ${first.messageEn}`, where, problems.slice(0, 50))
  }
  return { roads, skipped: 0 }
}

/** Replaces the whole network with the roads of `data` (file `name` gives the format and the source label). */
export async function importRoads(db: Db, actor: Actor | null, name: string, data: Buffer): Promise<RoadImportResult> {
  const format = formatOf(name)
  if (!format) throw invalid('unknown_road_format', 'file', '路网文件应为 .osm、.osm.pbf 或 .geojson', 'The road file must be .osm, .osm.pbf or .geojson')
  const { roads, skipped } = parseRoads(format, data)
  if (roads.length === 0) throw invalid('no_roads', 'file', '文件中没有可通车的道路', 'The file holds no roads for vehicles')
  const source = `${format}:${path.basename(name)}`
  return db.transaction(async (tx) => {
    await lockRoads(tx)
    const replaced = await deleteAllRoads(tx)
    await insertRoads(tx, roads.map((r) => ({ ...r, source, synthetic: false })))
    const result = { format, roads: roads.length, skipped, replaced }
    await recordAudit(tx, { actor, action: 'dispatch.roads.import', entity: 'dispatch.roads', entityId: source, after: result })
    await enqueueEvent(tx, roadsImportedTopic, { source, roads: roads.length })
    return result
  })
}

export async function importRoadsFile(db: Db, file: string): Promise<RoadImportResult> {
  let data: Buffer
  try {
    data = fs.readFileSync(file)
  } catch (error) {
    throw unreadable((error as Error).message, (error as Error).message)
  }
  return importRoads(db, null, file, data)
}
