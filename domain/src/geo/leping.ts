/**
 * Leping (乐平市, GB/T 2260 code 360281): the hand-set inputs of its synthetic data.
 * The real inputs (codes, boundary, census) are files in `datasets/leping/`.
 */
import type { LonLat } from './localDistance.ts'

export const lepingCountyCode = '360281000000'

/** Changing the seed moves every synthetic point and population: treat it as a data version. */
export const lepingSyntheticSeed = 360281

/**
 * Township points fixed at the city seat (about 117.13°E 28.97°N, north of the 乐安河, which
 * passes about 2 km south): the two subdistricts (街道) and the industrial park beside them.
 */
export const lepingAnchors: Readonly<Record<string, LonLat>> = {
  '360281001000': { lon: 117.126, lat: 28.972 }, // 洎阳街道 (seat of the city government)
  '360281002000': { lon: 117.146, lat: 28.967 }, // 塔山街道
  '360281401000': { lon: 117.100, lat: 28.990 }, // 江西乐平工业园区
}
