/**
 * The level of one alarm, step by step: must-hold duration on the way up, hysteresis by time on
 * the way down, and the transition a change makes. Levels are ranks: −1 none, 0 blue … 3 red.
 * One alarm per (rule, subject) changes level; it is never raised twice.
 */

export type TransitionKind = 'raised' | 'escalated' | 'de-escalated' | 'cleared'

export const noLevel = -1

/**
 * Must-hold duration (持续时间): when the condition of a level has held since `trueSince`,
 * whether it has held long enough at `now`.
 */
export function heldLongEnough(trueSince: number, now: number, holdMs: number): boolean {
  return !Number.isNaN(trueSince) && now - trueSince >= holdMs
}

/** What a change of rank is called */
export function transitionKind(from: number, to: number): TransitionKind {
  if (from === noLevel) return 'raised'
  if (to === noLevel) return 'cleared'
  return to > from ? 'escalated' : 'de-escalated'
}

export interface AlarmLevelState {
  /** Current rank (−1 none) */
  level: number
  /** Since when the conditions have pointed below the current level (NaN: they do not) */
  downSince: number
}

/**
 * Moves the alarm toward `target` at `now`: up at once, down only after the lower target has
 * persisted for `clearHoldMs`. Returns the previous rank when the level changed, else null.
 */
export function stepAlarmLevel(state: AlarmLevelState, target: number, now: number, clearHoldMs: number): number | null {
  const from = state.level
  if (target > from) {
    state.level = target
    state.downSince = NaN
    return from
  }
  if (target === from) {
    state.downSince = NaN
    return null
  }
  if (Number.isNaN(state.downSince)) state.downSince = now
  if (now - state.downSince < clearHoldMs) return null
  state.level = target
  state.downSince = NaN
  return from
}
