/**
 * The words of the teams registry: team types (队伍类型), levels, readiness (战备状态) and the
 * hazard keys a team's capabilities name (灾种), shared with warnings and plans by key.
 */
export const teamTypes = ['comprehensive', 'forest_fire', 'flood', 'mine', 'hazmat', 'medical', 'social'] as const
export type TeamType = (typeof teamTypes)[number]
export const teamTypeNames: Record<TeamType, { zh: string; en: string }> = {
  comprehensive: { zh: '综合', en: 'Comprehensive' },
  forest_fire: { zh: '森林消防', en: 'Forest firefighting' },
  flood: { zh: '防汛抢险', en: 'Flood fighting' },
  mine: { zh: '矿山', en: 'Mine rescue' },
  hazmat: { zh: '危化', en: 'Hazardous chemicals' },
  medical: { zh: '医疗', en: 'Medical' },
  social: { zh: '社会应急力量', en: 'Social emergency force' },
}

export const teamLevels = ['city', 'township', 'village', 'enterprise'] as const
export type TeamLevel = (typeof teamLevels)[number]
export const teamLevelNames: Record<TeamLevel, { zh: string; en: string }> = {
  city: { zh: '市级', en: 'City' },
  township: { zh: '乡镇级', en: 'Township' },
  village: { zh: '村级', en: 'Village' },
  enterprise: { zh: '企业', en: 'Enterprise' },
}

export const teamStatuses = ['ready', 'deployed', 'resting', 'unavailable'] as const
export type TeamStatus = (typeof teamStatuses)[number]
export const teamStatusNames: Record<TeamStatus, { zh: string; en: string }> = {
  ready: { zh: '待命', en: 'Ready' },
  deployed: { zh: '出动', en: 'Deployed' },
  resting: { zh: '休整', en: 'Resting' },
  unavailable: { zh: '不可用', en: 'Unavailable' },
}

/** Hazard keys (灾种). */
export const hazardKeys = [
  'flood', 'rainstorm', 'waterlogging', 'water_rescue', 'landslide', 'collapse', 'debris_flow', 'ground_subsidence',
  'forest_fire', 'fire', 'hazmat', 'mine', 'earthquake', 'medical', 'drought', 'typhoon', 'snow_ice', 'traffic',
] as const
export type HazardKey = (typeof hazardKeys)[number]
export const hazardNames: Record<HazardKey, { zh: string; en: string }> = {
  flood: { zh: '洪涝', en: 'Flood' },
  rainstorm: { zh: '暴雨', en: 'Rainstorm' },
  waterlogging: { zh: '内涝', en: 'Waterlogging' },
  water_rescue: { zh: '水域救援', en: 'Water rescue' },
  landslide: { zh: '滑坡', en: 'Landslide' },
  collapse: { zh: '崩塌', en: 'Rockfall' },
  debris_flow: { zh: '泥石流', en: 'Debris flow' },
  ground_subsidence: { zh: '地面塌陷', en: 'Ground subsidence' },
  forest_fire: { zh: '森林火灾', en: 'Forest fire' },
  fire: { zh: '火灾', en: 'Fire' },
  hazmat: { zh: '危化品事故', en: 'Hazardous-chemical accident' },
  mine: { zh: '矿山事故', en: 'Mine accident' },
  earthquake: { zh: '地震', en: 'Earthquake' },
  medical: { zh: '医疗救护', en: 'Medical rescue' },
  drought: { zh: '干旱', en: 'Drought' },
  typhoon: { zh: '台风', en: 'Typhoon' },
  snow_ice: { zh: '低温雨雪冰冻', en: 'Snow and ice' },
  traffic: { zh: '交通事故', en: 'Traffic accident' },
}

/** Certificates expiring within this many days are flagged (and expired ones). */
export const certificateWarningDays = 60
