import { crudResource } from '../../../lib/crud-resource.ts'

/** 综合 / 森林消防 / 防汛抢险 / 矿山 / 危化 / 医疗 / 社会应急力量 */
export const teamTypes = ['comprehensive', 'forest_fire', 'flood', 'mine', 'hazmat', 'medical', 'social'] as const
export const teamLevels = ['city', 'township', 'village', 'enterprise'] as const
/** 战备状态: 待命 / 出动 / 休整 / 不可用 */
export const teamStatuses = ['ready', 'deployed', 'resting', 'unavailable'] as const
/** 灾种: the hazards a team can handle. */
export const hazardKeys = [
  'flood', 'rainstorm', 'waterlogging', 'water_rescue', 'landslide', 'collapse', 'debris_flow', 'ground_subsidence',
  'forest_fire', 'fire', 'hazmat', 'mine', 'earthquake', 'medical', 'drought', 'typhoon', 'snow_ice', 'traffic',
] as const

export type TeamStatus = (typeof teamStatuses)[number]

/** A rescue team (救援队伍). */
export interface Team {
  id: string
  name: string
  type: (typeof teamTypes)[number]
  level: (typeof teamLevels)[number]
  divisionCode: string
  divisionName: string | null
  enterpriseId: string | null
  location: { lon: number; lat: number } | null
  baseAddress: string | null
  leaderName: string | null
  leaderPhone: string | null
  headcount: number
  status: TeamStatus
  capabilities: (typeof hazardKeys)[number][]
  equipment: { name: string; quantity: number }[]
  memberCount: number
  synthetic: boolean
  createdAt: string
  updatedAt: string
}

export type TeamInput = Pick<Team, 'name' | 'type' | 'level' | 'divisionCode' | 'location' | 'baseAddress' | 'leaderName' | 'leaderPhone' | 'headcount' | 'status' | 'capabilities' | 'equipment'>

export interface TeamMapProperties {
  id: string
  name: string
  type: Team['type']
  status: TeamStatus
  headcount: number
  capabilities: Team['capabilities']
  synthetic: boolean
}

/** `/api/resources/teams`. */
export const teams = crudResource<Team, TeamInput, Team, TeamMapProperties>('/api/resources/teams', ['resources', 'teams'])
