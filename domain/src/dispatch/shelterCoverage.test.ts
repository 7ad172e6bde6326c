import { describe, expect, it } from 'vitest'
import { coverage, riskReasons } from './shelterCoverage.ts'

describe('high-risk village rule: an active hazard point within 1 km, or a river within 2 km', () => {
  it.each([
    { why: 'a hazard point nearby', f: { hazardPointsNearby: 1, riverDistanceM: 5000 }, reasons: ['hazard_point'] },
    { why: 'river exactly 2 km away', f: { hazardPointsNearby: 0, riverDistanceM: 2000 }, reasons: ['river'] },
    { why: 'river 2.001 km away', f: { hazardPointsNearby: 0, riverDistanceM: 2001 }, reasons: [] },
    { why: 'both', f: { hazardPointsNearby: 2, riverDistanceM: 100 }, reasons: ['hazard_point', 'river'] },
    { why: 'no rivers loaded', f: { hazardPointsNearby: 0, riverDistanceM: null }, reasons: [] },
  ])('$why → $reasons', ({ f, reasons }) => {
    expect(riskReasons(f)).toEqual(reasons)
  })
})

describe('coverage within N minutes', () => {
  it('names the nearest shelter and whether it is within the limit', () => {
    // 3 villages × 2 shelters
    const t = [600, 1500, 2400, 1900, Infinity, Infinity]
    expect(coverage(3, 2, t, 30)).toEqual([
      { village: 0, nearestShelter: 0, nearestSeconds: 600, covered: true },
      { village: 1, nearestShelter: 1, nearestSeconds: 1900, covered: false },
      { village: 2, nearestShelter: null, nearestSeconds: null, covered: false },
    ])
  })
})
