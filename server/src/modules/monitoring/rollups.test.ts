import { describe, expect, it } from 'vitest'
import type { ReadingRow } from './batchWriter.ts'
import { rollupsOf, type RollupRow } from './rollups.ts'

/** The same aggregation by brute force: every bucket's readings filtered out and reduced. */
function naive(rows: readonly ReadingRow[]): RollupRow[] {
  const out: RollupRow[] = []
  for (const [bucket, width] of [['1m', 60_000], ['1h', 3_600_000]] as const) {
    const keys = new Set(rows.map((r) => `${r.deviceId}|${r.metric}|${Math.floor(r.ts / width) * width}`))
    for (const key of keys) {
      const [deviceId, metric, ts] = key.split('|') as [string, string, string]
      const values = rows.filter((r) => r.deviceId === deviceId && r.metric === metric && Math.floor(r.ts / width) * width === Number(ts)).map((r) => r.value)
      out.push({ deviceId, metric, bucket, ts: Number(ts), n: values.length, sum: values.reduce((a, b) => a + b, 0), min: Math.min(...values), max: Math.max(...values) })
    }
  }
  return out
}

const sortKey = (r: RollupRow) => `${r.bucket}|${r.deviceId}|${r.metric}|${r.ts}`
const sorted = (rows: RollupRow[]) => rows.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))

describe('rollupsOf', () => {
  it('matches a brute-force aggregation on interleaved devices, metrics and out-of-order times', () => {
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    const start = Date.UTC(2026, 10, 29, 23, 0)
    const rows: ReadingRow[] = []
    for (let i = 0; i < 2000; i++) {
      // Runs of one device (as batches arrive) broken by others, times going back now and then.
      const device = i % 50 < 40 ? 'a' : random() < 0.5 ? 'b' : 'c'
      rows.push({ deviceId: device, metric: random() < 0.8 ? 'rainfall_mm' : 'level_m', ts: start + Math.floor(random() * 3 * 3_600_000), value: Math.round(random() * 100) / 10 - 2 })
    }
    const got = sorted(rollupsOf(rows))
    const want = sorted(naive(rows))
    const withoutSum = (r: RollupRow) => ({ ...r, sum: 0 })
    expect(got.map(withoutSum)).toEqual(want.map(withoutSum))
    got.forEach((r, i) => expect(r.sum).toBeCloseTo(want[i]!.sum, 9))
  })

  it('buckets on whole UTC minutes and hours, one row per bucket', () => {
    const at = Date.UTC(2026, 10, 29, 8, 59, 59, 999)
    const rows = [{ deviceId: 'a', metric: 'ppm', ts: at, value: 1 }, { deviceId: 'a', metric: 'ppm', ts: at + 1, value: 3 }]
    expect(sorted(rollupsOf(rows)).map((r) => [r.bucket, new Date(r.ts).toISOString(), r.n, r.sum])).toEqual([
      ['1h', '2026-11-29T08:00:00.000Z', 1, 1], ['1h', '2026-11-29T09:00:00.000Z', 1, 3],
      ['1m', '2026-11-29T08:59:00.000Z', 1, 1], ['1m', '2026-11-29T09:00:00.000Z', 1, 3],
    ])
  })
})
