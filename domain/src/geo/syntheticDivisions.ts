/**
 * Synthetic locations and populations for a county's divisions (合成数据).
 *
 * No open source gives the points of townships (乡镇/街道) and villages (村/社区) or their
 * populations, yet maps, warning targets and evacuation need them. These functions generate
 * plausible ones, deterministically from a seed, from what is real: the county boundary, the
 * official code list and the census totals. Everything returned here must be stored and shown
 * as synthetic.
 */
import { area, bbox, booleanPointInPolygon } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { apportionLargestRemainder } from './apportion.ts'
import { localDistanceKm, offsetKm, type LonLat } from './localDistance.ts'
import { normalDeviate, randomStream, type Random } from './seededRandom.ts'

export type AreaGeometry = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>

export interface TownshipSpec {
  code: string
  name: string
  /** 街道, 镇, 乡, 其他(开发区/园区)… */
  type: string
}

export interface VillageSpec {
  code: string
  name: string
  /** 村委会 (rural), 居委会, 场区生活区, 虚拟社区 (urban)… */
  type: string
  townshipCode: string
}

export interface SyntheticPlan {
  seed: number
  /** The real county boundary every point must fall in. */
  boundary: AreaGeometry
  townships: readonly TownshipSpec[]
  villages: readonly VillageSpec[]
  /** Township points fixed by hand (e.g. the subdistricts at the city seat), by township code. */
  anchors?: Readonly<Record<string, LonLat>>
  /** Census urban population (城镇人口): spread over the non-村委会 units. */
  urbanPopulation: number
  /** Census rural population (乡村人口): spread over the 村委会 units. */
  ruralPopulation: number
}

export interface SyntheticDivision {
  code: string
  location: LonLat
  population: number
}

export interface SyntheticDivisions {
  townships: SyntheticDivision[]
  villages: SyntheticDivision[]
}

/** The village-level type whose residents the census counts as rural: 村民委员会. */
export const ruralVillageType = '村委会'

