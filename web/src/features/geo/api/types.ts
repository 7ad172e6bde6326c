import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson'

export type DivisionLevel = 'county' | 'township' | 'village'

/** A division as `GET /api/divisions/{code}` returns it. */
export interface Division {
  code: string
  name: string
  level: DivisionLevel
  /** GB/T 2260 / NBS type in Chinese: 街道, 镇, 乡, 村委会, 居委会… */
  type: string
  /** True when position and population were generated (模拟), not surveyed. */
  synthetic: boolean
  population: number | null
  location: { lon: number; lat: number } | null
  parentCode: string | null
  children: DivisionChild[]
}

export interface DivisionChild {
  code: string
  name: string
  level: DivisionLevel
  type: string
  synthetic: boolean
  childCount: number
}

export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>
export type RiverCollection = FeatureCollection<LineString, { name: string | null; nameEn: string | null }>

/** Properties of a township or village point (`GET /api/geo/divisions?level=`). */
export interface DivisionPointProperties {
  code: string
  name: string
  level: DivisionLevel
  type: string
  population: number | null
  synthetic: boolean
  parentCode: string | null
}
export type DivisionPointCollection = FeatureCollection<Point, DivisionPointProperties>
