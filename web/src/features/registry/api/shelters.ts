import { crudResource } from '../../../lib/crud-resource.ts'

/** 室内 / 室外 / 综合 */
export const shelterTypes = ['indoor', 'outdoor', 'mixed'] as const
/** 市级 / 乡镇级 / 村级 */
export const shelterLevels = ['city', 'township', 'village'] as const
/** 可用 / 启用中 / 停用 */
export const shelterStatuses = ['available', 'in_use', 'closed'] as const
/** 配套设施 */
export const shelterFacilities = ['water', 'power', 'toilet', 'medical', 'supplies', 'kitchen', 'communication', 'broadcast', 'fire'] as const

/** A shelter (避灾安置场所). */
export interface Shelter {
  id: string
  divisionCode: string
  divisionName: string | null
  synthetic: boolean
  name: string
  type: (typeof shelterTypes)[number]
  typeName: string
  level: (typeof shelterLevels)[number]
  levelName: string
  /** People it can hold */
  capacity: number
  areaM2: number
  facilities: (typeof shelterFacilities)[number][]
  facilityNames: string[]
  address: string
  managerName: string
  managerPhone: string
  location: { lon: number; lat: number }
  status: (typeof shelterStatuses)[number]
  statusName: string
  createdAt: string
  updatedAt: string
}

export type ShelterInput = Pick<Shelter,
  'name' | 'type' | 'level' | 'capacity' | 'areaM2' | 'facilities' | 'address' | 'managerName' | 'managerPhone' | 'divisionCode' | 'location' | 'status'>

export interface ShelterMapProperties {
  id: string
  name: string
  type: Shelter['type']
  level: Shelter['level']
  capacity: number
  status: Shelter['status']
  statusName: string
  synthetic: boolean
}

/** `/api/registry/shelters`; its list also answers `totalCapacity` of all matching shelters. */
export const shelters = crudResource<Shelter, ShelterInput, Shelter, ShelterMapProperties>('/api/registry/shelters', ['registry', 'shelters'])
