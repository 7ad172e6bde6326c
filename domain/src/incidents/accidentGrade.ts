/**
 * Work-safety accident levels (生产安全事故等级) of 《生产安全事故报告和调查处理条例》
 * (国务院令第493号, 2007), Article 3: an accident takes the HIGHEST level that any one of three
 * criteria reaches — deaths (死亡), serious injuries including acute industrial poisoning
 * (重伤，包括急性工业中毒) and direct economic loss (直接经济损失). "以上" includes the bound,
 * "以下" excludes it (Art. 3, last paragraph). Verified (accident-grading.md §1). Missing persons
 * are not an Article 3 criterion; sector rules (fire, road traffic …) are not covered.
 */

export type AccidentLevel = 1 | 2 | 3 | 4

export const accidentCriteria = ['deaths', 'seriousInjuries', 'directLossYuan'] as const

export type AccidentCriterion = (typeof accidentCriteria)[number]

export interface AccidentFacts {
  /** 死亡人数 */
  deaths: number
  /** 重伤人数（包括急性工业中毒） */
  seriousInjuries: number
  /** 直接经济损失, yuan */
  directLossYuan: number
}

export interface AccidentLevelInfo {
  level: AccidentLevel
  /** 特别重大事故 … 一般事故 */
  name: string
  nameEn: string
}

export const accidentLevels: Readonly<Record<AccidentLevel, AccidentLevelInfo>> = {
  1: { level: 1, name: '特别重大事故', nameEn: 'especially serious accident' },
  2: { level: 2, name: '重大事故', nameEn: 'serious accident' },
  3: { level: 3, name: '较大事故', nameEn: 'relatively serious accident' },
  4: { level: 4, name: '一般事故', nameEn: 'ordinary accident' },
}

/** Lower bounds (inclusive) of levels 3, 2 and 1 for each criterion, Art. 3. */
export const accidentThresholds: Readonly<Record<AccidentCriterion, readonly [level3: number, level2: number, level1: number]>> = {
  deaths: [3, 10, 30],
  seriousInjuries: [10, 50, 100],
  directLossYuan: [10_000_000, 50_000_000, 100_000_000],
}

const criterionNames: Record<AccidentCriterion, { zh: string; en: string; unit: string; unitEn: string }> = {
  deaths: { zh: '死亡人数', en: 'deaths', unit: '人', unitEn: 'people' },
  seriousInjuries: { zh: '重伤人数（含急性工业中毒）', en: 'serious injuries (incl. acute industrial poisoning)', unit: '人', unitEn: 'people' },
  directLossYuan: { zh: '直接经济损失', en: 'direct economic loss', unit: '元', unitEn: 'yuan' },
}

export interface AccidentGrade extends AccidentLevelInfo {
  ok: true
  /** The criteria that reach the level (several when they tie), in Article 3's order */
  decidedBy: AccidentCriterion[]
  /** The level each criterion alone gives */
  levelBy: Record<AccidentCriterion, AccidentLevel>
  reason: string
  reasonEn: string
}

export interface AccidentGradeError {
  ok: false
  field: AccidentCriterion
  message: string
  messageEn: string
}

/** The level one criterion gives: 以上 includes the bound. */
function levelFor(value: number, [level3, level2, level1]: readonly [number, number, number]): AccidentLevel {
  return value >= level1 ? 1 : value >= level2 ? 2 : value >= level3 ? 3 : 4
}

/** 事故等级 by Decree 493 Art. 3: the highest of the three criteria. */
export function gradeAccident(facts: AccidentFacts): AccidentGrade | AccidentGradeError {
  for (const criterion of accidentCriteria) {
    const value = facts[criterion]
    const whole = criterion !== 'directLossYuan'
    if (!Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value))) {
      const { zh, en } = criterionNames[criterion]
      return {
        ok: false,
        field: criterion,
        message: `${zh}应为非负${whole ? '整数' : '数'}`,
        messageEn: `${en} must be a non-negative ${whole ? 'integer' : 'number'}`,
      }
    }
  }
  const levelBy = Object.fromEntries(accidentCriteria.map((c) => [c, levelFor(facts[c], accidentThresholds[c])])) as Record<AccidentCriterion, AccidentLevel>
  const level = Math.min(...Object.values(levelBy)) as AccidentLevel
  const decidedBy = accidentCriteria.filter((c) => levelBy[c] === level)
  const info = accidentLevels[level]
  const because = decidedBy.map((c) => ({ ...criterionNames[c], value: facts[c] }))
  return {
    ok: true,
    ...info,
    decidedBy,
    levelBy,
    reason: `${because.map((b) => `${b.zh}${b.value}${b.unit}`).join('，')}，属${info.name}（国务院令第493号第三条）`,
    reasonEn: `${because.map((b) => `${b.en} ${b.value} ${b.unitEn}`).join(', ')}: ${info.nameEn} (Decree 493, Art. 3)`,
  }
}
