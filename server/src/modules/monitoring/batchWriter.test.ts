import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../db/rows.ts'
import { BatchWriter, type ReadingRow } from './batchWriter.ts'
import { monitoringTestApp, registerDevice, type MonitoringTestApp } from './testSupport.ts'

const minute = 60_000
const day = 86_400_000

/** A writer on the test database whose rule step records what it got, slowly when asked. */
function writerFor(t: MonitoringTestApp, options: { rulesDelayMs?: (batch: number) => number } = {}) {
  const evaluated: ReadingRow[][] = []
  const errors: unknown[] = []
  const writer = new BatchWriter(t.platform.db, {
    capacity: 100_000, flushIntervalMs: 5, flushRows: 300, flushConcurrency: 2, now: Date.now,
    onCommitted: async (rows) => {
      const delay = options.rulesDelayMs?.(evaluated.length) ?? 0
      if (delay > 0) await new Promise((r) => setTimeout(r, delay))
      evaluated.push(rows)
    },
    onError: (_message, error) => { errors.push(error) },
  })
  return { writer, evaluated, errors }
}

describe('batch writer with two batches in flight (批量写入)', () => {
  let t: MonitoringTestApp
  const devices: string[] = []
  beforeAll(async () => {
    t = await monitoringTestApp()
    for (let i = 0; i < 4; i++) devices.push((await registerDevice(t)).id)
  })
  afterAll(async () => { await t?.close() })

  it('stores every reading once, rolls them up, and hands batches to the rules in queue order', async () => {
    // Readings over two UTC days no partition exists for yet, so batches also create partitions.
    const start = Math.floor(Date.now() / day) * day - 40 * day + 23 * 60 * minute
    const { writer, evaluated, errors } = writerFor(t, { rulesDelayMs: (batch) => (batch % 2 === 0 ? 25 : 0) })
    await writer.start()
    const submissions: Promise<boolean[]>[] = []
    let ts = start
    for (let s = 0; s < 40; s++) {
      const rows = Array.from({ length: 50 }, () => ({ deviceId: devices[s % devices.length]!, metric: 'rainfall_mm', ts: (ts += minute / 4), value: 1 }))
      submissions.push(writer.submit(rows))
      if (s % 5 === 4) await new Promise((r) => setTimeout(r, 3))
    }
    const answers = await Promise.all(submissions)
    await writer.drain()
    expect(errors).toEqual([])
    expect(answers.flat().every(Boolean)).toBe(true)

    // Queue order is time order here: each batch's readings come after the previous batch's.
    expect(evaluated.length).toBeGreaterThan(2)
    const evaluatedTs = evaluated.flat().map((r) => r.ts)
    expect(evaluatedTs).toEqual([...evaluatedTs].sort((a, b) => a - b))
    expect(evaluatedTs).toHaveLength(2000)

    const [stored] = await queryRows<{ n: number; days: number }>(t.platform.db, sql`
      SELECT count(*)::int AS n, count(DISTINCT date_trunc('day', ts))::int AS days FROM monitoring.readings
      WHERE ts >= to_timestamp(${start} / 1000.0) AND ts <= to_timestamp(${ts} / 1000.0)`)
    expect(stored).toEqual({ n: 2000, days: 2 })
    const [rolled] = await queryRows<{ n: number }>(t.platform.db, sql`
      SELECT sum(n)::int AS n FROM monitoring.rollups WHERE bucket = '1m' AND ts >= to_timestamp(${start} / 1000.0) - interval '1 minute'`)
    expect(rolled?.n).toBe(2000)
    await writer.close()
  })

  it('stores a reading that two batches in flight both carry once, answering the later copy as a duplicate', async () => {
    const { writer, errors } = writerFor(t, { rulesDelayMs: () => 20 })
    await writer.start()
    const ts = Math.floor(Date.now() / minute) * minute - 30 * minute
    const reading = { deviceId: devices[0]!, metric: 'level_m', ts, value: 3.2 }
    // More than flushRows (300) before the copy: the copy goes in the next batch.
    const filler = Array.from({ length: 300 }, (_, i) => ({ deviceId: devices[1]!, metric: 'level_m', ts: ts + i * 1000, value: 1 }))
    const first = writer.submit([reading])
    const fill = writer.submit(filler)
    const copy = writer.submit([{ ...reading }])
    const [a, , b] = await Promise.all([first, fill, copy])
    await writer.drain()
    expect(errors).toEqual([])
    expect([a, b]).toEqual([[true], [false]])
    expect(writer.stats()).toMatchObject({ storedTotal: 301, duplicateTotal: 1, queueDepth: 0, oldestUnprocessedAgeMs: 0 })
    const [row] = await queryRows<{ n: number }>(t.platform.db, sql`
      SELECT count(*)::int AS n FROM monitoring.readings WHERE device_id = ${devices[0]} AND metric = 'level_m' AND ts = to_timestamp(${ts} / 1000.0)`)
    expect(row?.n).toBe(1)
    await writer.close()
  })

  it('drain() returns only after the rules of every batch have run', async () => {
    const { writer, evaluated } = writerFor(t, { rulesDelayMs: () => 40 })
    await writer.start()
    const ts = Math.floor(Date.now() / minute) * minute - 20 * minute
    void writer.submit(Array.from({ length: 500 }, (_, i) => ({ deviceId: devices[2]!, metric: 'rainfall_mm', ts: ts + i * 1000, value: 0.5 })))
    await writer.drain()
    expect(evaluated.flat()).toHaveLength(500)
    await writer.close()
  })
})
