/**
 * Activation criteria of a plan's response level (启动条件), as data: a small condition language
 * over IncidentFacts. A condition is either a comparison on one fact or an all/any group:
 *
 *   { all: [...] } | { any: [...] }
 *   { fact: 'deaths', op: '>=', value: 3 }             numeric facts: >= > <= < =
 *   { fact: 'hazardType', op: 'in', values: ['flood'] } text facts
 *   { fact: 'warningLevel', op: '>=', value: 'orange' } blue < yellow < orange < red
 *   { fact: 'divisionCode', op: 'within', value: '360281100000' } the division's subtree
 *
 * "以上" in plan texts means >= (the bound is included). An absent fact makes a comparison false,
 * so `any` over several criteria holds when any known fact reaches its bound. Evaluation gives the
 * clauses that held, as reasons in Chinese and English, which the commander reads before confirming.
 */
import { warningLevelInfo, warningLevels, type WarningLevel } from '../cap/warningLevels.ts'
import { isWithinDivision } from '../geo/divisionCode.ts'
import { factNames, hazardTypeNames, incidentTypeNames, numericFacts, textFacts, type IncidentFacts, type NumericFact, type TextFact } from './incidentFacts.ts'

export const numericOps = ['>=', '>', '<=', '<', '='] as const
export type NumericOp = (typeof numericOps)[number]

export type NumericComparison = { fact: NumericFact; op: NumericOp; value: number }
export type TextComparison = { fact: TextFact; op: 'in'; values: string[] }
export type WarningComparison = { fact: 'warningLevel'; op: '>='; value: WarningLevel }
export type DivisionComparison = { fact: 'divisionCode'; op: 'within'; value: string }
export type Comparison = NumericComparison | TextComparison | WarningComparison | DivisionComparison

export type Condition = { all: Condition[] } | { any: Condition[] } | Comparison

export interface Reason {
  /** The fact the held clause compares */
  fact: keyof IncidentFacts
  zh: string
  en: string
}

export interface CriteriaResult {
  matched: boolean
  /** The clauses that held (for a matched `all`: every clause; for `any`: the ones that held) */
  reasons: Reason[]
}

/** Ascending severity: blue 0 … red 3 */
function warningRank(level: WarningLevel): number {
  return 4 - warningLevelInfo[level].rank
}

const opWords: Record<NumericOp, { zh: string; en: string }> = {
  '>=': { zh: '≥', en: '≥' },
  '>': { zh: '>', en: '>' },
  '<=': { zh: '≤', en: '≤' },
  '<': { zh: '<', en: '<' },
  '=': { zh: '=', en: '=' },
}

function formatNumber(fact: NumericFact, value: number): { zh: string; en: string } {
  const unit = factNames[fact].unit
  if (fact === 'directLossYuan' && Math.abs(value) >= 10_000) {
    const wan = value / 10_000
    return { zh: `${Number(wan.toFixed(2))}万元`, en: `${value.toLocaleString('en-US')} yuan` }
  }
  return { zh: `${value}${unit?.zh ?? ''}`, en: `${value}${unit ? ` ${unit.en}` : ''}` }
}

function textValueName(fact: TextFact, value: string): { zh: string; en: string } {
  if (fact === 'hazardType' || fact === 'incidentSubtype') {
    const known = (hazardTypeNames as Record<string, { zh: string; en: string } | undefined>)[value]
    return known ?? { zh: value, en: value }
  }
  if (fact === 'incidentType') {
    const known = (incidentTypeNames as Record<string, { zh: string; en: string } | undefined>)[value]
    return known ?? { zh: value, en: value }
  }
  return { zh: value, en: value }
}

