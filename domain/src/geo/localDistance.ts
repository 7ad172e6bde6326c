/** A WGS84 position in degrees. */
export interface LonLat {
  lon: number
  lat: number
}

const kmPerDegreeLat = 110.574
const kmPerDegreeLonAtEquator = 111.32

/**
 * Distance in km between two nearby points on a local flat approximation (equirectangular).
 * Within a county (< 100 km) it is within a fraction of a percent of the geodesic distance.
 */
export function localDistanceKm(a: LonLat, b: LonLat): number {
  const midLat = ((a.lat + b.lat) / 2) * (Math.PI / 180)
  const dx = (a.lon - b.lon) * kmPerDegreeLonAtEquator * Math.cos(midLat)
  const dy = (a.lat - b.lat) * kmPerDegreeLat
  return Math.hypot(dx, dy)
}

/** The point `distanceKm` away from `origin` in direction `bearing` (radians, 0 = east, counter-clockwise). */
export function offsetKm(origin: LonLat, distanceKm: number, bearing: number): LonLat {
  const lat = origin.lat + (distanceKm * Math.sin(bearing)) / kmPerDegreeLat
  const lon = origin.lon + (distanceKm * Math.cos(bearing)) / (kmPerDegreeLonAtEquator * Math.cos((origin.lat * Math.PI) / 180))
  return { lon, lat }
}
