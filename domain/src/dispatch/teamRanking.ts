/**
 * Rescue-team recommendation (救援队伍推荐): teams ranked for a hazard at a place by
 *   capability match 40 % — the hazard among the team's declared capabilities (1 for the
 *                           specialist type, 0.9 for another type), the team's type is the
 *                           specialist type for the hazard (0.8), a comprehensive (0.5) or social
 *                           force (0.3), otherwise 0; times 0.8 for a township or village team
 *                           (民兵应急排, part-time: the full-time county or enterprise team is the
 *                           backbone, so it wins within about 70 minutes of a platoon on the spot);
 *   readiness       25 % — 待命 ready 1, 休整 resting 0.5, 出动 deployed 0.2, 不可用 unavailable 0;
 *   travel time     25 % — 1 on the spot, falling linearly to 0 at two hours (unreachable 0);
 *   headcount       10 % — 1 from 50 people up, proportionally below.
 * Unavailable teams, teams that cannot reach the place and teams held in reserve (`reserveFor`:
 * a hazmat team guarding major-hazard installations while an area-wide natural hazard could strike
 * them) are listed after all others. Each team carries its breakdown and a one-line reason in
 * Chinese and English.
 */

export const teamTypeKeys = ['comprehensive', 'forest_fire', 'flood', 'mine', 'hazmat', 'medical', 'social'] as const
export type TeamTypeKey = (typeof teamTypeKeys)[number]
export const readinessKeys = ['ready', 'resting', 'deployed', 'unavailable'] as const
export type Readiness = (typeof readinessKeys)[number]

export const weights = { capability: 0.4, readiness: 0.25, travel: 0.25, headcount: 0.1 } as const
export const travelHorizonMinutes = 120
export const fullHeadcount = 50

const typeNames: Record<TeamTypeKey, { zh: string; en: string }> = {
  comprehensive: { zh: '综合救援队', en: 'Comprehensive rescue team' },
  forest_fire: { zh: '森林消防队', en: 'Forest firefighting team' },
  flood: { zh: '防汛抢险队', en: 'Flood-fighting team' },
  mine: { zh: '矿山救护队', en: 'Mine rescue team' },
  hazmat: { zh: '危化救援队', en: 'Hazmat team' },
  medical: { zh: '医疗救护队', en: 'Medical team' },
  social: { zh: '社会应急力量', en: 'Social emergency force' },
}

/** Hazard keys (灾种, the same keys as the teams registry) with their names. */
export const hazardLabels: Record<string, { zh: string; en: string }> = {
  flood: { zh: '洪涝', en: 'flood' }, rainstorm: { zh: '暴雨', en: 'rainstorm' }, waterlogging: { zh: '内涝', en: 'waterlogging' },
  water_rescue: { zh: '水域救援', en: 'water rescue' }, landslide: { zh: '滑坡', en: 'landslide' }, collapse: { zh: '崩塌', en: 'rockfall' },
  debris_flow: { zh: '泥石流', en: 'debris flow' }, ground_subsidence: { zh: '地面塌陷', en: 'ground subsidence' },
  forest_fire: { zh: '森林火灾', en: 'forest fire' }, fire: { zh: '火灾', en: 'fire' }, hazmat: { zh: '危化品事故', en: 'hazardous-chemical accident' },
  mine: { zh: '矿山事故', en: 'mine accident' }, earthquake: { zh: '地震', en: 'earthquake' }, medical: { zh: '医疗救护', en: 'medical rescue' },
  drought: { zh: '干旱', en: 'drought' }, typhoon: { zh: '台风', en: 'typhoon' }, snow_ice: { zh: '低温雨雪冰冻', en: 'snow and ice' },
  traffic: { zh: '交通事故', en: 'traffic accident' },
}

/** The specialist team type for each hazard. */
export const specialistType: Record<string, TeamTypeKey> = {
  flood: 'flood', rainstorm: 'flood', waterlogging: 'flood', water_rescue: 'flood', typhoon: 'flood', drought: 'flood',
  landslide: 'comprehensive', collapse: 'comprehensive', debris_flow: 'comprehensive', ground_subsidence: 'comprehensive',
  earthquake: 'comprehensive', fire: 'comprehensive', traffic: 'comprehensive', snow_ice: 'comprehensive',
  forest_fire: 'forest_fire', hazmat: 'hazmat', mine: 'mine', medical: 'medical',
}

