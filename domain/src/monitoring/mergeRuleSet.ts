/**
 * Per-device overrides: a device type's default rule set merged with what one device changes.
 * Parameters take the last word in this order: the rule's own, the override's `params` (for
 * every rule, e.g. a station's `warningLevelM` or the device's `expectedIntervalMs`), then the
 * override's per-rule `params`. A rule can be switched off, and rules added or replaced by id.
 */
import { resolveRule } from './resolveRule.ts'
import type { ResolvedRule, RuleDefinition, RuleProblem } from './ruleDefinition.ts'

export interface RuleOverride {
  disabled?: boolean
  params?: Record<string, number | null>
}

export interface RuleSetOverride {
  params?: Record<string, number | null>
  rules?: Record<string, RuleOverride>
  /** Added rules; one with a default rule's id replaces it */
  add?: RuleDefinition[]
}

/** The merged definitions (still with parameter references), and problems with the override. */
export function mergeRuleSet(defaults: readonly RuleDefinition[], override: RuleSetOverride = {}): { rules: RuleDefinition[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = []
  const byId = new Map<string, RuleDefinition>()
  for (const rule of defaults) byId.set(rule.id, rule)
  for (const rule of override.add ?? []) byId.set(rule.id, rule)
  for (const id of Object.keys(override.rules ?? {})) {
    if (!byId.has(id)) problems.push({ ruleId: id, field: `rules.${id}`, message: `没有编号为 ${id} 的规则`, messageEn: `There is no rule ${id}` })
  }
  const rules: RuleDefinition[] = []
  for (const rule of byId.values()) {
    const own = override.rules?.[rule.id]
    if (own?.disabled) continue
    rules.push({ ...rule, params: { ...rule.params, ...override.params, ...own?.params } })
  }
  return { rules, problems }
}

/** Merge, then resolve every rule: what `RuleEngine.assign` takes, and every problem found. */
export function resolveRuleSet(defaults: readonly RuleDefinition[], override?: RuleSetOverride): { rules: ResolvedRule[]; problems: RuleProblem[] } {
  const merged = mergeRuleSet(defaults, override)
  const problems = [...merged.problems]
  const rules: ResolvedRule[] = []
  for (const definition of merged.rules) {
    const result = resolveRule(definition)
    problems.push(...result.problems)
    if (result.rule) rules.push(result.rule)
  }
  return { rules, problems }
}
