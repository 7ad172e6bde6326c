import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { booleanPointInPolygon } from '@turf/turf'
import type { Feature, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { lepingAnchors, lepingSyntheticSeed } from './leping.ts'
import { localDistanceKm } from './localDistance.ts'
import { synthesizeDivisions, type SyntheticPlan, type TownshipSpec, type VillageSpec } from './syntheticDivisions.ts'

// Golden inputs: Leping's real files (NBS 2023 codes, the shipped boundary, 2020 census).
const datasets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../datasets/leping')
const csvRows = (file: string) => fs.readFileSync(path.join(datasets, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','))
const boundary = (JSON.parse(fs.readFileSync(path.join(datasets, 'leping_boundary_echarts.geojson'), 'utf8')) as { features: Feature<Polygon>[] }).features[0]!
const townships: TownshipSpec[] = csvRows('leping_townships_2023.csv').map(([code, name, type]) => ({ code: `${code}000`, name: name!, type: type! }))
const villages: VillageSpec[] = csvRows('leping_villages_2023.csv').map(([code, name, type, township]) => ({ code: code!, name: name!, type: type!, townshipCode: `${township}000` }))
const census2020 = { total: 753_787, urban: 336_173, rural: 417_614 } // 第七次全国人口普查, 乐平市

const plan: SyntheticPlan = {
  seed: lepingSyntheticSeed, boundary, townships, villages, anchors: lepingAnchors,
  urbanPopulation: census2020.urban, ruralPopulation: census2020.rural,
}
const result = synthesizeDivisions(plan)
const inBoundary = (p: { lon: number; lat: number }) => booleanPointInPolygon([p.lon, p.lat], boundary)
const typeOf = new Map(villages.map((v) => [v.code, v.type]))
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('synthetic Leping divisions', () => {
  it('covers the 20 township-level units and 362 village-level units of the NBS 2023 list', () => {
    expect(result.townships).toHaveLength(20)
    expect(result.villages).toHaveLength(362)
    expect(new Set(result.villages.map((v) => v.code)).size).toBe(362)
  })

  it('adds village populations up exactly to the 2020 census: 336,173 urban and 417,614 rural', () => {
    const rural = result.villages.filter((v) => typeOf.get(v.code) === '村委会')
    const urban = result.villages.filter((v) => typeOf.get(v.code) !== '村委会')
    expect(rural).toHaveLength(268)
    expect(sum(rural.map((v) => v.population))).toBe(census2020.rural)
    expect(sum(urban.map((v) => v.population))).toBe(census2020.urban)
    expect(sum(result.townships.map((t) => t.population))).toBe(census2020.total)
  })

  it('gives every township the sum of its villages, and every village some residents', () => {
    for (const t of result.townships) {
      const own = result.villages.filter((v) => `${v.code.slice(0, 9)}000` === t.code)
      expect(t.population).toBe(sum(own.map((v) => v.population)))
    }
    expect(result.villages.every((v) => Number.isInteger(v.population) && v.population > 0)).toBe(true)
  })

  it('puts every township and village point inside the real boundary', () => {
    expect(result.townships.filter((t) => !inBoundary(t.location))).toEqual([])
    expect(result.villages.filter((v) => !inBoundary(v.location))).toEqual([])
  })

  it('keeps 洎阳街道, 塔山街道 and the industrial park at the city seat, north of the 乐安河', () => {
    const seat = { lon: 117.13, lat: 28.97 }
    for (const code of ['360281001000', '360281002000', '360281401000']) {
      const t = result.townships.find((x) => x.code === code)!
      expect(t.location).toEqual(lepingAnchors[code])
      expect(localDistanceKm(t.location, seat)).toBeLessThan(5)
      expect(t.location.lat).toBeGreaterThan(28.955) // the river passes about 28.95 below the seat
    }
  })

  it('spreads the other townships apart (no two within 5 km) and keeps villages near their township', () => {
    const rural = result.townships.filter((t) => !lepingAnchors[t.code])
    for (const a of rural) for (const b of result.townships) {
      if (a !== b) expect(localDistanceKm(a.location, b.location)).toBeGreaterThan(5)
    }
    const pointOf = new Map(result.townships.map((t) => [t.code, t.location]))
    for (const v of result.villages) {
      expect(localDistanceKm(v.location, pointOf.get(`${v.code.slice(0, 9)}000`)!)).toBeLessThan(6)
    }
  })

  it('is reproducible: the same seed gives the same output, another seed another', () => {
    expect(synthesizeDivisions(plan)).toEqual(result)
    const other = synthesizeDivisions({ ...plan, seed: plan.seed + 1 })
    expect(other.townships.map((t) => t.location)).not.toEqual(result.townships.map((t) => t.location))
    expect(sum(other.villages.map((v) => v.population))).toBe(census2020.total)
  })

  it('does not depend on the order of its input lists', () => {
    const shuffled = synthesizeDivisions({ ...plan, townships: [...townships].reverse(), villages: [...villages].reverse() })
    expect(shuffled).toEqual(result)
  })

  it('matches the golden points of this seed (a change here moves the deployed map: review it)', () => {
    const at = (code: string) => {
      const p = [...result.townships, ...result.villages].find((x) => x.code === code)!
      return { lon: p.location.lon.toFixed(4), lat: p.location.lat.toFixed(4), population: p.population }
    }
    expect(at('360281100000')).toEqual({ lon: '117.4526', lat: '28.9310', population: 33160 }) // 镇桥镇
    expect(at('360281400000')).toEqual({ lon: '117.1403', lat: '28.8955', population: 7269 }) // 农业高新园
  })

  it('refuses a village whose township is missing from the plan', () => {
    expect(() => synthesizeDivisions({ ...plan, villages: [...villages, { code: '360281999001', name: '某村委会', type: '村委会', townshipCode: '360281999000' }] }))
      .toThrow(/360281999000/)
  })
})
