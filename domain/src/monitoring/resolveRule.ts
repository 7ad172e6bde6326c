/**
 * Fills a rule's parameters in and checks it, giving the all-numbers rule the evaluator runs.
 * A level whose condition uses a parameter set to `null` is switched off; a rule with no level
 * left is off (`rule: null`, no problem). Problems are returned as values, in zh and en.
 */
import type { Condition, LevelRule, Measure, ParamRef, ResolvedRule, RuleDefinition, RuleProblem } from './ruleDefinition.ts'
import { isWarningLevel } from '../cap/warningLevels.ts'

export interface ResolvedRuleResult {
  /** null when the rule is off or has problems */
  rule: ResolvedRule | null
  problems: RuleProblem[]
}

/** Thrown inside resolution when a level uses a parameter set to null */
class LevelOff {}

export function resolveRule(definition: RuleDefinition): ResolvedRuleResult {
  const problems: RuleProblem[] = []
  const ruleId = typeof definition.id === 'string' ? definition.id : ''
  const problem = (field: string, message: string, messageEn: string) => problems.push({ ruleId, field, message, messageEn })
  if (!ruleId) problem('id', '规则缺少编号', 'The rule has no id')
  const params = definition.params ?? {}

  const number = (ref: ParamRef | undefined, field: string, fallback: number | null, check: 'any' | 'nonNegative' | 'positive'): number => {
    let value: number | null | undefined
    if (ref === undefined) value = fallback
    else if (typeof ref === 'number') value = ref
    else if (ref && typeof ref.param === 'string') {
      if (!(ref.param in params)) {
        problem(field, `缺少参数 ${ref.param}`, `Parameter ${ref.param} is missing`)
        return NaN
      }
      value = params[ref.param]
      if (value === null) throw new LevelOff()
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problem(field, '应为有限数值', 'Must be a finite number')
      return NaN
    }
    if (check === 'nonNegative' && value < 0) problem(field, '不能为负数', 'Must not be negative')
    if (check === 'positive' && value <= 0) problem(field, '应大于0', 'Must be greater than 0')
    return value
  }

  const measure = (m: Measure, field: string): Measure<number> => {
    switch (m?.kind) {
      case 'latest':
        return { kind: 'latest' }
      case 'sum':
        return { kind: 'sum', windowMs: number(m.windowMs, `${field}.windowMs`, null, 'positive') }
      case 'rate': {
        const windowMs = number(m.windowMs, `${field}.windowMs`, null, 'positive')
        return {
          kind: 'rate',
          windowMs,
          perMs: number(m.perMs, `${field}.perMs`, null, 'positive'),
          minSpanMs: number(m.minSpanMs, `${field}.minSpanMs`, windowMs / 2, 'nonNegative'),
        }
      }
      default:
        problem(`${field}.kind`, '度量方式应为 latest、sum 或 rate', 'The measure must be latest, sum or rate')
        return { kind: 'latest' }
    }
  }

  const condition = (c: Condition, field: string): Condition<number> => {
    switch (c?.kind) {
      case 'threshold': {
        if (typeof c.metric !== 'string' || !c.metric) problem(`${field}.metric`, '缺少监测指标', 'The metric is missing')
        if (c.direction !== 'above' && c.direction !== 'below') problem(`${field}.direction`, '方向应为 above 或 below', 'The direction must be above or below')
        return {
          kind: 'threshold',
          ...(c.device === undefined ? {} : { device: c.device }),
          metric: c.metric,
          measure: measure(c.measure, `${field}.measure`),
          direction: c.direction,
          value: number(c.value, `${field}.value`, null, 'any'),
          deadband: number(c.deadband, `${field}.deadband`, 0, 'nonNegative'),
        }
      }
      case 'noData':
        return {
          kind: 'noData',
          ...(c.device === undefined ? {} : { device: c.device }),
          ...(c.metric === undefined ? {} : { metric: c.metric }),
          expectedIntervalMs: number(c.expectedIntervalMs, `${field}.expectedIntervalMs`, null, 'positive'),
          missedIntervals: number(c.missedIntervals, `${field}.missedIntervals`, null, 'positive'),
        }
      case 'all':
      case 'any':
        if (!Array.isArray(c.of) || c.of.length === 0) {
          problem(`${field}.of`, '组合条件至少需要一个子条件', 'A composite condition needs at least one condition')
          return { kind: c.kind, of: [] }
        }
        return { kind: c.kind, of: c.of.map((child, i) => condition(child, `${field}.of[${i}]`)) }
      default:
        problem(`${field}.kind`, '条件类型应为 threshold、noData、all 或 any', 'The condition must be threshold, noData, all or any')
        return { kind: 'all', of: [] }
    }
  }

  const levels: LevelRule<number>[] = []
  const seen = new Set<string>()
  const levelList = Array.isArray(definition.levels) ? definition.levels : []
  if (!Array.isArray(definition.levels)) problem('levels', '缺少预警级别', 'The levels are missing')
  levelList.forEach((level, i) => {
    const field = `levels[${i}]`
    if (typeof level?.level !== 'string' || !isWarningLevel(level.level)) problem(`${field}.level`, '预警级别应为 blue、yellow、orange 或 red', 'The level must be blue, yellow, orange or red')
    else if (seen.has(level.level)) problem(`${field}.level`, `预警级别 ${level.level} 重复`, `Level ${level.level} appears twice`)
    else seen.add(level.level)
    try {
      levels.push({ level: level.level, when: condition(level.when, `${field}.when`), holdMs: number(level.holdMs, `${field}.holdMs`, 0, 'nonNegative') })
    } catch (error) {
      if (!(error instanceof LevelOff)) throw error
    }
  })
  let clearHoldMs = 0
  try {
    clearHoldMs = number(definition.clearHoldMs, 'clearHoldMs', 0, 'nonNegative')
  } catch (error) {
    if (!(error instanceof LevelOff)) throw error
  }

  if (problems.length > 0 || levels.length === 0) return { rule: null, problems }
  return {
    rule: {
      id: ruleId,
      name: definition.name,
      ...(definition.source === undefined ? {} : { source: definition.source }),
      levels,
      clearHoldMs,
    },
    problems,
  }
}
