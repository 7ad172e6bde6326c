/**
 * Travel times and route lines for planning, over the road network (`../network.ts` and
 * `../routingService.ts`, the routing half of this module). If the network cannot be built, a
 * straight-line estimate stands in: great-circle distance × 1.3 (roads wind) at 40 km/h,
 * reported as `travelSource: 'straight_line'` so the page can say so.
 */
import type { Platform } from '../../../platform.ts'
import { travelTimes } from '../network.ts'
import { route } from '../routingService.ts'

export type LonLatPair = [number, number]
/** Row-major from × to, seconds; Infinity = unreachable. */
export type TravelTimes = (from: readonly LonLatPair[], to: readonly LonLatPair[]) => Promise<Float64Array>
export interface RouteLine { type: 'LineString'; coordinates: [number, number][] }
export type RouteFn = (from: LonLatPair, to: LonLatPair) => Promise<RouteLine | null>

export interface Travel {
  source: 'road' | 'straight_line'
  times: TravelTimes
  route: RouteFn
}

const earthRadiusM = 6_371_008.8
export const windingFactor = 1.3
export const straightLineSpeedKmh = 40

export function haversineM([lon1, lat1]: LonLatPair, [lon2, lat2]: LonLatPair): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(a)))
}

export const straightLineTimes: TravelTimes = async (from, to) => {
  const out = new Float64Array(from.length * to.length)
  const mps = (straightLineSpeedKmh * 1000) / 3600
  for (let i = 0; i < from.length; i++) for (let j = 0; j < to.length; j++) out[i * to.length + j] = (haversineM(from[i]!, to[j]!) * windingFactor) / mps
  return out
}

export const straightLine: Travel = {
  source: 'straight_line',
  times: straightLineTimes,
  route: async (from, to) => ({ type: 'LineString', coordinates: [from, to] }),
}

/** Road travel when the network builds, else the straight-line estimate. */
export async function travelFor(platform: Platform): Promise<Travel> {
  try {
    // Builds (or reuses) the in-memory network; an empty or broken network throws here.
    await travelTimes(platform, [], [])
  } catch {
    return straightLine
  }
  return {
    source: 'road',
    times: async (from, to) => (from.length === 0 || to.length === 0 ? new Float64Array(0) : travelTimes(platform, from, to)),
    route: async (from, to) => {
      try {
        const r = await route(platform, `${from[0]},${from[1]}`, `${to[0]},${to[1]}`)
        return { type: 'LineString', coordinates: r.geometry.coordinates.map(([x, y]) => [x!, y!] as [number, number]) }
      } catch {
        // Off the network or cut off by closures: the plan still shows the pair, as a straight line.
        return straightLine.route(from, to)
      }
    },
  }
}
