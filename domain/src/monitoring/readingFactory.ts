/** Small factories for tests and benchmarks: readings at a fixed interval, a clock in minutes. */
import type { Reading } from './reading.ts'

export const minuteMs = 60_000
export const hourMs = 3_600_000

/** 2026-06-20 14:00 Beijing time (UTC+8), the storm day's afternoon */
export const stormStart = Date.UTC(2026, 5, 20, 6, 0, 0)

/** Time `minutes` after `stormStart` */
export function at(minutes: number): number {
  return stormStart + minutes * minuteMs
}

/** One reading per value, every `everyMinutes`, the first at `startMinutes` + everyMinutes. */
export function readingsEvery(deviceId: string, metric: string, everyMinutes: number, values: readonly number[], startMinutes = 0): Reading[] {
  return values.map((value, i) => ({ deviceId, metric, ts: at(startMinutes + (i + 1) * everyMinutes), value }))
}

/** `count` copies of `value` */
export function repeat(value: number, count: number): number[] {
  return Array.from({ length: count }, () => value)
}
