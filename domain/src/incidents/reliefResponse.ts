/**
 * Suggested natural-disaster relief response level (自然灾害救助应急响应等级) from the facts of
 * one disaster process (一次灾害过程), after 国家自然灾害救助应急预案 (国办函〔2024〕11号) §5:
 * any one criterion reaching a level's threshold suffices; the highest level reached is
 * suggested; "以上" includes the bound. Facts may be observed or forecast (出现或经会商研判可能出现).
 *
 * The national plan counts per province. A county applies its own plan's thresholds (Leping's,
 * 《乐平市自然灾害救助应急预案》, are NV), so thresholds are configuration of the same shape.
 * Defaults: Level I of the 2024 plan (V); Levels II–IV carry the 2016 plan's values (V for 2016,
 * NV for 2024) and are marked unverified. A person decides; this only suggests, with reasons.
 */
import nationalThresholds from './reliefThresholds.national.json' with { type: 'json' }

export type ReliefLevel = 1 | 2 | 3 | 4

export const reliefCriteria = ['deathsAndMissing', 'relocatedAndNeedingAid', 'damagedRooms', 'damagedHouseholds', 'droughtAidShare', 'droughtAidPeople'] as const

export type ReliefCriterion = (typeof reliefCriteria)[number]

/** Lower bounds (inclusive) of one response level; an absent criterion does not apply. */
export type ReliefLevelThresholds = {
  level: ReliefLevel
  /** Whether these values were checked against the plan in force */
  verified: boolean
  source: string
} & Partial<Record<ReliefCriterion, number>>

export interface ReliefResponseRules {
  plan: string
  /** 2024: 死亡和失踪 (missing counted); 2016: 死亡 only */
  countMissing: boolean
  /**
   * 2024: 紧急转移安置和需紧急生活救助 — read as the two counts added ('sum', NV reading);
   * 2016: 紧急转移安置或需紧急生活救助 — either count alone ('either').
   */
  relocationAndAid: 'sum' | 'either'
  /** Highest level first */
  levels: readonly ReliefLevelThresholds[]
}

/** The national defaults, a data file (values, verified marks and sources per level). */
export const nationalReliefRules2024: ReliefResponseRules = nationalThresholds as ReliefResponseRules

/** Disaster statistics of one process (自然灾害情况统计), counts of people, rooms and households. */
export interface DisasterFacts {
  /** 死亡人口 */
  deaths: number
  /** 失踪人口 */
  missing: number
  /** 紧急转移安置人口 */
  emergencyRelocated: number
  /** 需紧急生活救助人口 */
  needingEmergencyAid: number
  /** 倒塌和严重损坏房屋（间） */
  damagedRooms?: number
  /** 倒塌和严重损坏房屋（户） */
  damagedHouseholds?: number
  /** 因旱需政府救助人口 */
  droughtNeedingAid?: number
  /** 农业（牧业）人口 of the area, the reference for the drought share */
  agriculturalPopulation?: number
}

export interface ReliefTrigger {
  criterion: ReliefCriterion
  value: number
  threshold: number
  reason: string
  reasonEn: string
}

export interface ReliefSuggestion {
  ok: true
  /** null: no level is reached */
  level: ReliefLevel | null
  name: string
  nameEn: string
  /** The criteria that reach the suggested level */
  triggers: ReliefTrigger[]
  /** Whether the suggested level's thresholds are verified (see the rules' source) */
  verified: boolean
  /** The plan whose thresholds were applied (national defaults or the county's own) */
  plan: string
  /** Where the suggested level's thresholds come from; '' when no level is reached */
  source: string
  reason: string
  reasonEn: string
}

export interface ReliefFactsError {
  ok: false
  field: keyof DisasterFacts
  message: string
  messageEn: string
}

const levelNames: Record<ReliefLevel, { zh: string; en: string }> = {
  1: { zh: '一级响应', en: 'Level I response' },
  2: { zh: '二级响应', en: 'Level II response' },
  3: { zh: '三级响应', en: 'Level III response' },
  4: { zh: '四级响应', en: 'Level IV response' },
}

const criterionNames: Record<ReliefCriterion, { zh: string; en: string; unit: string; unitEn: string }> = {
  deathsAndMissing: { zh: '死亡和失踪', en: 'dead and missing', unit: '人', unitEn: 'people' },
  relocatedAndNeedingAid: { zh: '紧急转移安置和需紧急生活救助', en: 'emergency relocated and needing emergency aid', unit: '人', unitEn: 'people' },
  damagedRooms: { zh: '倒塌和严重损坏房屋', en: 'collapsed or severely damaged houses', unit: '间', unitEn: 'rooms' },
  damagedHouseholds: { zh: '倒塌和严重损坏房屋', en: 'collapsed or severely damaged houses', unit: '户', unitEn: 'households' },
  droughtAidShare: { zh: '因旱需政府救助人口占农牧业人口', en: 'drought aid need as a share of the agricultural population', unit: '%', unitEn: '%' },
  droughtAidPeople: { zh: '因旱需政府救助人口', en: 'people needing government aid for drought', unit: '人', unitEn: 'people' },
}

const factNames: Record<keyof DisasterFacts, string> = {
  deaths: '死亡人口', missing: '失踪人口', emergencyRelocated: '紧急转移安置人口', needingEmergencyAid: '需紧急生活救助人口',
  damagedRooms: '倒塌和严重损坏房屋（间）', damagedHouseholds: '倒塌和严重损坏房屋（户）', droughtNeedingAid: '因旱需政府救助人口', agriculturalPopulation: '农牧业人口',
}

