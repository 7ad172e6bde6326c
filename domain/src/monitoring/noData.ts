/**
 * No-data rule (数据中断): a device that has sent no reading for `missedIntervals` × its
 * expected reporting interval. `lastSeen` is the newest reading's timestamp, or — before the
 * first reading — when the device was put under the rule.
 */
export function isNoData(now: number, lastSeen: number, expectedIntervalMs: number, missedIntervals: number): boolean {
  if (!Number.isFinite(lastSeen)) return false
  return now - lastSeen >= expectedIntervalMs * missedIntervals
}
