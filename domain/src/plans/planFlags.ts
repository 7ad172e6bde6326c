/**
 * Plan management flags (预案管理提醒), emergency-plans.md §2–§5:
 *  - 备案 filing: the approving body files the issued plan within 20 working days after issuance
 *    (突发事件应急预案管理办法 国办发〔2024〕5号 第二十六条, V). Working days skip Saturdays and
 *    Sundays; public holidays and make-up working days (调休) are configuration (a deployment lists
 *    them), not built in.
 *  - 修订/评估 revision: a stored revision-due date wins; otherwise effective date + 3 years
 *    (county-level governments and departments evaluate plans every 3 years — V1; enterprises
 *    every 3 years — NV). Configuration.
 *  - 演练 drills: special and department plans at least once every 3 years (V-2013; 2024 NV);
 *    enterprise comprehensive/special plans at least once a year (生产安全事故应急预案管理办法, V);
 *    on-site disposal plans every 6 months (V) — a plan stores its own interval to say so. The
 *    overall and grass-roots plans' intervals are NV (3 years used). A plan may set its own
 *    interval (e.g. a flood plan drilled before every flood season: 12 months), which wins.
 * Dates are ISO calendar dates (YYYY-MM-DD); `today` is passed in.
 */
import type { FilingStatus, PlanStatus, PlanType } from './planTypes.ts'

export interface PlanRulesConfig {
  filingWorkingDays: number
  revisionIntervalYears: number
  /** Default drill interval by plan type, months; null: no periodic drill (e.g. a one-off event plan) */
  drillIntervalMonths: Readonly<Record<PlanType, number | null>>
  /** Public holidays (non-working weekdays), YYYY-MM-DD */
  holidays: readonly string[]
  /** Make-up working days falling on weekends (调休上班), YYYY-MM-DD */
  extraWorkingDays: readonly string[]
  /** Flag a revision or drill as "due soon" this many days ahead */
  dueSoonDays: number
}

export const defaultPlanRules: PlanRulesConfig = {
  filingWorkingDays: 20, // 国办发〔2024〕5号 Art. 26 (V)
  revisionIntervalYears: 3, // V1
  drillIntervalMonths: {
    overall: 36, // NV
    special: 36, // V-2013
    department: 36, // V-2013
    grassroots: 36, // NV
    enterprise: 12, // 应急管理部令第2号 (V): comprehensive/special ≥ 1 per year
    majorEvent: null, // one-off: no periodic drill
  },
  holidays: [],
  extraWorkingDays: [],
  dueSoonDays: 60,
}

export interface PlanForFlags {
  type: PlanType
  status: PlanStatus
  /** 发布/印发日期 */
  issuedOn: string | null
  effectiveOn: string | null
  /** Stored revision/evaluation due date, if any */
  revisionDue: string | null
  filingStatus: FilingStatus
  filedOn: string | null
  /** Plan-specific drill interval; null: the type's default */
  drillIntervalMonths: number | null
  /** Date of the last drill, null: never drilled */
  lastDrillOn: string | null
}

export const planFlagKinds = ['revisionOverdue', 'revisionDueSoon', 'filingMissing', 'filingOverdue', 'drillOverdue', 'drillDueSoon'] as const
export type PlanFlagKind = (typeof planFlagKinds)[number]

export interface PlanFlag {
  kind: PlanFlagKind
  severity: 'error' | 'warning'
  /** The date the obligation fell or falls due */
  dueOn: string
  message: string
  messageEn: string
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}
function format(d: Date): string {
  return d.toISOString().slice(0, 10)
}
export function addMonths(date: string, months: number): string {
  const d = parse(date)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return format(d)
}
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000)
}

/** The date `n` working days after `date` (the issuance day itself not counted) */
export function addWorkingDays(date: string, n: number, rules: Pick<PlanRulesConfig, 'holidays' | 'extraWorkingDays'> = defaultPlanRules): string {
  const holidays = new Set(rules.holidays)
  const extra = new Set(rules.extraWorkingDays)
  const d = parse(date)
  let left = n
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    const iso = format(d)
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6
    const working = extra.has(iso) || (!weekend && !holidays.has(iso))
    if (working) left--
  }
  return format(d)
}

