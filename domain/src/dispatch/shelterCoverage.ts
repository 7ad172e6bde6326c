/**
 * Shelter coverage (避灾安置场所覆盖): which high-risk villages have no available shelter within
 * N minutes' drive. A village counts as high-risk when
 *   - an active geological-hazard point (地灾隐患点) lies within 1 km of its point, or
 *   - its point lies within 2 km of a river (a proxy for flood-prone low ground: no elevation
 *     model is loaded, and Leping's villages in the 乐安河/昌江 valleys are the ones that flood).
 * The distances come from the database (PostGIS); this file holds the rule and the coverage test.
 */

export const hazardPointRadiusM = 1000
export const riverBufferM = 2000

export type RiskReason = 'hazard_point' | 'river'

export interface VillageRiskFacts {
  /** Active hazard points within `hazardPointRadiusM`. */
  hazardPointsNearby: number
  /** Distance to the nearest river line, metres (null = no river loaded). */
  riverDistanceM: number | null
}

export function riskReasons(f: VillageRiskFacts): RiskReason[] {
  const reasons: RiskReason[] = []
  if (f.hazardPointsNearby > 0) reasons.push('hazard_point')
  if (f.riverDistanceM !== null && f.riverDistanceM <= riverBufferM) reasons.push('river')
  return reasons
}

export interface CoverageEntry {
  village: number
  /** Index of the nearest shelter by travel time, or null when none is reachable. */
  nearestShelter: number | null
  nearestSeconds: number | null
  covered: boolean
}

/** For each village (rows of the villages × shelters matrix), the nearest shelter and whether it is within `minutes`. */
export function coverage(villages: number, shelters: number, travelSeconds: ArrayLike<number>, minutes: number): CoverageEntry[] {
  if (travelSeconds.length !== villages * shelters) throw new Error('coverage: travelSeconds must be villages × shelters')
  const limit = minutes * 60
  const out: CoverageEntry[] = []
  for (let v = 0; v < villages; v++) {
    let best = -1
    let bestT = Infinity
    for (let s = 0; s < shelters; s++) {
      const t = travelSeconds[v * shelters + s]!
      if (t < bestT) { bestT = t; best = s }
    }
    const reachable = best >= 0 && Number.isFinite(bestT)
    out.push({ village: v, nearestShelter: reachable ? best : null, nearestSeconds: reachable ? Math.round(bestT) : null, covered: reachable && bestT <= limit })
  }
  return out
}