/** The clause in words, e.g. 死亡人数 ≥ 3人 / deaths ≥ 3 people */
export function describeComparison(c: Comparison): { zh: string; en: string } {
  if (c.fact === 'warningLevel') {
    const info = warningLevelInfo[c.value]
    return { zh: `预警级别达到${info.name.zh}及以上`, en: `warning level ${info.colourName.en} or higher` }
  }
  if (c.op === 'within') {
    return { zh: `发生在 ${c.value} 辖区内`, en: `within division ${c.value}` }
  }
  if (c.op === 'in') {
    const names = c.values.map((v) => textValueName(c.fact, v))
    const name = factNames[c.fact]
    return { zh: `${name.zh}为${names.map((n) => n.zh).join('、')}`, en: `${name.en} is ${names.map((n) => n.en).join(' or ')}` }
  }
  const name = factNames[c.fact]
  const value = formatNumber(c.fact, c.value)
  return { zh: `${name.zh} ${opWords[c.op].zh} ${value.zh}`, en: `${name.en} ${opWords[c.op].en} ${value.en}` }
}

/** The whole condition in words: groups in brackets, 且/and, 或/or */
export function describeCondition(c: Condition): { zh: string; en: string } {
  if ('all' in c || 'any' in c) {
    const items = 'all' in c ? c.all : c.any
    const parts = items.map((item) => {
      const d = describeCondition(item)
      return 'all' in item || 'any' in item ? { zh: `（${d.zh}）`, en: `(${d.en})` } : d
    })
    if (parts.length === 0) return 'all' in c ? { zh: '无条件', en: 'always' } : { zh: '从不', en: 'never' }
    return 'all' in c
      ? { zh: parts.map((p) => p.zh).join(' 且 '), en: parts.map((p) => p.en).join(' and ') }
      : { zh: parts.map((p) => p.zh).join(' 或 '), en: parts.map((p) => p.en).join(' or ') }
  }
  return describeComparison(c)
}

function compare(op: NumericOp, actual: number, bound: number): boolean {
  switch (op) {
    case '>=': return actual >= bound
    case '>': return actual > bound
    case '<=': return actual <= bound
    case '<': return actual < bound
    case '=': return actual === bound
  }
}

function evaluateComparison(c: Comparison, facts: IncidentFacts): CriteriaResult {
  const no: CriteriaResult = { matched: false, reasons: [] }
  const d = describeComparison(c)
  if (c.fact === 'warningLevel') {
    const actual = facts.warningLevel
    if (actual === undefined || warningRank(actual) < warningRank(c.value)) return no
    const info = warningLevelInfo[actual]
    return { matched: true, reasons: [{ fact: 'warningLevel', zh: `${d.zh}（当前${info.name.zh}）`, en: `${d.en} (now ${info.name.en})` }] }
  }
  if (c.op === 'within') {
    const actual = facts.divisionCode
    if (actual === undefined || !isWithinDivision(actual, c.value)) return no
    return { matched: true, reasons: [{ fact: 'divisionCode', zh: `${d.zh}（${actual}）`, en: `${d.en} (${actual})` }] }
  }
  if (c.op === 'in') {
    const actual = facts[c.fact]
    if (actual === undefined || !c.values.includes(actual)) return no
    const name = textValueName(c.fact, actual)
    return { matched: true, reasons: [{ fact: c.fact, zh: `${factNames[c.fact].zh}为${name.zh}`, en: `${factNames[c.fact].en} is ${name.en}` }] }
  }
  const actual = facts[c.fact]
  if (actual === undefined || !Number.isFinite(actual) || !compare(c.op, actual, c.value)) return no
  const now = formatNumber(c.fact, actual)
  return { matched: true, reasons: [{ fact: c.fact, zh: `${d.zh}（实际${now.zh}）`, en: `${d.en} (actual ${now.en})` }] }
}

/** Whether the criteria hold for the facts, and which clauses held */
export function evaluateCriteria(criteria: Condition, facts: IncidentFacts): CriteriaResult {
  if ('all' in criteria) {
    const results = criteria.all.map((c) => evaluateCriteria(c, facts))
    const matched = results.every((r) => r.matched)
    return { matched, reasons: matched ? results.flatMap((r) => r.reasons) : [] }
  }
  if ('any' in criteria) {
    const held = criteria.any.map((c) => evaluateCriteria(c, facts)).filter((r) => r.matched)
    return { matched: held.length > 0, reasons: held.flatMap((r) => r.reasons) }
  }
  return evaluateComparison(criteria, facts)
}