/** The value each criterion measures, from the facts and the plan's wording. */
function measure(facts: DisasterFacts, rules: ReliefResponseRules): Partial<Record<ReliefCriterion, number>> {
  const agricultural = facts.agriculturalPopulation
  return {
    deathsAndMissing: facts.deaths + (rules.countMissing ? facts.missing : 0),
    relocatedAndNeedingAid: rules.relocationAndAid === 'sum' ? facts.emergencyRelocated + facts.needingEmergencyAid : Math.max(facts.emergencyRelocated, facts.needingEmergencyAid),
    damagedRooms: facts.damagedRooms,
    damagedHouseholds: facts.damagedHouseholds,
    droughtAidShare: facts.droughtNeedingAid !== undefined && agricultural ? facts.droughtNeedingAid / agricultural : undefined,
    droughtAidPeople: facts.droughtNeedingAid,
  }
}

const show = (criterion: ReliefCriterion, n: number) => (criterion === 'droughtAidShare' ? `${Number((n * 100).toFixed(2))}` : String(n))

/** 救助应急响应建议: the highest level any criterion reaches, with the criteria that reach it. */
export function suggestReliefResponse(facts: DisasterFacts, rules: ReliefResponseRules = nationalReliefRules2024): ReliefSuggestion | ReliefFactsError {
  for (const [field, value] of Object.entries(facts) as [keyof DisasterFacts, number | undefined][]) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      return { ok: false, field, message: `${factNames[field]}应为非负整数`, messageEn: `${field} must be a non-negative integer` }
    }
  }
  const values = measure(facts, rules)
  for (const thresholds of rules.levels) {
    const triggers: ReliefTrigger[] = []
    for (const criterion of reliefCriteria) {
      const threshold = thresholds[criterion]
      const value = values[criterion]
      if (threshold === undefined || value === undefined || value < threshold) continue
      const name = criterionNames[criterion]
      triggers.push({
        criterion,
        value,
        threshold,
        reason: `${name.zh}${show(criterion, value)}${name.unit}，达到${show(criterion, threshold)}${name.unit}以上`,
        reasonEn: `${name.en}: ${show(criterion, value)} ${name.unitEn}, at least ${show(criterion, threshold)}`,
      })
    }
    if (triggers.length > 0) {
      const { zh, en } = levelNames[thresholds.level]
      return {
        ok: true,
        level: thresholds.level,
        name: zh,
        nameEn: en,
        triggers,
        verified: thresholds.verified,
        plan: rules.plan,
        source: thresholds.source,
        reason: `${triggers.map((t) => t.reason).join('；')}，建议启动${zh}（${rules.plan}）`,
        reasonEn: `${triggers.map((t) => t.reasonEn).join('; ')}: suggest a ${en} (${rules.plan})`,
      }
    }
  }
  return { ok: true, level: null, name: '未达到响应启动条件', nameEn: 'no response level reached', triggers: [], verified: true, plan: rules.plan, source: '', reason: `未达到${rules.plan}任何一级响应的启动条件`, reasonEn: 'No response level’s trigger is reached' }
}

/** A problem in a thresholds table: where (`levels.<index>.<criterion>`), in Chinese and English. */
export interface ReliefRulesProblem { field: string; zh: string; en: string }

/** Problems in a thresholds table a deployment edits; empty when usable. */
export function checkReliefRules(rules: ReliefResponseRules): ReliefRulesProblem[] {
  const problems: ReliefRulesProblem[] = []
  if (rules.levels.length === 0) problems.push({ field: 'levels', zh: '至少需要一个响应等级', en: 'At least one level is needed' })
  rules.levels.forEach((thresholds, i) => {
    const above = rules.levels[i - 1]
    if (above && thresholds.level <= above.level) problems.push({ field: `levels.${i}.level`, zh: `第${i + 1}项的等级应低于上一项`, en: `Entry ${i + 1} must be a lower level than the one before` })
    if (reliefCriteria.every((c) => thresholds[c] === undefined)) problems.push({ field: `levels.${i}`, zh: `${levelNames[thresholds.level].zh}至少需要一项阈值`, en: `${levelNames[thresholds.level].en}: at least one threshold is needed` })
    for (const criterion of reliefCriteria) {
      const value = thresholds[criterion]
      if (value === undefined) continue
      const field = `levels.${i}.${criterion}`
      if (!Number.isFinite(value) || value <= 0) problems.push({ field, zh: `${levelNames[thresholds.level].zh}的${criterionNames[criterion].zh}阈值应为正数`, en: `${levelNames[thresholds.level].en}: the ${criterion} threshold must be positive` })
      if (criterion === 'droughtAidShare' && value > 1) problems.push({ field, zh: `${levelNames[thresholds.level].zh}的${criterionNames[criterion].zh}阈值应为不超过1的比例`, en: `${levelNames[thresholds.level].en}: the ${criterion} threshold is a share, at most 1` })
      const higher = above?.[criterion]
      if (higher !== undefined && value >= higher) problems.push({ field, zh: `${levelNames[thresholds.level].zh}的${criterionNames[criterion].zh}阈值应低于上一级`, en: `${levelNames[thresholds.level].en}: the ${criterion} threshold must be below the level above` })
    }
  })
  return problems
}
