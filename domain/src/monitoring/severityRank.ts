/**
 * Alarms use the four warning levels (预警级别) of domain/src/cap/warningLevels.ts. The engine
 * compares them by rank in ascending severity: 0 蓝 blue < 1 黄 yellow < 2 橙 orange < 3 红 red
 * (−1: no alarm).
 */
import type { WarningLevel } from '../cap/warningLevels.ts'

/** Ascending severity: the index is the rank */
export const levelsBySeverity: readonly WarningLevel[] = ['blue', 'yellow', 'orange', 'red']

export function severityRank(level: WarningLevel): number {
  return levelsBySeverity.indexOf(level)
}
