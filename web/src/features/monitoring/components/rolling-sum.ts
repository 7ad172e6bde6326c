import type { ReadingPoint } from '../api/types.ts'

/**
 * The accumulation over the trailing `windowMs` at each point (e.g. 3 h rainfall, 3小时累计雨量,
 * the measure the 暴雨预警信号 bands are set on), from per-report increments sorted by time.
 */
export function rollingSum(points: readonly ReadingPoint[], windowMs: number): ReadingPoint[] {
  const times = points.map((point) => Date.parse(point.ts))
  const sums: ReadingPoint[] = []
  let start = 0
  let sum = 0
  for (let end = 0; end < points.length; end++) {
    sum += points[end]!.value
    while (times[start]! <= times[end]! - windowMs) sum -= points[start++]!.value
    sums.push({ ts: points[end]!.ts, value: Math.round(sum * 1000) / 1000 })
  }
  return sums
}