export function drillIntervalOf(plan: Pick<PlanForFlags, 'type' | 'drillIntervalMonths'>, rules: PlanRulesConfig = defaultPlanRules): number | null {
  return plan.drillIntervalMonths ?? rules.drillIntervalMonths[plan.type]
}

export function revisionDueOf(plan: Pick<PlanForFlags, 'revisionDue' | 'effectiveOn' | 'issuedOn'>, rules: PlanRulesConfig = defaultPlanRules): string | null {
  if (plan.revisionDue) return plan.revisionDue
  const from = plan.effectiveOn ?? plan.issuedOn
  return from ? addMonths(from, rules.revisionIntervalYears * 12) : null
}

/** Flags of an effective plan on `today`; drafts and superseded plans carry none */
export function planFlags(plan: PlanForFlags, today: string, rules: PlanRulesConfig = defaultPlanRules): PlanFlag[] {
  if (plan.status !== 'effective') return []
  const flags: PlanFlag[] = []

  const revisionDue = revisionDueOf(plan, rules)
  if (revisionDue) {
    const left = daysBetween(today, revisionDue)
    if (left < 0) {
      flags.push({ kind: 'revisionOverdue', severity: 'error', dueOn: revisionDue, message: `预案评估修订已逾期${-left}天（应于${revisionDue}前）`, messageEn: `revision overdue by ${-left} days (due ${revisionDue})` })
    } else if (left <= rules.dueSoonDays) {
      flags.push({ kind: 'revisionDueSoon', severity: 'warning', dueOn: revisionDue, message: `预案应于${revisionDue}前评估修订（还剩${left}天）`, messageEn: `revision due ${revisionDue} (${left} days left)` })
    }
  }

  if (plan.filingStatus !== 'notRequired' && plan.issuedOn) {
    const filingDue = addWorkingDays(plan.issuedOn, rules.filingWorkingDays, rules)
    if (plan.filingStatus === 'filed') {
      if (plan.filedOn && plan.filedOn > filingDue) {
        flags.push({ kind: 'filingOverdue', severity: 'warning', dueOn: filingDue, message: `备案晚于期限（${plan.filedOn}备案，应于${filingDue}前）`, messageEn: `filed late (${plan.filedOn}, due ${filingDue})` })
      }
    } else if (today > filingDue) {
      flags.push({ kind: 'filingOverdue', severity: 'error', dueOn: filingDue, message: `未按期备案：应于印发后${rules.filingWorkingDays}个工作日内（${filingDue}前）备案`, messageEn: `not filed: due within ${rules.filingWorkingDays} working days of issuance (${filingDue})` })
    } else {
      flags.push({ kind: 'filingMissing', severity: 'warning', dueOn: filingDue, message: `尚未备案，应于${filingDue}前备案`, messageEn: `not yet filed, due ${filingDue}` })
    }
  }

  const interval = drillIntervalOf(plan, rules)
  const since = plan.lastDrillOn ?? plan.effectiveOn ?? plan.issuedOn
  if (interval !== null && since) {
    const drillDue = addMonths(since, interval)
    const left = daysBetween(today, drillDue)
    const last = plan.lastDrillOn ? `上次演练${plan.lastDrillOn}` : '从未演练'
    const lastEn = plan.lastDrillOn ? `last drill ${plan.lastDrillOn}` : 'never drilled'
    if (left < 0) {
      flags.push({ kind: 'drillOverdue', severity: 'error', dueOn: drillDue, message: `演练逾期：${last}，应每${interval}个月至少演练一次（${drillDue}前）`, messageEn: `drill overdue: ${lastEn}, at least one drill every ${interval} months (due ${drillDue})` })
    } else if (left <= rules.dueSoonDays) {
      flags.push({ kind: 'drillDueSoon', severity: 'warning', dueOn: drillDue, message: `应于${drillDue}前组织演练（${last}）`, messageEn: `drill due ${drillDue} (${lastEn})` })
    }
  }
  return flags
}