/** Points, then populations, for every township and village of the plan. */
export function synthesizeDivisions(plan: SyntheticPlan): SyntheticDivisions {
  const townships = [...plan.townships].sort(byCode)
  const villages = [...plan.villages].sort(byCode)
  const known = new Set(townships.map((t) => t.code))
  const orphan = villages.find((v) => !known.has(v.townshipCode))
  if (orphan) throw new RangeError(`village ${orphan.code} has no township ${orphan.townshipCode} in the plan`)

  const inside = (p: LonLat) => booleanPointInPolygon([p.lon, p.lat], plan.boundary)
  const townshipPoints = placeTownships(plan, townships, inside)
  const villagePoints = placeVillages(plan, townships, villages, townshipPoints, inside)
  const villagePopulation = apportionVillagePopulation(plan, villages)

  const townshipPopulation = new Map<string, number>(townships.map((t) => [t.code, 0]))
  for (const v of villages) {
    townshipPopulation.set(v.townshipCode, townshipPopulation.get(v.townshipCode)! + villagePopulation.get(v.code)!)
  }
  return {
    townships: townships.map((t) => ({ code: t.code, location: townshipPoints.get(t.code)!, population: townshipPopulation.get(t.code)! })),
    villages: villages.map((v) => ({ code: v.code, location: villagePoints.get(v.code)!, population: villagePopulation.get(v.code)! })),
  }
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** Candidates kept per township: more spreads them more evenly (Mitchell's best candidate). */
const townshipCandidates = 40
/** A township's point keeps this far from the county edge, so its villages fit inside. */
const townshipEdgeMarginKm = 3

/**
 * Anchored townships keep their point; the others are placed one by one, each at the best of
 * several random candidates inside the boundary: the one farthest from the points placed so
 * far (best-candidate sampling), which spreads them like real townships rather than clumping.
 */
function placeTownships(plan: SyntheticPlan, townships: TownshipSpec[], inside: (p: LonLat) => boolean): Map<string, LonLat> {
  const random = randomStream(plan.seed, 'townships')
  const [minLon, minLat, maxLon, maxLat] = bbox(plan.boundary)
  const points = new Map<string, LonLat>()
  for (const t of townships) {
    const anchor = plan.anchors?.[t.code]
    if (!anchor) continue
    if (!inside(anchor)) throw new RangeError(`anchor of ${t.code} lies outside the boundary`)
    points.set(t.code, anchor)
  }
  const hasMargin = (p: LonLat) =>
    Array.from({ length: 8 }, (_, i) => offsetKm(p, townshipEdgeMarginKm, (i * Math.PI) / 4)).every(inside)

  for (const t of townships) {
    if (points.has(t.code)) continue
    let best: LonLat | null = null
    let bestScore = -1
    for (let accepted = 0, attempts = 0; accepted < townshipCandidates && attempts < 20_000; attempts++) {
      const candidate = { lon: minLon + random() * (maxLon - minLon), lat: minLat + random() * (maxLat - minLat) }
      if (!inside(candidate) || !hasMargin(candidate)) continue
      accepted++
      const score = nearestDistanceKm(candidate, points.values())
      if (score > bestScore) {
        best = candidate
        bestScore = score
      }
    }
    if (!best) throw new RangeError(`no room for township ${t.code} inside the boundary`)
    points.set(t.code, best)
  }
  return points
}

/** Villages lie within this distance of a subdistrict's (街道) point: the town itself. */
const urbanSpreadKm = 1.6
/** …and of a development zone's (开发区/园区) point. */
const zoneSpreadKm = 2.5
const villageCandidates = 10
const villageAttempts = 400

/**
 * How far a township's villages spread around its point. Rural townships share the county
 * evenly: 80 % of the radius of a disc of the county's area divided by their number.
 */
function spreadRadiusKm(type: string, ruralRadiusKm: number): number {
  if (type.includes('街道')) return urbanSpreadKm
  if (type.includes('开发区') || type.includes('园区')) return zoneSpreadKm
  return ruralRadiusKm
}

/**
 * Each village at the best of several random candidates in a disc around its township's
 * point: inside the boundary, nearer its own township than any other (for the first half of
 * the attempts), and as far as possible from its siblings placed before it.
 */
function placeVillages(
  plan: SyntheticPlan,
  townships: TownshipSpec[],
  villages: VillageSpec[],
  townshipPoints: Map<string, LonLat>,
  inside: (p: LonLat) => boolean,
): Map<string, LonLat> {
  const random = randomStream(plan.seed, 'villages')
  const countyKm2 = area(plan.boundary) / 1e6
  const ruralRadiusKm = 0.8 * Math.sqrt(countyKm2 / Math.max(1, townships.length) / Math.PI)
  const points = new Map<string, LonLat>()
  for (const t of townships) {
    const own = townshipPoints.get(t.code)!
    const radius = spreadRadiusKm(t.type, ruralRadiusKm)
    const others = [...townshipPoints].filter(([code]) => code !== t.code).map(([, p]) => p)
    const siblings: LonLat[] = [own]
    for (const v of villages.filter((v) => v.townshipCode === t.code)) {
      let best: LonLat | null = null
      let bestScore = -1
      for (let accepted = 0, attempt = 0; accepted < villageCandidates && attempt < villageAttempts; attempt++) {
        const candidate = randomInDisc(own, radius, random)
        if (!inside(candidate)) continue
        const ownDistance = localDistanceKm(candidate, own)
        if (attempt < villageAttempts / 2 && others.some((p) => localDistanceKm(candidate, p) < ownDistance)) continue
        accepted++
        const score = nearestDistanceKm(candidate, siblings)
        if (score > bestScore) {
          best = candidate
          bestScore = score
        }
      }
      const point = best ?? own
      siblings.push(point)
      points.set(v.code, point)
    }
  }
  return points
}

function randomInDisc(centre: LonLat, radiusKm: number, random: Random): LonLat {
  return offsetKm(centre, radiusKm * Math.sqrt(random()), 2 * Math.PI * random())
}

function nearestDistanceKm(p: LonLat, others: Iterable<LonLat>): number {
  let nearest = Infinity
  for (const o of others) nearest = Math.min(nearest, localDistanceKm(p, o))
  return nearest
}

/**
 * Relative size by type: a forestry farm's living quarter (场区生活区) or a virtual community
 * (虚拟社区, a zone's registration unit) houses far fewer people than a residents' committee.
 */
const typeWeight: Record<string, number> = { 场区生活区: 0.35, 虚拟社区: 0.15 }

/**
 * Census urban and rural totals, each split over its units by largest-remainder apportionment
 * of log-normal random weights: the village figures add up exactly to the census.
 */
function apportionVillagePopulation(plan: SyntheticPlan, villages: VillageSpec[]): Map<string, number> {
  const random = randomStream(plan.seed, 'population')
  const weights = villages.map((v) => (typeWeight[v.type] ?? 1) * Math.exp(0.5 * normalDeviate(random)))
  const result = new Map<string, number>()
  for (const rural of [true, false]) {
    const members = villages.map((v, i) => ({ v, w: weights[i]! })).filter(({ v }) => (v.type === ruralVillageType) === rural)
    const total = rural ? plan.ruralPopulation : plan.urbanPopulation
    const shares = apportionLargestRemainder(total, members.map((m) => m.w))
    members.forEach(({ v }, i) => result.set(v.code, shares[i]!))
  }
  return result
}
