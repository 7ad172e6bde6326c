import { crudResource } from '../../../lib/crud-resource.ts'

/** 滑坡 / 崩塌 / 泥石流 / 地面塌陷 */
export const hazardTypes = ['landslide', 'collapse', 'debris_flow', 'subsidence'] as const
/** 小型 / 中型 / 大型 / 特大型 */
export const hazardScales = ['small', 'medium', 'large', 'huge'] as const
/** 稳定 / 基本稳定 / 不稳定 */
export const hazardStabilities = ['stable', 'fairly_stable', 'unstable'] as const
/** 在册 / 已治理 / 已核销 */
export const hazardStatuses = ['active', 'mitigated', 'cancelled'] as const

/** A geological hazard point (地质灾害隐患点). */
export interface HazardPoint {
  id: string
  divisionCode: string
  divisionName: string | null
  synthetic: boolean
  name: string
  type: (typeof hazardTypes)[number]
  typeName: string
  scale: (typeof hazardScales)[number]
  scaleName: string
  stability: (typeof hazardStabilities)[number]
  stabilityName: string
  threatenedHouseholds: number
  threatenedPeople: number
  /** 万元 */
  threatenedProperty: number
  /** 群测群防员 */
  monitorName: string
  monitorPhone: string
  location: { lon: number; lat: number }
  status: (typeof hazardStatuses)[number]
  statusName: string
  createdAt: string
  updatedAt: string
}

export type HazardPointInput = Pick<HazardPoint,
  'name' | 'type' | 'scale' | 'stability' | 'threatenedHouseholds' | 'threatenedPeople' | 'threatenedProperty' | 'divisionCode' | 'monitorName' | 'monitorPhone' | 'location' | 'status'>

export interface HazardPointMapProperties {
  id: string
  name: string
  type: HazardPoint['type']
  typeName: string
  scale: HazardPoint['scale']
  threatenedPeople: number
  status: HazardPoint['status']
  synthetic: boolean
}

/** `/api/registry/hazard-points`. */
export const hazardPoints = crudResource<HazardPoint, HazardPointInput, HazardPoint, HazardPointMapProperties>('/api/registry/hazard-points', ['registry', 'hazard-points'])
