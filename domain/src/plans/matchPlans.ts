/**
 * Plan matching (预案匹配): which effective plans apply to an incident and at which response
 * level, with the reasons. A plan applies when
 *  - it is effective (草稿 and 已废止 plans are never suggested);
 *  - its hazard types include the incident's hazard type or subtype (a plan with no hazard types,
 *    e.g. the 总体预案, applies to every hazard);
 *  - the incident lies within the plan's division (a county plan covers its townships);
 *  - some level's criteria hold. The level suggested is the HIGHEST level (Ⅰ is highest) whose
 *    criteria hold; the reasons are the clauses that held.
 * Ranking: higher level first; then special/department plans before the overall plan (the more
 * specific plan leads, 总体预案 frames it); then the plan of the smaller division; then name.
 * Only a suggestion: a commander confirms.
 */
import { isWithinDivision } from '../geo/divisionCode.ts'
import { evaluateCriteria, type Condition, type Reason } from './criteria.ts'
import { hazardTypeNames, type IncidentFacts } from './incidentFacts.ts'
import { responseLevelNames, type PlanStatus, type PlanType, type ResponseLevel } from './planTypes.ts'

export interface MatchablePlan {
  id: string
  name: string
  type: PlanType
  status: PlanStatus
  hazardTypes: readonly string[]
  divisionCode: string
  levels: readonly { level: ResponseLevel; criteria: Condition | null }[]
}

export interface PlanSuggestion {
  planId: string
  planName: string
  planType: PlanType
  level: ResponseLevel
  levelName: { zh: string; en: string }
  /** Why: the applicability (hazard type) then the clauses of the level's criteria that held */
  reasons: Reason[]
  reason: string
  reasonEn: string
}

const typeRank: Record<PlanType, number> = { special: 0, department: 1, enterprise: 2, majorEvent: 3, grassroots: 4, overall: 5 }

function hazardName(key: string): { zh: string; en: string } {
  return (hazardTypeNames as Record<string, { zh: string; en: string } | undefined>)[key] ?? { zh: key, en: key }
}

export function matchPlan(plan: MatchablePlan, facts: IncidentFacts): PlanSuggestion | null {
  if (plan.status !== 'effective') return null
  const applicability: Reason[] = []
  if (plan.hazardTypes.length > 0) {
    const key = [facts.hazardType, facts.incidentSubtype].find((k) => k !== undefined && plan.hazardTypes.includes(k))
    if (key === undefined) return null
    const name = hazardName(key)
    applicability.push({ fact: key === facts.hazardType ? 'hazardType' : 'incidentSubtype', zh: `灾种${name.zh}属本预案适用范围`, en: `hazard ${name.en} is covered by this plan` })
  }
  if (facts.divisionCode !== undefined && !isWithinDivision(facts.divisionCode, plan.divisionCode)) return null
  const levels = [...plan.levels].filter((l) => l.criteria !== null).sort((a, b) => a.level - b.level)
  for (const level of levels) {
    const result = evaluateCriteria(level.criteria as Condition, facts)
    if (!result.matched) continue
    const reasons = [...applicability, ...result.reasons]
    const levelName = responseLevelNames[level.level]
    return {
      planId: plan.id,
      planName: plan.name,
      planType: plan.type,
      level: level.level,
      levelName,
      reasons,
      reason: `建议启动${plan.name}${levelName.zh}：${reasons.map((r) => r.zh).join('；')}`,
      reasonEn: `Suggest ${levelName.en} of ${plan.name}: ${reasons.map((r) => r.en).join('; ')}`,
    }
  }
  return null
}

/** Ranked suggestions for the facts, one per matching plan */
export function matchPlans(plans: readonly MatchablePlan[], facts: IncidentFacts): PlanSuggestion[] {
  const divisionDepth = new Map(plans.map((p) => [p.id, p.divisionCode.replace(/0+$/, '').length]))
  return plans
    .map((p) => matchPlan(p, facts))
    .filter((s): s is PlanSuggestion => s !== null)
    .sort((a, b) =>
      a.level - b.level
      || typeRank[a.planType] - typeRank[b.planType]
      || (divisionDepth.get(b.planId) ?? 0) - (divisionDepth.get(a.planId) ?? 0)
      || a.planName.localeCompare(b.planName, 'zh'))
}