/**
 * The team hazard key for an incident: its `hazardType` fact when known, else its subtype (the
 * keys of domain/src/plans/incidentFacts.ts and domain/src/incidents/classification.ts).
 */
const hazardOfIncidentKey: Record<string, string> = {
  flood: 'flood', rainstorm: 'rainstorm', typhoon: 'typhoon', drought: 'drought', meteorological: 'rainstorm', thunderstorm: 'rainstorm',
  gale: 'typhoon', coldWave: 'snow_ice', geologicalHazard: 'landslide', earthquake: 'earthquake', forestFire: 'forest_fire', fire: 'fire',
  hazmatLeak: 'hazmat', hazmatAccident: 'hazmat', environmental: 'hazmat', mining: 'mine', roadTraffic: 'traffic', construction: 'collapse',
  workSafety: 'collapse', publicFacility: 'collapse', specialEquipment: 'collapse', epidemic: 'medical', unexplainedIllness: 'medical', foodSafety: 'medical',
}

export function teamHazardOfIncident(incident: { subtype: string; hazardType?: string | null }): string | null {
  for (const key of [incident.hazardType, incident.subtype]) {
    if (!key) continue
    if (hazardLabels[key]) return key
    if (hazardOfIncidentKey[key]) return hazardOfIncidentKey[key]!
  }
  return null
}

/** Area-wide natural hazards that can strike a chemical plant and start a second, chemical accident (次生灾害). */
const strikesInstallations = new Set(['flood', 'rainstorm', 'waterlogging', 'typhoon', 'earthquake', 'landslide', 'collapse', 'debris_flow', 'ground_subsidence'])
/** Major-hazard installations this close to a hazmat team's base are the ones it guards. */
export const guardedRadiusKm = 5

/**
 * Why a team is held in reserve for this hazard, or null: a hazmat team stays with the major-hazard
 * installations near its base while a natural hazard that could strike them is going on.
 */
export function reserveFor(team: Pick<TeamCandidate, 'type'> & { majorHazardsNearBase: number }, hazard: string): { zh: string; en: string } | null {
  if (team.type !== 'hazmat' || !strikesInstallations.has(hazard) || team.majorHazardsNearBase === 0) return null
  const hz = hazardLabels[hazard] ?? { zh: hazard, en: hazard }
  return {
    zh: `留守待命：驻地 ${guardedRadiusKm} 公里内有重大危险源企业 ${team.majorHazardsNearBase} 家，防${hz.zh}引发次生危化事故`,
    en: `held in reserve: ${team.majorHazardsNearBase} major-hazard enterprises within ${guardedRadiusKm} km of its base, in case the ${hz.en} sets off a chemical accident`,
  }
}

const readinessScore: Record<Readiness, number> = { ready: 1, resting: 0.5, deployed: 0.2, unavailable: 0 }
const readinessNames: Record<Readiness, { zh: string; en: string }> = {
  ready: { zh: '待命', en: 'ready' }, resting: { zh: '休整', en: 'resting' }, deployed: { zh: '已出动', en: 'deployed' }, unavailable: { zh: '不可用', en: 'unavailable' },
}

export type TeamLevel = 'city' | 'township' | 'village' | 'enterprise'
/** Township and village teams (民兵应急排, village teams) are part-time: their match counts this much. */
export const partTimeFactor = 0.8
const isPartTime = (level: TeamLevel | undefined) => level === 'township' || level === 'village'

export type CapabilityMatch = 'capability' | 'type' | 'general' | 'social' | 'none'
const matchScore: Record<CapabilityMatch, number> = { capability: 1, type: 0.8, general: 0.5, social: 0.3, none: 0 }

export interface TeamCandidate {
  id: string
  name: string
  type: TeamTypeKey
  status: Readiness
  capabilities: readonly string[]
  headcount: number
  /** The registry's team level: township and village teams are part-time local forces. */
  level?: TeamLevel
  /** Road travel time to the place, seconds (Infinity = unreachable, null = the team has no location). */
  travelSeconds: number | null
  /** Why the team is kept back for something else (`reserveFor`), if it is. */
  reserve?: { zh: string; en: string } | null
}

