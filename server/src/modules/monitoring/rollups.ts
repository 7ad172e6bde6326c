/**
 * Rollups (汇总) of a committed batch, aggregated here rather than by a GROUP BY over the
 * inserted rows: one row per (device, metric, bucket, bucket start), which the writer adds to
 * the stored rollups in the batch's transaction. Buckets start on whole UTC minutes and hours,
 * as `date_trunc` does in the database's UTC session.
 */
import type { ReadingRow } from './batchWriter.ts'

export type RollupBucket = '1m' | '1h'

export interface RollupRow {
  deviceId: string
  metric: string
  bucket: RollupBucket
  /** Bucket start, epoch ms */
  ts: number
  n: number
  sum: number
  min: number
  max: number
}

const widths: readonly (readonly [RollupBucket, number])[] = [['1m', 60_000], ['1h', 3_600_000]]

/** The minute and hour rollups of `rows` (each row counted once). */
export function rollupsOf(rows: readonly ReadingRow[]): RollupRow[] {
  const byKey = new Map<string, RollupRow>()
  // A device's readings mostly arrive together: the previous row's bucket is looked up first.
  const last: (RollupRow | undefined)[] = widths.map(() => undefined)
  for (const r of rows) {
    for (let w = 0; w < widths.length; w++) {
      const [bucket, width] = widths[w]!
      const ts = Math.floor(r.ts / width) * width
      let rollup = last[w]
      if (!rollup || rollup.ts !== ts || rollup.deviceId !== r.deviceId || rollup.metric !== r.metric) {
        const key = `${r.deviceId}|${r.metric}|${bucket}|${ts}`
        rollup = byKey.get(key)
        if (!rollup) {
          byKey.set(key, (last[w] = { deviceId: r.deviceId, metric: r.metric, bucket, ts, n: 1, sum: r.value, min: r.value, max: r.value }))
          continue
        }
        last[w] = rollup
      }
      rollup.n++
      rollup.sum += r.value
      if (r.value < rollup.min) rollup.min = r.value
      if (r.value > rollup.max) rollup.max = r.value
    }
  }
  return [...byKey.values()]
}
