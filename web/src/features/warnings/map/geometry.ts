import type { Feature, Polygon } from 'geojson'
import type { LonLat } from '../api/types.ts'

const kmPerDegreeLat = 111.32

/** A circle as a 64-sided polygon (local flat-earth approximation, fine for a county). */
export function circlePolygon(center: LonLat, radiusKm: number, sides = 64): Polygon {
  const [lon, lat] = center
  const kmPerDegreeLon = kmPerDegreeLat * Math.cos((lat * Math.PI) / 180)
  const ring: LonLat[] = []
  for (let i = 0; i <= sides; i += 1) {
    const angle = (2 * Math.PI * (i % sides)) / sides
    ring.push([round(lon + (radiusKm * Math.cos(angle)) / kmPerDegreeLon), round(lat + (radiusKm * Math.sin(angle)) / kmPerDegreeLat)])
  }
  return { type: 'Polygon', coordinates: [ring] }
}

/** The drawn corners as a closed ring. */
export const closeRing = (points: readonly LonLat[]): LonLat[] => (points.length === 0 ? [] : [...points, points[0]!])

export const round = (value: number) => Math.round(value * 1e6) / 1e6

export const polygonFeature = (polygon: Polygon, properties: Record<string, unknown> = {}): Feature<Polygon> => ({ type: 'Feature', properties, geometry: polygon })