export interface RankedTeam {
  id: string
  name: string
  rank: number
  /** 0–100. */
  score: number
  match: CapabilityMatch
  travelMinutes: number | null
  breakdown: { capability: number; readiness: number; travel: number; headcount: number }
  held: boolean
  /** Why it is held: unavailable, cannot reach the place, or kept in reserve. */
  heldReason: 'unavailable' | 'unreachable' | 'reserve' | null
  why: string
  whyEn: string
}

export function capabilityMatch(team: Pick<TeamCandidate, 'type' | 'capabilities'>, hazard: string): CapabilityMatch {
  if (team.capabilities.includes(hazard)) return 'capability'
  if (specialistType[hazard] === team.type) return 'type'
  if (team.type === 'comprehensive') return 'general'
  if (team.type === 'social') return 'social'
  return 'none'
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits

export function rankTeams(teams: readonly TeamCandidate[], hazard: string): RankedTeam[] {
  const hz = hazardLabels[hazard] ?? { zh: hazard, en: hazard }
  const scored = teams.map((t) => {
    const match = capabilityMatch(t, hazard)
    const reachable = t.travelSeconds !== null && Number.isFinite(t.travelSeconds)
    const minutes = reachable ? Math.max(1, Math.round(t.travelSeconds! / 60)) : null
    const specialist = specialistType[hazard] === t.type
    const partTime = isPartTime(t.level)
    const breakdown = {
      capability: (match === 'capability' && !specialist ? 0.9 : matchScore[match]) * (partTime ? partTimeFactor : 1),
      readiness: readinessScore[t.status],
      travel: reachable ? Math.max(0, 1 - t.travelSeconds! / 60 / travelHorizonMinutes) : 0,
      headcount: Math.min(1, Math.max(0, t.headcount) / fullHeadcount),
    }
    const score = 100 * (weights.capability * breakdown.capability + weights.readiness * breakdown.readiness
      + weights.travel * breakdown.travel + weights.headcount * breakdown.headcount)
    const heldReason = t.status === 'unavailable' ? 'unavailable' as const : !reachable ? 'unreachable' as const : t.reserve ? 'reserve' as const : null
    const held = heldReason !== null
    const name = typeNames[t.type]
    const matchZh = { capability: specialist ? `能力匹配（${hz.zh}）` : `兼有${hz.zh}能力`, type: `专业对口（${hz.zh}）`, general: '综合救援', social: '社会力量', none: `不擅长${hz.zh}` }[match]
    const matchEn = { capability: specialist ? `capability match (${hz.en})` : `also capable of ${hz.en}`, type: `specialist type (${hz.en})`, general: 'general rescue', social: 'social force', none: `not suited to ${hz.en}` }[match]
    const travelZh = minutes === null ? (t.travelSeconds === null ? '无驻地位置' : '无法到达') : `车程 ${minutes} 分钟`
    const travelEn = minutes === null ? (t.travelSeconds === null ? 'no base location' : 'cannot reach') : `${minutes} min drive`
    const reserve = heldReason === 'reserve' ? t.reserve! : null
    const localZh = partTime ? '（基层兼职队伍）' : ''
    const localEn = partTime ? ' (part-time local force)' : ''
    return {
      team: t, match, minutes, breakdown, held, heldReason, score,
      why: `${name.zh}：${matchZh}${localZh}，${readinessNames[t.status].zh}，${travelZh}，${t.headcount} 人${reserve ? `；${reserve.zh}` : ''}`,
      whyEn: `${name.en}: ${matchEn}${localEn}, ${readinessNames[t.status].en}, ${travelEn}, ${t.headcount} people${reserve ? `; ${reserve.en}` : ''}`,
    }
  })
  scored.sort((a, b) => Number(a.held) - Number(b.held) || b.score - a.score
    || (a.team.travelSeconds ?? Infinity) - (b.team.travelSeconds ?? Infinity) || a.team.name.localeCompare(b.team.name))
  return scored.map((s, i) => ({
    id: s.team.id, name: s.team.name, rank: i + 1, score: round(s.score, 1), match: s.match, travelMinutes: s.minutes,
    breakdown: { capability: round(s.breakdown.capability), readiness: round(s.breakdown.readiness), travel: round(s.breakdown.travel), headcount: round(s.breakdown.headcount) },
    held: s.held, heldReason: s.heldReason, why: s.why, whyEn: s.whyEn,
  }))
}
