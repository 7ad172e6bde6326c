/**
 * Plan types (预案类型) and response levels (响应等级) — emergency-plans.md §1. The six types are
 * the ones the platform files plans under; 联合应急预案 (joint) is kept under 专项/部门 for now.
 * Response levels: 1 = Ⅰ级 (highest) … 4 = Ⅳ级.
 */
export const planTypes = ['overall', 'special', 'department', 'grassroots', 'enterprise', 'majorEvent'] as const
export type PlanType = (typeof planTypes)[number]

export const planTypeNames: Readonly<Record<PlanType, { zh: string; en: string }>> = {
  overall: { zh: '总体应急预案', en: 'overall plan' },
  special: { zh: '专项应急预案', en: 'special plan' },
  department: { zh: '部门应急预案', en: 'department plan' },
  grassroots: { zh: '基层应急预案', en: 'grass-roots plan' },
  enterprise: { zh: '企业应急预案', en: 'enterprise plan' },
  majorEvent: { zh: '重大活动保障预案', en: 'major event plan' },
}

export const planStatuses = ['draft', 'effective', 'superseded'] as const
export type PlanStatus = (typeof planStatuses)[number]

export const filingStatuses = ['notRequired', 'pending', 'filed'] as const
export type FilingStatus = (typeof filingStatuses)[number]

export type ResponseLevel = 1 | 2 | 3 | 4
export const responseLevels: readonly ResponseLevel[] = [1, 2, 3, 4]

export const responseLevelNames: Readonly<Record<ResponseLevel, { zh: string; en: string }>> = {
  1: { zh: 'Ⅰ级响应', en: 'Level I response' },
  2: { zh: 'Ⅱ级响应', en: 'Level II response' },
  3: { zh: 'Ⅲ级响应', en: 'Level III response' },
  4: { zh: 'Ⅳ级响应', en: 'Level IV response' },
}

export const drillTypes = ['tabletop', 'live'] as const
export type DrillType = (typeof drillTypes)[number]
export const drillTypeNames: Readonly<Record<DrillType, { zh: string; en: string }>> = {
  tabletop: { zh: '桌面演练', en: 'tabletop drill' },
  live: { zh: '实战演练', en: 'live drill' },
}
