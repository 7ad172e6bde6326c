/**
 * The synthetic road network of Leping (合成路网), loaded when dispatch.roads is empty: no open
 * road data for Leping is available here, so roads join the (synthetic) township and village
 * points (see domain/src/dispatch/syntheticRoads.ts). `npx yingji roads import FILE` replaces it.
 */
import { lepingAnchors, lepingCountyCode, lepingSyntheticSeed } from '@yingji/domain/geo/leping'
import { synthesizeRoads } from '@yingji/domain/dispatch/syntheticRoads'
import type { MultiPolygon } from 'geojson'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/access.ts'
import { recordAudit } from '../auth/index.ts'
import { countyBoundaries, divisionPoints } from '../geo/service.ts'
import { countRoads, insertRoads, lockRoads } from './roadQueries.ts'

/** The township holding the county seat (洎阳街道, seat of the city government). */
const lepingSeatCode = Object.keys(lepingAnchors)[0]!

const seedReader: Actor = {
  kind: 'user', id: 'system', name: '系统', role: 'admin', jurisdiction: lepingCountyCode, enterpriseId: null,
}

export interface RoadSeedResult {
  loaded: boolean
  roads: number
}

/** Idempotent: does nothing when any road exists (or Leping's divisions are missing). */
export async function seedSyntheticRoads(db: Db): Promise<RoadSeedResult> {
  if ((await countRoads(db)) > 0) return { loaded: false, roads: 0 }
  const [townships, villages, boundaries] = await Promise.all([
    divisionPoints(db, seedReader, 'township'),
    divisionPoints(db, seedReader, 'village'),
    countyBoundaries(db),
  ])
  if (townships.features.length === 0) return { loaded: false, roads: 0 }
  const place = (f: (typeof townships.features)[number]) => ({
    code: f.properties.code, name: f.properties.name, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]!,
    population: f.properties.population,
  })
  const boundary = boundaries.features.find((f) => f.properties.code === lepingCountyCode)?.geometry as MultiPolygon | undefined
  const roads = synthesizeRoads({
    seatCode: lepingSeatCode,
    townships: townships.features.map(place),
    villages: villages.features.map((f) => ({ ...place(f), parentCode: f.properties.parentCode ?? '' })),
    boundary,
    seed: lepingSyntheticSeed,
  })
  return db.transaction(async (tx) => {
    await lockRoads(tx)
    if ((await countRoads(tx)) > 0) return { loaded: false, roads: 0 }
    await insertRoads(tx, roads.map((r) => ({
      coordinates: r.coordinates, roadClass: r.roadClass, name: r.name, speedKmh: r.speedKmh, oneway: false,
      source: 'synthetic', synthetic: true,
    })))
    await recordAudit(tx, {
      actor: null, action: 'dispatch.roads.seed', entity: 'dispatch.roads', entityId: 'synthetic',
      after: { roads: roads.length, source: 'synthetic' },
    })
    return { loaded: true, roads: roads.length }
  })
}
