import { crudResource } from '../../../lib/crud-resource.ts'

export const depotLevels = ['city', 'township', 'village'] as const
/** 市级 / 乡镇级 / 村级 */
export type DepotLevel = (typeof depotLevels)[number]

/** A depot (储备库) as `GET /api/resources/depots` returns it. */
export interface Depot {
  id: string
  level: DepotLevel
  name: string
  divisionCode: string
  divisionName: string | null
  location: { lon: number; lat: number } | null
  address: string | null
  manager: string | null
  phone: string | null
  capacityNote: string | null
  synthetic: boolean
  createdAt: string
  updatedAt: string
}

export interface DepotInput {
  level: DepotLevel
  name: string
  divisionCode: string
  location?: { lon: number; lat: number } | null
  address?: string | null
  manager?: string | null
  phone?: string | null
  capacityNote?: string | null
}

export interface DepotMapProperties {
  id: string
  name: string
  level: DepotLevel
  divisionCode: string
  synthetic: boolean
}

/** `/api/resources/depots`: list, detail, create, edit, delete, map, Excel. */
export const depots = crudResource<Depot, DepotInput, Depot, DepotMapProperties>('/api/resources/depots', ['resources', 'depots'])
