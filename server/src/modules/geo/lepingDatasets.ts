/**
 * Reads Leping's base data from `datasets/leping/` (see its README for sources and licences).
 * Files only; what to make of them is seed.ts's job.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson'
import type { TownshipSpec, VillageSpec } from '@yingji/domain/geo/syntheticDivisions'
import { repoRoot } from '../../config.ts'

export const lepingDatasetDir = path.join(repoRoot, 'datasets', 'leping')
export const lepingCodeEdition = 'NBS-2023'

export interface LepingDatasets {
  county: { code: string; name: string; population: number; urbanPopulation: number; ruralPopulation: number; labelPoint: { lon: number; lat: number } }
  townships: TownshipSpec[]
  villages: VillageSpec[]
  boundary: Feature<Polygon>
  rivers: { name: string | null; nameEn: string | null; geometry: LineString }[]
}

const readCsv = (file: string): Record<string, string>[] =>
  parse(fs.readFileSync(path.join(lepingDatasetDir, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true, trim: true })

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(lepingDatasetDir, file), 'utf8')) as T

const to12 = (code: string) => code.padEnd(12, '0')

/** English names for the rivers the collector named (乐安河, 昌江). */
const riverNamesEn: Record<string, string> = { 乐安河: "Le'an River", 昌江: 'Chang River' }

export function loadLepingDatasets(): LepingDatasets {
  const census = readCsv('leping_population_2020_detail.csv')[0]!
  const boundary = readJson<FeatureCollection<Polygon, { name: string; cp: [number, number] }>>('leping_boundary_echarts.geojson').features[0]!
  const rivers = readJson<FeatureCollection<LineString, { name_hint: string | null }>>('leping_rivers.geojson')
  const [lon, lat] = boundary.properties.cp
  return {
    county: {
      code: to12(census.adcode!),
      name: census.name!,
      population: Number(census.population_total),
      urbanPopulation: Number(census.urban_population),
      ruralPopulation: Number(census.rural_population),
      labelPoint: { lon, lat },
    },
    townships: readCsv('leping_townships_2023.csv').map((r) => ({ code: to12(r.code!), name: r.name!, type: r.type! })),
    villages: readCsv('leping_villages_2023.csv').map((r) => ({ code: r.code!, name: r.name!, type: r.type!, townshipCode: to12(r.township_code!) })),
    boundary,
    rivers: rivers.features.map((f) => ({
      name: f.properties.name_hint ?? null,
      nameEn: f.properties.name_hint ? (riverNamesEn[f.properties.name_hint] ?? null) : null,
      geometry: f.geometry,
    })),
  }
}
