/**
 * Builds the common rule shape: one metric, one measure, a threshold per warning level, each a
 * named parameter so a device can override it. A stage whose value is `undefined` has no
 * default: the device must supply it (a river station's 警戒水位); `null` switches it off.
 */
import type { Measure, RuleDefinition } from './ruleDefinition.ts'
import type { WarningLevel } from '../cap/warningLevels.ts'

export interface ThresholdStage {
  level: WarningLevel
  /** Parameter name of the stage's threshold */
  param: string
  value?: number | null
}

export interface ThresholdRuleSpec {
  id: string
  name: { zh: string; en: string }
  source: string
  metric: string
  measure: Measure<number>
  direction: 'above' | 'below'
  stages: readonly ThresholdStage[]
  deadband: number
  /** Must-hold duration of every stage */
  holdMs: number
  clearHoldMs: number
}

export function thresholdRule(spec: ThresholdRuleSpec): RuleDefinition {
  const params: Record<string, number | null> = { deadband: spec.deadband, holdMs: spec.holdMs, clearHoldMs: spec.clearHoldMs }
  for (const stage of spec.stages) if (stage.value !== undefined) params[stage.param] = stage.value
  return {
    id: spec.id,
    name: spec.name,
    source: spec.source,
    params,
    levels: spec.stages.map((stage) => ({
      level: stage.level,
      holdMs: { param: 'holdMs' },
      when: {
        kind: 'threshold',
        metric: spec.metric,
        measure: spec.measure,
        direction: spec.direction,
        value: { param: stage.param },
        deadband: { param: 'deadband' },
      },
    })),
    clearHoldMs: { param: 'clearHoldMs' },
  }
}
