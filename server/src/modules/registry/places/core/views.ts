/** Pieces every place view shares: ids, division with its name, demo flag, times. */
import crypto from 'node:crypto'
import type { Actor } from '../../../../http/access.ts'

export interface StoredCommon {
  id: string
  division_code: string
  synthetic: boolean
  created_at: Date | string
  updated_at: Date | string
}

export interface CommonView {
  id: string
  divisionCode: string
  divisionName: string | null
  synthetic: boolean
  createdAt: string
  updatedAt: string
}

export const iso = (value: Date | string) => new Date(value).toISOString()

export const commonView = (row: StoredCommon, names: Map<string, string>): CommonView => ({
  id: row.id, divisionCode: row.division_code, divisionName: names.get(row.division_code) ?? null, synthetic: row.synthetic,
  createdAt: iso(row.created_at), updatedAt: iso(row.updated_at),
})

export const locationView = (row: { lon: number | null; lat: number | null }) =>
  row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat }

/** A page request as limit and offset. */
export const pageOf = (query: { page: number; pageSize: number }) => ({ limit: query.pageSize, offset: (query.page - 1) * query.pageSize })

export const newId = () => crypto.randomUUID()

/** The point features of a map layer: located rows only. */
export function pointFeatures<R extends { lon: number | null; lat: number | null }, P>(rows: readonly R[], properties: (row: R) => P) {
  return {
    type: 'FeatureCollection' as const,
    features: rows.filter((r) => r.lon !== null && r.lat !== null).map((r) => ({
      type: 'Feature' as const, properties: properties(r), geometry: { type: 'Point' as const, coordinates: [r.lon!, r.lat!] },
    })),
  }
}

export type { Actor }
