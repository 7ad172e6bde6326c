/**
 * Travel times and route lines for planning. The road network (`../network.ts`, the routing
 * half of this module) answers when it is loaded; otherwise — or for a point it cannot snap —
 * a straight-line estimate stands in: great-circle distance × 1.3 (roads wind) at 40 km/h,
 * reported as `travelSource: 'straight_line'` so the page can say so.
 */
import type { Platform } from '../../../platform.ts'

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

interface NetworkModule {
  travelTimes?: (platform: Platform, from: LonLatPair[], to: LonLatPair[]) => Promise<Float64Array>
  route?: (platform: Platform, from: LonLatPair, to: LonLatPair) => Promise<{ geometry: RouteLine } | null>
}

let network: Promise<NetworkModule | null> | null = null
/** The road network module, when present (loaded by a computed path: it may not exist yet). */
function loadNetwork(): Promise<NetworkModule | null> {
  const path = '../network.ts'
  network ??= (import(path) as Promise<NetworkModule>).catch(() => null)
  return network
}

/** Road travel when the network is available and has roads, else the straight-line estimate. */
export async function travelFor(platform: Platform): Promise<Travel> {
  const mod = await loadNetwork()
  if (!mod?.travelTimes) return straightLine
  const travelTimes = mod.travelTimes
  const routeOf = mod.route
  try {
    // Probe: an empty network answers by throwing or with no finite time for a pair of identical points.
    await travelTimes(platform, [], [])
  } catch {
    return straightLine
  }
  return {
    source: 'road',
    times: async (from, to) => {
      if (from.length === 0 || to.length === 0) return new Float64Array(0)
      return travelTimes(platform, [...from], [...to])
    },
    route: async (from, to) => {
      if (!routeOf) return straightLine.route(from, to)
      try {
        const r = await routeOf(platform, from, to)
        return r?.geometry ?? null
      } catch {
        return null
      }
    },
  }
}