export interface CriteriaError {
  /** JSON path inside the criteria, e.g. 'any[1].value' */
  path: string
  message: string
  messageEn: string
}

const maxDepth = 8

/** Checks untrusted JSON (an editor's or an API client's) is a well-formed Condition. */
export function validateCriteria(input: unknown, path = '', depth = 0): CriteriaError | null {
  const at = (p: string) => (path ? `${path}.${p}` : p)
  const err = (p: string, message: string, messageEn: string): CriteriaError => ({ path: p || '(root)', message, messageEn })
  if (depth > maxDepth) return err(path, `条件嵌套超过${maxDepth}层`, `conditions nested deeper than ${maxDepth} levels`)
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return err(path, '条件必须是对象', 'a condition must be an object')
  const obj = input as Record<string, unknown>
  const keys = Object.keys(obj)
  if ('all' in obj || 'any' in obj) {
    const key = 'all' in obj ? 'all' : 'any'
    if (keys.length !== 1) return err(path, `组合条件只能有一个键 ${key}`, `a group has the single key ${key}`)
    const items = obj[key]
    if (!Array.isArray(items) || items.length === 0) return err(at(key), `${key} 必须是非空数组`, `${key} must be a non-empty array`)
    for (let i = 0; i < items.length; i++) {
      const e = validateCriteria(items[i], `${at(key)}[${i}]`, depth + 1)
      if (e) return e
    }
    return null
  }
  const fact = obj.fact
  const op = obj.op
  if (typeof fact !== 'string') return err(at('fact'), '缺少事实名 fact', 'fact is missing')
  if ((numericFacts as readonly string[]).includes(fact)) {
    if (keys.some((k) => !['fact', 'op', 'value'].includes(k))) return err(path, '数值比较只能有 fact、op、value', 'a numeric comparison has only fact, op, value')
    if (!(numericOps as readonly unknown[]).includes(op)) return err(at('op'), `比较符须为 ${numericOps.join(' ')}`, `op must be one of ${numericOps.join(' ')}`)
    if (typeof obj.value !== 'number' || !Number.isFinite(obj.value)) return err(at('value'), 'value 必须是数字', 'value must be a number')
    return null
  }
  if (fact === 'warningLevel') {
    if (keys.some((k) => !['fact', 'op', 'value'].includes(k))) return err(path, '预警级别比较只能有 fact、op、value', 'a warning comparison has only fact, op, value')
    if (op !== '>=') return err(at('op'), '预警级别只支持 >=', 'warningLevel supports only >=')
    if (!(warningLevels as readonly unknown[]).includes(obj.value)) return err(at('value'), '预警级别须为 blue/yellow/orange/red', 'value must be blue, yellow, orange or red')
    return null
  }
  if (fact === 'divisionCode' && op === 'within') {
    if (keys.some((k) => !['fact', 'op', 'value'].includes(k))) return err(path, '辖区比较只能有 fact、op、value', 'a division comparison has only fact, op, value')
    if (typeof obj.value !== 'string' || !/^[0-9]{12}$/.test(obj.value)) return err(at('value'), '行政区划代码须为12位数字', 'value must be a 12-digit division code')
    return null
  }
  if ((textFacts as readonly string[]).includes(fact)) {
    if (keys.some((k) => !['fact', 'op', 'values'].includes(k))) return err(path, '文本比较只能有 fact、op、values', 'a text comparison has only fact, op, values')
    if (op !== 'in') return err(at('op'), `${fact} 只支持 in`, `${fact} supports only in`)
    const values = obj.values
    if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string' || v.length === 0)) {
      return err(at('values'), 'values 必须是非空字符串数组', 'values must be a non-empty array of strings')
    }
    return null
  }
  return err(at('fact'), `未知的事实名 ${fact}`, `unknown fact ${fact}`)
}
